"""Other apps' documents in the search index: a registry of document sources.

Search indexes content pages itself (``search.indexing``). Any other kind of object (community's
discussion threads) is offered by the app that owns it: it registers a ``DocumentSource`` when it
starts and calls ``reindex`` when its objects change. Search never imports those apps.

A public module of ``search``, with ``IndexedDocument`` and ``MAX_TEXT`` (the shape of a
document and the cap on its text).
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cms.progress import Progress
from search import elasticsearch
from search.documents import (
    MAX_TEXT,
    IndexedDocument,
    append_text,
    remove_documents,
    remove_other_documents,
    touch_document,
    write_documents,
)
from search.models import SearchDocument

__all__ = [
    "MAX_TEXT",
    "DocumentSource",
    "IndexedDocument",
    "append",
    "register",
    "reindex",
    "sources",
    "touch",
]

BATCH_SIZE = 200


@dataclass(frozen=True)
class DocumentSource:
    """``object_type``: a ``SearchDocument.ObjectType`` value; ``documents(ids)``: the documents
    of those objects that the public may find (an object left out leaves the index);
    ``all_ids()``: every object of the kind, for a rebuild."""

    object_type: str
    documents: Callable[[list[int]], list[IndexedDocument]]
    all_ids: Callable[[], list[int]]


_sources: dict[str, DocumentSource] = {}


def register(source: DocumentSource) -> None:
    if source.object_type not in SearchDocument.ObjectType.values:
        raise ValueError(f"unknown search object type {source.object_type!r}")
    _sources[source.object_type] = source


def sources() -> list[DocumentSource]:
    return list(_sources.values())


def reindex(
    object_type: str, object_ids: Iterable[int], finnish: str = "voikko", mirror: bool = True
) -> int:
    """(Re)index the given objects; hidden, emptied or deleted ones leave the index. Returns
    the number of documents written."""
    source = _sources[object_type]
    object_ids = [int(pk) for pk in object_ids]
    written = 0
    for start in range(0, len(object_ids), BATCH_SIZE):
        batch = object_ids[start : start + BATCH_SIZE]
        docs = source.documents(batch)
        write_documents(docs, finnish)
        gone = set(batch) - {doc.object_id for doc in docs}
        if gone:
            remove_documents(object_type, gone)
        written += len(docs)
    if mirror and object_ids:
        elasticsearch.after_change([(object_type, pk) for pk in object_ids])
    return written


def append(
    object_type: str, object_id: int, language: str, text: str, updated_at: datetime.datetime
) -> bool:
    """Add ``text`` to the end of an indexed object's body without rewriting the rest (a new
    post in a thread: the work per post stays the same however long the thread grows).
    Returns False when the document is missing, was updated at or after ``updated_at``, or
    would grow past ``MAX_TEXT``: the caller then calls ``reindex``."""
    if not append_text(object_type, object_id, language, text, updated_at):
        return False
    elasticsearch.after_change([(object_type, object_id)])
    return True


def touch(object_type: str, object_id: int, updated_at: datetime.datetime) -> bool:
    """Bring an indexed object's last-updated time up to ``updated_at`` when its text does not
    change (never back). Returns False when there is no document (then ``reindex``)."""
    if not touch_document(object_type, object_id, updated_at):
        return False
    elasticsearch.after_change([(object_type, object_id)])
    return True


def rebuild_source(
    source: DocumentSource, progress: Progress | None = None, finnish: str = "voikko"
) -> int:
    """Every object of ``source`` again; rows of objects that no longer exist are dropped."""
    ids = source.all_ids()
    written = reindex(source.object_type, ids, finnish, mirror=False)
    remove_other_documents(source.object_type, ids)
    if progress:
        progress.step(len(ids))
    return written
