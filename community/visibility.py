"""Who may see which discussion: the one rule, for the API, GraphQL, comments, search and the
emails. A thread is visible when it is not hidden and is in an area or about an item the public
may see (guidance's one visibility rule); moderators see everything."""

from django.db.models import Q, QuerySet

from community.models import Post, Thread
from community.people import Viewer
from guidance.services import is_visible_item, visible_item_exists

MODERATE_PERMISSION = "community.moderate_discussions"


def is_moderator(user: Viewer | None) -> bool:
    return bool(user and user.is_authenticated and user.has_perm(MODERATE_PERMISSION))


def _on_visible_content() -> Q:
    """Threads in an area, or about an item the public may see (guidance's one visibility rule):
    a thread about a draft or a view-restricted page is not there, not even its existence."""
    return Q(content_key__isnull=True) | Q(visible_item_exists("content_key"))


def _about_visible_content(thread: Thread) -> bool:
    """The same rule for one thread already in hand: free for a thread in an area."""
    return thread.content_key is None or is_visible_item(thread.content_key)


def visible_threads(viewer: Viewer | None = None) -> QuerySet[Thread]:
    """Threads ``viewer`` may list (the content rule as SQL, for listings)."""
    threads = Thread.objects.all()
    if not is_moderator(viewer):
        threads = threads.filter(_on_visible_content(), hidden=False)
    return threads


def visible_thread(
    viewer: Viewer | None, thread_id: int, queryset: QuerySet[Thread] | None = None
) -> Thread | None:
    """One thread ``viewer`` may see, or None. The content rule is checked on the thread in
    hand, so reading or replying in an area's thread costs no visibility query at all."""
    threads = queryset if queryset is not None else Thread.objects.all()
    thread = threads.filter(pk=thread_id).first()
    if thread is None:
        return None
    # Whether the viewer moderates (two permission queries) is asked only of a thread the
    # public may not see: replying in an ordinary thread does not pay for it.
    if thread.hidden or not _about_visible_content(thread):
        return thread if is_moderator(viewer) else None
    return thread


def visible_post(viewer: Viewer | None, post_id: int) -> Post | None:
    """One post ``viewer`` may see (not deleted, not hidden, in a visible thread), or None."""
    post = Post.objects.select_related("thread").filter(pk=post_id, deleted=False).first()
    if post is None:
        return None
    if post.hidden or post.thread.hidden or not _about_visible_content(post.thread):
        return post if is_moderator(viewer) else None
    return post
