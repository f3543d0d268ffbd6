"""Discussion rules: who sees what, posting, editing, thanks, follows and reports.

API endpoints and GraphQL resolvers call these functions; they raise ``CommunityError`` (with an
HTTP status) for anything a user may not do, and never leave a half-written change behind.
"""

import datetime
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import (
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.api_errors import ApiError
from cms.cache import bump_named_version
from cms.sanitising import clean_post, plain_text
from community.models import (
    CommunitySettings,
    DiscussionArea,
    Follow,
    Post,
    Report,
    Thanks,
    Thread,
    User,
)
from community.names import contains_link
from community.people import Viewer, is_verified_member
from community.search_source import reindex_threads
from community.tasks import after_new_post
from community.visibility import (  # the one rule (its callers read it here too)
    is_moderator,
    visible_post,
    visible_thread,
    visible_threads,
)
from guidance.services import is_visible_item


class CommunityError(ApiError):
    """A refused community action: HTTP status, error code, message, offending parameter."""

    def __init__(self, status: int, code: str, message: str, parameter: str | None = None) -> None:
        details = [{"parameter": parameter, "message": message}] if parameter else None
        super().__init__(status, code, message, details)
        self.parameter = parameter


# The version of every thread's rendering: anonymous thread reads are cached per this version
# (community.api.thread_detail), so any change a reader could see bumps it, once committed.
DISCUSSIONS_VERSION = "discussions"


def discussions_changed(**_kwargs: Any) -> None:
    """A post, thread, thanks, area or author's name changed: every cached thread is stale now,
    and again once the change commits (a reader in between would have cached the old state
    under the new version)."""
    bump_named_version(DISCUSSIONS_VERSION)
    transaction.on_commit(lambda: bump_named_version(DISCUSSIONS_VERSION))


def on_model_change(
    sender: type, update_fields: Iterable[str] | None = None, **_kwargs: Any
) -> None:
    """``post_save``/``post_delete`` of what a thread shows (connected in ``CommunityConfig``);
    a user's save counts only when it may change how they are named (not a login's timestamp)."""
    if sender is User and update_fields is not None and not AUTHOR_SHOWN & set(update_fields):
        return
    discussions_changed()


AUTHOR_SHOWN = {"display_name", "public_profile"}


# --- Reading ------------------------------------------------------------------------------------


def thread_listing(
    viewer: Viewer | None,
    *,
    area: DiscussionArea | None = None,
    content_key: uuid.UUID | None = None,
    limit: int = 20,
    offset: int = 0,
) -> tuple[int, list[Thread]]:
    """Threads, most recently active first, with their visible post counts."""
    threads = visible_threads(viewer).select_related("area", "author")
    if area is not None:
        threads = threads.filter(area__translation_key=area.translation_key)
    if content_key is not None:
        threads = threads.filter(content_key=content_key)
    post_filter = Q(posts__hidden=False) if not is_moderator(viewer) else Q()
    threads = threads.annotate(post_count=Count("posts", filter=post_filter)).order_by(
        "-last_post_at", "-id"
    )
    return threads.count(), list(threads[offset : offset + limit])


def _thanks_count() -> Coalesce:
    """Thanks per post as a subquery: a join with GROUP BY would count every post of the thread
    before the page is taken (a long thread read all of them); this runs for the page only."""
    per_post = (
        Thanks.objects.filter(post=OuterRef("pk"))
        .order_by()
        .values("post")
        .annotate(n=Count("*"))
        .values("n")
    )
    return Coalesce(Subquery(per_post, output_field=IntegerField()), Value(0))


@dataclass(frozen=True, slots=True)
class AuthorView:
    """What a post shows of its author (``community.names.author_label`` reads these)."""

    pk: int
    display_name: str
    public_profile: bool


@dataclass(frozen=True, slots=True)
class PostView:
    """A post in a thread as readers see it, read as plain rows: a long thread's read builds no
    model objects (two per post, with every field of the account, were most of its time)."""

    pk: int
    thread_id: int
    author_id: int | None
    author: AuthorView | None
    reply_to_id: int | None
    body: str
    created_at: datetime.datetime
    edited_at: datetime.datetime | None
    hidden: bool
    deleted: bool
    thanks_count: int
    thanked_by_me: bool


POST_VIEW_FIELDS = (
    "id",
    "thread_id",
    "author_id",
    "reply_to_id",
    "body",
    "created_at",
    "edited_at",
    "hidden",
    "deleted",
    "author__display_name",
    "author__public_profile",
    "thanks_count",
    "thanked_by_me",
)


def _post_view(row: tuple[Any, ...]) -> PostView:
    (pk, thread_id, author_id, reply_to_id, body, created_at, edited_at, hidden, deleted) = row[:9]
    display_name, public_profile, thanks_count, thanked_by_me = row[9:]
    author = AuthorView(author_id, display_name, public_profile) if author_id else None
    return PostView(
        pk,
        thread_id,
        author_id,
        author,
        reply_to_id,
        body,
        created_at,
        edited_at,
        hidden,
        deleted,
        thanks_count,
        bool(thanked_by_me),
    )


def thread_detail(
    viewer: Viewer | None, thread_id: int, limit: int = 200, offset: int = 0
) -> tuple[Thread, list[PostView], int, bool]:
    """(thread, its visible posts in order, how many there are in all, whether the viewer
    follows it) or CommunityError 404."""
    thread = visible_thread(viewer, thread_id, Thread.objects.select_related("area", "author"))
    if thread is None:
        raise CommunityError(404, "not_found", _("No such discussion."))
    # The thread passed the visibility rule above; its posts need only the hidden filter (the
    # content rule again, per post, would cost every thread read a join).
    posts = Post.objects.filter(thread=thread)
    if not is_moderator(viewer):
        posts = posts.filter(hidden=False)
    reader = viewer if isinstance(viewer, User) else None
    posts = posts.annotate(
        thanks_count=_thanks_count(),
        thanked_by_me=(
            Exists(Thanks.objects.filter(post=OuterRef("pk"), user=reader))
            if reader is not None
            else Value(False)
        ),
    ).order_by("created_at", "id")
    following = reader is not None and Follow.objects.filter(thread=thread, user=reader).exists()
    page = [
        _post_view(row) for row in posts.values_list(*POST_VIEW_FIELDS)[offset : offset + limit]
    ]
    # Counting costs a query only when the page may not hold every post.
    total = offset + len(page) if len(page) < limit else posts.count()
    return thread, page, total, following


def areas(language: str) -> list[DiscussionArea]:
    """Discussion areas in ``language`` (Finnish where not translated)."""
    chosen: dict[uuid.UUID, DiscussionArea] = {}
    for area in DiscussionArea.objects.select_related("locale").order_by("sort_order", "name"):
        key = area.translation_key
        if area.locale.language_code == language or key not in chosen:
            if key in chosen and chosen[key].locale.language_code == language:
                continue
            chosen[key] = area
    return sorted(chosen.values(), key=lambda a: (a.sort_order, a.name))


def area_by_slug(slug: str) -> DiscussionArea | None:
    return DiscussionArea.objects.filter(slug=slug).first()


# --- Writing ------------------------------------------------------------------------------------


def posting_open() -> bool:
    """The discussion kill switch (CommunitySettings): whether counsellors may post now."""
    return bool(CommunitySettings.load().posting_open)


def _check_signed_in(user: Viewer) -> User:
    """A signed-in counsellor whose email address is verified (staff need none): the second line
    of defence behind the login itself, so no other way in can post, report, thank or follow."""
    if not isinstance(user, User) or not user.is_authenticated:
        raise CommunityError(401, "not_authenticated", _("Sign in to do this."))
    if not is_verified_member(user):
        raise CommunityError(
            403, "email_not_verified", _("Verify your email address before taking part.")
        )
    return user


def _check_can_post(user: Viewer, thread: Thread | None = None) -> User:
    member = _check_signed_in(user)
    config = CommunitySettings.load()
    if not config.posting_open:
        raise CommunityError(
            403, "posting_closed", config.closed_message or _("Posting is closed for now.")
        )
    if member.posting_suspended:
        raise CommunityError(
            403,
            "suspended",
            _("Your posting rights are suspended until %(until)s.")
            % {
                "until": timezone.localtime(member.posting_suspended_until).strftime(
                    "%d.%m.%Y %H:%M"
                )
            },
        )
    if thread is not None and thread.locked:
        raise CommunityError(403, "locked", _("This discussion is locked."))
    return member


def _clean_body(user: User, body: str) -> str:
    cleaned = clean_post(body)
    text = plain_text(cleaned)
    if not text:
        raise CommunityError(400, "invalid_parameter", _("The post has no text."), "body")
    if len(text) > settings.COMMUNITY_POST_MAX_CHARS:
        raise CommunityError(
            400,
            "invalid_parameter",
            _("The post is longer than %(max)s characters.")
            % {"max": settings.COMMUNITY_POST_MAX_CHARS},
            "body",
        )
    if user.is_new_account and ("<a " in cleaned or contains_link(text)):
        raise CommunityError(
            400,
            "links_not_allowed_yet",
            _("New accounts cannot post links during their first day."),
            "body",
        )
    return cleaned


def _reindex(thread: Thread) -> None:
    """Now: a change that takes text away (an edit, a delete, hiding) must leave search at once."""
    reindex_threads([thread.pk])


def _follow(thread: Thread, user: User) -> None:
    """The poster follows the thread: one INSERT that leaves an existing follow as it is."""
    Follow.objects.bulk_create([Follow(thread=thread, user=user)], ignore_conflicts=True)


def create_thread(
    user: Viewer,
    *,
    title: str,
    body: str,
    language: str,
    area: DiscussionArea | None = None,
    content_key: uuid.UUID | None = None,
    idempotency_key: str = "",
) -> tuple[Thread, bool]:
    """A new thread with its opening post; the author follows it."""
    user = _check_can_post(user)
    if (area is None) == (content_key is None):
        raise CommunityError(
            400, "invalid_parameter", _("Give either a discussion area or a content item."), "area"
        )
    if content_key is not None and not is_visible_item(content_key):
        raise CommunityError(
            400, "invalid_parameter", _("No published content item matches."), "content"
        )
    title = plain_text(title)[:200]
    if not title:
        raise CommunityError(400, "invalid_parameter", _("The title has no text."), "title")
    cleaned = _clean_body(user, body)
    if idempotency_key:
        existing = Post.objects.filter(author=user, idempotency_key=idempotency_key).first()
        if existing is not None:
            return existing.thread, False
    try:
        with transaction.atomic():
            thread = Thread.objects.create(
                area=area, content_key=content_key, title=title, author=user, language=language
            )
            post = Post.objects.create(
                thread=thread, author=user, body=cleaned, idempotency_key=idempotency_key
            )
            _follow(thread, user)
            after_new_post.enqueue(post.pk, notify=False)  # committed with the post
    except IntegrityError:  # the same Idempotency-Key raced in: the first one stands
        return Post.objects.get(author=user, idempotency_key=idempotency_key).thread, False
    return thread, True


def reply(
    user: Viewer,
    thread_id: int,
    *,
    body: str,
    reply_to: int | None = None,
    idempotency_key: str = "",
) -> tuple[Post, bool]:
    """A reply in a thread; ``reply_to`` (a post id) nests one level. Returns (post, created)."""
    thread = visible_thread(user, thread_id)
    if thread is None:
        raise CommunityError(404, "not_found", _("No such discussion."))
    user = _check_can_post(user, thread)
    parent = None
    if reply_to is not None:
        parent = visible_post(user, reply_to)
        parent = parent if parent is not None and parent.thread_id == thread.pk else None
        if parent is None:
            raise CommunityError(
                400,
                "invalid_parameter",
                _("The post replied to is not in this thread."),
                "reply_to",
            )
        parent = parent.reply_to or parent  # one level: replies to a reply join its parent
    cleaned = _clean_body(user, body)
    if idempotency_key:
        existing = Post.objects.filter(author=user, idempotency_key=idempotency_key).first()
        if existing is not None:
            return existing, False
    try:
        with transaction.atomic():
            post = Post.objects.create(
                thread=thread,
                author=user,
                body=cleaned,
                reply_to=parent,
                idempotency_key=idempotency_key,
            )
            # Never back: a reply stamped later may have committed first.
            Thread.objects.filter(pk=thread.pk).update(
                last_post_at=Greatest("last_post_at", Value(post.created_at))
            )
            _follow(thread, user)
            # Search and the followers' emails, in the worker; the task row commits with the
            # post, so the worker never sees a post that was rolled back (community.tasks).
            after_new_post.enqueue(post.pk, notify=True)
    except IntegrityError:
        return Post.objects.get(author=user, idempotency_key=idempotency_key), False
    return post, True


def _own_post(user: Viewer, post_id: int) -> Post:
    user = _check_signed_in(user)
    post = visible_post(user, post_id)
    if post is None:
        raise CommunityError(404, "not_found", _("No such post."))
    if post.author_id != user.pk:
        raise CommunityError(403, "forbidden", _("Only the author can change a post."))
    return post


def edit_post(user: Viewer, post_id: int, body: str) -> Post:
    post = _own_post(user, post_id)
    user = _check_can_post(user, post.thread)
    post.body = _clean_body(user, body)
    post.edited_at = timezone.now()
    post.save(update_fields=["body", "edited_at"])
    _reindex(post.thread)
    return post


def delete_post(user: Viewer, post_id: int) -> None:
    """The author removes a post: its text goes, a "deleted" mark stays where others replied."""
    post = _own_post(user, post_id)
    with transaction.atomic():
        remove_post(post)
    _reindex(post.thread)


def remove_post(post: Post) -> None:
    is_opening = not Post.objects.filter(
        thread=post.thread, created_at__lt=post.created_at
    ).exists()
    has_replies = post.replies.exists() or (
        is_opening and Post.objects.filter(thread=post.thread).exclude(pk=post.pk).exists()
    )
    if has_replies:
        post.body = ""
        post.deleted = True
        post.save(update_fields=["body", "deleted"])
    elif is_opening:
        post.thread.delete()
    else:
        post.delete()


def set_thanks(user: Viewer, post_id: int, thanked: bool) -> int:
    user = _check_signed_in(user)
    post = visible_post(user, post_id)
    if post is None:
        raise CommunityError(404, "not_found", _("No such post."))
    user = _check_can_post(user)
    if post.author_id == user.pk:
        raise CommunityError(400, "own_post", _("You cannot thank your own post."))
    if thanked:
        Thanks.objects.get_or_create(post=post, user=user)
    else:
        Thanks.objects.filter(post=post, user=user).delete()
    return Thanks.objects.filter(post=post).count()


def set_follow(user: Viewer, thread_id: int, following: bool) -> bool:
    user = _check_signed_in(user)
    thread = visible_thread(user, thread_id)
    if thread is None:
        raise CommunityError(404, "not_found", _("No such discussion."))
    if following:
        Follow.objects.get_or_create(thread=thread, user=user)
    else:
        Follow.objects.filter(thread=thread, user=user).delete()
    return following


def report_post(user: Viewer, post_id: int, reason: str, details: str = "") -> int:
    """Report a post once; enough reports from different people hide it pending review."""
    user = _check_signed_in(user)
    post = visible_post(user, post_id)
    if post is None:
        raise CommunityError(404, "not_found", _("No such post."))
    if post.author_id == user.pk:
        raise CommunityError(400, "own_post", _("You cannot report your own post."))
    try:
        with transaction.atomic():
            Report.objects.create(
                post=post, reporter=user, reason=reason, details=plain_text(details)[:500]
            )
    except IntegrityError:
        raise CommunityError(
            409, "already_reported", _("You have already reported this post.")
        ) from None
    # One report per person is a database constraint, so open reports are distinct reporters;
    # anonymous reports (community.comments) reach the moderators but never hide a post.
    open_reports = Report.objects.filter(
        post=post, status=Report.Status.OPEN, anonymous=False
    ).count()
    if open_reports >= settings.COMMUNITY_REPORT_HIDE_THRESHOLD and not post.hidden:
        Post.objects.filter(pk=post.pk).update(
            hidden=True, hidden_reason=_("Hidden after reports, waiting for a moderator.")
        )
        discussions_changed()
        _reindex(post.thread)
    return open_reports
