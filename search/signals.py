"""Keep the search index in step with publishing, moving, deleting and uploads."""

import logging

from django.db import transaction
from django.db.models.signals import post_save, pre_delete
from wagtail.documents import get_document_model
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.page_signals import connect_to_pages
from guidance.models import ContentPage
from search import attachments, indexing

logger = logging.getLogger(__name__)


def _content_ids(page):
    """The page itself (if it is a content page) and the content pages below it."""

    return list(
        ContentPage.objects.filter(path__startswith=page.path, depth__gt=3).values_list(
            "pk", flat=True
        )
    )


def _safely(action, *args):
    # Search must never break publishing: a failed update rolls back to a savepoint and is
    # logged; `rebuild_search_index` repairs the index.
    try:
        with transaction.atomic():
            action(*args)
    except Exception:
        logger.exception("search index update failed")


def _reindex(sender, instance, **kwargs):
    # The page row already holds the new state (live or not, new path): index it in the same
    # transaction, so the index and the content commit together. A section or topic change
    # affects the paths of every item below it too.
    _safely(indexing.index_pages, _content_ids(instance))


def on_unpublished(sender, instance, **kwargs):
    # Also sent by Wagtail just before a live page is deleted, while its row is still live:
    # remove the page itself rather than reindexing it from the row.
    _safely(indexing.remove_pages, [instance.pk])


def on_deleted(sender, instance, **kwargs):
    _safely(indexing.remove_pages, _content_ids(instance))


def on_document_saved(sender, instance, created, update_fields=None, **kwargs):
    if update_fields and set(update_fields) <= {"extracted_text"}:
        return
    _safely(attachments.extract_document_text.enqueue, instance.pk)


def connect():

    page_published.connect(_reindex, dispatch_uid="search-published")
    page_unpublished.connect(on_unpublished, dispatch_uid="search-unpublished")
    post_page_move.connect(_reindex, dispatch_uid="search-moved")
    connect_to_pages(pre_delete, on_deleted, "search-deleted")
    post_save.connect(
        on_document_saved, sender=get_document_model(), dispatch_uid="search-document-saved"
    )
