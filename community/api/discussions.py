"""Discussion endpoints: areas, threads and their posts, replies, edits and deletions, follows,
thanks and reports. Reading is open to everyone; taking part needs a signed-in counsellor.
Each write's rate limits are declared here and shared with its GraphQL field."""

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language
from ninja import Header, Query, Router
from ninja.responses import Status
from ninja.security import django_auth
from ninja.throttling import BaseThrottle

from cms.api_errors import invalid_parameter
from cms.cache import cached, named_version
from cms.http import public_response, respond, respond_for
from cms.locales import resolve_locale
from cms.params import LocaleParam
from cms.throttling import ClientThrottle, UserThrottle
from community import discussions
from community.api.common import Id, SignedIn, private
from community.api.serialising import (
    area_data,
    area_from_slug,
    post_data,
    thread_data,
    thread_detail_data,
)
from community.models import Follow
from community.notifications import read_unsubscribe_token
from community.schemas import (
    AreaOut,
    FollowOut,
    PostEditIn,
    PostIn,
    PostOut,
    ReportIn,
    ThanksOut,
    ThreadDetailOut,
    ThreadIn,
    ThreadListOut,
    ThreadListParams,
)

router = Router(tags=["community"])

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
    return private(
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
    return private(PostOut, post_data(post, request.user), 201 if created else 200)


@router.put(
    "/discussions/{thread_id}/follow/", response=FollowOut, auth=django_auth, summary="Follow"
)
def follow(request: SignedIn, thread_id: Id) -> HttpResponse:
    """Get an email when someone replies (if notify_replies is on in the profile)."""
    return private(FollowOut, {"following": discussions.set_follow(request.user, thread_id, True)})


@router.delete(
    "/discussions/{thread_id}/follow/", response=FollowOut, auth=django_auth, summary="Unfollow"
)
def unfollow(request: SignedIn, thread_id: Id) -> HttpResponse:
    return private(FollowOut, {"following": discussions.set_follow(request.user, thread_id, False)})


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
    return private(FollowOut, {"following": False})


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
    return private(PostOut, post_data(post, request.user))


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
    return private(ThanksOut, {"thanks": discussions.set_thanks(request.user, post_id, True)})


@router.delete(
    "/posts/{post_id}/thanks/",
    response=ThanksOut,
    auth=django_auth,
    throttle=REACTING,
    summary="Take back thanks",
)
def unthank(request: SignedIn, post_id: Id) -> HttpResponse:
    return private(ThanksOut, {"thanks": discussions.set_thanks(request.user, post_id, False)})


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
