"""Reading discussions: thread listings, a thread with its posts, the discussion areas. Every
read asks the one visibility rule (``community.visibility``)."""

import datetime
import uuid
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from community.discussions.errors import CommunityError
from community.models import DiscussionArea, Follow, Post, Thanks, Thread, User
from community.people import Viewer
from community.visibility import is_moderator, visible_thread, visible_threads


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
