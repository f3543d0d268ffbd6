"""One item: found by id, translation key or frontend path, with the languages it is
published in and its latest approval."""

import datetime
import uuid
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db.models import Max, QuerySet

from guidance.models import ContentPage, QualityAssessment
from guidance.queries.listing import CARD_RENDITIONS, DETAIL_RENDITIONS, with_card_relations
from guidance.queries.structure import public, site_structure, visible_content
from guidance.queries.taxonomy import default_language


def available_locales(translation_keys: Iterable[uuid.UUID | str]) -> dict[str, list[str]]:
    """{translation_key: sorted language codes with a live, public version}."""
    rows = public(
        ContentPage.objects.live().filter(translation_key__in=set(translation_keys))
    ).values_list("translation_key", "locale__language_code")
    result: dict[str, set[str]] = {}
    for key, language in rows:
        result.setdefault(str(key), set()).add(language)
    return {key: sorted(langs, key=settings.CONTENT_LOCALES.index) for key, langs in result.items()}


def last_approvals(page_ids: Iterable[int]) -> dict[int, datetime.datetime]:
    """{page id: latest approval time} for a page of items, in one small query. Each language
    version has its own review: a translation is not approved by its source's assessment.

    (As an annotation on the listing it would run once per candidate row before the sort.)"""

    rows = (
        QualityAssessment.objects.filter(page_id__in=set(page_ids), result="approved")
        .values("page_id")
        .annotate(last=Max("created_at"))
        .values_list("page_id", "last")
    )
    return dict(rows)


def content_detail(language: str, **lookup: Any) -> ContentPage | None:
    """One visible item in ``language`` (or its Finnish version), found by id, key or path
    (``item_key``'s keywords)."""
    translation_key = item_key(language, **lookup)
    if translation_key is None:
        return None
    return with_card_relations(
        visible_content(language).filter(translation_key=translation_key),
        CARD_RENDITIONS + DETAIL_RENDITIONS,
        cards_only=False,
    ).first()


def item_key(
    language: str,
    *,
    page_id: int | None = None,
    translation_key: uuid.UUID | None = None,
    path: str | None = None,
) -> uuid.UUID | None:
    """The translation key of the item looked up by a page id (of any language version), a key
    or a frontend path (in any language); None when nothing has that id or path."""
    if page_id is not None:
        return page_key(page_id).first()
    if path is not None:
        return translation_key_at(path, language)
    return translation_key


def page_key(page_id: int) -> QuerySet[ContentPage, uuid.UUID]:
    """The translation key of the content page with this id, in any language version: the
    key all its versions share, as a one-column queryset (``item_key`` reads it; the read model
    asks it inside its row's statement)."""
    return (
        ContentPage.objects.filter(pk=page_id).order_by().values_list("translation_key", flat=True)
    )


def translation_key_at(path: str, language: str) -> uuid.UUID | None:
    """The item at a frontend path in any language (a Swedish path asked for in Finnish finds
    the item, served in Finnish); the requested language's own path first."""
    candidates = path_candidates(path)
    rows = public(ContentPage.objects.live().filter(url_path__in=candidates)).values_list(
        "url_path", "translation_key"
    )
    ranked = sorted(rows, key=lambda row: path_rank([row[0]], candidates, language))
    return ranked[0][1] if ranked else None


def path_candidates(path: str) -> dict[str, str]:
    """{Wagtail url_path: language} a frontend path could be, one per language's home."""
    relative = path.strip("/")
    homes = {code: home[0] for code, home in site_structure()["homes"].items() if home}
    return {f"{home}{relative}/": code for code, home in homes.items()}


def path_rank(url_paths: Iterable[str], candidates: dict[str, str], language: str) -> int:
    """How well a page found at ``url_paths`` matches: the requested language's own path
    first (0), then Finnish's (1), then any other (2)."""
    preference = [language, default_language()]
    matched = [candidates[p] for p in url_paths if p in candidates]
    return min((preference.index(c) if c in preference else 2 for c in matched), default=2)


def published_locales(language: str, **lookup: Any) -> list[str]:
    """The languages an item is published in (live and public), however it is looked up."""
    translation_key = item_key(language, **lookup)
    if translation_key is None:
        return []
    return available_locales([translation_key]).get(str(translation_key), [])
