"""GraphQL search and suggestions: the same service functions as GET /api/v1/search/."""

import strawberry

import guidance.graphql  # noqa: F401 - registers the Image and Crumb types hits reuse
from cms.api_errors import ApiError
from cms.graphql_support import graphql_error, request_language
from cms.params import validated
from cms.shapes import as_shape, graphql_type
from cms.throttling import enforce
from guidance.filters import graphql_filter_values
from search import services, suggestions
from search.api import SEARCHING, SUGGESTING, SearchParams, SuggestParams
from search.schemas import (
    FacetsOut,
    FacetValueOut,
    HighlightOut,
    SearchHitOut,
    SearchOut,
    SuggestKeywordOut,
    SuggestOut,
    SuggestTitleOut,
)

# The GraphQL types are the REST shapes (search.schemas), field for field (cms.shapes).


@graphql_type(HighlightOut, "SearchHighlight")
class SearchHighlight:
    pass


@graphql_type(SearchHitOut, "SearchHit")
class SearchHit:
    type: str  # GraphQL has no literal strings; the description lists the values


@graphql_type(FacetValueOut, "FacetValue")
class FacetValue:
    pass


@graphql_type(FacetsOut, "SearchFacets")
class SearchFacets:
    pass


@graphql_type(SearchOut, "SearchResult")
class SearchResult:
    pass


@graphql_type(SuggestTitleOut, "SuggestedTitle")
class SuggestedTitle:
    pass


@graphql_type(SuggestKeywordOut, "SuggestedKeyword")
class SuggestedKeyword:
    pass


@graphql_type(SuggestOut, "Suggestions")
class Suggestions:
    pass


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
            return as_shape(SearchOut, services.search(query, request=info.context.request))
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
        return as_shape(SuggestOut, suggestions.suggest(params.q, language, params.limit))
