"""Taking part in discussions: new threads, replies, edits and deletions, thanks, follows and
reports. Each checks who may do it (a verified counsellor, posting open, not suspended, the
thread not locked) and never leaves a half-written change behind."""

import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Value
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.sanitising import clean_post, plain_text
from community.discussions.changes import discussions_changed
from community.discussions.errors import CommunityError
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
from community.visibility import visible_post, visible_thread
from guidance.services import is_visible_item


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
