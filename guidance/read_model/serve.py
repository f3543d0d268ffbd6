"""Reading the read model: a listing is one indexed query over the stored rows (plus the
count, kept until content changes), a detail one row and one query for its related items."""

import datetime
import functools
import uuid
from collections.abc import Sequence
from typing import Any, NamedTuple

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.http import HttpRequest
from django.utils import timezone

from cms.cache import cached, cached_locally
from cms.http import StoredJSON
from guidance import queries
from guidance.models import ContentPage, ReadItem
from guidance.read_model.rows import card_shape, card_text, detail_text, finish_values
from guidance.schemas import ContentCardOut

ORDERINGS = {
    "title": ["title", "page_id"],
    "-title": ["-title", "-page_id"],
    "-published": ["-first_published_at", "-page_id"],
    "published": ["first_published_at", "page_id"],
    "-updated": ["-last_published_at", "-page_id"],
    "popular": ["-score", "-first_published_at", "-page_id"],
    "trending": ["-score", "-first_published_at", "-page_id"],
}
CURATED_ORDERINGS = {"-published", "popular", "trending"}
_SERVED = ("card", "next_review_due", "last_approved_at")


def origin(request: HttpRequest | None) -> str:
    """The scheme and host absolute media URLs start with ("" without a request)."""
    return request.build_absolute_uri("/")[:-1] if request is not None else ""


def listing(
    language: str,
    filters: queries.ContentFilters,
    ordering: str,
    limit: int,
    offset: int,
    base: str,
) -> tuple[int, list[ContentCardOut]]:
    """The total and one page of cards as their shape's models (for GraphQL): one query (the
    total and the statement are kept until content changes), whatever the filters or the page
    size."""
    count, page = _listing_rows(language, filters, ordering, limit, offset)
    today = timezone.localdate()
    return count, [card_shape(card, due, approved, base, today) for card, due, approved in page]


def listing_json(
    language: str,
    filters: queries.ContentFilters,
    ordering: str,
    limit: int,
    offset: int,
    base: str,
) -> tuple[int, list[StoredJSON]]:
    """``listing`` with each card as JSON text (for ``cms.http.respond_stored``): the cards are
    not parsed and written again, which was a third of an uncached listing's time."""
    count, page = _listing_rows(language, filters, ordering, limit, offset)
    today = timezone.localdate()
    return count, [card_text(card, due, approved, base, today) for card, due, approved in page]


def _listing_rows(
    language: str, filters: queries.ContentFilters, ordering: str, limit: int, offset: int
) -> tuple[int, list[tuple[str, Any, Any]]]:
    # Trending weighs the views of the last week and month: its statement holds today's date.
    day = timezone.localdate() if ordering == "trending" else None
    asked = repr(filters)
    count_sql, count_params, page_sql, page_params = cached_locally(
        ["listing-plan", language, ordering, asked, day],
        lambda: _listing_plan(language, filters, ordering),
    )
    total = cached(
        ["listing-count", language, ordering, asked],
        lambda: _select(count_sql, count_params)[0][0],
        3600,
        local=True,
    )
    return total, _select(f"{page_sql} LIMIT %s OFFSET %s", [*page_params, limit, offset])


def _listing_plan(
    language: str, filters: queries.ContentFilters, ordering: str
) -> tuple[str, tuple[Any, ...], str, tuple[Any, ...]]:
    """(the statement counting a listing's items and its parameters, the statement of its page
    without LIMIT and OFFSET and its parameters), kept in the worker until content changes.
    The filters are declared once, as a queryset (``queries.resolve_filters``); compiling it,
    a third of an uncached listing's time, is done once per filter combination instead of per
    page read. Only the worker that compiled a statement runs it (``cached_locally``)."""
    rows = queries.resolve_filters(ReadItem.objects.filter(language=language), filters)
    if ordering in CURATED_ORDERINGS and filters.section is None and filters.topic is None:
        # Editors keep some items (or whole topics) out of the newest and popular listings.
        rows = rows.filter(listed=True)
    matching, count_params = rows.values_list("page_id").query.sql_with_params()
    if ordering in ("popular", "trending"):
        rows = queries.popularity_annotation(rows, ordering)
    page, page_params = (
        rows.order_by(*ORDERINGS[ordering]).values_list(*_SERVED).query.sql_with_params()
    )
    # The ORM's own statement with its parameters kept apart: no value is spliced into the text.
    count = f"SELECT count(*) FROM ({matching}) AS matching"  # noqa: S608
    return count, tuple(count_params), page, tuple(page_params)


