"""REST endpoints for search (/api/v1/search/)."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema
from ninja.throttling import BaseThrottle
from pydantic import Field

from cms.http import public_response, respond
from cms.locales import resolve_locale
from cms.params import LOCALE_DESCRIPTION, LocaleParam
from cms.throttling import ClientThrottle
from guidance.filters import FilterParams
from search import services, suggestions
from search.schemas import SearchOut, SuggestOut

router = Router(tags=["search"])


class SearchParams(FilterParams):
    """GET /api/v1/search/ and GraphQL ``search``: the listing's filters, the words and paging."""

    q: str = Field(
        ...,
        min_length=1,
        max_length=services.MAX_QUERY_LENGTH,
        description='Words to look for; "quoted words" must appear together. '
        "Finnish inflections and compound words are understood.",
    )
    locale: LocaleParam = Field(None, description=LOCALE_DESCRIPTION)
    limit: int = Field(20, ge=1, le=50)
    offset: int = Field(0, ge=0, le=1000)
    autocorrect: bool = Field(
        True,
        description='false: search for the words exactly as typed (the "search instead '
        'for …" link); a corrected spelling is then only offered in `corrected_query`',
    )


class SuggestParams(Schema):
    """GET /api/v1/search/suggest/ and GraphQL ``suggest``."""

    q: str = Field(..., min_length=1, max_length=100)
    locale: LocaleParam = Field(None, description=LOCALE_DESCRIPTION)
    limit: int = Field(8, ge=1, le=20)


# One declaration of each limit; GraphQL's search and suggest fields count against the same.
SEARCHING: list[BaseThrottle] = [ClientThrottle("search", settings.SEARCH_RATE)]
SUGGESTING: list[BaseThrottle] = [ClientThrottle("suggest", "240/min")]


@router.get(
    "/search/",
    response=SearchOut,
    throttle=SEARCHING,
    summary="Search content and discussions",
)
def search(request: HttpRequest, params: Query[SearchParams]) -> HttpResponse:
    """Ranked hits with highlighted snippets and facet counts for type, section and every
    taxonomy. Filters take the same values as the content listing; facet `value`s are what
    the filters take. Items without a translation are searched in Finnish and marked
    `locale_fallback: true`. When Elasticsearch is configured but unreachable, the database
    answers and `degraded` is true. Search forgives letters typed without ä/ö/å, typos and
    compounds spaced or run together: when the words as typed find little and a corrected
    spelling finds more, `corrected_query` names it and (unless `autocorrect=false`) the items
    are its results, with `autocorrected: true`."""
    language = resolve_locale(request, params.locale)
    filters = params.content_filters()
    query = services.build_query(
        params.q, language, filters, params.limit, params.offset, autocorrect=params.autocorrect
    )
    return public_response(request, respond(SearchOut, services.search(query, request=request)))


@router.get(
    "/search/suggest/",
    response=SuggestOut,
    throttle=SUGGESTING,
    summary="Autocomplete",
)
def suggest(request: HttpRequest, params: Query[SuggestParams]) -> HttpResponse:
    """Titles and keywords that complete what the user is typing (the last word may be
    unfinished)."""
    language = resolve_locale(request, params.locale)
    return public_response(
        request, respond(SuggestOut, suggestions.suggest(params.q, language, params.limit))
    )
