"""The JOD frontend's user-data calls (its Spring service's ``/ohjaaja/api/…``), answered from
this CMS's community: profile, export, favourites, interests, comments, reports, views, most and
recently viewed, content suggestions and the comments feature flag. docs/jod-frontend.md has the
table of calls; ``../shared/jod-frontend-user-contract.md`` the frontend's side.

Every rule is the community's or guidance's (``community.people``, ``community.comments``,
``community.discussions``, ``community.suggestions``, ``guidance.viewing``), with the limits of
``/api/v1/``; this module only translates, and ``jod/user_api.py`` answers in the frontend's
terms (403 only for "no session" or a bad CSRF token, JSON errors, ``private, no-store``).
"""

import json
import uuid
from typing import Any

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token

from cms.api_errors import ApiError
from cms.clients import client_address
from cms.throttling import enforce
from community import comments, discussions, people, suggestions
from community.api.discussions import POSTING, REPORTING
from community.api.me import SUGGESTING
from community.models import Post, User
from guidance import queries
from guidance.services import is_visible_item
from guidance.viewing import VIEWING, count_view
from jod import ids
from jod.catalogue import catalogue
from jod.schemas import (
    Comment,
    CommentedArticlePage,
    CommentIn,
    CommentListParams,
    CommentPage,
    ExportedComment,
    Favourite,
    FavouriteIn,
    FeatureFlag,
    Interest,
    InterestIn,
    KeyPage,
    MostViewedParams,
    PageParams,
    Profile,
    ProfileIn,
    SuggestionIn,
)
from jod.user_api import answer, json_body, no_content, paged, query_params, signed_in

COMMENT_PAGE_MAX = 50
OWN_PAGE_MAX = 100
MOST_VIEWED_MAX = 100

# Workplaces in the frontend ↔ sectors here. Reading, sectors the frontend has no word for are
# its nearest one; writing the value a sector already reads as keeps the sector.
WORKPLACE_OF_SECTOR = {
    "basic_education": "PERUSASTE",
    "upper_secondary": "TOINEN_ASTE",
    "vocational": "TOINEN_ASTE",
    "higher_education": "KORKEAKOULU",
    "other_education": "OPPILAITOS_MUU",
    "employment_services": "TYOLLISYYSPALVELUT",
    "third_sector": "KOLMAS_SEKTORI",
    "private": "YKSITYINEN",
    "youth_work": "MUU",
    "social_and_health": "MUU",
    "other": "MUU",
}
SECTOR_OF_WORKPLACE = {
    "PERUSASTE": "basic_education",
    "TOINEN_ASTE": "upper_secondary",
    "KORKEAKOULU": "higher_education",
    "OPPILAITOS_MUU": "other_education",
    "TYOLLISYYSPALVELUT": "employment_services",
    "KOLMAS_SEKTORI": "third_sector",
    "YKSITYINEN": "private",
    "MUU": "other",
}


def _key(erc: str) -> uuid.UUID | None:
    """An article's external reference code (its translation key), or None."""
    try:
        return uuid.UUID(erc)
    except ValueError:
        return None


def _article(erc: str) -> uuid.UUID:
    """The key of a published article, or a 404."""
    key = _key(erc)
    if key is None or not is_visible_item(key):
        raise ApiError(404, "not_found", "No published article has this code.")
    return key


# --- Profile and export ---------------------------------------------------------------------------


def _csrf_header() -> str:
    """The header Django reads the token from (``CSRF_HEADER_NAME`` is its WSGI form)."""
    return settings.CSRF_HEADER_NAME.removeprefix("HTTP_").replace("_", "-").title()


