"""GraphQL search and suggestions: the same service functions as GET /api/v1/search/."""

import datetime
import uuid

import strawberry

from cms.api_errors import ApiError
from cms.graphql_support import graphql_error, request_language
from cms.params import validated
from cms.throttling import enforce
from guidance.filters import graphql_filter_values
from guidance.graphql import Crumb, Image, Rendition
from search import services
from search.api import SEARCHING, SUGGESTING, SearchParams, SuggestParams


@strawberry.type
class SearchHighlight:
    title: str
    snippet: str


@strawberry.type
class SearchHit:
    type: str = strawberry.field(
        description="article, method, tool, material, training, or discussion: a discussion "
        "thread about an item (id is the thread's id; no image or breadcrumbs)."
    )
    id: int
    translation_key: uuid.UUID | None
    title: str
    summary: str
    path: str
    locale: str
    locale_fallback: bool
    published_at: datetime.datetime | None
    highlight: SearchHighlight
    score: float
    image: Image | None
    breadcrumbs: list[Crumb]


@strawberry.type
class FacetValue:
    value: str
    label: str
    count: int


@strawberry.type
class SearchFacets:
    type: list[FacetValue]
    section: list[FacetValue]
    keywords: list[FacetValue]
    themes: list[FacetValue]
    target_groups: list[FacetValue]
    sectors: list[FacetValue]
    settings: list[FacetValue]


@strawberry.type
class SearchResult:
    query: str
    locale: str
    count: int
    match: str
    engine: str
    degraded: bool
    corrected_query: str | None = strawberry.field(
        description="The corrected spelling when the words as typed found little and it finds "
        "more; null when nothing was corrected (as correctedQuery in GET /api/v1/search/)."
    )
    autocorrected: bool = strawberry.field(
        description="true: the items are the results of correctedQuery; false with a "
        'correctedQuery: it is only offered ("Did you mean"), the items are for the words '
        "as typed."
    )
    items: list[SearchHit]
    facets: SearchFacets


@strawberry.type
class SuggestedTitle:
    type: str
    id: int
    translation_key: uuid.UUID | None
    title: str
    path: str


@strawberry.type
class SuggestedKeyword:
    slug: str
    name: str


@strawberry.type
class Suggestions:
    query: str
    locale: str
    titles: list[SuggestedTitle]
    keywords: list[SuggestedKeyword]


def _image(data):
    if data is None:
        return None
    return Image(**{**data, "renditions": [Rendition(**r) for r in data["renditions"]]})


def _result(data):
    return SearchResult(
        query=data["query"],
        locale=data["locale"],
        count=data["count"],
        match=data["match"],
        engine=data["engine"],
        degraded=data["degraded"],
        corrected_query=data["corrected_query"],
        autocorrected=data["autocorrected"],
        items=[
            SearchHit(
                **{
                    **hit,
                    "highlight": SearchHighlight(**hit["highlight"]),
                    "image": _image(hit["image"]),
                    "breadcrumbs": [Crumb(**crumb) for crumb in hit["breadcrumbs"]],
                },
            )
            for hit in data["items"]
        ],
        facets=SearchFacets(
            **{
                name: [FacetValue(**value) for value in values]
                for name, values in data["facets"].items()
            }
        ),
    )


@strawberry.type
class SearchQueryType:
    @strawberry.field(description="Search content (and discussions); as GET /api/v1/search/.")
    def search(
        self,
        info: strawberry.Info,
        q: str,
        locale: str | None = None,
        types: list[str] | None = None,
        section: int | None = None,
        topic: int | None = None,
        keywords: list[str] | None = None,
        themes: list[str] | None = None,
        target_groups: list[str] | None = None,
        sectors: list[str] | None = None,
        settings: list[str] | None = None,
        limit: int = 20,
        offset: int = 0,
        autocorrect: bool = True,
    ) -> SearchResult:
        try:
            enforce(info.context.request, SEARCHING)
            language = request_language(info, locale)
            params = validated(
                SearchParams,
                q=q,
                **graphql_filter_values(
                    types, section, topic, keywords, themes, target_groups, sectors, settings
                ),
                limit=limit,
                offset=offset,
                autocorrect=autocorrect,
            )
            query = services.build_query(
                params.q,
                language,
                params.content_filters(),
                params.limit,
                params.offset,
                autocorrect=params.autocorrect,
            )
            return _result(services.search(query, request=info.context.request))
        except ApiError as exc:
            raise graphql_error(exc) from exc

    @strawberry.field(description="Autocomplete titles and keywords for what is being typed.")
    def suggest(
        self, info: strawberry.Info, q: str, locale: str | None = None, limit: int = 8
    ) -> Suggestions:
        try:
            enforce(info.context.request, SUGGESTING)
            language = request_language(info, locale)
            params = validated(SuggestParams, q=q, limit=limit)
        except ApiError as exc:
            raise graphql_error(exc) from exc
        data = services.suggest(params.q, language, params.limit)
        return Suggestions(
            query=data["query"],
            locale=data["locale"],
            titles=[SuggestedTitle(**t) for t in data["titles"]],
            keywords=[SuggestedKeyword(**k) for k in data["keywords"]],
        )
