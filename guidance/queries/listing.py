"""Listing helpers: the relations a card needs, popularity scores, most viewed and featured
items. The listing itself is served from the read model (``guidance.read_model``)."""

import datetime
import uuid
from collections.abc import Collection
from typing import Any

from django.db.models import (
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from cms.api_errors import invalid_parameter
from cms.models import CustomRendition
from guidance.models import ContentPage, ContentViewDay, HomePage, SectionPage
from guidance.queries.structure import (
    excluded_topic_paths,
    node_by_id,
    visible_versions,
)
from guidance.queries.taxonomy import default_language

CARD_RENDITIONS = ["fill-480x270|format-webp", "fill-960x540|format-webp"]


DETAIL_RENDITIONS = ["width-480|format-webp", "width-960|format-webp", "width-1440|format-webp"]


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


def popularity_annotation(queryset: QuerySet[Any], ordering: str) -> QuerySet[Any]:
    """``queryset`` (of anything with a ``translation_key``) annotated with the ``score`` the
    popular (all-time views) or trending (recent views weigh more) orderings sort on."""
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


def featured_keys(language: str, section_id: int | None = None) -> list[uuid.UUID]:
    """The translation keys of the items editors feature on the home page (or on a section),
    in their order; the read model gives their cards (and leaves out what is not visible)."""

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
    return [block.value.translation_key for block in holder.featured_items if block.value]
