"""Comments on a content item: its discussion as one flat list, for frontends that show a
comment box under each article (the JOD counsellor frontend).

A comment is a post in a thread about the item, written with the same rules as any post
(``community.discussions``: who may post, sanitising, limits, the kill switch, reindexing). The
list is every visible post of every visible thread about the item, newest first; a first comment
starts the item's thread. A comment's text is plain text: line breaks are kept as paragraphs and
``<br>``, everything else is escaped, so what a counsellor typed is what others read.
"""

import datetime
import hashlib
import uuid
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Max, Min, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.sanitising import html_to_text, text_to_html
from community import discussions
from community.discussions import CommunityError
from community.models import Post, Report, User
from community.people import Viewer
from community.visibility import visible_post, visible_threads


def _comments(content_key: uuid.UUID) -> QuerySet[Post]:
    """The posts anyone may read under an item: in its visible threads, neither hidden nor
    deleted (moderators moderate in the admin, not in this list)."""
    threads = visible_threads(None).filter(content_key=content_key)
    return Post.objects.filter(thread__in=threads, hidden=False, deleted=False)


def content_comments(content_key: uuid.UUID, limit: int, offset: int) -> tuple[int, list[Post]]:
    """(how many, one page of them newest first, with their authors)."""
    posts = _comments(content_key)
    page = list(
        posts.select_related("author").order_by("-created_at", "-id")[offset : offset + limit]
    )
    total = offset + len(page) if offset == 0 and len(page) < limit else posts.count()
    return total, page


def comment_text(post: Post) -> str:
    """A post as the plain text a comment list shows."""
    return html_to_text(post.body)


def add_comment(user: Viewer, content_key: uuid.UUID, text: str, title: str, language: str) -> Post:
    """A comment under the item: a reply in its oldest visible thread, or the opening post of a
    new thread titled ``title``. Every rule of posting applies (CommunityError)."""
    body = text_to_html(text)
    thread = (
        visible_threads(None).filter(content_key=content_key).order_by("created_at", "id").first()
    )
    if thread is None:
        thread, _created = discussions.create_thread(
            user, title=title, body=body, language=language, content_key=content_key
        )
        return Post.objects.filter(thread=thread).earliest("created_at", "id")
    post, _created = discussions.reply(user, thread.pk, body=body)
    return post


def delete_comment(user: Viewer, post_id: int) -> None:
    """The author deletes their comment; anyone else's, or one that is not there, is a 404
    (whether a post exists is not told apart from whose it is)."""
    try:
        discussions.delete_post(user, post_id)
    except CommunityError as exc:
        if exc.status == 403 and exc.code == "forbidden":
            raise CommunityError(404, "not_found", _("No such post.")) from exc
        raise


def report_comment(user: Viewer, post_id: int, client: str) -> None:
    """Report a comment. A signed-in counsellor's report is an ordinary one (reporting again is
    no error); anyone else's reaches the moderators as anonymous, at most once per client and
    post a day, and never counts towards hiding the post."""
    if user.is_authenticated:
        if Report.objects.filter(post_id=post_id, reporter=user).exists():
            return  # reported before (perhaps hidden since): nothing more to do
        try:
            discussions.report_post(user, post_id, Report.Reason.OTHER)
        except CommunityError as exc:
            if exc.code != "already_reported":
                raise
        return
    post = visible_post(None, post_id)
    if post is None:
        raise CommunityError(404, "not_found", _("No such post."))
    day = timezone.localdate().isoformat()
    seen = hashlib.sha256(f"{client}|{post_id}|{day}".encode()).hexdigest()
    if cache.add(f"anonymous-report:{seen}", 1, timeout=60 * 60 * 24):
        Report.objects.create(post=post, reason=Report.Reason.OTHER, anonymous=True)


def own_comments(user: User) -> list[Post]:
    """Every comment ``user`` has written on a content item, oldest first (for their export)."""
    return list(
        Post.objects.filter(author=user, deleted=False, thread__content_key__isnull=False)
        .select_related("thread")
        .order_by("created_at", "id")
    )


@dataclass(frozen=True)
class CommentedItem:
    content_key: uuid.UUID
    newest: datetime.datetime
    oldest: datetime.datetime
    count: int


def commented_items(user: User, limit: int, offset: int) -> tuple[int, list[CommentedItem]]:
    """The items ``user`` has commented on, the most recently commented first."""
    rows = (
        Post.objects.filter(author=user, deleted=False, thread__content_key__isnull=False)
        .values("thread__content_key")
        .annotate(newest=Max("created_at"), oldest=Min("created_at"), count=Count("id"))
    )
    total = rows.count()
    page = rows.order_by("-newest", "thread__content_key")[offset : offset + limit]
    items = []
    for row in page:
        key = row["thread__content_key"]
        assert key is not None  # filtered above
        items.append(CommentedItem(key, row["newest"], row["oldest"], row["count"]))
    return total, items
