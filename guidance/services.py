"""Domain logic for guidance content (no HTTP here)."""

import datetime
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, F, Model, OuterRef, Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.query import PageQuerySet
from wagtail.search.backends import get_search_backend
from wagtail_localize.models import Translation, TranslationSource

from cms.sanitising import plain_text
from guidance import queries, read_model, serializers
from guidance.models import ContentFeedback, ContentPage, ContentViewDay, ReadItem


def translate_page(
    page: Page,
    language_code: str,
    strings: dict[str, str],
    *,
    user: Any = None,
    publish: bool = True,
) -> Page:
    """Translate ``page`` into ``language_code`` through wagtail-localize.

    ``strings`` maps source strings (as wagtail-localize segments them) to their translation;
    anything missing keeps the source text, as the admin's "sync" does. Returns the translated
    page. The parent page must already exist in the target locale or is copied there.
    """
    locale = Locale.objects.get(language_code=language_code)
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    po = translation.export_po()
    for entry in po:
        entry.msgstr = strings.get(entry.msgid, "")
    translation.import_po(po, user=user)
    # wagtail-localize publishes in transaction.on_commit with the page object it holds; inside
    # a longer transaction (seeding many pages) that stale object would overwrite tree fields
    # such as numchild. Save a draft and publish the fresh revision here instead.
    translation.save_target(user=user, publish=False)
    target = page.get_translation(locale).specific
    if publish:
        target.get_latest_revision().publish(user=user, skip_permission_checks=True)
        target.refresh_from_db()
    return target


def bulk_add_live_pages(parent: Page, pages: list[ContentPage]) -> list[ContentPage]:
    """Insert many new, live pages under ``parent`` in a handful of queries.

    For generated benchmark content: ``Page.add_child`` costs ~50 queries a page (tree locking,
    revisions, reference and search indexing), which makes 10,000 items take many minutes.
    Here the tree paths are computed once, the base and specific rows are inserted in bulk,
    taxonomy links are bulk-created and the search index and the read model are updated in one
    batch. The pages have
    no revision; the first edit in the admin creates one. All pages must be of one model.
    ``pages`` may carry unsaved taxonomy terms in ``page._bulk_terms`` ({field: [terms]}).
    """
    if not pages:
        return []
    model = type(pages[0])
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(model)
    with transaction.atomic():
        parent = Page.objects.select_for_update().get(pk=parent.pk)
        last_child = parent.get_last_child()
        first_step = Page._str2int(last_child.path[-Page.steplen :]) + 1 if last_child else 1
        base_rows = []
        for offset, page in enumerate(pages):
            page.path = Page._get_path(parent.path, parent.depth + 1, first_step + offset)
            page.depth = parent.depth + 1
            page.numchild = 0
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.draft_title = page.title
            page.live = True
            page.has_unpublished_changes = False
            page.first_published_at = page.last_published_at = now
            page.content_type = content_type
            page.locale_id = parent.locale_id
            base_rows.append(
                Page(**{f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields})
            )
        Page.objects.bulk_create(base_rows)
        # Django cannot bulk_create a multi-table child; insert each level's rows directly
        # (ContentPage, then the specific type), in inheritance order.
        chain = [m for m in reversed(model._meta.get_parent_list()) if m is not Page] + [model]
        for page, base in zip(pages, base_rows, strict=True):
            for level in chain:
                setattr(page, level._meta.pk.attname, base.pk)
            page.id = base.pk
        for level in chain:
            level._base_manager._insert(
                pages, fields=list(level._meta.local_concrete_fields), using="default"
            )
        for field_name in {name for page in pages for name in getattr(page, "_bulk_terms", {})}:
            through = model._meta.get_field(field_name).remote_field.through
            source, target = _through_columns(through, model)
            through.objects.bulk_create(
                [
                    through(**{source: page.pk, target: term.pk})
                    for page in pages
                    for term in getattr(page, "_bulk_terms", {}).get(field_name, [])
                ]
            )
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
        get_search_backend().add_bulk(model, model.objects.filter(pk__in=[p.pk for p in pages]))
        read_model.refresh([page.translation_key for page in pages], defer_large=False)
    return pages


def _through_columns(through: type[Model], model: type[Model]) -> tuple[str, str]:
    source: str | None = None
    target: str | None = None
    for field in through._meta.concrete_fields:
        if not field.is_relation or field.related_model is None:
            continue
        if issubclass(model, field.related_model):
            source = field.attname
        else:
            target = field.attname
    if source is None or target is None:
        raise ValueError(f"{through.__name__} does not link {model.__name__} to anything")
    return source, target


def record_view(translation_key: uuid.UUID, day: datetime.date) -> None:
    """Add one view for ``day``: a single atomic upsert, safe under concurrent requests."""

    updated = ContentViewDay.objects.filter(translation_key=translation_key, day=day).update(
        views=F("views") + 1
    )
    if not updated:
        try:
            with transaction.atomic():
                ContentViewDay.objects.create(translation_key=translation_key, day=day, views=1)
        except IntegrityError:  # created by a concurrent request in between
            ContentViewDay.objects.filter(translation_key=translation_key, day=day).update(
                views=F("views") + 1
            )


