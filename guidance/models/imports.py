"""The log of training imports from Opintopolku."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportRun(models.Model):
    class Status(models.TextChoices):
        RUNNING = "running", _("running")
        SUCCEEDED = "succeeded", _("succeeded")
        PARTIAL = "partial", _("partial: nothing retired")
        FAILED = "failed", _("failed: nothing retired")
        HELD = "held", _("held: too many removals for an editor to confirm")

    source = models.CharField(_("source"), max_length=32, default="opintopolku")
    started_at = models.DateTimeField(_("started"), auto_now_add=True, db_index=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.RUNNING
    )
    dry_run = models.BooleanField(_("dry run"), default=False)
    fetched = models.PositiveIntegerField(_("fetched"), default=0)
    total = models.PositiveIntegerField(_("reported total"), default=0)
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    retired = models.PositiveIntegerField(_("retired"), default=0)
    skipped = models.PositiveIntegerField(_("skipped"), default=0)
    errors = models.PositiveIntegerField(_("errors"), default=0)
    # [{"level": "skip"|"error"|"info", "oid": "...", "message": "..."}]
    messages = models.JSONField(_("messages"), default=list, blank=True)
    held_oids = models.JSONField(_("removals held for review"), default=list, blank=True)

    class Meta:
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")
        ordering = ["-started_at"]

    def __str__(self):
        return f"{self.source} {self.started_at:%Y-%m-%d %H:%M} ({self.get_status_display()})"

    def note(self, level, message, oid=""):
        self.messages.append({"level": level, "oid": oid, "message": message[:500]})
