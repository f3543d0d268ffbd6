"""Building and writing search documents for content pages.

A page is indexed from its live database row (never from a draft revision), only when it is
live and not under a view restriction. Vectors are computed in PostgreSQL from the analysed text
(see ``search.analysis``) in the same statement that writes the row.
"""

import datetime
import html
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils.html import strip_tags
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import get_text_for_indexing

from cms.cache import bump_named_version
from guidance.queries import frontend_path, site_structure, term_label
from search import spelling
from search.analysis import index_text
from search.facet_counts import FACET_VERSION
from search.models import FACET_FIELDS, SearchDocument

MAX_TEXT = 200_000  # characters of body and attachment text kept per document
SKIPPED_STREAMS = {"external_links", "attachments", "featured_items"}


@dataclass
class IndexedDocument:
    object_type: str
    object_id: int
    language: str
    result_type: str
    title: str
    keyword_names: str = ""
    translation_key: str | None = None
    summary: str = ""
    text: str = ""
    path: str = ""
    tree_path: str = ""
    section_key: str | None = None
    topic_key: str | None = None
    terms: dict = field(default_factory=dict)  # facet api name → [translation keys]
    published_at: object = None
    updated_at: object = None
    # Weighted fields: A title and keywords, B summary and terms, C body, D attachments.
    weighted: dict = field(default_factory=dict)


def _stream_text(value):
    try:
        parts = value.stream_block.get_searchable_content(value)
    except Exception:  # a block that cannot describe itself must not stop indexing
        return ""
    return " ".join(strip_tags(html.unescape(str(p))) for p in parts if p)


def _documents_in(page):
    """Documents attached to the page or placed in its body."""
    documents = []
    for stream_name in ("attachments", "body"):
        value = getattr(page, stream_name, None)
        if value is None:
            continue
        for block in value:
            if block.block_type == "document" and block.value.get("document") is not None:
                documents.append((block.value.get("title") or "", block.value["document"]))
    return documents


def page_texts(page):
    """(body text, attachment text) of a specific content page."""
    body_parts = []
    for model_field in type(page)._meta.concrete_fields:
        if model_field.name in SKIPPED_STREAMS:
            continue
        value = getattr(page, model_field.name, None)
        if isinstance(model_field, StreamField) and value:
            body_parts.append(_stream_text(value))
        elif isinstance(model_field, RichTextField) and value:
            body_parts.append(get_text_for_indexing(value))
    attachment_parts = []
    for title, document in _documents_in(page):
        attachment_parts.extend([title or document.title, document.extracted_text or ""])
    return " ".join(p for p in body_parts if p), " ".join(p for p in attachment_parts if p)


def _ancestor_keys(tree_path):
    """(section translation_key, nearest topic translation_key) of a page by tree path."""

    paths = site_structure()["paths"]
    section_key = topic_key = None
    for end in range(12, len(tree_path), 4):
        node = paths.get(tree_path[:end])
        if node is None:
            continue
        if node.type == "section":
            section_key = node.translation_key
        elif node.type == "topic":
            topic_key = node.translation_key
    return section_key, topic_key


def document_for_page(page, term_keys, vocab, home_path):
    """An ``IndexedDocument`` for a specific live content page.

    ``term_keys`` is {api name: [translation keys]} of the page's terms, ``vocab`` the cached
    vocabularies and ``home_path`` the language's home url_path."""

    language = page.locale.language_code
    names = {
        api: [term_label(vocab[api], key, language)["name"] for key in keys]
        for api, keys in term_keys.items()
    }
    body, attachments = page_texts(page)
    section_key, topic_key = _ancestor_keys(page.path)
    return IndexedDocument(
        object_type=SearchDocument.ObjectType.PAGE,
        object_id=page.pk,
        translation_key=str(page.translation_key),
        language=language,
        result_type=page.api_type,
        title=page.title,
        keyword_names=" ".join(names.get("keywords", [])),
        summary=page.summary,
        text=(body + " " + attachments)[:MAX_TEXT],
        path=frontend_path(page.url_path, home_path),
        tree_path=page.path,
        section_key=section_key,
        topic_key=topic_key,
        terms=term_keys,
        published_at=page.first_published_at,
        updated_at=page.last_published_at,
        weighted={
            "A": " ".join([page.title, *names.get("keywords", [])]),
            "B": " ".join(
                [
                    page.summary,
                    *names.get("themes", []),
                    *names.get("target_groups", []),
                    *names.get("sectors", []),
                    *names.get("settings", []),
                    getattr(page, "author_organisation", "") or "",
                ]
            ),
            "C": body[:MAX_TEXT],
            "D": attachments[:MAX_TEXT],
        },
    )


_COLUMNS = (
    "object_type, object_id, translation_key, language, result_type, title, keyword_names, "
    "summary, text, path, "
    "tree_path, section_key, topic_key, keyword_keys, theme_keys, target_group_keys, "
    "sector_keys, setting_keys, published_at, updated_at, vector, exact_vector"
)
_UPDATED = [column.strip() for column in _COLUMNS.split(",")[2:]]
_VECTOR_SQL = (
    "setweight(to_tsvector(%s::regconfig, %s), 'A') || setweight(to_tsvector(%s::regconfig, %s), "
    "'B') || setweight(to_tsvector(%s::regconfig, %s), 'C') || "
    "setweight(to_tsvector(%s::regconfig, %s), 'D')"
)
_UPSERT = f"""
INSERT INTO {SearchDocument._meta.db_table} ({_COLUMNS})
VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s::uuid[], %s::uuid[], %s::uuid[],
        %s::uuid[], %s::uuid[], %s, %s, {_VECTOR_SQL}, {_VECTOR_SQL})
ON CONFLICT (object_type, object_id) DO UPDATE SET
""" + ", ".join(f"{column} = EXCLUDED.{column}" for column in _UPDATED)
# An unchanged document is not written again: a full rebuild over an unchanged index then
# writes nothing, instead of leaving a dead copy of every row behind (which doubled the table
# that every search scans until a VACUUM FULL).
_UPSERT += (
    f" WHERE ({', '.join(f'{SearchDocument._meta.db_table}.{c}' for c in _UPDATED)})"
    f" IS DISTINCT FROM ({', '.join(f'EXCLUDED.{c}' for c in _UPDATED)})"
)


