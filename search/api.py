"""REST endpoints for search (/api/v1/search/)."""

from django.conf import settings
from django.http import JsonResponse
from ninja import Query, Router, Schema
from pydantic import Field

from cms.http import public_response
from cms.locales import resolve_locale
from cms.throttling import ClientThrottle
from guidance.api import SLUG_LIST, LocaleParam, filters_from
from search import services
from search.schemas import SearchOut, SuggestOut

router = Router(tags=["search"])


class SearchParams(Schema):
    q: str = Field(
        ...,
        min_length=1,
        max_length=services.MAX_QUERY_LENGTH,
        description='Words to look for; "quoted words" must appear together. '
        "Finnish inflections and compound words are understood.",
    )
    locale: LocaleParam = Field(None, description="fi, sv or en; else Accept-Language; else fi")
    type: str | None = Field(
        None,
        pattern=r"^[a-z]+(,[a-z]+)*$",
        description="article, method, tool, material, training, discussion (comma-separated)",
    )
    section: int | None = Field(None, ge=1, le=2**31, description="id of a section page")
    topic: int | None = Field(None, ge=1, le=2**31, description="id of a topic page")
    keyword: str | None = Field(None, pattern=SLUG_LIST, max_length=500)
    theme: str | None = Field(None, pattern=SLUG_LIST, max_length=500)
    target_group: str | None = Field(None, pattern=SLUG_LIST, max_length=500)
    sector: str | None = Field(None, pattern=SLUG_LIST, max_length=500)
    setting: str | None = Field(None, pattern=SLUG_LIST, max_length=500)
    limit: int = Field(20, ge=1, le=50)
    offset: int = Field(0, ge=0, le=1000)
    autocorrect: bool = Field(
        True,
        description='false: search for the words exactly as typed (the "search instead '
        'for …" link); a corrected spelling is then only offered in `corrected_query`',
    )


# One declaration of each limit; GraphQL's search and suggest fields count against the same.
SEARCHING = [ClientThrottle("search", settings.SEARCH_RATE)]
SUGGESTING = [ClientThrottle("suggest", "240/min")]


def _respond(request, data, schema):
    response = JsonResponse(schema.model_validate(data).model_dump(mode="json"))
    return public_response(request, response)


@router.get(
    "/search/",
    response=SearchOut,
    throttle=SEARCHING,
    summary="Search content and discussions",
)
def search(request, params: Query[SearchParams]):
    """Ranked hits with highlighted snippets and facet counts for type, section and every
    taxonomy. Filters take the same values as the content listing; facet `value`s are what
    the filters take. Items without a translation are searched in Finnish and marked
    `locale_fallback: true`. When Elasticsearch is configured but unreachable, the database
    answers and `degraded` is true. Search forgives letters typed without ä/ö/å, typos and
    compounds spaced or run together: when the words as typed find little and a corrected
    spelling finds more, `corrected_query` names it and (unless `autocorrect=false`) the items
    are its results, with `autocorrected: true`."""
    language = resolve_locale(request, params.locale)
    filters = filters_from(params)
    query = services.build_query(
        params.q, language, filters, params.limit, params.offset, autocorrect=params.autocorrect
    )
    return _respond(request, services.search(query, request=request), SearchOut)


@router.get(
    "/search/suggest/",
    response=SuggestOut,
    throttle=SUGGESTING,
    summary="Autocomplete",
)
def suggest(
    request,
    q: str = Query(..., min_length=1, max_length=100),
    locale: LocaleParam = None,
    limit: int = Query(8, ge=1, le=20),
):
    """Titles and keywords that complete what the user is typing (the last word may be
    unfinished)."""
    language = resolve_locale(request, locale)
    return _respond(request, services.suggest(q, language, limit), SuggestOut)
