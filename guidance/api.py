"""REST endpoints for content, navigation and taxonomies (/api/v1/)."""

import uuid
from typing import Annotated, Any, Literal

from django.http import Http404, HttpRequest, HttpResponse
from ninja import Path, Query, Router, Schema
from ninja.decorators import decorate_view
from pydantic import Field

from cms.api_errors import ApiError
from cms.http import cache_public_get, private_response, respond, respond_stored
from cms.locales import resolve_locale
from cms.params import LocaleParam
from cms.throttling import ClientThrottle
from guidance import queries, read_model, serializers, services, viewing
from guidance.filters import ListingParams
from guidance.schemas import (
    ContentDetailOut,
    ContentListOut,
    FeaturedOut,
    FeedbackOut,
    NavigationOut,
    TaxonomyOut,
    ViewCountOut,
)
from guidance.viewing import VIEWING

router = Router(tags=["content"])


@router.get("/navigation/", response=NavigationOut, summary="Section and topic tree")
@decorate_view(cache_public_get())
def navigation(request: HttpRequest, locale: LocaleParam = None) -> HttpResponse:
    """The page tree the frontend renders as navigation: sections with their (nested) topics.
    Untranslated nodes appear in Finnish with `locale_fallback: true`."""
    language = resolve_locale(request, locale)
    return respond(NavigationOut, {"locale": language, "items": queries.navigation(language)})


@router.get("/featured/", response=FeaturedOut, summary="Featured items")
@decorate_view(cache_public_get())
def featured(
    request: HttpRequest,
    section: int | None = Query(None, ge=1, le=2**31),
    locale: LocaleParam = None,
) -> HttpResponse:
    """The items editors feature on the home page, or on the section given by id, in order."""
    language = resolve_locale(request, locale)
    keys = queries.featured_keys(language, section)
    cards = read_model.cards_json(language, keys, read_model.origin(request))
    return respond_stored(FeaturedOut, {"locale": language, "items": cards}, stored="items")


@router.get("/content/", response=ContentListOut, summary="List content items")
@decorate_view(cache_public_get())
def list_content(request: HttpRequest, params: Query[ListingParams]) -> HttpResponse:
    """Published content in the requested language; items without a translation are included
    in Finnish with `locale_fallback: true`. Taxonomy filters take slugs; several values of one
    filter match any of them, different filters must all match."""
    language = resolve_locale(request, params.locale)
    filters = params.content_filters()
    count, cards = read_model.listing_json(
        language, filters, params.ordering, params.limit, params.offset, read_model.origin(request)
    )
    return respond_stored(
        ContentListOut,
        {
            "locale": language,
            "count": count,
            "limit": params.limit,
            "offset": params.offset,
            "items": cards,
        },
        stored="items",
    )


def _detail(request: HttpRequest, language: str, **lookup: Any) -> HttpResponse:
    data = read_model.detail_json(language, read_model.origin(request), **lookup)
    if data is None:
        if available := queries.published_locales(language, **lookup):
            raise ApiError(
                404,
                "not_in_language",
                f"The item is not published in {language}; it is available in: "
                f"{', '.join(available)}.",
                [
                    {
                        "parameter": "locale",
                        "message": "not published",
                        "available_locales": available,
                    }
                ],
            )
        raise Http404("No published content item matches.")
    return respond_stored(ContentDetailOut, data)


@router.get(
    "/content/by-key/{translation_key}/",
    response=ContentDetailOut,
    summary="Item by translation key",
)
@decorate_view(cache_public_get())
def content_by_key(
    request: HttpRequest, translation_key: uuid.UUID, locale: LocaleParam = None
) -> HttpResponse:
    """The item with this `translation_key` (shared by all its translations)."""
    return _detail(request, resolve_locale(request, locale), translation_key=translation_key)


