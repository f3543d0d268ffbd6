"""The search index (one row per language version of a published item or discussion thread)
and anonymous search statistics."""

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Func
from django.utils.translation import gettext_lazy as _

FACET_FIELDS = {  # API facet name → SearchDocument field
    "keywords": "keyword_keys",
    "themes": "theme_keys",
    "target_groups": "target_group_keys",
    "sectors": "sector_keys",
    "settings": "setting_keys",
}


class ArrayCat(Func):
    function = "array_cat"
    arity = 2


def _all_facet_keys():
    """keyword_keys || theme_keys || … : every term key of the five taxonomies, in one array."""
    fields = list(FACET_FIELDS.values())
    expression = F(fields[0])
    for name in fields[1:]:
        expression = ArrayCat(expression, F(name))
    return expression


class SearchDocument(models.Model):
    """What search sees of one public object in one language.

    Rows exist only for live, public content (and visible threads): publishing writes the row,
    unpublishing, deleting or hiding removes it, so drafts never reach the index. View
    restrictions are also applied at query time by ``tree_path``.
    """

    class ObjectType(models.TextChoices):
        PAGE = "page", _("content item")
        THREAD = "thread", _("discussion thread")

    object_type = models.CharField(max_length=16, choices=ObjectType.choices)
    object_id = models.BigIntegerField()
    translation_key = models.UUIDField(null=True, blank=True)
    language = models.CharField(max_length=8)
    result_type = models.CharField(max_length=20)  # article, method, …, discussion
    title = models.CharField(max_length=500)
    keyword_names = models.TextField(blank=True)  # keyword labels in this language
    summary = models.TextField(blank=True)
    text = models.TextField(blank=True)  # plain text for snippets
    path = models.CharField(max_length=1000, blank=True)  # frontend path
    tree_path = models.CharField(max_length=255, blank=True)  # Wagtail tree path
    section_key = models.UUIDField(null=True, blank=True)
    topic_key = models.UUIDField(null=True, blank=True)
    keyword_keys = ArrayField(models.UUIDField(), default=list, blank=True)
    theme_keys = ArrayField(models.UUIDField(), default=list, blank=True)
    target_group_keys = ArrayField(models.UUIDField(), default=list, blank=True)
    sector_keys = ArrayField(models.UUIDField(), default=list, blank=True)
    setting_keys = ArrayField(models.UUIDField(), default=list, blank=True)
    # The five taxonomies' keys in one array, kept by PostgreSQL: the workers' facet bitmaps
    # (search.facet_counts) are grouped from it after each write of the index.
    facet_keys = models.GeneratedField(
        expression=_all_facet_keys(),
        output_field=ArrayField(models.UUIDField()),
        db_persist=True,
    )
    published_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(null=True, blank=True)
    # Analysed lexemes, weighted A (title, keywords) to D (attachments).
    vector = SearchVectorField(null=True)
    # Surface forms only, for exact and prefix matches and suggestions.
    exact_vector = SearchVectorField(null=True)

    class Meta:
        verbose_name = _("search document")
        constraints = [
            models.UniqueConstraint(
                fields=["object_type", "object_id"], name="search_document_unique_object"
            )
        ]
        indexes = [
            GinIndex(fields=["vector"], name="search_doc_vector"),
            GinIndex(fields=["exact_vector"], name="search_doc_exact_vector"),
            models.Index(fields=["translation_key", "language"], name="search_doc_key_lang"),
            models.Index(fields=["language", "result_type"], name="search_doc_lang_type"),
        ]

    def __str__(self):
        return f"{self.object_type}:{self.object_id} ({self.language}) {self.title}"


class SearchQueryStat(models.Model):
    """How often a normalised query was searched in a week, and how often it found nothing.

    No user, session or IP is stored: only the words, the language and counters."""

    week = models.DateField(_("week starting"))
    language = models.CharField(_("language"), max_length=8)
    query = models.CharField(_("query"), max_length=200)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    zero_results = models.PositiveIntegerField(_("searches without results"), default=0)
    # What search offered or showed instead ("did you mean"), the last time; "" for none.
    corrected_query = models.CharField(_("corrected to"), max_length=200, blank=True, default="")

    class Meta:
        verbose_name = _("search statistic")
        verbose_name_plural = _("search statistics")
        constraints = [
            models.UniqueConstraint(
                fields=["week", "language", "query"], name="search_query_stat_unique"
            )
        ]
        indexes = [models.Index(fields=["week", "-searches"], name="search_stat_week")]


class SearchTerm(models.Model):
    """The index's vocabulary: each word form that occurs in one language's documents, with the
    form folded to plain letters (``työnhakija`` → ``tyonhakija``) and how many documents hold
    it. Spelling corrections are chosen from it (``search.spelling``), so a correction always
    finds something. Written with the documents; rebuilt with ``rebuild_search_index``."""

    language = models.CharField(max_length=8)
    term = models.CharField(max_length=60)
    folded = models.CharField(max_length=60)
    documents = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("search term")
        constraints = [
            models.UniqueConstraint(fields=["language", "term"], name="search_term_unique")
        ]
        indexes = [
            GinIndex(fields=["folded"], opclasses=["gin_trgm_ops"], name="search_term_trigrams"),
            models.Index(
                fields=["language", "folded"],
                opclasses=["varchar_pattern_ops", "varchar_pattern_ops"],
                name="search_term_folded",
            ),
        ]

    def __str__(self):
        return f"{self.term} ({self.language})"