def cards(language: str, keys: Sequence[uuid.UUID], base: str) -> list[dict[str, Any]]:
    """Cards of the visible items with these translation keys, in the keys' order (an item the
    public may not see, or that no longer exists, is left out). One query."""
    today = timezone.localdate()
    return [finish_values(*row, base, today) for row in _card_rows(language, keys)]


def card_shapes(language: str, keys: Sequence[uuid.UUID], base: str) -> list[ContentCardOut]:
    """``cards`` as their shape's models (``card_shape``), for GraphQL."""
    today = timezone.localdate()
    return [card_shape(*row, base, today) for row in _card_rows(language, keys)]


def cards_json(language: str, keys: Sequence[uuid.UUID], base: str) -> list[StoredJSON]:
    """``cards`` as JSON texts (``card_text``), for an answer written from stored text."""
    today = timezone.localdate()
    return [card_text(*row, base, today) for row in _card_rows(language, keys)]


def _card_rows(language: str, keys: Sequence[uuid.UUID]) -> list[tuple[str, Any, Any]]:
    order = {key: index for index, key in enumerate(keys)}
    found = sorted(_select(_CARDS, [language, list(keys)]), key=lambda row: order.get(row[0], 0))
    return [(card, due, approved) for _key, card, due, approved in found]


def cards_by_page(page_ids: Sequence[int], base: str) -> dict[int, dict[str, Any]]:
    """{page id: its card} for pages of any language (search hits): one query. A page served in
    several languages (a Finnish page is English's fallback) has the same image and the same
    breadcrumbs (in its own language) in each row, so any of its rows will do."""
    rows = (
        ReadItem.objects.filter(page_id__in=list(page_ids))
        .order_by("page_id")
        .distinct("page_id")
        .values_list("page_id", *_SERVED)
    )
    today = timezone.localdate()
    return {pk: finish_values(card, due, approved, base, today) for pk, card, due, approved in rows}


def detail(
    language: str,
    base: str,
    *,
    page_id: int | None = None,
    translation_key: uuid.UUID | None = None,
    path: str | None = None,
) -> dict[str, Any] | None:
    """One item as ``ContentDetailOut``, found by a page id (of any language version), its key
    or a frontend path (in any language); None when nothing visible matches. Two queries
    however it is looked up: the row (an id's key is found in the same statement) and its
    related items."""
    row = _detail_row(language, page_id, translation_key, path)
    if row is None:
        return None
    data = finish_values(row.detail, row.next_review_due, row.last_approved_at, base)
    data["related"] = cards(language, _related_keys(language, row), base)
    return data


def detail_json(
    language: str,
    base: str,
    *,
    page_id: int | None = None,
    translation_key: uuid.UUID | None = None,
    path: str | None = None,
) -> StoredJSON | None:
    """``detail`` as JSON text, written from the stored text without parsing it
    (``detail_text``); the same bytes, with the same queries."""
    row = _detail_row(language, page_id, translation_key, path)
    if row is None:
        return None
    related_cards = cards_json(language, _related_keys(language, row), base)
    return detail_text(
        row.detail,
        row.next_review_due,
        row.last_approved_at,
        base,
        timezone.localdate(),
        related_cards,
    )


class _DetailRow(NamedTuple):
    """The columns of a stored row a detail answer is made of."""

    translation_key: uuid.UUID
    url_paths: list[str]
    keyword_ids: list[int]
    theme_ids: list[int]
    detail: str
    next_review_due: datetime.date | None
    last_approved_at: datetime.datetime | None


