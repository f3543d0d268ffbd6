"""Discussion threads in the search index: only visible threads, only their visible posts."""

from cms.sanitising import plain_text
from guidance.services import visible_item_keys
from search.documents import MAX_TEXT, IndexedDocument, remove_documents, write_documents
from search.models import SearchDocument

BATCH_SIZE = 200
# A long thread is found by its title and its first posts; capping keeps each reply's
# reindexing cheap however long the thread grows.
POSTS_INDEXED = 100


def _documents(thread_ids):
    from community.models import Post, Thread

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
                object_type=SearchDocument.ObjectType.THREAD,
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


def index_threads(thread_ids, finnish="voikko", mirror=True):
    """(Re)index the given threads; hidden, emptied or deleted ones leave the index."""
    from search.indexing import after_change

    thread_ids = [int(t) for t in thread_ids]
    written = 0
    for start in range(0, len(thread_ids), BATCH_SIZE):
        batch = thread_ids[start : start + BATCH_SIZE]
        docs = _documents(batch)
        write_documents(docs, finnish)
        gone = set(batch) - {doc.object_id for doc in docs}
        if gone:
            remove_documents(SearchDocument.ObjectType.THREAD, gone)
        written += len(docs)
    if mirror and thread_ids:
        after_change([("thread", t) for t in thread_ids])
    return written


def thread_ids():
    from community.models import Thread

    return list(Thread.objects.values_list("pk", flat=True))


def rebuild_threads(progress=None, finnish="voikko"):
    ids = thread_ids()
    written = index_threads(ids, finnish, mirror=False)
    SearchDocument.objects.filter(object_type=SearchDocument.ObjectType.THREAD).exclude(
        object_id__in=ids
    ).delete()
    if progress:
        progress.step(len(ids))
    return written
