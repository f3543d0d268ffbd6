"""Discussion threads in the search index: community's document source (``search.sources``).

Only visible threads about visible items, and only their visible posts, are indexed. Every
change to a thread reindexes it. A new thread or reply only adds text, so it is indexed by the
task worker once it has committed (``reindex_threads_soon``: the poster never waits for the
Finnish analysis of the whole thread); anything that takes text away (an edit, a delete, hiding,
moderation, an erased account) is reindexed at once (``reindex_threads``), so it leaves search
before the answer is sent.
"""

from django_tasks import task

from cms.sanitising import plain_text
from community.models import Post, Thread
from guidance.services import visible_item_keys
from search.sources import MAX_TEXT, DocumentSource, IndexedDocument, register, reindex

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


@task()
def reindex_threads_task(thread_ids: list[int]) -> int:
    return reindex_threads(thread_ids)


def reindex_threads_soon(ids) -> None:
    """Reindex ``ids`` in the task worker. Called after the change has committed (so the worker
    reads it); a task row lost with a crash in between leaves the thread as the last reindex
    saw it until the next change or ``rebuild_search_index``."""
    reindex_threads_task.enqueue(list(ids))


def register_source() -> None:
    register(DocumentSource(THREAD, documents=thread_documents, all_ids=thread_ids))
