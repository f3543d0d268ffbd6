"""Response shapes of the search API: REST, GraphQL and the OpenAPI document (cms.shapes)."""

import uuid
from typing import Literal

from pydantic import Field

from cms.shapes import Shape, Timestamp
from guidance.schemas import CrumbOut, ImageOut

HitType = Literal["article", "method", "tool", "material", "training", "discussion"]


class HighlightOut(Shape):
    title: str  # HTML-escaped, matches in <mark>; "" when the title does not match
    snippet: str  # HTML-escaped text around the first match, matches in <mark>


class SearchHitOut(Shape):
    type: HitType = Field(
        description="A content type (`article`, `method`, `tool`, `material`, `training`), or "
        "`discussion`: a discussion thread about an item, whose "
        "`id` is the thread's id (GET /api/v1/discussions/{id}/), `path` the discussion's "
        "frontend path (`/keskustelut/{id}/`), and which has no image or breadcrumbs."
    )
    id: int
    translation_key: uuid.UUID | None
    title: str
    summary: str
    path: str
    locale: str
    locale_fallback: bool
    published_at: Timestamp | None
    highlight: HighlightOut
    score: float
    image: ImageOut | None  # as on a listing card; null for discussions
    breadcrumbs: list[CrumbOut]  # in the hit's own language (`locale`); empty for discussions


class FacetValueOut(Shape):
    value: str  # what the matching filter parameter takes (slug, type or section id)
    label: str
    count: int


class FacetsOut(Shape):
    type: list[FacetValueOut]
    section: list[FacetValueOut]
    keywords: list[FacetValueOut]
    themes: list[FacetValueOut]
    target_groups: list[FacetValueOut]
    sectors: list[FacetValueOut]
    settings: list[FacetValueOut]


class SearchOut(Shape):
    query: str  # the words that were searched for, after normalisation
    locale: str
    count: int
    limit: int
    offset: int
    match: str  # "all": every word matched; "any": nothing had all words, some did
    engine: str  # "database" or "elasticsearch"
    degraded: bool  # Elasticsearch is configured but unreachable: the database answered
    corrected_query: str | None = Field(
        description="When the words as typed found little and a corrected spelling finds more "
        "(ä/ö/å restored, a typo corrected, run-together words split): the corrected query, for "
        '"Showing results for …" or "Did you mean …?". null when nothing was corrected.'
    )
    autocorrected: bool = Field(
        description='true: the items are the results of `corrected_query` (show "Showing '
        'results for {corrected_query}; search instead for {query}", linking the latter with '
        "`autocorrect=false`). false with a `corrected_query`: the items are for the words as "
        'typed (autocorrect=false) and the corrected query is only offered ("Did you mean").'
    )
    items: list[SearchHitOut]
    facets: FacetsOut


class SuggestTitleOut(Shape):
    type: str
    id: int
    translation_key: uuid.UUID | None
    title: str
    path: str


class SuggestKeywordOut(Shape):
    slug: str
    name: str


class SuggestOut(Shape):
    query: str
    locale: str
    titles: list[SuggestTitleOut]
    keywords: list[SuggestKeywordOut]