@router.get("/content/by-path/", response=ContentDetailOut, summary="Item by frontend path")
@decorate_view(cache_public_get())
def content_by_path(
    request: HttpRequest,
    path: str = Query(..., min_length=1, max_length=500, pattern=r"^/[a-z0-9/_-]*$"),
    locale: LocaleParam = None,
) -> HttpResponse:
    """The item at a frontend path such as `/asiakastyohon/urasuunnittelu/elamanjana/`."""
    return _detail(request, resolve_locale(request, locale), path=path)


@router.get("/content/{content_id}/", response=ContentDetailOut, summary="Item by id")
@decorate_view(cache_public_get())
def content_detail(
    request: HttpRequest,
    content_id: Annotated[int, Path(ge=1, le=2**31)],
    locale: LocaleParam = None,
) -> HttpResponse:
    """One item with everything its page renders. The id of any language version works;
    the answer is in the requested language, or Finnish with `locale_fallback: true`."""
    return _detail(request, resolve_locale(request, locale), page_id=content_id)


@router.post(
    "/content/{content_id}/view/",
    response={202: ViewCountOut},
    throttle=VIEWING,
    summary="Count a view",
)
def count_view(
    request: HttpRequest, content_id: Annotated[int, Path(ge=1, le=2**31)]
) -> HttpResponse:
    """Count one anonymous view of an item for today. The same client viewing the same item
    again on the same day is not counted twice. No personal data is stored."""
    translation_key = queries.visible_translation_key(content_id)
    if translation_key is None:
        raise Http404("No published content item matches.")
    return respond(
        ViewCountOut, {"counted": viewing.count_view(request, translation_key)}, status=202
    )


@router.get("/taxonomy/{vocabulary}/", response=TaxonomyOut, summary="A vocabulary")
@decorate_view(cache_public_get())
def taxonomy(
    request: HttpRequest,
    vocabulary: Literal["keywords", "themes", "target-groups", "sectors", "settings"],
    locale: LocaleParam = None,
) -> HttpResponse:
    """All terms of a vocabulary with labels in the requested language. Use the `slug` in
    content filters."""
    language = resolve_locale(request, locale)
    api_name = vocabulary.replace("-", "_")
    terms = queries.vocabulary_terms(api_name, language)
    return respond(TaxonomyOut, {"locale": language, "vocabulary": vocabulary, "items": terms})


@router.get("/preview/", response=ContentDetailOut, summary="Preview a draft", tags=["preview"])
def preview(
    request: HttpRequest,
    content_type: str = Query(..., max_length=100, pattern=r"^guidance\.[a-z]+page$"),
    token: str = Query(..., max_length=300),
) -> HttpResponse:
    """The draft an editor is previewing, as the item endpoint would show it once published.
    The token comes from the admin's preview button and expires after
    `PREVIEW_TOKEN_MAX_AGE` seconds. Never cached."""
    page = services.page_from_preview_token(content_type, token)
    language = page.locale.language_code
    data = serializers.detail(page, language, request, draft=True)
    # Related items as the published item will show them (the draft's saved terms).
    data["related"] = read_model.related_to(page, language, read_model.origin(request))
    response = private_response(respond(ContentDetailOut, data))
    response["X-Robots-Tag"] = "noindex"
    return response


class FeedbackIn(Schema):
    helpful: bool
    comment: str = Field("", max_length=500, description="Optional; plain text, HTML is removed")
    locale: LocaleParam = None


@router.post(
    "/content/{content_id}/feedback/",
    response={201: FeedbackOut},
    throttle=[ClientThrottle("feedback", "20/min")],
    summary="Was this helpful?",
)
def give_feedback(
    request: HttpRequest, content_id: Annotated[int, Path(ge=1, le=2**31)], payload: FeedbackIn
) -> HttpResponse:
    """Anonymous "was this helpful" with an optional short comment; reviewers see it next to
    the item. Limited to 20 a minute per client."""
    translation_key = queries.visible_translation_key(content_id)
    if translation_key is None:
        raise Http404("No published content item matches.")
    language = resolve_locale(request, payload.locale)
    services.record_feedback(translation_key, language, payload.helpful, payload.comment)
    return respond(FeedbackOut, {"received": True}, status=201)