def profile(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    return answer(
        Profile,
        {
            "id": ids.profile_id(user.pk),
            "etunimi": user.first_name or user.display_name or user.get_username(),
            "sukunimi": user.last_name,
            "csrf": {
                "token": get_token(request),
                "headerName": _csrf_header(),
                "parameterName": "_csrf",
            },
            "tyoskentelyPaikka": WORKPLACE_OF_SECTOR.get(user.sector),
        },
    )


def update_profile(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    workplace = json_body(request, ProfileIn).tyoskentelyPaikka
    if WORKPLACE_OF_SECTOR.get(user.sector) != workplace:
        sector = SECTOR_OF_WORKPLACE[workplace] if workplace else ""
        people.update_profile(user, {"sector": sector})
    return no_content()


def _favourites(user: User) -> list[dict[str, Any]]:
    return [
        {
            "id": ids.record_uuid("favourite", f.pk),
            "artikkeliErc": str(f.translation_key),
            "luotu": f.created_at,
        }
        for f in people.favourites(user)
    ]


def _interests(user: User) -> list[dict[str, Any]]:
    tags = catalogue().tag_of_key
    return [
        {"id": ids.record_uuid("interest", i.pk), "asiasanaId": tags[str(i.keyword_key)].id}
        for i in people.interests(user)
        if str(i.keyword_key) in tags
    ]


def export(request: HttpRequest) -> HttpResponse:
    """The Spring service's export (id, workplace, favourites, interests, comments) and, beside
    it, everything else this CMS holds on the person (``community.people.export``)."""
    user = signed_in(request)
    own = [
        ExportedComment.model_validate(
            {
                "id": ids.record_uuid("comment", post.pk),
                "luotu": post.created_at,
                "artikkeliErc": str(post.thread.content_key),
                "kommentti": comments.comment_text(post),
            }
        ).model_dump(mode="json")
        for post in comments.own_comments(user)
    ]
    data = {
        "id": ids.profile_id(user.pk),
        "tyoskentelyPaikka": WORKPLACE_OF_SECTOR.get(user.sector),
        "suosikit": _favourites(user),
        "kiinnostukset": _interests(user),
        "kommentit": own,
        **people.export(user),
    }
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = "attachment; filename=profiili.json"
    return response


# --- Favourites and interests ---------------------------------------------------------------------


def favourites(request: HttpRequest) -> HttpResponse:
    return answer(list[Favourite], _favourites(signed_in(request)))


def add_favourite(request: HttpRequest) -> HttpResponse:
    """Save an article; the answer is the favourite's id as a bare JSON string."""
    user = signed_in(request)
    key = _article(json_body(request, FavouriteIn).artikkeliErc)
    return answer(str, ids.record_uuid("favourite", people.add_favourite(user, key).pk))


def remove_favourite(request: HttpRequest) -> HttpResponse:
    key = ids.record_key("favourite", request.GET.get("id", ""))
    if key is None or not people.remove_favourite(signed_in(request), key):
        raise ApiError(404, "not_found", "You have no favourite with this id.")
    return no_content()


def interests(request: HttpRequest) -> HttpResponse:
    return answer(list[Interest], _interests(signed_in(request)))


def add_interest(request: HttpRequest) -> HttpResponse:
    """Follow a keyword by its tag id (``/jod-tags``); the answer is a bare JSON string id."""
    user = signed_in(request)
    tag = catalogue().tags.get(json_body(request, InterestIn).asiasanaId)
    if tag is None:
        raise ApiError(404, "not_found", "No keyword has this id.")
    interest = people.add_interest(user, uuid.UUID(tag.translation_key))
    return answer(str, ids.record_uuid("interest", interest.pk))


def remove_interest(request: HttpRequest) -> HttpResponse:
    key = ids.record_key("interest", request.GET.get("id", ""))
    if key is None or not people.remove_interest(signed_in(request), key):
        raise ApiError(404, "not_found", "You have no interest with this id.")
    return no_content()


# --- Comments -------------------------------------------------------------------------------------


def _comment(post: Post, erc: str, viewer: HttpRequest) -> dict[str, Any]:
    user = viewer.user
    if post.author_id is None:
        author = None  # the author erased their account
    elif user.is_authenticated and post.author_id == user.pk:
        author = ids.profile_id(user.pk)
    else:
        author = ids.author_id(post.thread_id, post.author_id)
    return {
        "id": ids.record_uuid("comment", post.pk),
        "artikkeliErc": erc,
        "ohjaajaId": author,
        "kommentti": comments.comment_text(post),
        "luotu": post.created_at,
    }


def comment_list(request: HttpRequest) -> HttpResponse:
    """An article's comments, newest first, 0-based pages; none for an unknown article."""
    params = query_params(request, CommentListParams)
    size = min(params.koko, COMMENT_PAGE_MAX)
    key = _key(params.artikkeliErc)
    total, posts = comments.content_comments(key, size, params.sivu * size) if key else (0, [])
    items = [_comment(post, params.artikkeliErc, request) for post in posts]
    return answer(CommentPage, paged(items, total, size))


def add_comment(request: HttpRequest) -> HttpResponse:
    payload = json_body(request, CommentIn)
    key = _article(payload.artikkeliErc)
    enforce(request, POSTING)
    names = catalogue().article_names.get(str(key), {})
    language = queries.default_language()
    title = names.get(language) or next(iter(names.values()), payload.artikkeliErc)
    post = comments.add_comment(request.user, key, payload.kommentti, title, language)
    return answer(Comment, _comment(post, payload.artikkeliErc, request), 201)


def delete_comment(request: HttpRequest, comment_id: str) -> HttpResponse:
    key = ids.record_key("comment", comment_id)
    if key is None:
        raise ApiError(404, "not_found", "No such comment.")
    comments.delete_comment(request.user, key)
    return no_content()


def report_comment(request: HttpRequest, comment_id: str) -> HttpResponse:
    key = ids.record_key("comment", comment_id)
    if key is None:
        raise ApiError(404, "not_found", "No such comment.")
    enforce(request, REPORTING)
    comments.report_comment(request.user, key, client_address(request))
    return no_content()


def own_comments(request: HttpRequest) -> HttpResponse:
    """The articles the counsellor has commented on, the latest comment first. Reading one's
    own comments stays open while posting is closed."""
    params = query_params(request, PageParams)
    size = min(params.koko, OWN_PAGE_MAX)
    total, items = comments.commented_items(signed_in(request), size, params.sivu * size)
    rows = [
        {
            "artikkeliErc": str(item.content_key),
            "uusinKommenttiAika": item.newest,
            "vanhinKommenttiAika": item.oldest,
            "kommenttiMaara": item.count,
        }
        for item in items
    ]
    return answer(CommentedArticlePage, paged(rows, total, size))


# --- Views, suggestions, feature flag -------------------------------------------------------------


def record_view(request: HttpRequest, erc: str) -> HttpResponse:
    enforce(request, VIEWING)
    count_view(request, _article(erc))
    return no_content()


def most_viewed(request: HttpRequest) -> HttpResponse:
    params = query_params(request, MostViewedParams)
    among = None
    if params.filterByArtikkeliErcs:
        among = [k for k in map(_key, params.filterByArtikkeliErcs.split(",")) if k is not None]
    keys = [str(k) for k in queries.most_viewed_keys(min(params.koko, MOST_VIEWED_MAX), among)]
    return answer(KeyPage, paged(keys, len(keys), max(len(keys), 1)))


def recently_viewed(request: HttpRequest) -> HttpResponse:
    params = query_params(request, PageParams)
    keys = [str(k) for k in people.recent_keys(signed_in(request), limit=people.RECENT_KEPT)]
    size = min(params.koko, people.RECENT_KEPT)
    start = params.sivu * size
    return answer(KeyPage, paged(keys[start : start + size], len(keys), size))


def suggest(request: HttpRequest) -> HttpResponse:
    payload = json_body(request, SuggestionIn)
    enforce(request, SUGGESTING)
    suggestions.suggest(
        signed_in(request),
        title=payload.sisalto,
        description=payload.kuvaus,
        language=payload.kieli,
        url=payload.linkki or "",
        contact_email=payload.sahkoposti or "",
    )
    return no_content()


def feature(request: HttpRequest, name: str) -> HttpResponse:
    """``COMMENTS`` is the discussion kill switch; the frontend knows no other feature."""
    if name != "COMMENTS":
        raise ApiError(400, "invalid_parameter", f"Unknown feature {name[:50]!r}.")
    return answer(FeatureFlag, {"feature": name, "enabled": discussions.posting_open()})
