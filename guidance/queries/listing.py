"""Listings: a page of cards with the relations they need, in a constant number of queries."""

import datetime
import uuid
from collections.abc import Collection
from typing import NamedTuple

from django.db.models import (
    Count,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from cms.api_errors import invalid_parameter
from cms.cache import cached
from cms.models import CustomRendition
from guidance.models import ContentPage, ContentViewDay, HomePage, SectionPage
from guidance.queries.filters import ContentFilters, resolve_filters
from guidance.queries.structure import (
    excluded_topic_paths,
    node_by_id,
    visible_content,
    visible_versions,
)
from guidance.queries.taxonomy import default_language, page_term_ids


class Listing(NamedTuple):
    """One page of a listing: how many items match in all, and the page's items."""

    total: int
    pages: list[ContentPage]


CARD_RENDITIONS = ["fill-480x270|format-webp", "fill-960x540|format-webp"]


DETAIL_RENDITIONS = ["width-480|format-webp", "width-960|format-webp", "width-1440|format-webp"]


CURATED_ORDERINGS = {"-published", "popular", "trending"}


# Cards never render these; parsing their JSON for every row of a listing costs more than
# the SQL (measured in bench/RESULTS.md).
CARD_DEFERRED = ("body", "attachments", "external_links")


def with_card_relations(
    queryset: QuerySet[ContentPage],
    renditions: list[str] = CARD_RENDITIONS,
    cards_only: bool = True,
) -> QuerySet[ContentPage]:
    """Everything a card needs in a constant number of queries (terms come separately from
    ``page_term_ids``, in one query for the whole page of items)."""
    if cards_only:
        queryset = queryset.defer(*CARD_DEFERRED)
    return queryset.select_related("locale", "hero_image").prefetch_related(
        Prefetch(
            "hero_image__renditions",
            queryset=CustomRendition.objects.filter(filter_spec__in=renditions),
        ),
    )


def popularity_annotation(queryset: QuerySet[ContentPage], ordering: str) -> QuerySet[ContentPage]:
    views = ContentViewDay.objects.filter(translation_key=OuterRef("translation_key"))
    if ordering == "trending":
        today = timezone.localdate()
        # Recent days weigh more: the last week counts three times, the last month once.
        week = views.filter(day__gte=today - datetime.timedelta(days=7))
        month = views.filter(day__gte=today - datetime.timedelta(days=30))
        return queryset.annotate(
            score=Coalesce(
                Subquery(week.values("translation_key").annotate(s=Sum("views")).values("s")[:1]),
                Value(0),
                output_field=IntegerField(),
            )
            * 3
            + Coalesce(
                Subquery(month.values("translation_key").annotate(s=Sum("views")).values("s")[:1]),
                Value(0),
                output_field=IntegerField(),
            )
        )
    return queryset.annotate(
        score=Coalesce(
            Subquery(views.values("translation_key").annotate(s=Sum("views")).values("s")[:1]),
            Value(0),
            output_field=IntegerField(),
        )
    )


def content_listing(
    language: str, filters: ContentFilters, ordering: str, limit: int, offset: int
) -> Listing:
    """One page of the content listing and the total count, in a constant number of queries."""
    queryset = resolve_filters(visible_content(language), filters)
    if filters.terms and any(filters.terms.values()):
        queryset = queryset.distinct()
    if ordering in CURATED_ORDERINGS and filters.section is None and filters.topic is None:
        # Editors keep some items (or whole topics) out of the newest and popular listings.
        queryset = queryset.filter(exclude_from_listings=False)
        for path in excluded_topic_paths():
            queryset = queryset.exclude(path__startswith=path)
    order_by = {
        "title": ["title", "id"],
        "-title": ["-title", "-id"],
        "-published": ["-first_published_at", "-id"],
        "published": ["first_published_at", "id"],
        "-updated": ["-last_published_at", "-id"],
        "popular": ["-score", "-first_published_at", "-id"],
        "trending": ["-score", "-first_published_at", "-id"],
    }[ordering]
    # The total is the one part of a listing that reads every matching row; it changes only when
    # content does, so it is kept per language, filter set and ordering until then.
    count = cached(["listing-count", language, ordering, repr(filters)], queryset.count, 3600)
    if ordering in ("popular", "trending"):
        queryset = popularity_annotation(queryset, ordering)
    pages = list(with_card_relations(queryset.order_by(*order_by))[offset : offset + limit])
    return Listing(count, pages)


def most_viewed_keys(limit: int, among: Collection[uuid.UUID] | None = None) -> list[uuid.UUID]:
    """Translation keys of the most viewed items by all-time views, most first (``among`` those
    keys when given): items the public may see and editors have not kept out of the newest and
    popular lists, so a carousel built from them is full."""
    listable = visible_versions().filter(exclude_from_listings=False)
    for path in excluded_topic_paths():
        listable = listable.exclude(path__startswith=path)
    views = ContentViewDay.objects.filter(translation_key__in=listable.values("translation_key"))
    if among is not None:
        views = views.filter(translation_key__in=list(among))
    ranked = (
        views.values("translation_key")
        .annotate(total=Sum("views"))
        .order_by("-total", "translation_key")
        .values_list("translation_key", flat=True)
    )
    return list(ranked[:limit])


def related_content(page: ContentPage, language: str, limit: int = 6) -> list[ContentPage]:
    """Up to ``limit`` visible items sharing keywords or themes with ``page``, best first.

    The ranking (a join over every item's terms) is cached per item and language until
    content changes; the cards are then fetched by id."""

    def rank() -> list[int]:
        terms = page_term_ids([page.pk])[page.pk]
        keyword_ids, theme_ids = terms["keywords"], terms["themes"]
        if not keyword_ids and not theme_ids:
            return []
        return list(
            visible_content(language)
            .exclude(translation_key=page.translation_key)
            .filter(Q(keywords__in=keyword_ids) | Q(themes__in=theme_ids))
            .annotate(
                shared=Count("keywords", filter=Q(keywords__in=keyword_ids), distinct=True)
                + Count("themes", filter=Q(themes__in=theme_ids), distinct=True)
            )
            .order_by("-shared", "-first_published_at", "id")
            .values_list("pk", flat=True)[:limit]
        )

    ids = cached(["related", page.pk, language, limit], rank, timeout=3600)
    if not ids:
        return []
    pages = {p.pk: p for p in with_card_relations(ContentPage.objects.filter(pk__in=ids))}
    return [pages[pk] for pk in ids if pk in pages]


def featured_content(language: str, section_id: int | None = None) -> list[ContentPage]:
    """The items editors feature on the home page (or on a section), in their order."""

    if section_id is None:
        holder = HomePage.objects.live().filter(locale__language_code=language).first() or (
            HomePage.objects.live().filter(locale__language_code=default_language()).first()
        )
    else:
        node = node_by_id(section_id)
        if node is None or node.type != "section":
            raise invalid_parameter("section", f"no section with id {section_id}")
        holder = SectionPage.objects.live().filter(
            translation_key=node.translation_key, locale__language_code=language
        ).first() or SectionPage.objects.live().get(pk=node.id)
    if holder is None:
        return []
    page_ids = [block.value.pk for block in holder.featured_items if block.value is not None]
    if not page_ids:
        return []
    keys = list(ContentPage.objects.filter(pk__in=page_ids).values_list("pk", "translation_key"))
    order = {key: page_ids.index(pk) for pk, key in keys}
    pages = with_card_relations(visible_content(language).filter(translation_key__in=order))
    return sorted(pages, key=lambda page: order[page.translation_key])
