"""Media models shared by every app: images with required alt text and credit, documents."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from cms.images import without_metadata


class CustomImage(AbstractImage):
    # Wagtail's own ``description`` is the alt text; here it is required (WCAG 1.1.1).
    description = models.CharField(
        _("alt text"),
        max_length=255,
        help_text=_(
            "Describe briefly what the image shows for a reader who cannot see it. "
            "Required: an image cannot be saved without alternative text."
        ),
    )
    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_("Photographer or source, e.g. “Photo: Maija Meikäläinen / Example ry”."),
    )

    admin_form_fields = (*Image.admin_form_fields, "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    @property
    def default_alt_text(self):
        return self.description

    def save(self, *args, **kwargs):
        if self.file and not getattr(self.file, "_committed", True):  # a new upload
            cleaned = without_metadata(self.file)
            if cleaned is not None:
                self.file = cleaned
                self._set_image_file_metadata()
        super().save(*args, **kwargs)


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, related_name="renditions", on_delete=models.CASCADE)

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class CustomDocument(AbstractDocument):
    description = models.CharField(
        _("description"),
        max_length=500,
        blank=True,
        help_text=_("A short description of the file, shown next to the download link."),
    )
    # Text extracted from PDF/Office files for search (filled by the search app).
    extracted_text = models.TextField(blank=True, editable=False)

    admin_form_fields = (*Document.admin_form_fields, "description")

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")


class WebhookDelivery(models.Model):
    """One signed notification to one frontend URL, with its delivery history (the log)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        RETRYING = "retrying", _("retrying")
        DELIVERED = "delivered", _("delivered")
        FAILED = "failed", _("failed")

    # The id is also the Idempotency-Key the receiver sees on every attempt.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    event = models.CharField(_("event"), max_length=40)
    url = models.URLField(_("URL"), max_length=500)
    payload = models.JSONField(_("payload"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_status_code = models.PositiveSmallIntegerField(
        _("last HTTP status"), null=True, blank=True
    )
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.event} → {self.url} ({self.status})"
