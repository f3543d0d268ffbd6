"""Content changes: invalidate cached API responses and notify the frontend by webhook; and the
signals guidance sends for other apps to act on (``item_viewed``)."""

import logging

from django.apps import apps
from django.db import connections, transaction
from django.db.models.signals import post_delete, post_migrate, post_save, pre_delete
from django.dispatch import Signal
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms import webhooks
from cms.cache import bump_content_version
from cms.page_signals import connect_to_pages
from guidance import queries, read_model
from guidance.models import CONTENT_PAGE_MODELS, TAXONOMY_MODELS, ReadItem
from guidance.quality import review_scheduled
from guidance.read_model import changes
from guidance.tasks import refresh_read_model

logger = logging.getLogger(__name__)

# A signed-in user read an item (``user``, ``translation_key``); community keeps their
# "recently viewed" list. Guidance does not know who listens.
item_viewed = Signal()


def _item(page, path=None):

    language = page.locale.language_code
    return {
        "id": page.id,
        "translation_key": str(page.translation_key),
        "type": getattr(page.specific_class, "api_type", "page"),
        "locale": language,
        "path": queries.frontend_path(path or page.url_path, queries.home_url_path(language)),
    }


def _notify(event, page, **extra):
    bump_content_version()
    if page.depth < 2:
        return
    try:
        webhooks.notify(event, {**_item(page), **extra})
    except Exception:  # recording a webhook must never break publishing
        logger.exception("could not record webhook for page %s", page.pk)


def _refresh(keys):
    """The read model follows the change in its own transaction (``read_model.refresh``);
    what it leaves pending goes to the task worker once the change is committed."""
    if read_model.refresh(keys).pending:
        transaction.on_commit(_enqueue_refresh)
    bump_content_version()


def _enqueue_refresh():
    try:
        refresh_read_model.enqueue()
    except Exception:  # the daily run (enqueue_daily_tasks) still picks the marks up
        logger.exception("read model: could not queue the pending items")


# Saving a draft writes only these columns of the page row, which serves the live content.
_DRAFT_COLUMNS = {
    "draft_title",
    "has_unpublished_changes",
    "latest_revision",
    "latest_revision_created_at",
    "locked",
    "locked_at",
    "locked_by",
}


def on_content_saved(sender, instance, update_fields=None, **kwargs):
    """A content page's row saved outside publishing (created live, or changed by code): what
    it serves follows. Publishing saves the page its revision holds and then sends
    ``page_published`` (``ContentPage.being_published``): ``on_published`` renders the final
    state, with its terms, and that save renders nothing (it runs before the terms are
    written)."""
    if update_fields is not None and set(update_fields) <= _DRAFT_COLUMNS:
        return
    if update_fields is None and instance.being_published():
        return
    _refresh({instance.translation_key})


def on_published(sender, instance, **kwargs):
    _notify("page.published", instance)
    _refresh(changes.keys_for_page(instance))


def on_unpublished(sender, instance, **kwargs):
    _notify("page.unpublished", instance)
    _refresh(changes.keys_for_page(instance))


def on_moved(sender, instance, url_path_before, url_path_after, **kwargs):

    previous = queries.frontend_path(
        url_path_before, queries.home_url_path(instance.locale.language_code)
    )
    _notify("page.moved", instance, previous_path=previous)
    _refresh(changes.keys_for_page(instance))


def on_deleted(sender, instance, **kwargs):
    # Deleting a page sends the signal once per table of its inheritance chain; act once.
    if instance.content_type.model_class() is not type(instance):
        return
    _notify("page.deleted", instance)


def after_deleted(sender, instance, **kwargs):
    """Once a page's last table row is gone (the base ``Page`` row goes last): its read-model
    rows are pruned, and the other languages' fallbacks and the items linking to it redone."""
    _refresh(changes.keys_for_page(instance))


def on_restriction_changed(sender, instance, **kwargs):
    bump_content_version()
    _refresh(changes.keys_for_page(instance.page))


def before_term_deleted(sender, instance, **kwargs):
    instance._read_model_keys = changes.keys_for_term(instance)


def on_term_changed(sender, instance, **kwargs):
    bump_content_version()
    keys = getattr(instance, "_read_model_keys", None)
    _refresh(changes.keys_for_term(instance) if keys is None else keys)


def before_media_deleted(sender, instance, **kwargs):
    instance._read_model_keys = changes.keys_for_object(instance)


def on_media_changed(sender, instance, **kwargs):
    keys = getattr(instance, "_read_model_keys", None)
    keys = changes.keys_for_object(instance) if keys is None else keys
    if keys:
        bump_content_version()
        _refresh(keys)


def on_review_scheduled(sender, translation_key, **kwargs):
    _refresh({translation_key})


def fill_read_model(sender, **kwargs):
    """After ``migrate``: an empty read model over existing content (the release that adds it,
    or a restored backup) is filled at once, so the API never serves an empty catalogue."""
    if sender.name != "guidance":
        return
    using = kwargs.get("using", "default")
    if ReadItem._meta.db_table not in connections[using].introspection.table_names():
        return  # migrated back to before the read model
    if ReadItem.objects.exists() or not read_model.all_keys():
        return
    logger.warning("read model is empty: rendering every visible item once")
    read_model.rebuild()
    bump_content_version()


def connect():
    post_migrate.connect(fill_read_model, dispatch_uid="guidance-fill-read-model")
    page_published.connect(on_published, dispatch_uid="guidance-published")
    page_unpublished.connect(on_unpublished, dispatch_uid="guidance-unpublished")
    post_page_move.connect(on_moved, dispatch_uid="guidance-moved")
    connect_to_pages(pre_delete, on_deleted, "rm-deleted")
    post_delete.connect(after_deleted, sender=Page, dispatch_uid="guidance-after-deleted")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="rm-vr")
    post_delete.connect(
        on_restriction_changed, sender=PageViewRestriction, dispatch_uid="rm-vr-del"
    )
    for model in TAXONOMY_MODELS.values():
        name = model.__name__
        post_save.connect(on_term_changed, sender=model, dispatch_uid=f"rm-save-{name}")
        pre_delete.connect(before_term_deleted, sender=model, dispatch_uid=f"rm-pre-{name}")
        post_delete.connect(on_term_changed, sender=model, dispatch_uid=f"rm-del-{name}")
    for model in (get_image_model(), get_document_model()):
        name = model.__name__
        post_save.connect(on_media_changed, sender=model, dispatch_uid=f"rm-save-{name}")
        pre_delete.connect(before_media_deleted, sender=model, dispatch_uid=f"rm-pre-{name}")
        post_delete.connect(on_media_changed, sender=model, dispatch_uid=f"rm-del-{name}")
    for model in (apps.get_model("guidance", name) for name in CONTENT_PAGE_MODELS):
        post_save.connect(on_content_saved, sender=model, dispatch_uid=f"rm-{model.__name__}")
    review_scheduled.connect(on_review_scheduled, dispatch_uid="rm-review-scheduled")
