"""Counsellors' suggestions of methods and materials for the editors."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentSuggestion(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("new")
        REVIEWING = "reviewing", _("under consideration")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("link"), max_length=500, blank=True)
    description = models.TextField(_("description"), max_length=2000)
    # Given by the counsellor for the editors to answer (personal data: exported and erased).
    contact_email = models.EmailField(_("contact email"), blank=True)
    language = models.CharField(_("language"), max_length=8, default="fi")
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.NEW, db_index=True
    )
    editor_note = models.TextField(_("editor's note"), blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        verbose_name = _("content suggestion")
        verbose_name_plural = _("content suggestions")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title
