"""GraphQL reads and mutations for the community: the same rules as the REST endpoints."""

import uuid
from typing import Any

import strawberry
from ninja.throttling import BaseThrottle

from cms.api_errors import ApiError
from cms.graphql_support import graphql_error
from cms.params import validated
from cms.shapes import as_shape, graphql_type
from cms.throttling import enforce
from community import discussions, people
from community.api.discussions import POSTING, REACTING, REPORTING
from community.api.serialising import area_from_slug, post_data, thread_data, thread_detail_data
from community.models import User
from community.people import Viewer
from community.schemas import (
    AreaOut,
    AuthorOut,
    PostEditIn,
    PostIn,
    PostOut,
    ProfileOut,
    ReportIn,
    ThreadDetailOut,
    ThreadIn,
    ThreadListOut,
    ThreadListParams,
)
from guidance.services import is_visible_item

# The GraphQL types are the REST shapes (community.schemas), field for field (cms.shapes).


@graphql_type(AuthorOut, "Author")
class Author:
    pass


@graphql_type(AreaOut, "Area")
class Area:
    pass


@graphql_type(PostOut, "PostType")
class PostType:
    pass


@graphql_type(ThreadDetailOut, "ThreadType")
class ThreadType:
    pass


@graphql_type(ThreadListOut, "ThreadList")
class ThreadList:
    # GraphQL has one thread type: list items carry `following: false` and no posts.
    items: list[ThreadType]


def _favourites(info: strawberry.Info) -> list[uuid.UUID]:
    return people.favourite_keys(info.context.request.user)


@graphql_type(ProfileOut, "Profile")
class Profile:
    favourites: list[uuid.UUID] = strawberry.field(
        resolver=_favourites, description="translation keys of the saved items"
    )


# A resolver returns the validated shape where its GraphQL type is declared (cms.shapes).


def _post(data: dict[str, Any]) -> PostType:
    return as_shape(PostOut, data)


def _as_list_item(data: dict[str, Any]) -> ThreadType:
    return as_shape(ThreadDetailOut, {**data, "following": False, "posts": []})


def _viewer(info: strawberry.Info) -> Viewer:
    return info.context.request.user


def _signed_in(info: strawberry.Info) -> User:
    user = _viewer(info)
    if not isinstance(user, User) or not user.is_authenticated:
        raise graphql_error(ApiError(401, "not_authenticated", "Sign in to do this."))
    return user


def _throttle(info: strawberry.Info, throttles: list[BaseThrottle]) -> None:
    try:
        enforce(info.context.request, throttles)
    except ApiError as exc:
        raise graphql_error(exc) from exc


def _detail(user: Viewer, thread_id: int) -> ThreadType:
    return as_shape(ThreadDetailOut, thread_detail_data(user, thread_id))


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
        user = _viewer(info)
        try:
            params = validated(
                ThreadListParams, area=area, content=content_key, limit=limit, offset=offset
            )
            count, threads = discussions.thread_listing(
                user,
                area=area_from_slug(params.area),
                content_key=params.content,
                limit=params.limit,
                offset=params.offset,
            )
        except ApiError as exc:
            raise graphql_error(exc) from exc
        items = [_as_list_item(thread_data(t, user)) for t in threads]
        # (strawberry makes the class's constructor at run time; mypy cannot see its fields)
        return ThreadList(count=count, items=items)  # type: ignore[call-arg]

    @strawberry.field(description="One thread with its visible posts.")
    def thread(self, info: strawberry.Info, id: int) -> ThreadType:  # noqa: A002
        try:
            return _detail(_viewer(info), id)
        except ApiError as exc:
            raise graphql_error(exc) from exc

    @strawberry.field(description="The signed-in counsellor's profile and favourites.")
    def me(self, info: strawberry.Info) -> Profile:
        return as_shape(ProfileOut, people.profile(_signed_in(info)))


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
        user = _signed_in(info)
        _throttle(info, POSTING)
        try:
            payload = validated(
                ThreadIn, title=title, body=body, area=area, content=content_key, locale=locale
            )
            thread, _created = discussions.create_thread(
                user,
                title=payload.title,
                body=payload.body,
                language=payload.locale,
                area=area_from_slug(payload.area),
                content_key=payload.content,
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
        user = _signed_in(info)
        _throttle(info, POSTING)
        try:
            payload = validated(PostIn, body=body, reply_to=reply_to)
            post, _created = discussions.reply(
                user,
                thread_id,
                body=payload.body,
                reply_to=payload.reply_to,
                idempotency_key=idempotency_key[:100],
            )
        except ApiError as exc:
            raise graphql_error(exc) from exc
        return _post(post_data(post, user))

    @strawberry.mutation(description="Edit your own post.")
    def edit_post(self, info: strawberry.Info, post_id: int, body: str) -> PostType:
        user = _signed_in(info)
        _throttle(info, POSTING)
        try:
            post = discussions.edit_post(user, post_id, validated(PostEditIn, body=body).body)
        except ApiError as exc:
            raise graphql_error(exc) from exc
        return _post(post_data(post, user))

    @strawberry.mutation(description="Delete your own post.")
    def delete_post(self, info: strawberry.Info, post_id: int) -> bool:
        try:
            discussions.delete_post(_signed_in(info), post_id)
        except ApiError as exc:
            raise graphql_error(exc) from exc
        return True

    @strawberry.mutation(description="Thank a post (or take the thanks back).")
    def thank(self, info: strawberry.Info, post_id: int, thanked: bool = True) -> int:
        user = _signed_in(info)
        _throttle(info, REACTING)
        try:
            return discussions.set_thanks(user, post_id, thanked)
        except ApiError as exc:
            raise graphql_error(exc) from exc

    @strawberry.mutation(description="Report a post to the moderators (once per post).")
    def report_post(
        self, info: strawberry.Info, post_id: int, reason: str, details: str = ""
    ) -> bool:
        user = _signed_in(info)
        _throttle(info, REPORTING)
        try:
            payload = validated(ReportIn, reason=reason, details=details)
            discussions.report_post(user, post_id, payload.reason, payload.details)
        except ApiError as exc:
            raise graphql_error(exc) from exc
        return True

    @strawberry.mutation(description="Follow a thread (or stop following it).")
    def follow(self, info: strawberry.Info, thread_id: int, following: bool = True) -> bool:
        try:
            return discussions.set_follow(_signed_in(info), thread_id, following)
        except ApiError as exc:
            raise graphql_error(exc) from exc

    @strawberry.mutation(description="Save an item by translation key (or unsave it).")
    def save_favourite(
        self, info: strawberry.Info, translation_key: uuid.UUID, saved: bool = True
    ) -> bool:
        user = _signed_in(info)
        if saved and not is_visible_item(translation_key):
            raise graphql_error(ApiError(404, "not_found", "No published content item matches."))
        people.set_favourite(user, translation_key, saved)
        return saved
