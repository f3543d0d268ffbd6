"""Writing the read model: render each visible item's card and detail per language once per
change, and store them atomically.

Which page an item shows in a language is ``queries.visible_content``'s decision, asked here
and nowhere else; the JSON is the serializers' output checked by the shapes the API declares.
"""

import logging
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any, cast

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.backends.utils import CursorDebugWrapper
from django.db.models import Count, Max, Q, QuerySet
from django.db.models.functions import Coalesce
from pydantic import TypeAdapter

from cms.cache import memo_scope
from guidance import queries, serializers
from guidance.models import TERM_COLUMNS, ContentPage, ReadItem, ReadItemPending
from guidance.quality import quality_summaries
from guidance.read_model.rows import ORIGIN, finish
from guidance.schemas import ContentCardOut, ContentDetailOut

logger = logging.getLogger(__name__)

BATCH = 200

_CARD = TypeAdapter(ContentCardOut)
_DETAIL = TypeAdapter(ContentDetailOut)


class _Origin:
    """Stands in for the request while rendering (the serializers only build URLs with it)."""

    def build_absolute_uri(self, location: str) -> str:
        return ORIGIN + location


@dataclass
class Outcome:
    """What a refresh did: items written, items left pending (to be retried)."""

    written: int = 0
    pending: int = 0


def _served(keys: list[uuid.UUID] | None) -> dict[tuple[uuid.UUID, str], int]:
    """{(translation key, language): the page id ``visible_content(language)`` serves}."""
    served: dict[tuple[uuid.UUID, str], int] = {}
    for language in settings.CONTENT_LOCALES:
        pages = queries.visible_content(language)
        if keys is not None:
            pages = pages.filter(translation_key__in=keys)
        for pk, key in pages.values_list("pk", "translation_key"):
            served[key, language] = pk
    return served


def _specific_pages(page_ids: Iterable[int]) -> dict[int, ContentPage]:
    """The pages with everything a detail renders, one query per content type (plus its
    renditions), as their specific classes."""
    by_type: dict[int, list[int]] = {}
    for pk, content_type in ContentPage.objects.filter(pk__in=list(page_ids)).values_list(
        "pk", "content_type"
    ):
        by_type.setdefault(content_type, []).append(pk)
    pages: dict[int, ContentPage] = {}
    for content_type, ids in by_type.items():
        model = cast(
            "type[ContentPage]", ContentType.objects.get_for_id(content_type).model_class()
        )
        relations = queries.with_card_relations(
            model.objects.filter(pk__in=ids),
            queries.CARD_RENDITIONS + queries.DETAIL_RENDITIONS,
            cards_only=False,
        )
        pages.update({page.pk: page for page in relations})
    return pages


