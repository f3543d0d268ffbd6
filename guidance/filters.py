"""The content filters, declared once: the parameters (names, limits, validation, error
messages) that the REST listing, the REST search, and GraphQL's ``content`` and ``search``
fields take, and ``resolve_filters`` (``guidance.queries.filters``, re-exported here), which
turns them into a queryset filter.

A public module of ``guidance``: search builds its filter from ``FilterParams`` too (and applies
the same values to its index rows, ``search.services.build_query``).
"""

import datetime
from typing import Any, Literal

from django.utils import timezone
from ninja import Schema
from pydantic import Field, field_validator

from cms.params import (
    LOCALE_DESCRIPTION,
    MAX_ID,
    MAX_LIST_LENGTH,
    SLUG_LIST,
    LocaleParam,
    join_list,
    split_list,
)
from guidance.queries.filters import ContentFilters, resolve_filters
from guidance.queries.taxonomy import TAXONOMY_PARAMS

__all__ = [
    "ContentFilters",
    "FilterParams",
    "ListingParams",
    "Ordering",
    "graphql_filter_values",
    "resolve_filters",
]

Ordering = Literal["title", "-title", "-published", "published", "-updated", "popular", "trending"]


def _slugs(description: str | None = None) -> Any:
    return Field(None, pattern=SLUG_LIST, max_length=MAX_LIST_LENGTH, description=description)


class FilterParams(Schema):
    """The filter set of listings and search (REST query parameters; GraphQL arguments are
    validated through the same model, ``cms.params.validated``)."""

    type: str | None = Field(
        None,
        pattern=r"^[a-z]+(,[a-z]+)*$",
        max_length=MAX_LIST_LENGTH,
        description="article, method, tool, material, training (search also takes "
        "discussion); comma-separated for several",
    )
    section: int | None = Field(
        None, ge=1, le=MAX_ID, description="id of a section page (any language)"
    )
    topic: int | None = Field(
        None, ge=1, le=MAX_ID, description="id of a topic page (any language)"
    )
    keyword: str | None = _slugs("keyword slugs, comma-separated (any of)")
    theme: str | None = _slugs()
    target_group: str | None = _slugs()
    sector: str | None = _slugs()
    setting: str | None = _slugs()

    def content_filters(self, updated_since: datetime.datetime | None = None) -> ContentFilters:
        return ContentFilters(
            types=split_list(self.type),
            section=self.section,
            topic=self.topic,
            terms={
                taxonomy: split_list(getattr(self, p)) for p, taxonomy in TAXONOMY_PARAMS.items()
            },
            updated_since=updated_since,
        )


class ListingParams(FilterParams):
    """GET /api/v1/content/ and GraphQL ``content``."""

    locale: LocaleParam = Field(None, description=LOCALE_DESCRIPTION)
    updated_since: datetime.datetime | None = Field(None, description="ISO 8601 date-time")
    ordering: Ordering = "-published"
    limit: int = Field(20, ge=1, le=100)
    offset: int = Field(0, ge=0, le=100_000)

    @field_validator("updated_since")
    @classmethod
    def _aware(cls, value: datetime.datetime | None) -> datetime.datetime | None:
        if value is not None and value.tzinfo is None:
            return timezone.make_aware(value)
        return value

    def content_filters(self, updated_since: datetime.datetime | None = None) -> ContentFilters:
        return super().content_filters(updated_since or self.updated_since)


def graphql_filter_values(  # noqa: PLR0913 - GraphQL's arguments, one by one
    types: list[str] | None,
    section: int | None,
    topic: int | None,
    keywords: list[str] | None,
    themes: list[str] | None,
    target_groups: list[str] | None,
    sectors: list[str] | None,
    settings: list[str] | None,
) -> dict[str, Any]:
    """GraphQL's filter arguments (lists) as ``FilterParams``' values (comma-separated), for
    ``cms.params.validated``: the content and search fields name them once, here."""
    return {
        "type": join_list(types),
        "section": section,
        "topic": topic,
        "keyword": join_list(keywords),
        "theme": join_list(themes),
        "target_group": join_list(target_groups),
        "sector": join_list(sectors),
        "setting": join_list(settings),
    }
