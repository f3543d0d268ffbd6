"""Content changes: invalidate cached API responses and notify the frontend by webhook; and the
signals guidance sends for other apps to act on (``item_viewed``)."""

import logging

from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import Signal
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms import webhooks
from cms.cache import bump_content_version
from guidance import queries
from guidance.models import TAXONOMY_MODELS

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


def on_published(sender, instance, **kwargs):
    _notify("page.published", instance)


def on_unpublished(sender, instance, **kwargs):
    _notify("page.unpublished", instance)


def on_moved(sender, instance, url_path_before, url_path_after, **kwargs):

    previous = queries.frontend_path(
        url_path_before, queries.home_url_path(instance.locale.language_code)
    )
    _notify("page.moved", instance, previous_path=previous)


def on_deleted(sender, instance, **kwargs):
    # Deleting a page sends the signal once per table of its inheritance chain; act once.
    if not isinstance(instance, Page) or instance.content_type.model_class() is not type(instance):
        return
    _notify("page.deleted", instance)


def on_structure_changed(sender, **kwargs):
    bump_content_version()


def connect():
    page_published.connect(on_published, dispatch_uid="guidance-published")
    page_unpublished.connect(on_unpublished, dispatch_uid="guidance-unpublished")
    post_page_move.connect(on_moved, dispatch_uid="guidance-moved")
    pre_delete.connect(on_deleted, dispatch_uid="guidance-deleted")
    for model in [*TAXONOMY_MODELS.values(), PageViewRestriction]:
        post_save.connect(
            on_structure_changed, sender=model, dispatch_uid=f"bump-save-{model.__name__}"
        )
        post_delete.connect(
            on_structure_changed, sender=model, dispatch_uid=f"bump-del-{model.__name__}"
        )
