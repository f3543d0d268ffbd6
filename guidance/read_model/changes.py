"""Which items a change touches: the translation keys whose rows ``refresh`` must redo."""

import uuid
from collections.abc import Iterable

from django.db.models import IntegerField, Model
from django.db.models.functions import Cast
from wagtail.models import Page, ReferenceIndex

from guidance.models import TAXONOMY_MODELS, ContentPage
from guidance.queries import TAXONOMY_FIELDS


def _referring(objects: Iterable[Model]) -> set[uuid.UUID]:
    """Keys of content pages whose fields point at ``objects`` (an image, a document, a page
    linked from rich text): what they render changes with them."""
    references = ReferenceIndex.get_references_to_in_bulk(list(objects))
    page_type = ReferenceIndex._get_base_content_type(Page).pk
    ids = references.filter(base_content_type_id=page_type).values(
        pk=Cast("object_id", IntegerField())
    )
    return set(ContentPage.objects.filter(pk__in=ids).values_list("translation_key", flat=True))


def keys_for_page(page: Page) -> set[uuid.UUID]:
    """A page changed (published, unpublished, moved, deleted, restricted): the item itself, the
    items under it (their paths, breadcrumbs and visibility follow it) and the items that link
    to any of its language versions."""
    keys = set(
        ContentPage.objects.filter(path__startswith=page.path).values_list(
            "translation_key", flat=True
        )
    )
    versions = Page.objects.filter(translation_key=page.translation_key)
    return {page.translation_key} | keys | _referring(versions)


def keys_for_object(obj: Model) -> set[uuid.UUID]:
    """An image or a document changed: the items that show it."""
    return _referring([obj])


def keys_for_term(term: Model) -> set[uuid.UUID]:
    """A taxonomy term changed (its label or slug in any language): the items tagged with it."""
    api_name = next(name for name, model in TAXONOMY_MODELS.items() if isinstance(term, model))
    versions = type(term).objects.filter(translation_key=term.translation_key)  # type: ignore[attr-defined]
    tagged = {f"{TAXONOMY_FIELDS[api_name]}__in": versions}
    return set(
        ContentPage.objects.filter(**tagged).values_list("translation_key", flat=True).distinct()
    )
