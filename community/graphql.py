"""GraphQL reads and mutations for the community: the same rules as the REST endpoints."""

import datetime
import uuid

import strawberry

from cms.api_errors import ApiError
from cms.graphql_support import graphql_error
from cms.throttling import enforce
from community import discussions, people
from community.api import (
    POSTING,
    REACTING,
    REPORTING,
    post_data,
    thread_data,
    thread_detail_data,
)
from community.models import Report
from guidance.services import is_visible_item


@strawberry.type
class Author:
    name: str
    profile_id: str | None
    is_me: bool


@strawberry.type
class Area:
    slug: str
    name: str
    description: str
    translation_key: uuid.UUID


@strawberry.type
class PostType:
    id: int
    author: Author
    body: str
    reply_to: int | None
    created_at: datetime.datetime
    edited: bool
    edited_at: datetime.datetime | None
    deleted: bool
    hidden: bool
    thanks: int
    thanked_by_me: bool


@strawberry.type
class ThreadType:
    id: int
    title: str
    area: Area | None
    content_key: uuid.UUID | None
    author: Author
    language: str
    created_at: datetime.datetime
    last_post_at: datetime.datetime
    post_count: int
    locked: bool
    following: bool = False
    posts: list[PostType] = strawberry.field(default_factory=list)


@strawberry.type
class ThreadList:
    count: int
    items: list[ThreadType]


@strawberry.type
class Profile:
    display_name: str
    public_profile: bool
    sector: str
    workplace_type: str
    notify_replies: bool
    daily_digest: bool
    interests: list[str]
    favourites: list[uuid.UUID]


def _post(data):
    return PostType(**{**data, "author": Author(**data["author"])})


def _thread(data):
    area = data.get("area")
    return ThreadType(
        **{
            **data,
            "author": Author(**data["author"]),
            "area": Area(**area) if area else None,
            "posts": [_post(p) for p in data.get("posts", [])],
        }
    )


def _user(info, required=True):
    user = info.context.request.user
    if required and not user.is_authenticated:
        raise graphql_error(ApiError(401, "not_authenticated", "Sign in to do this."))
    return user


def _throttle(info, throttles):
    try:
        enforce(info.context.request, throttles)
    except ApiError as exc:
        raise graphql_error(exc) from exc


def _detail(user, thread_id):
    return _thread(thread_detail_data(user, thread_id))