def page_from_preview_token(content_type: str, token: str) -> ContentPage:
    """The unsaved or draft page behind a headless-preview token, if the token is valid and
    younger than ``PREVIEW_TOKEN_MAX_AGE``; otherwise ``Http404`` (nothing is revealed)."""

    app_label, _, model_name = content_type.partition(".")
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as exc:
        raise Http404("Unknown preview.") from exc
    if not issubclass(model, ContentPage):
        raise Http404("Unknown preview.")
    try:
        model.get_preview_signer().unsign(token, max_age=settings.PREVIEW_TOKEN_MAX_AGE)
        page = model.get_page_from_preview_token(token)
    except signing.BadSignature as exc:  # includes SignatureExpired
        raise Http404("The preview link is invalid or has expired.") from exc
    if page is None:
        raise Http404("Unknown preview.")
    return page


def record_feedback(
    translation_key: uuid.UUID, language: str, helpful: bool, comment: str
) -> ContentFeedback:
    """Store "was this helpful"; the comment is reduced to plain text (no HTML survives)."""

    text = plain_text(comment)[:500]
    return ContentFeedback.objects.create(
        translation_key=translation_key, locale=language, helpful=helpful, comment=text
    )


def feedback_summary(translation_key: uuid.UUID, recent: int = 5) -> dict[str, Any]:
    """Counts and the latest comments, for reviewers."""

    rows = ContentFeedback.objects.filter(translation_key=translation_key)
    counts = rows.aggregate(
        helpful_count=Count("pk", filter=Q(helpful=True)),
        not_helpful_count=Count("pk", filter=Q(helpful=False)),
    )
    comments = list(rows.exclude(comment="").order_by("-created_at")[:recent])
    return {**counts, "comments": comments}


# --- Who may see what: the one visibility rule ----------------------------------------------
# A page is visible to the public when it is live and no view restriction (password, login or
# group) covers it. Every surface that names, links or lists pages asks these functions: the
# delivery API, GraphQL, search indexing, community threads and personal lists, rich-text links
# and the page URLs themselves.


def visible_pages(queryset: PageQuerySet | None = None) -> PageQuerySet:
    """``queryset`` (default: all pages) narrowed to live pages outside view restrictions."""

    return queries.public((queryset if queryset is not None else Page.objects.all()).live())


def visible_item_exists(key_field: str) -> Exists:
    """An ``Exists`` for other apps' querysets: the item named by their ``key_field`` (a
    translation key) is visible. Correlated, so each row costs one probe of the
    (translation_key, locale) index rather than a scan of every visible page."""

    return Exists(visible_pages(ContentPage.objects.filter(translation_key=OuterRef(key_field))))


def is_visible_item(translation_key: uuid.UUID) -> bool:
    """Whether a content item (any language version of it) is visible to the public."""

    return visible_pages(ContentPage.objects.filter(translation_key=translation_key)).exists()


def visible_item_keys(translation_keys: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    """The subset of ``translation_keys`` whose items are visible to the public."""

    return set(
        visible_pages(ContentPage.objects.filter(translation_key__in=list(translation_keys)))
        .values_list("translation_key", flat=True)
        .distinct()
    )


def visible_item_rows(language: str) -> QuerySet[ReadItem]:
    """The visible items in ``language`` as the read model holds them, for a listing of other
    apps' own shape (the JOD adapter): one row per item, the page ``visible_content(language)``
    picks, with the columns a listing filters and sorts on (``translation_key``, ``page_id``,
    ``tree_path``, ``keyword_ids``, ``title``, ``first_published_at``). The rows change when
    content is published, so such a listing needs no visibility rule of its own and reads one
    narrow indexed table instead of the page tree."""
    return ReadItem.objects.filter(language=language)


def frontend_url(page: Page) -> str | None:
    """Where the JOD frontend shows ``page`` (None when the page is not visible)."""

    if not visible_pages(Page.objects.filter(pk=page.pk)).exists():
        return None
    home = queries.home_url_path(page.locale.language_code)
    return settings.FRONTEND_BASE_URL.rstrip("/") + queries.frontend_path(page.url_path, home)


def card_extras(
    page_ids: list[int], request: HttpRequest | None = None
) -> dict[int, dict[str, Any]]:
    """{page id: {"image", "breadcrumbs"}} for content pages shown outside listings (search
    hits): the main image as on a card and the crumbs in the page's own language, from the
    read model's cards. One query whatever the number of pages."""
    cards = read_model.cards_by_page(page_ids, read_model.origin(request))
    return {
        pk: {"image": card["image"], "breadcrumbs": card["breadcrumbs"]}
        for pk, card in cards.items()
    }


def container_paths(page_id: int, kind: str) -> list[str]:
    """The tree paths of every language version of a section or topic (``kind``), for other
    apps' filters; an id that is no such node is a 400 naming the ``kind`` parameter."""

    return queries.container_paths(page_id, kind)


def cards(
    pages: list[ContentPage], language: str, request: HttpRequest | None = None
) -> list[dict[str, Any]]:
    """The listing's card for each page (``ContentCardOut``), for other apps' lists."""
    return serializers.cards(pages, language, request)


def item_detail(
    language: str, request: HttpRequest | None = None, **lookup: Any
) -> dict[str, Any] | None:
    """A visible item as ``GET /api/v1/content/{id}/`` shows it (``ContentDetailOut``), looked up
    by ``page_id``, ``translation_key`` or ``path``, from the read model; None when nothing
    visible matches."""
    return read_model.detail(language, read_model.origin(request), **lookup)


def cards_for_keys(
    keys: Sequence[uuid.UUID], language: str, request: HttpRequest | None = None
) -> list[dict[str, Any]]:
    """Cards of the visible items with these translation keys, in the keys' order (an item the
    public may not see, or that no longer exists, is left out)."""
    return read_model.cards(language, keys, read_model.origin(request))
