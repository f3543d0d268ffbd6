"""Every image a page shows has alt text in that page's language (WCAG 1.1.1 and 3.1.2).

The one rule, used wherever a page can go live: the editor's "Publish" (the page form), a
workflow approval, and any other publication (wagtail-localize's translation editor, scheduled
publishing), which ``PublishRevisionAction`` refuses last. Drafts may be saved without it; the
editor is warned after saving.

Missing means: the main image has no alt text of its own on a page that is not Finnish (the image
library's text is Finnish); an image block's alt text is empty; or, on a translation synchronised
by wagtail-localize, the source's alt text has not been translated into the page's language
(wagtail-localize then keeps the Finnish words in the translation, which would reach a Swedish
reader as Swedish text).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.utils.translation import gettext as _
from wagtail_localize.models import StringSegment, StringTranslation, Translation

if TYPE_CHECKING:
    from guidance.models import ContentPage

HERO_PATH = "hero_image_alt"
BLOCK_SUFFIX = ".alt_text"


def _is_alt_path(path: str) -> bool:
    return path == HERO_PATH or (path.startswith("body.") and path.endswith(BLOCK_SUFFIX))


def untranslated_alt_paths(page: ContentPage) -> set[str]:
    """Paths (``hero_image_alt``, ``body.<block id>.alt_text``) of alt texts that
    wagtail-localize copied from the source because nobody translated them."""
    if page.pk is None:
        return set()
    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id
        )
        .select_related("source")
        .first()
    )
    if translation is None:
        return set()
    segments = [
        segment
        for segment in StringSegment.objects.filter(source=translation.source).select_related(
            "context"
        )
        if _is_alt_path(segment.context.path)
    ]
    if not segments:
        return set()
    translated = set(
        StringTranslation.objects.filter(
            locale_id=page.locale_id,
            translation_of_id__in=[s.string_id for s in segments],
            context_id__in=[s.context_id for s in segments],
            has_error=False,
        ).values_list("translation_of_id", "context_id")
    )
    return {
        segment.context.path
        for segment in segments
        if (segment.string_id, segment.context_id) not in translated
    }


def missing_alt_texts(page: ContentPage, *, hero_image=..., hero_alt=..., body=...) -> list[str]:
    """What lacks alt text in the page's language, as the editor would name it ("main image
    “Ryhmä”", "image “Kartta” in the body"). Keyword arguments override the page's own values
    (a form checks what it is about to save)."""
    hero_image = page.hero_image if hero_image is ... else hero_image
    hero_alt = page.hero_image_alt if hero_alt is ... else hero_alt
    body = page.body if body is ... else body
    language = page.locale.language_code if page.locale_id else settings.LANGUAGE_CODE
    untranslated = untranslated_alt_paths(page) if language != settings.LANGUAGE_CODE else set()
    missing = []
    if hero_image is not None:
        own = (hero_alt or "").strip()
        if (not own and language != settings.LANGUAGE_CODE) or (own and HERO_PATH in untranslated):
            missing.append(_("main image “%(title)s”") % {"title": hero_image.title})
    for block in body or []:
        if block.block_type != "image" or block.value["image"] is None:
            continue
        if not (block.value["alt_text"] or "").strip() or (
            f"body.{block.id}{BLOCK_SUFFIX}" in untranslated
        ):
            title = block.value["image"].title
            missing.append(_("image “%(title)s” in the body") % {"title": title})
    return missing


def refusal(page: ContentPage, missing: list[str]) -> str:
    return _(
        "This page cannot be published: write the alt text in %(language)s for %(images)s."
    ) % {"language": page.locale.get_display_name(), "images": ", ".join(missing)}


def draft_warning(page: ContentPage, missing: list[str]) -> str:
    return _(
        "Saved as a draft. Before it can be published, write the alt text in %(language)s "
        "for %(images)s."
    ) % {"language": page.locale.get_display_name(), "images": ", ".join(missing)}