def _url_paths(keys: list[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    paths: dict[uuid.UUID, list[str]] = {}
    for key, url_path in (
        queries.visible_versions()
        .filter(translation_key__in=keys)
        .values_list("translation_key", "url_path")
    ):
        paths.setdefault(key, []).append(url_path)
    return paths


def render(served: dict[tuple[uuid.UUID, str], int]) -> list[ReadItem]:
    """Unsaved rows for ``served`` pairs, rendered with a constant number of queries per
    batch (plus what each body's images and links need)."""
    with memo_scope():  # the site structure and vocabularies are read once, not per card
        return _render(served)


def _render(served: dict[tuple[uuid.UUID, str], int]) -> list[ReadItem]:
    pages = _specific_pages(set(served.values()))
    page_list = list(pages.values())
    lookups = serializers.lookups_for(page_list)
    lookups.quality = quality_summaries(page_list, settings.CONTENT_LOCALES)
    keys = sorted({key for key, _language in served})
    url_paths = _url_paths(keys)
    excluded = queries.excluded_topic_paths()
    origin = _Origin()
    rows = []
    for (key, language), pk in served.items():
        page = pages[pk]
        card = serializers.card(
            page, language, origin, lookups.locales_by_key, lookups.approvals, lookups.terms[pk]
        )
        detail = serializers.detail(page, language, origin, lookups=lookups)
        terms = lookups.terms[pk]
        rows.append(
            ReadItem(
                translation_key=key,
                language=language,
                page_id=pk,
                content_type_id=page.content_type_id,
                tree_path=page.path,
                url_paths=sorted(url_paths.get(key, [])),
                title=page.title,
                first_published_at=page.first_published_at,
                last_published_at=page.last_published_at,
                listed=not page.exclude_from_listings
                and not any(page.path.startswith(path) for path in excluded),
                **{column: terms[api] for api, column in TERM_COLUMNS.items()},
                next_review_due=page.next_review_due,
                last_approved_at=lookups.approvals.get(pk),
                card=_CARD.dump_json(_CARD.validate_python(card)).decode(),
                detail=_DETAIL.dump_json(_DETAIL.validate_python(detail)).decode(),
            )
        )
    return rows


def _write(keys: list[uuid.UUID]) -> int:
    """Replace the rows of ``keys`` in one transaction: readers see the old rows or the new,
    never a mix."""
    rows = render(_served(keys))
    with transaction.atomic():
        ReadItem.objects.filter(translation_key__in=keys).delete()
        _insert(rows)
        ReadItemPending.objects.filter(translation_key__in=keys).delete()
    return len(rows)


_COPIED = [field for field in ReadItem._meta.concrete_fields if not field.primary_key]


def _insert(rows: list[ReadItem]) -> None:
    """Store ``rows`` with one ``COPY`` (psycopg's), each value prepared as Django prepares it
    for an INSERT. ``bulk_create``'s one INSERT of a batch (600 rows of stored JSON, 12,600
    parameters) spent most of its time building and splitting its statement in the client:
    2.0 ms an item against 0.55 ms, a third of a rebuild. The statement is in Django's query
    log like any other (the tests count statements)."""
    if not rows:
        return
    columns = ", ".join(connection.ops.quote_name(cast("str", f.column)) for f in _COPIED)
    table = connection.ops.quote_name(ReadItem._meta.db_table)
    sql = f"COPY {table} ({columns}) FROM STDIN"
    with connection.cursor() as cursor:
        logged = cursor.debug_sql(sql) if isinstance(cursor, CursorDebugWrapper) else nullcontext()
        with logged, cursor.cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(
                    [
                        field.get_db_prep_save(field.pre_save(row, True), connection)
                        for field in _COPIED
                    ]
                )


def prune(keys: QuerySet[ReadItem] | None = None) -> int:
    """Remove rows whose page the public may no longer see (unpublished, restricted, deleted):
    one statement, so a change that hides an item hides it at once, whatever else waits."""
    rows = keys if keys is not None else ReadItem.objects.all()
    deleted, _ = rows.exclude(page__in=queries.visible_versions().values("pk")).delete()
    return deleted


def mark_pending(keys: Iterable[uuid.UUID], error: str = "") -> None:
    """Leave ``keys`` for the task worker (in the caller's transaction)."""
    keys = list(keys)
    existing = set(
        ReadItemPending.objects.filter(translation_key__in=keys).values_list(
            "translation_key", flat=True
        )
    )
    ReadItemPending.objects.bulk_create(
        [ReadItemPending(translation_key=key) for key in keys if key not in existing],
        ignore_conflicts=True,
    )
    if error:
        for pending in ReadItemPending.objects.filter(translation_key__in=keys):
            pending.attempts += 1
            pending.last_error = error[:2000]
            pending.save(update_fields=["attempts", "last_error"])


def refresh(keys: Iterable[uuid.UUID], *, defer_large: bool = True) -> Outcome:
    """Bring the rows of ``keys`` up to date, in the caller's transaction: what is hidden goes
    at once; the rest is rendered here, or marked pending when there are many
    (``READ_MODEL_SYNC_LIMIT``) or when rendering fails, so a failure never leaves a half-written
    row and never blocks the change that caused it. ``Outcome.pending``: the caller queues the
    task worker (``guidance.tasks.refresh_read_model``)."""
    keys = sorted(set(keys))
    if not keys:
        return Outcome()
    prune(ReadItem.objects.filter(translation_key__in=keys))
    if defer_large and len(keys) > settings.READ_MODEL_SYNC_LIMIT:
        mark_pending(keys)
        return Outcome(pending=len(keys))
    try:
        with transaction.atomic():
            return Outcome(written=_write(keys))
    except Exception as exc:  # the change stands; the worker retries the item
        logger.exception("read model: could not render %d item(s); retrying later", len(keys))
        mark_pending(keys, error=f"{type(exc).__name__}: {exc}")
        return Outcome(pending=len(keys))


def process_pending(limit: int | None = None) -> Outcome:
    """Render items marked pending, a batch at a time (the task worker's job). A batch that
    fails is retried key by key, so one broken item does not hold the others back."""
    outcome = Outcome()
    while True:
        keys = list(
            ReadItemPending.objects.order_by("attempts", "marked_at").values_list(
                "translation_key", flat=True
            )[:BATCH]
        )
        if not keys or (limit is not None and outcome.written + outcome.pending >= limit):
            return outcome
        try:
            outcome.written += _write(keys)
            continue
        except Exception:
            logger.exception("read model: a batch failed; retrying its items one by one")
        for key in keys:
            try:
                outcome.written += _write([key])
            except Exception as exc:
                logger.exception("read model: item %s failed", key)
                mark_pending([key], error=f"{type(exc).__name__}: {exc}")
                outcome.pending += 1
        if outcome.pending:
            return outcome


def pending() -> dict[str, int]:
    """How many items wait for the worker, how many of them failed to render at least once
    (served as last rendered until they succeed) and the most attempts any has had."""
    marks = ReadItemPending.objects.all()
    counts = marks.aggregate(
        pending=Count("pk"),
        failing=Count("pk", filter=Q(attempts__gt=0)),
        most_attempts=Coalesce(Max("attempts"), 0),
    )
    return {name: int(value) for name, value in counts.items()}


def _batches(keys: list[uuid.UUID]) -> Iterator[list[uuid.UUID]]:
    for start in range(0, len(keys), BATCH):
        yield keys[start : start + BATCH]


def all_keys() -> list[uuid.UUID]:
    """Every item with a visible version, in a stable order."""
    return sorted(set(queries.visible_versions().values_list("translation_key", flat=True)))


def rebuild(step: Callable[[int], Any] | None = None) -> int:
    """Render every visible item again (``step(n)`` after each batch of ``n`` items) and drop
    rows of items no longer visible. Each batch is written atomically."""
    keys = all_keys()
    written = 0
    for batch in _batches(keys):
        written += _write(batch)
        if step:
            step(len(batch))
    ReadItem.objects.exclude(translation_key__in=keys).delete()
    ReadItemPending.objects.exclude(translation_key__in=keys).delete()
    return written


@dataclass
class Drift:
    """An item whose stored rows differ from a fresh rendering."""

    translation_key: uuid.UUID
    language: str
    problem: str


def check(step: Callable[[int], Any] | None = None) -> list[Drift]:
    """Compare every stored row with a fresh rendering: missing and extra rows, and rows whose
    card or detail differ (for example after a change no signal reported)."""
    drift: list[Drift] = []
    keys = all_keys()
    seen: set[tuple[uuid.UUID, str]] = set()
    for batch in _batches(keys):
        fresh = {(row.translation_key, row.language): row for row in render(_served(batch))}
        stored = {
            (row.translation_key, row.language): row
            for row in ReadItem.objects.filter(translation_key__in=batch)
        }
        for pair in sorted(fresh.keys() | stored.keys(), key=lambda p: (str(p[0]), p[1])):
            seen.add(pair)
            problem = _compare(stored.get(pair), fresh.get(pair))
            if problem:
                drift.append(Drift(pair[0], pair[1], problem))
        if step:
            step(len(batch))
    for key, language in ReadItem.objects.exclude(translation_key__in=keys).values_list(
        "translation_key", "language"
    ):
        drift.append(Drift(key, language, "stored, but the item is not visible"))
    return drift


_COMPARED = ("page_id", "tree_path", "url_paths", "title", "listed", "keyword_ids", "theme_ids")


def _compare(stored: ReadItem | None, fresh: ReadItem | None) -> str:
    if stored is None:
        return "missing"
    if fresh is None:
        return "stored, but the item is not visible"
    for name in ("card", "detail"):
        # As served today: the fields that change with the date are made when served.
        if finish(stored, name, "") != finish(fresh, name, ""):
            return f"{name} differs"
    for name in _COMPARED:
        if getattr(stored, name) != getattr(fresh, name):
            return f"{name} differs"
    return ""
