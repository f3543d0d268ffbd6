"""A counsellor's own: profile, favourites, interests, recently viewed items, recommendations,
data export and erasure, and content suggestions to editors. Every endpoint needs a
signed-in counsellor and answers privately."""

import uuid
from typing import Any

from django.contrib.auth import logout
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from ninja import Query, Router
from ninja.responses import Status
from ninja.security import django_auth
from ninja.throttling import BaseThrottle

from cms.api_errors import ApiError, invalid_parameter
from cms.http import private_response
from cms.locales import resolve_locale
from cms.params import LocaleParam
from cms.throttling import UserThrottle
from community import erasure, people, suggestions
from community.api.common import SignedIn, private
from community.schemas import (
    EraseIn,
    InterestsIn,
    InterestsOut,
    ProfileIn,
    ProfileOut,
    SuggestionIn,
    SuggestionOut,
)
from guidance import services
from guidance.schemas import ContentListOut
from guidance.services import is_visible_item

router = Router(tags=["community"])

SUGGESTING: list[BaseThrottle] = [UserThrottle("suggesting", "5/h")]


@router.get("/me/", response=ProfileOut, auth=django_auth, summary="My profile")
def me(request: SignedIn) -> HttpResponse:
    """The signed-in counsellor's profile. Email and login times are never in any response
    other than /me/export/."""
    return private(ProfileOut, people.profile(request.user))


@router.patch("/me/", response=ProfileOut, auth=django_auth, summary="Change my profile")
def update_me(request: SignedIn, payload: ProfileIn) -> HttpResponse:
    """Display name, public profile, sector, workplace type and notification choices."""

    try:
        people.update_profile(request.user, payload.model_dump(exclude_unset=True))
    except DjangoValidationError as exc:
        name, messages = next(iter(exc.message_dict.items()))
        raise invalid_parameter(name, messages[0]) from exc
    return private(ProfileOut, people.profile(request.user))


def _card_list(request: HttpRequest, language: str, items: list[dict[str, Any]]) -> HttpResponse:
    return private(
        ContentListOut,
        {
            "locale": language,
            "count": len(items),
            "limit": len(items),
            "offset": 0,
            "items": items,
        },
    )


@router.get("/me/favourites/", response=ContentListOut, auth=django_auth, summary="My favourites")
def favourites(request: SignedIn, locale: LocaleParam = None) -> HttpResponse:
    """Saved items, newest first, as cards in the requested language (items no longer
    published are left out but stay saved)."""
    language = resolve_locale(request, locale)
    return _card_list(
        request,
        language,
        services.cards_for_keys(people.favourite_keys(request.user), language, request),
    )


@router.put("/me/favourites/{translation_key}/", auth=django_auth, summary="Save an item")
def add_favourite(request: SignedIn, translation_key: uuid.UUID) -> HttpResponse:
    """Save an item by its translation_key (the same for all its language versions)."""
    if not is_visible_item(translation_key):
        raise ApiError(404, "not_found", "No published content item matches.")
    people.set_favourite(request.user, translation_key, True)
    return HttpResponse(status=204)


@router.delete("/me/favourites/{translation_key}/", auth=django_auth, summary="Unsave an item")
def remove_favourite(request: SignedIn, translation_key: uuid.UUID) -> HttpResponse:
    people.set_favourite(request.user, translation_key, False)
    return HttpResponse(status=204)


@router.get("/me/interests/", response=InterestsOut, auth=django_auth, summary="My interests")
def interests(request: SignedIn) -> HttpResponse:
    return private(InterestsOut, {"keywords": people.interest_slugs(request.user)})


@router.put("/me/interests/", response=InterestsOut, auth=django_auth, summary="Set my interests")
def set_interests(request: SignedIn, payload: InterestsIn) -> HttpResponse:
    """Replace the interests with these keyword slugs (see /taxonomy/keywords/)."""
    try:
        people.set_interests(request.user, payload.keywords)
    except ValueError as exc:
        raise invalid_parameter("keywords", f"unknown keyword {exc.args[0]!r}") from exc
    return private(InterestsOut, {"keywords": people.interest_slugs(request.user)})


@router.get("/me/recent/", response=ContentListOut, auth=django_auth, summary="Recently viewed")
def recent(request: SignedIn, locale: LocaleParam = None) -> HttpResponse:
    """Items this counsellor opened lately (counted by POST /content/{id}/view/)."""
    language = resolve_locale(request, locale)
    return _card_list(
        request,
        language,
        services.cards_for_keys(people.recent_keys(request.user), language, request),
    )


@router.get("/me/recommendations/", response=ContentListOut, auth=django_auth, summary="For you")
def recommendations(
    request: SignedIn, locale: LocaleParam = None, limit: int = Query(10, ge=1, le=50)
) -> HttpResponse:
    """Items ranked for this counsellor from their interests, favourites and views."""
    language = resolve_locale(request, locale)
    pages = people.recommendations(request.user, language, limit)
    return _card_list(request, language, services.cards(pages, language, request))


@router.get("/me/export/", auth=django_auth, summary="Export my data")
def export(request: SignedIn) -> HttpResponse:
    """Everything the service holds about you, as one JSON document."""
    response = private_response(
        JsonResponse(people.export(request.user), json_dumps_params={"default": str})
    )
    response["Content-Disposition"] = 'attachment; filename="ohjaaja-data.json"'
    return response


@router.post("/me/erase/", response={204: None}, auth=django_auth, summary="Erase my account")
def erase(request: SignedIn, payload: EraseIn) -> Status:
    """Delete the account and personal data. Posts stay as "deleted user" unless
    `delete_posts` is true; other people's replies stay either way. Signs out."""

    user = request.user
    logout(request)
    erasure.erase(user, delete_posts=payload.delete_posts)
    return Status(204, None)


@router.post(
    "/suggestions/",
    response={201: SuggestionOut},
    auth=django_auth,
    throttle=SUGGESTING,
    summary="Suggest content",
)
def suggest_content(request: SignedIn, payload: SuggestionIn) -> HttpResponse:
    """Propose a method or material (a link and why it helps); editors see it in their inbox."""

    suggestion = suggestions.suggest(
        request.user,
        title=payload.title,
        url=payload.url,
        description=payload.description,
        language=payload.locale,
    )
    return private(SuggestionOut, {"id": suggestion.pk, "status": suggestion.status}, 201)
