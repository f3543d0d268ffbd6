"""Keeping Elasticsearch's copy: syncing changed documents, rebuilding every index behind its
alias in one atomic swap, and mirroring the database index's changes through a task."""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django_tasks import task

from search.elasticsearch.connection import LANGUAGES, alias, call
from search.elasticsearch.index import doc_id, document_body, index_settings
from search.models import SearchDocument

logger = logging.getLogger(__name__)


def _available_languages(docs):
    keys = {doc.translation_key for doc in docs if doc.translation_key}
    available = {}
    for key, language in SearchDocument.objects.filter(translation_key__in=keys).values_list(
        "translation_key", "language"
    ):
        available.setdefault(key, set()).add(language)
    return available


def _actions(docs, index_for):
    available = _available_languages(docs)
    for doc in docs:
        yield {
            "_op_type": "index",
            "_index": index_for(doc.language),
            "_id": doc_id(doc),
            "_source": document_body(doc, available.get(doc.translation_key, {doc.language})),
        }


def sync(objects):
    """Copy the current database rows of ``objects`` ([(type, id)]) to Elasticsearch, with
    their translations (whose fallback flags depend on them); delete the ones that are gone."""
    from elasticsearch import helpers

    by_type = {}
    for object_type, object_id in objects:
        by_type.setdefault(object_type, set()).add(int(object_id))
    docs = []
    for object_type, ids in by_type.items():
        docs += list(SearchDocument.objects.filter(object_type=object_type, object_id__in=ids))
    keys = {doc.translation_key for doc in docs if doc.translation_key}
    if keys:
        docs = list(SearchDocument.objects.filter(translation_key__in=keys)) + [
            doc for doc in docs if not doc.translation_key
        ]
    present = {(doc.object_type, doc.object_id) for doc in docs}
    deletions = [
        {"_op_type": "delete", "_index": alias(language), "_id": f"{kind}-{object_id}"}
        for kind, ids in by_type.items()
        for object_id in ids
        if (kind, object_id) not in present
        for language in LANGUAGES
    ]
    actions = list(_actions(docs, alias)) + deletions
    call(lambda es: helpers.bulk(es, actions, raise_on_error=False, refresh="wait_for"))


def rebuild(progress=None, batch_size=500):
    """Fill fresh indices from the database and swap the aliases to them atomically."""
    from elasticsearch import helpers

    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d%H%M%S%f")
    new = {language: f"{alias(language)}-{stamp}" for language in LANGUAGES}

    def run(es):
        for language, name in new.items():
            es.indices.create(index=name, **index_settings(language))
        queryset = SearchDocument.objects.order_by("pk")
        total = 0
        batch = []
        for doc in queryset.iterator(chunk_size=batch_size):
            batch.append(doc)
            if len(batch) >= batch_size:
                helpers.bulk(es, _actions(batch, new.get))
                total += len(batch)
                if progress:
                    progress.step(len(batch))
                batch = []
        if batch:
            helpers.bulk(es, _actions(batch, new.get))
            total += len(batch)
            if progress:
                progress.step(len(batch))
        actions = []
        old = []
        for language, name in new.items():
            existing = es.indices.get_alias(name=alias(language), ignore_unavailable=True)
            for index_name in existing:
                actions.append({"remove": {"index": index_name, "alias": alias(language)}})
                old.append(index_name)
            actions.append({"add": {"index": name, "alias": alias(language)}})
        es.indices.refresh(index=",".join(new.values()))
        es.indices.update_aliases(actions=actions)
        for index_name in old:
            es.indices.delete(index=index_name, ignore_unavailable=True)
        return total

    return call(run)


def after_change(objects: list[tuple[str, int]]) -> None:
    """Mirror changed search documents to Elasticsearch when it is configured (after the commit,
    by a task)."""
    if not settings.ELASTICSEARCH_URL:
        return
    payload = [[kind, object_id] for kind, object_id in objects]
    transaction.on_commit(lambda: _enqueue_sync(payload))


def _enqueue_sync(payload):
    try:
        sync_elasticsearch.enqueue(payload)
    except Exception:  # the database index is already right; ES catches up on rebuild
        logger.exception("could not queue the Elasticsearch sync")


@task()
def sync_elasticsearch(objects):
    """Copy changed search documents ([[type, id], …]) to Elasticsearch.

    When Elasticsearch is down the task fails and is logged; the database index is already
    right and the next `rebuild_search_index --elasticsearch` brings Elasticsearch back in step."""
    sync([tuple(item) for item in objects])
    return len(objects)
