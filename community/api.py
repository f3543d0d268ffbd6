"""REST endpoints for counsellors: /me/, /discussions/, /posts/, /suggestions/.

Reading discussions is open to everyone; everything else needs a signed-in counsellor (session
cookie from django-allauth's headless API, plus the CSRF token on writes). Signed-in responses
are `Cache-Control: private, no-store`.
"""

import uuid
from typing import Annotated, Any

from django.conf import settings
from django.contrib.auth import logout
from django.core import signing
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import get_language
from ninja import Header, Path, Query, Router
from ninja.responses import Status
from ninja.security import django_auth
from ninja.throttling import BaseThrottle

from cms.api_errors import ApiError, invalid_parameter
from cms.cache import cached, named_version
from cms.http import private_response, public_response, respond, respond_for
from cms.locales import resolve_locale
from cms.params import LocaleParam
from cms.throttling import ClientThrottle, UserThrottle
from community import discussions, erasure, names, people, suggestions
from community.discussions import PostView
from community.models import DiscussionArea, Follow, Post, Thread, User
from community.notifications import read_unsubscribe_token
from community.people import Viewer
from community.schemas import (
    AreaOut,
    EraseIn,
    FollowOut,
    InterestsIn,
    InterestsOut,
    PostEditIn,
    PostIn,
    PostOut,
    ProfileIn,
    ProfileOut,
    ReportIn,
    SuggestionIn,
    SuggestionOut,
    ThanksOut,
    ThreadDetailOut,
    ThreadIn,
    ThreadListOut,
    ThreadListParams,
)
from guidance import services
from guidance.schemas import ContentListOut
from guidance.services import is_visible_item

router = Router(tags=["community"])


class SignedIn(HttpRequest):
    """The request of an endpoint with ``auth=django_auth``: ninja answers 401 before the view
    runs unless a counsellor is signed in."""

    user: User


Id = Annotated[int, Path(ge=1, le=2**62)]

POSTING: list[BaseThrottle] = [
    ClientThrottle("posting-ip", settings.COMMUNITY_POST_RATE_PER_ADDRESS),
    UserThrottle(
        "posting",
        settings.COMMUNITY_POST_RATE,
        new_account_rate=settings.COMMUNITY_NEW_ACCOUNT_POST_RATE,
    ),
]
REPORTING: list[BaseThrottle] = [
    ClientThrottle("reporting-ip", "30/min"),
    UserThrottle("reporting", "10/min"),
]
REACTING: list[BaseThrottle] = [UserThrottle("reacting", "60/min")]
SUGGESTING: list[BaseThrottle] = [UserThrottle("suggesting", "5/h")]


def _private(shape: Any, data: Any, status: int = 200) -> HttpResponse:
    """A signed-in answer in its declared shape: never stored by a cache."""
    return private_response(respond(shape, data, status=status))


# --- Serialising --------------------------------------------------------------------------------


def area_data(area: DiscussionArea | None) -> dict[str, Any] | None:
    if area is None:
        return None
    return {
        "slug": area.slug,
        "name": area.name,
        "description": area.description,
        "translation_key": area.translation_key,
    }


def area_from_slug(slug: str | None) -> DiscussionArea | None:
    """The discussion area a request names (None when it names none); an unknown slug is a
    400 on the ``area`` parameter."""
    if not slug:
        return None
    area = discussions.area_by_slug(slug)
    if area is None:
        raise invalid_parameter("area", f"unknown area {slug!r}")
    return area


def thread_data(thread: Thread, viewer: Viewer, post_count: int | None = None) -> dict[str, Any]:
    return {
        "id": thread.pk,
        "title": thread.title,
        "area": area_data(thread.area),
        "content_key": thread.content_key,
        "author": names.author_label(thread.author, thread.pk, viewer),
        "language": thread.language,
        "created_at": thread.created_at,
        "last_post_at": thread.last_post_at,
        "post_count": post_count if post_count is not None else getattr(thread, "post_count", 0),
        "locked": thread.locked,
    }


def post_data(
    post: Post | PostView, viewer: Viewer, labels: dict[int | None, dict[str, Any]] | None = None
) -> dict[str, Any]:
    """A post as the API shows it; ``labels`` (author id → label) spares a thread of many posts
    by the same people computing each author's pseudonym again for every post."""
    if labels is None:
        author = names.author_label(post.author, post.thread_id, viewer)
    elif post.author_id in labels:
        author = labels[post.author_id]
    else:
        author = labels[post.author_id] = names.author_label(post.author, post.thread_id, viewer)
    return {
        "id": post.pk,
        "author": author,
        "body": "" if post.deleted else post.body,
        "reply_to": post.reply_to_id,
        "created_at": post.created_at,
        "edited": post.edited_at is not None,
        "edited_at": post.edited_at,
        "deleted": post.deleted,
        "hidden": post.hidden,
        "thanks": getattr(post, "thanks_count", 0),
        "thanked_by_me": bool(getattr(post, "thanked_by_me", False)),
    }


