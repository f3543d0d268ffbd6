"""Discussion threads in the search index: community's document source (``search.sources``).

Only visible threads about visible items, and only their visible posts, are indexed. A new
thread or reply only adds text, so the task worker indexes it once it has committed
(``index_new_post``: the post's words are appended to the thread's document, so neither the
poster nor the worker waits for the Finnish analysis of the whole thread). Anything that takes
text away (an edit, a delete, hiding, moderation, an erased account) reindexes the thread at
once (``reindex_threads``), so it leaves search before the answer is sent.
"""

from django.db import transaction
from django.db.models import Q

from cms.sanitising import plain_text
from community.models import Post, Thread
from guidance.services import visible_item_keys
from search.sources import (
    MAX_TEXT,
    DocumentSource,
    IndexedDocument,
    append,
    register,
    reindex,
    touch,
)

THREAD = "thread"
# A long thread is found by its title and its first posts; capping keeps each reply's
# reindexing cheap however long the thread grows.
POSTS_INDEXED = 100


def thread_documents(thread_ids: list[int]) -> list[IndexedDocument]:
    """The search documents of the visible threads among ``thread_ids``: only their visible
    posts, the first ``POSTS_INDEXED`` of them."""
    threads = {t.pk: t for t in Thread.objects.filter(pk__in=thread_ids, hidden=False)}
    # Threads about an item the public may not see are not indexed (the one visibility rule);
    # a batch of area threads costs no query for it.
    about = {t.content_key for t in threads.values() if t.content_key is not None}
    if about:
        visible = visible_item_keys(about)
        threads = {
            pk: t for pk, t in threads.items() if t.content_key is None or t.content_key in visible
        }
    texts = {}
    for thread_id in threads:
        bodies = (
            Post.objects.filter(thread_id=thread_id, hidden=False, deleted=False)
            .order_by("created_at", "id")
            .values_list("body", flat=True)[:POSTS_INDEXED]
        )
        for body in bodies:
            texts.setdefault(thread_id, []).append(plain_text(body))
    docs = []
    for thread_id, thread in threads.items():
        if thread_id not in texts:
            continue  # nothing visible left to find
        text = " ".join(texts[thread_id])[:MAX_TEXT]
        docs.append(
            IndexedDocument(
                object_type=THREAD,
                object_id=thread.pk,
                language=thread.language,
                result_type="discussion",
                title=thread.title,
                summary=texts[thread_id][0][:300],
                text=text,
                path=f"/keskustelut/{thread.pk}/",
                published_at=thread.created_at,
                updated_at=thread.last_post_at,
                weighted={"A": thread.title, "C": text},
            )
        )
    return docs


def thread_ids() -> list[int]:
    return list(Thread.objects.values_list("pk", flat=True))


def reindex_threads(ids) -> int:
    """(Re)index the given threads; hidden, emptied or deleted ones leave the index."""
    return reindex(THREAD, ids)


def index_new_post(post_id: int) -> None:
    """Bring a new post into its thread's document (in the task worker, after the post
    committed). The work is the same for the first reply and the thousandth: a post among the
    first ``POSTS_INDEXED`` has its words appended, a later one only moves the thread's date.
    Whatever the short way cannot do (a new thread, a post whose task runs after a later one's,
    a thread about an item no longer public) reindexes the whole thread.

    The post's row stays locked until the document is written, so hiding or editing it waits
    and its own reindex runs after this one, never before."""
    with transaction.atomic():
        post = (
            Post.objects.select_for_update(no_key=True, of=("self",))
            .select_related("thread")
            .filter(pk=post_id)
            .first()
        )
        if post is None or post.hidden or post.deleted:
            return  # taking it away reindexed the thread already
        thread = post.thread
        if _indexed_as_is(thread):
            before = Q(created_at__lt=post.created_at) | Q(
                created_at=post.created_at, pk__lt=post.pk
            )
            earlier = (
                Post.objects.filter(before, thread_id=thread.pk, hidden=False, deleted=False)
                .values("pk")[:POSTS_INDEXED]
                .count()
            )
            if earlier >= POSTS_INDEXED:
                done = touch(THREAD, thread.pk, post.created_at)
            else:
                text = plain_text(post.body)
                done = append(THREAD, thread.pk, thread.language, text, post.created_at)
            if done:
                return
        reindex_threads([thread.pk])


def _indexed_as_is(thread: Thread) -> bool:
    """Whether the thread's document may be extended rather than rewritten: the thread is
    still one the public may find (an area's thread costs no query)."""
    if thread.hidden:
        return False
    return thread.content_key is None or bool(visible_item_keys({thread.content_key}))


def register_source() -> None:
    register(DocumentSource(THREAD, documents=thread_documents, all_ids=thread_ids))
