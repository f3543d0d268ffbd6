"""The read model: each visible item's public card and detail per language, stored once per
change so that a listing or a detail is one indexed query (``guidance.read_model``)."""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.db import models

# Each taxonomy's column of term ids (the API's taxonomy names, as in ``TAXONOMY_FIELDS``).
TERM_COLUMNS = {
    "keywords": "keyword_ids",
    "themes": "theme_ids",
    "target_groups": "target_group_ids",
    "sectors": "sector_ids",
    "settings": "setting_ids",
}


class ReadItem(models.Model):
    """What ``GET /api/v1/content/`` and ``/content/{id}/`` serve for one item in one language:
    the page ``visible_content(language)`` picks (its own version or the Finnish fallback), the
    columns listings filter and sort on, and the JSON already shaped by ``ContentCardOut`` and
    ``ContentDetailOut``. The two fields that change with the date (``review_overdue``,
    ``quality_status``) are added when served, from ``next_review_due`` and
    ``last_approved_at``; related items are read at serve time from the other rows."""

    translation_key = models.UUIDField()
    language = models.CharField(max_length=8)
    # No database constraint: a page's deletion tells wagtail's listeners it is unpublished
    # before its rows go, and the rows it leaves are pruned once it is gone (guidance.signals).
    page = models.ForeignKey(
        "guidance.ContentPage",
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    content_type_id = models.IntegerField()
    tree_path = models.CharField(max_length=255)
    url_paths = ArrayField(models.CharField(max_length=255), default=list)
    title = models.CharField(max_length=255)
    first_published_at = models.DateTimeField(null=True)
    last_published_at = models.DateTimeField(null=True)
    listed = models.BooleanField(default=True)
    keyword_ids = ArrayField(models.IntegerField(), default=list)
    theme_ids = ArrayField(models.IntegerField(), default=list)
    target_group_ids = ArrayField(models.IntegerField(), default=list)
    sector_ids = ArrayField(models.IntegerField(), default=list)
    setting_ids = ArrayField(models.IntegerField(), default=list)
    next_review_due = models.DateField(null=True)
    last_approved_at = models.DateTimeField(null=True)
    card = models.TextField()
    detail = models.TextField()
    built_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "language"], name="guidance_read_item_key"
            )
        ]
        # GIN indexes without a pending list: a row is findable by path or term at once and a
        # lookup never scans a long unmerged list after a rebuild (1.6 ms against 0.08 ms).
        indexes = [
            models.Index(fields=["language", "-first_published_at", "-page"], name="read_newest"),
            models.Index(fields=["language", "title"], name="read_title"),
            models.Index(fields=["language", "last_published_at"], name="read_updated"),
            models.Index(
                fields=["tree_path"], name="read_tree_path", opclasses=["varchar_pattern_ops"]
            ),
            GinIndex(fields=["url_paths"], name="read_url_paths", fastupdate=False),
            GinIndex(fields=["keyword_ids"], name="read_keywords", fastupdate=False),
            GinIndex(fields=["theme_ids"], name="read_themes", fastupdate=False),
            GinIndex(fields=["target_group_ids"], name="read_target_groups", fastupdate=False),
            GinIndex(fields=["sector_ids"], name="read_sectors", fastupdate=False),
            GinIndex(fields=["setting_ids"], name="read_settings", fastupdate=False),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.language})"


class ReadItemPending(models.Model):
    """An item whose rows could not be written with the change that touched it (rendering
    failed, or the change touched too many items to render in the editor's request). Written
    in the same transaction as the change; the task worker renders it and removes the mark,
    retrying with a growing delay."""

    translation_key = models.UUIDField(unique=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    marked_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return str(self.translation_key)