def _vector_params(language, weighted, finnish, exact=False):
    params = []
    for weight in "ABCD":
        text = weighted.get(weight, "")
        if exact:
            params.extend(["simple", text])
        else:
            params.extend(index_text(language, text, finnish))
    return params


def _row_params(doc, finnish):
    return [
        doc.object_type,
        doc.object_id,
        doc.translation_key,
        doc.language,
        doc.result_type,
        doc.title[:500],
        doc.keyword_names,
        doc.summary,
        doc.text,
        doc.path[:1000],
        doc.tree_path,
        doc.section_key,
        doc.topic_key,
        *[list(doc.terms.get(api, [])) for api in FACET_FIELDS],
        doc.published_at,
        doc.updated_at,
        *_vector_params(doc.language, doc.weighted, finnish),
        *_vector_params(doc.language, doc.weighted, finnish, exact=True),
    ]


def index_changed(facets: bool = False) -> None:
    """Move the index's version on (``named_version("search")``: cached results and spellings),
    and with ``facets`` the facets' version too (a written row's type, section or terms may
    have changed: ``search.facet_counts``), now and again when the change commits: a value
    built from the rows as they were before the commit, while the first move was already seen,
    is never kept under a version readers take as current."""
    names = ["search", FACET_VERSION] if facets else ["search"]

    def bump() -> None:
        for name in names:
            bump_named_version(name)

    bump()
    transaction.on_commit(bump)


def write_documents(docs, finnish="voikko"):
    """Insert or replace the given documents in one statement batch."""
    if not docs:
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.executemany(_UPSERT, [_row_params(doc, finnish) for doc in docs])
        spelling.add_terms([(doc.object_type, doc.object_id) for doc in docs])
    index_changed(facets=True)


# A new post at the end of a discussion: its words join the body (weight C) of the thread's
# document, analysed alone and appended. ``tsvector || tsvector`` shifts the right side's
# positions past the left side's last one, as ``to_tsvector`` of the joined text would number
# them, so the result is the document a full rewrite would make (for Swedish and English up to
# trailing stop words). Guarded: only a document last updated before the post, and only while
# the text stays under MAX_TEXT; anything else is the caller's cue to rewrite the document.
_APPEND = f"""
UPDATE {SearchDocument._meta.db_table} SET
    text = text || ' ' || %s,
    vector = vector || setweight(to_tsvector(%s::regconfig, %s), 'C'),
    exact_vector = exact_vector || setweight(to_tsvector('simple', %s), 'C'),
    updated_at = %s
WHERE object_type = %s AND object_id = %s AND updated_at < %s
    AND length(text) + 1 + length(%s) <= {MAX_TEXT}
"""
_TOUCH = f"""
UPDATE {SearchDocument._meta.db_table} SET updated_at = GREATEST(updated_at, %s)
WHERE object_type = %s AND object_id = %s
RETURNING updated_at = %s
"""


def append_text(
    object_type: str,
    object_id: int,
    language: str,
    text: str,
    updated_at: datetime.datetime,
    finnish: str = "voikko",
) -> bool:
    """Append ``text`` to the body of an indexed document last updated before ``updated_at``.
    Returns False when there is no such document or the text would pass MAX_TEXT."""
    config, analysed = index_text(language, text, finnish)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            _APPEND,
            [text, config, analysed, text, updated_at, object_type, object_id, updated_at, text],
        )
        if not cursor.rowcount:
            return False
        spelling.add_words(language, text)
    index_changed()
    return True


def touch_document(object_type: str, object_id: int, updated_at: datetime.datetime) -> bool:
    """Bring an indexed document's last-updated time up to ``updated_at`` when its text stays
    as it is (a post past the part of a thread that is indexed). A document already as new
    stays as it is: under concurrent posting a later post's task often runs first, and the
    earlier one then has nothing to change. False only when there is no document."""
    with connection.cursor() as cursor:
        cursor.execute(_TOUCH, [updated_at, object_type, object_id, updated_at])
        row = cursor.fetchone()
    if row is None:
        return False
    if row[0]:
        index_changed()  # results sorted or shown by date
    return True


def remove_documents(object_type, object_ids):
    """The rows of these objects; the index's version moves on when any went."""
    return _removed(
        SearchDocument.objects.filter(object_type=object_type, object_id__in=list(object_ids))
    )


def remove_other_documents(object_type, kept_ids):
    """The rows of ``object_type`` for objects other than ``kept_ids`` (a rebuild's leftovers);
    the index's version moves on when any went."""
    return _removed(
        SearchDocument.objects.filter(object_type=object_type).exclude(object_id__in=list(kept_ids))
    )


def _removed(rows):
    removed = rows.delete()[0]
    if removed:
        index_changed()
    return removed
