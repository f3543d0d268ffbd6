"""Keeping the search index in step with published content.

``index_pages`` is called when pages are published, moved or their attachments change;
``remove_pages`` when they are unpublished or deleted; ``rebuild`` recreates everything. Each
works in batches with a constant number of queries per batch.
"""

import logging

from django.db import transaction

from guidance.models import ContentPage
from guidance.queries import TAXONOMY_FIELDS, home_url_path, public, vocabularies
from search import elasticsearch, sources, spelling
from search.documents import (
    document_for_page,
    remove_documents,
    remove_other_documents,
    write_documents,
)
from search.models import SearchDocument

logger = logging.getLogger(__name__)
BATCH_SIZE = 200


def _term_keys(page_ids):
    """{page id: {api name: [translation keys]}} through the taxonomy through tables."""

    result = {page_id: {} for page_id in page_ids}
    for api_name, field_name in TAXONOMY_FIELDS.items():
        model_field = ContentPage._meta.get_field(field_name)
        through = model_field.remote_field.through
        source = model_field.m2m_field_name()
        target = model_field.m2m_reverse_field_name()
        rows = through.objects.filter(**{f"{source}__in": page_ids}).values_list(
            f"{source}_id", f"{target}__translation_key"
        )
        for page_id, key in rows:
            result[page_id].setdefault(api_name, []).append(str(key))
    return result


def _indexable(page_ids):
    """Live, public content pages among ``page_ids``, as specific instances."""

    return list(
        public(ContentPage.objects.live().filter(pk__in=page_ids, depth__gt=3))
        .select_related("locale")
        .specific()
    )


def index_pages(page_ids, finnish="voikko", mirror=True):
    """(Re)index the given pages; those no longer live or public are removed from the index."""

    page_ids = list(page_ids)
    written = 0
    for start in range(0, len(page_ids), BATCH_SIZE):
        batch = page_ids[start : start + BATCH_SIZE]
        pages = _indexable(batch)
        vocab = vocabularies()
        terms = _term_keys([page.pk for page in pages])
        docs = [
            document_for_page(page, terms[page.pk], vocab, home_url_path(page.locale.language_code))
            for page in pages
        ]
        with transaction.atomic():
            write_documents(docs, finnish)
            gone = set(batch) - {page.pk for page in pages}
            if gone:
                remove_documents(SearchDocument.ObjectType.PAGE, gone)
        written += len(docs)
    if mirror:
        elasticsearch.after_change([("page", pid) for pid in page_ids])
    return written


def remove_pages(page_ids):
    page_ids = list(page_ids)
    removed = remove_documents(SearchDocument.ObjectType.PAGE, page_ids)
    elasticsearch.after_change([("page", pid) for pid in page_ids])
    return removed


def content_page_ids():

    return list(ContentPage.objects.live().filter(depth__gt=3).values_list("pk", flat=True))


def rebuild(progress=None, finnish="voikko"):
    """Index every live content page and every registered source's objects (``search.sources``)
    again; drop stale rows.

    Returns the number of documents written. ``progress`` gets ``step(n)`` calls."""
    page_ids = content_page_ids()
    written = 0
    for start in range(0, len(page_ids), BATCH_SIZE):
        batch = page_ids[start : start + BATCH_SIZE]
        written += index_pages(batch, finnish, mirror=False)
        if progress:
            progress.step(len(batch))
    remove_other_documents(SearchDocument.ObjectType.PAGE, page_ids)
    for source in sources.sources():
        written += sources.rebuild_source(source, progress, finnish)
    spelling.refresh_vocabulary()
    return written


def total_objects():
    """How many objects a rebuild goes through (for progress)."""
    return len(content_page_ids()) + sum(len(s.all_ids()) for s in sources.sources())