# The hot reads of the table this package owns, written once as SQL: compiling the same few
# ORM lookups again on every uncached detail was half of its time. (translation_key,
# language) is unique; url_paths has a GIN index.
_TABLE = ReadItem._meta.db_table
_CARDS = (
    f"SELECT translation_key, {', '.join(_SERVED)} FROM {_TABLE}"  # noqa: S608
    " WHERE language = %s AND translation_key = ANY(%s)"
)
_DETAIL = f"SELECT {', '.join(_DetailRow._fields)} FROM {_TABLE} WHERE language = %s"  # noqa: S608
_DETAIL_BY_KEY = f"{_DETAIL} AND translation_key = %s"
_DETAIL_AT_PATHS = f"{_DETAIL} AND url_paths && %s::varchar(255)[] LIMIT 5"


@functools.cache
def _detail_by_page() -> str:
    """The row of a page id's item: the id's key (``queries.page_key``, the rule ``item_key``
    reads) asked inside the row's statement, one round trip instead of two. Compiled once; its
    one parameter is the id."""
    key_sql, _id = queries.page_key(0).query.sql_with_params()
    return f"{_DETAIL} AND translation_key = ({key_sql})"


def _select(sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _detail_row(
    language: str,
    page_id: int | None,
    translation_key: uuid.UUID | None,
    path: str | None,
) -> _DetailRow | None:
    if path is not None:
        return _at_path(path, language)
    if page_id is not None:
        found = _select(_detail_by_page(), [language, page_id])
    elif translation_key is not None:
        found = _select(_DETAIL_BY_KEY, [language, translation_key])
    else:
        return None
    return _DetailRow(*found[0]) if found else None


def _related_keys(language: str, row: _DetailRow) -> list[uuid.UUID]:
    return related_keys(language, row.translation_key, row.keyword_ids, row.theme_ids)


def _at_path(path: str, language: str) -> _DetailRow | None:
    """The row at a frontend path in any language, the requested language's own path first,
    then Finnish's (``queries.path_rank``, the rule the page-based lookup uses too)."""
    candidates = queries.path_candidates(path)
    found = [_DetailRow(*row) for row in _select(_DETAIL_AT_PATHS, [language, list(candidates)])]
    if not found:
        return None
    return min(found, key=lambda row: queries.path_rank(row.url_paths, candidates, language))


def related_to(page: ContentPage, language: str, base: str) -> list[dict[str, Any]]:
    """``related`` for a page that may have no row (a preview), by its saved terms."""
    terms = queries.page_term_ids([page.pk])[page.pk]
    return related(language, page.translation_key, terms["keywords"], terms["themes"], base)


def related(
    language: str,
    translation_key: uuid.UUID,
    keywords: list[int],
    themes: list[int],
    base: str,
    limit: int = 6,
) -> list[dict[str, Any]]:
    """Up to ``limit`` cards of other items sharing ``keywords`` or ``themes``, most shared
    first, then newest (``related_keys``); one query."""
    return cards(language, related_keys(language, translation_key, keywords, themes, limit), base)


def related_keys(
    language: str,
    translation_key: uuid.UUID,
    keywords: list[int],
    themes: list[int],
    limit: int = 6,
) -> list[uuid.UUID]:
    """The keys of ``related``'s items. The ranking (every sharing item is scored) is kept
    until content changes, in the worker's memory too: a detail then costs no round trip for
    it."""
    if not keywords and not themes:
        return []

    def rank() -> list[uuid.UUID]:
        shared = RawSQL(
            "(SELECT count(*) FROM unnest(keyword_ids) k WHERE k = ANY(%s))"
            " + (SELECT count(*) FROM unnest(theme_ids) t WHERE t = ANY(%s))",
            (keywords, themes),
        )
        return list(
            ReadItem.objects.filter(language=language)
            .exclude(translation_key=translation_key)
            .filter(Q(keyword_ids__overlap=keywords) | Q(theme_ids__overlap=themes))
            .annotate(shared=shared)
            .order_by("-shared", "-first_published_at", "page_id")
            .values_list("translation_key", flat=True)[:limit]
        )

    key_parts = ["related", translation_key, language, sorted(keywords), sorted(themes), limit]
    return cached(key_parts, rank, timeout=3600, local=True)