def thread_detail_data(viewer: Viewer, thread_id: int) -> dict[str, Any]:
    """A thread with its visible posts, as REST and GraphQL return it."""
    thread, posts, total, following = discussions.thread_detail(viewer, thread_id)
    labels: dict[int | None, dict[str, Any]] = {}
    return {
        **thread_data(thread, viewer, post_count=total),
        "following": following,
        "posts": [post_data(post, viewer, labels) for post in posts],
    }


# --- Profile and personal lists -----------------------------------------------------------------


@router.get("/me/", response=ProfileOut, auth=django_auth, summary="My profile")
def me(request: SignedIn) -> HttpResponse:
    """The signed-in counsellor's profile. Email and login times are never in any response
    other than /me/export/."""
    return _private(ProfileOut, people.profile(request.user))


@router.patch("/me/", response=ProfileOut, auth=django_auth, summary="Change my profile")
def update_me(request: SignedIn, payload: ProfileIn) -> HttpResponse:
    """Display name, public profile, sector, workplace type and notification choices."""

    try:
        people.update_profile(request.user, payload.model_dump(exclude_unset=True))
    except DjangoValidationError as exc:
        name, messages = next(iter(exc.message_dict.items()))
        raise invalid_parameter(name, messages[0]) from exc
    return _private(ProfileOut, people.profile(request.user))


