"""Anonymous usage counts, keyed by translation_key so that all language versions add up."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentViewDay(models.Model):
    translation_key = models.UUIDField(_("content item"), db_index=True)
    day = models.DateField(_("day"))
    views = models.PositiveIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("daily views")
        verbose_name_plural = _("daily views")
        constraints = [
            models.UniqueConstraint(fields=["translation_key", "day"], name="unique_view_day")
        ]
        indexes = [models.Index(fields=["day", "translation_key"])]