@strawberry.type
class CommunityQuery:
    @strawberry.field(description="Discussion threads, most recently active first.")
    def threads(
        self,
        info: strawberry.Info,
        area: str | None = None,
        content_key: uuid.UUID | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> ThreadList:
        user = _user(info, required=False)
        try:
            area_obj = None
            if area is not None:
                area_obj = discussions.area_by_slug(area)
                if area_obj is None:
                    raise ApiError(400, "invalid_parameter", f"unknown area {area!r}")
            count, threads = discussions.thread_listing(
                user,
                area=area_obj,
                content_key=content_key,
                limit=max(1, min(limit, 100)),
                offset=max(0, offset),
            )
        except ApiError as exc:
            raise graphql_error(exc) from exc
        return ThreadList(count=count, items=[_thread(thread_data(t, user)) for t in threads])

    @strawberry.field(description="One thread with its visible posts.")
    def thread(self, info: strawberry.Info, id: int) -> ThreadType:  # noqa: A002
        try:
            return _detail(_user(info, required=False), id)
        except ApiError as exc:
            raise graphql_error(exc) from exc

    @strawberry.field(description="The signed-in counsellor's profile and favourites.")
    def me(self, info: strawberry.Info) -> Profile:
        user = _user(info)
        data = people.profile(user)
        return Profile(
            display_name=data["display_name"],
            public_profile=data["public_profile"],
            sector=data["sector"],
            workplace_type=data["workplace_type"],
            notify_replies=data["notify_replies"],
            daily_digest=data["daily_digest"],
            interests=data["interests"],
            favourites=people.favourite_keys(user),
        )


@strawberry.type
class CommunityMutation:
    @strawberry.mutation(description="Start a thread in an area (slug) or about a content item.")
    def start_thread(
        self,
        info: strawberry.Info,
        title: str,
        body: str,
        area: str | None = None,
        content_key: uuid.UUID | None = None,
        locale: str = "fi",
        idempotency_key: str = "",
    ) -> ThreadType:
        user = _user(info)
        _throttle(info, POSTING)
        try:
            area_obj = discussions.area_by_slug(area) if area else None
            if area and area_obj is None:
                raise ApiError(400, "invalid_parameter", f"unknown area {area!r}")
            if locale not in ("fi", "sv", "en") or len(title) > 200 or len(body) > 20_000:
                raise ApiError(400, "invalid_parameter", "locale, title or body is not valid")
            thread, _created = discussions.create_thread(
                user,
                title=title,
                body=body,
                language=locale,
                area=area_obj,
                content_key=content_key,
                idempotency_key=idempotency_key[:100],
            )
            return _detail(user, thread.pk)
        except ApiError as exc:
            raise graphql_error(exc) from exc

    @strawberry.mutation(description="Reply in a thread.")
    def reply(
        self,
        info: strawberry.Info,
        thread_id: int,
        body: str,
        reply_to: int | None = None,
        idempotency_key: str = "",
    ) -> PostType:
        user = _user(info)
        _throttle(info, POSTING)
        try:
            if len(body) > 20_000:
                raise ApiError(400, "invalid_parameter", "body is too long")
            post, _created = discussions.reply(
                user, thread_id, body=body, reply_to=reply_to, idempotency_key=idempotency_key[:100]
            )
        except ApiError as exc:
            raise graphql_error(exc) from exc
        return _post(post_data(post, user))

    @strawberry.mutation(description="Edit your own post.")
    def edit_post(self, info: strawberry.Info, post_id: int, body: str) -> PostType:
        user = _user(info)
        _throttle(info, POSTING)
        try:
            post = discussions.edit_post(user, post_id, body[:20_000])
        except ApiError as exc:
            raise graphql_error(exc) from exc
        return _post(post_data(post, user))

    @strawberry.mutation(description="Delete your own post.")
    def delete_post(self, info: strawberry.Info, post_id: int) -> bool:
        try:
            discussions.delete_post(_user(info), post_id)
        except ApiError as exc:
            raise graphql_error(exc) from exc
        return True

    @strawberry.mutation(description="Thank a post (or take the thanks back).")
    def thank(self, info: strawberry.Info, post_id: int, thanked: bool = True) -> int:
        user = _user(info)
        _throttle(info, REACTING)
        try:
            return discussions.set_thanks(user, post_id, thanked)
        except ApiError as exc:
            raise graphql_error(exc) from exc

    @strawberry.mutation(description="Report a post to the moderators (once per post).")
    def report_post(
        self, info: strawberry.Info, post_id: int, reason: str, details: str = ""
    ) -> bool:

        user = _user(info)
        _throttle(info, REPORTING)
        try:
            if reason not in Report.Reason.values:
                raise ApiError(400, "invalid_parameter", f"unknown reason {reason!r}")
            discussions.report_post(user, post_id, reason, details[:500])
        except ApiError as exc:
            raise graphql_error(exc) from exc
        return True

    @strawberry.mutation(description="Follow a thread (or stop following it).")
    def follow(self, info: strawberry.Info, thread_id: int, following: bool = True) -> bool:
        try:
            return discussions.set_follow(_user(info), thread_id, following)
        except ApiError as exc:
            raise graphql_error(exc) from exc

    @strawberry.mutation(description="Save an item by translation key (or unsave it).")
    def save_favourite(
        self, info: strawberry.Info, translation_key: uuid.UUID, saved: bool = True
    ) -> bool:
        user = _user(info)
        if saved and not is_visible_item(translation_key):
            raise graphql_error(ApiError(404, "not_found", "No published content item matches."))
        people.set_favourite(user, translation_key, saved)
        return saved