def _card_list(request: HttpRequest, language: str, items: list[dict[str, Any]]) -> HttpResponse:
    return _private(
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
    return _private(InterestsOut, {"keywords": people.interest_slugs(request.user)})


@router.put("/me/interests/", response=InterestsOut, auth=django_auth, summary="Set my interests")
def set_interests(request: SignedIn, payload: InterestsIn) -> HttpResponse:
    """Replace the interests with these keyword slugs (see /taxonomy/keywords/)."""
    try:
        people.set_interests(request.user, payload.keywords)
    except ValueError as exc:
        raise invalid_parameter("keywords", f"unknown keyword {exc.args[0]!r}") from exc
    return _private(InterestsOut, {"keywords": people.interest_slugs(request.user)})


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


# --- Discussions ---------------------------------------------------------------------------------


@router.get("/discussions/areas/", response=list[AreaOut], summary="Discussion areas")
def discussion_areas(request: HttpRequest, locale: LocaleParam = None) -> HttpResponse:
    language = resolve_locale(request, locale)
    data = [area_data(area) for area in discussions.areas(language)]
    return public_response(request, respond(list[AreaOut], data))


@router.get("/discussions/", response=ThreadListOut, summary="Discussion threads")
def thread_list(request: HttpRequest, params: Query[ThreadListParams]) -> HttpResponse:
    """Threads in an area or about a content item (or all), most recently active first."""
    count, threads = discussions.thread_listing(
        request.user,
        area=area_from_slug(params.area),
        content_key=params.content,
        limit=params.limit,
        offset=params.offset,
    )
    data = {"count": count, "items": [thread_data(t, request.user) for t in threads]}
    return respond_for(request, ThreadListOut, data)


@router.post(
    "/discussions/",
    response={201: ThreadDetailOut, 200: ThreadDetailOut},
    auth=django_auth,
    throttle=POSTING,
    summary="Start a thread",
)
def start_thread(
    request: SignedIn,
    payload: ThreadIn,
    idempotency_key: str = Header("", alias="Idempotency-Key", max_length=100),
) -> HttpResponse:
    """A new thread in an area (`area` slug) or about a content item (`content` key), with its
    opening post. Repeating the request with the same `Idempotency-Key` creates it once."""
    area = area_from_slug(payload.area)
    thread, created = discussions.create_thread(
        request.user,
        title=payload.title,
        body=payload.body,
        language=payload.locale,
        area=area,
        content_key=payload.content,
        idempotency_key=idempotency_key,
    )
    return _private(
        ThreadDetailOut, thread_detail_data(request.user, thread.pk), 201 if created else 200
    )


@router.get("/discussions/{thread_id}/", response=ThreadDetailOut, summary="A thread")
def thread_detail(request: HttpRequest, thread_id: Id) -> HttpResponse:
    """The thread with its posts in order. Hidden posts are left out (moderators see them)."""
    if request.user.is_authenticated:  # their own posts and thanks are marked: not shared
        return respond_for(request, ThreadDetailOut, thread_detail_data(request.user, thread_id))
    # Every anonymous reader gets the same answer: built once per change of any thread
    # (discussions_changed) or of the content (an unpublished item takes its threads along),
    # in the reader's language (pseudonyms are words).
    content = cached(
        [
            "thread",
            thread_id,
            get_language(),
            named_version(discussions.DISCUSSIONS_VERSION),
        ],
        lambda: respond(ThreadDetailOut, thread_detail_data(request.user, thread_id)).content,
        timeout=600,
    )
    return public_response(
        request, HttpResponse(content, content_type="application/json; charset=utf-8")
    )


@router.post(
    "/discussions/{thread_id}/posts/",
    response={201: PostOut, 200: PostOut},
    auth=django_auth,
    throttle=POSTING,
    summary="Reply",
)
def reply(
    request: SignedIn,
    thread_id: Id,
    payload: PostIn,
    idempotency_key: str = Header("", alias="Idempotency-Key", max_length=100),
) -> HttpResponse:
    """Post a reply (`reply_to` nests it under a post). Bodies are sanitised; links get
    `rel="nofollow ugc noopener"`. New accounts may not post links on their first day.
    Limited to COMMUNITY_POST_RATE per user (stricter for new accounts): then 429."""
    post, created = discussions.reply(
        request.user,
        thread_id,
        body=payload.body,
        reply_to=payload.reply_to,
        idempotency_key=idempotency_key,
    )
    return _private(PostOut, post_data(post, request.user), 201 if created else 200)


@router.put(
    "/discussions/{thread_id}/follow/", response=FollowOut, auth=django_auth, summary="Follow"
)
def follow(request: SignedIn, thread_id: Id) -> HttpResponse:
    """Get an email when someone replies (if notify_replies is on in the profile)."""
    return _private(FollowOut, {"following": discussions.set_follow(request.user, thread_id, True)})


@router.delete(
    "/discussions/{thread_id}/follow/", response=FollowOut, auth=django_auth, summary="Unfollow"
)
def unfollow(request: SignedIn, thread_id: Id) -> HttpResponse:
    return _private(
        FollowOut, {"following": discussions.set_follow(request.user, thread_id, False)}
    )


@router.api_operation(
    ["GET", "POST"],
    "/notifications/unsubscribe/",
    url_name="unsubscribe",
    summary="One-click unsubscribe",
)
def unsubscribe(request: HttpRequest, token: str = Query(..., max_length=300)) -> HttpResponse:
    """The link in reply emails: stops emails for that thread without signing in (GET, or
    POST for mail clients' one-click unsubscribe)."""
    try:
        user_id, thread_id = read_unsubscribe_token(token)
    except signing.BadSignature as exc:
        raise invalid_parameter("token", "the link is not valid") from exc
    Follow.objects.filter(user_id=user_id, thread_id=thread_id).delete()
    return _private(FollowOut, {"following": False})


@router.patch(
    "/posts/{post_id}/",
    response=PostOut,
    auth=django_auth,
    throttle=POSTING,
    summary="Edit my post",
)
def edit_post(request: SignedIn, post_id: Id, payload: PostEditIn) -> HttpResponse:
    """The author edits their post; it is marked edited."""
    post = discussions.edit_post(request.user, post_id, payload.body)
    return _private(PostOut, post_data(post, request.user))


@router.delete(
    "/posts/{post_id}/", response={204: None}, auth=django_auth, summary="Delete my post"
)
def delete_post(request: SignedIn, post_id: Id) -> Status:
    """The author deletes their post (a "deleted" mark stays where others replied to it)."""
    discussions.delete_post(request.user, post_id)
    return Status(204, None)


@router.put(
    "/posts/{post_id}/thanks/",
    response=ThanksOut,
    auth=django_auth,
    throttle=REACTING,
    summary="Thank",
)
def thank(request: SignedIn, post_id: Id) -> HttpResponse:
    return _private(ThanksOut, {"thanks": discussions.set_thanks(request.user, post_id, True)})


@router.delete(
    "/posts/{post_id}/thanks/",
    response=ThanksOut,
    auth=django_auth,
    throttle=REACTING,
    summary="Take back thanks",
)
def unthank(request: SignedIn, post_id: Id) -> HttpResponse:
    return _private(ThanksOut, {"thanks": discussions.set_thanks(request.user, post_id, False)})


@router.post(
    "/posts/{post_id}/report/",
    response={201: None},
    auth=django_auth,
    throttle=REPORTING,
    summary="Report a post",
)
def report(request: SignedIn, post_id: Id, payload: ReportIn) -> Status:
    """Report a post to the moderators, once per post. Posts reported by
    COMMUNITY_REPORT_HIDE_THRESHOLD different people are hidden until a moderator decides."""
    discussions.report_post(request.user, post_id, payload.reason, payload.details)
    return Status(201, None)


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
    return _private(SuggestionOut, {"id": suggestion.pk, "status": suggestion.status}, 201)
