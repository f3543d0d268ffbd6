"""Plain-data representations of content for REST and GraphQL (one shape for both)."""

from dataclasses import dataclass, field
from typing import Any

from django.utils import translation
from wagtail.rich_text import expand_db_html

from guidance import queries
from guidance.quality import quality_status, quality_summary


@dataclass
class Lookups:
    """What cards and details read about other rows, fetched once for a batch of pages."""

    locales_by_key: dict[str, list[str]]
    approvals: dict[int, Any]
    terms: dict[int, dict[str, list[int]]]
    quality: dict[tuple[int, str], dict[str, Any]] = field(default_factory=dict)


def lookups_for(pages, saved=True):
    """``Lookups`` for ``pages`` in three queries (``saved``: their terms are in the database;
    a preview's draft terms live only on the page object)."""
    return Lookups(
        locales_by_key=queries.available_locales([p.translation_key for p in pages]),
        approvals=queries.last_approvals([p.pk for p in pages]),
        terms=queries.page_term_ids([p.pk for p in pages] if saved else []),
    )


def absolute(request, url):
    if request is not None and url and url.startswith("/"):
        return request.build_absolute_uri(url)
    return url


def rich_text(html, language):
    if not html:
        return ""
    with translation.override(language):
        return expand_db_html(str(html.source if hasattr(html, "source") else html))


def image_data(image, specs, request, *, alt, alt_language, credit=""):
    """An image with renditions; ``alt`` in ``alt_language`` (see ``hero_image``)."""
    if image is None:
        return None
    renditions = image.get_renditions(*specs)
    sources = [
        {"url": absolute(request, r.url), "width": r.width, "height": r.height, "format": "webp"}
        for r in sorted(renditions.values(), key=lambda r: r.width)
    ]
    return {
        "id": image.pk,
        "alt": alt,
        "alt_language": alt_language,
        "credit": credit or image.credit,
        "width": image.width,
        "height": image.height,
        "src": sources[len(sources) // 2]["url"] if sources else None,
        "renditions": sources,
    }


def hero_image(page, specs, request):
    """The main image with the page's own alt text and credit; where a page has no alt text of
    its own (published before alt texts were per page), the image library's, which is Finnish,
    and ``alt_language`` says so."""
    if page.hero_image is None:
        return None
    own = (page.hero_image_alt or "").strip()
    return image_data(
        page.hero_image,
        specs,
        request,
        alt=own or page.hero_image.description,
        alt_language=page.locale.language_code if own else queries.default_language(),
        credit=page.hero_image_credit,
    )


def document_data(document, request, title=""):
    if document is None:
        return None
    extension = document.file_extension.lower()
    return {
        "id": document.pk,
        "title": title or document.title,
        "description": getattr(document, "description", ""),
        "url": absolute(request, document.url),
        "file_type": extension,
        "content_type": document.content_type,
        "size": document.get_file_size(),
    }


def _terms(page, language, term_ids=None):
    """Term labels by taxonomy. ``term_ids`` (from ``queries.page_term_ids``) for saved pages;
    without it the page's own relations are read (a preview's draft terms live only there)."""
    vocab = queries.vocabularies()
    if term_ids is None:
        term_ids = {
            api_name: [term.pk for term in getattr(page, field).all()]
            for api_name, field in queries.TAXONOMY_FIELDS.items()
        }
    return {
        api_name: [
            queries.term_label(vocab[api_name], vocab[api_name]["id_key"][term_id], language)
            for term_id in term_ids.get(api_name, [])
            if term_id in vocab[api_name]["id_key"]
        ]
        for api_name in queries.TAXONOMY_FIELDS
    }


def card(page, language, request, locales_by_key, approvals=None, term_ids=None):
    key = str(page.translation_key)
    page_language = page.locale.language_code
    # In the page's own language, like its path: a Finnish fallback has Finnish crumbs.
    crumbs = queries.breadcrumbs_for(page.path, page_language)
    return {
        "id": page.id,
        "translation_key": key,
        "type": page.specific_class.api_type if page.specific_class else "content",
        "locale": page_language,
        "locale_fallback": page_language != language,
        "available_locales": locales_by_key.get(key, [page_language]),
        "title": page.title,
        "summary": page.summary,
        "path": queries.frontend_path(page.url_path, queries.home_url_path(page_language)),
        "breadcrumbs": crumbs,
        "image": hero_image(page, queries.CARD_RENDITIONS, request),
        **_terms(page, language, term_ids),
        "material_languages": page.material_languages or [],
        "first_published_at": page.first_published_at,
        "last_published_at": page.last_published_at,
        "review_overdue": page.review_overdue,
        "quality_status": quality_status((approvals or {}).get(page.pk), page.next_review_due),
    }


def cards(pages, language, request, lookups=None):
    lookups = lookups or lookups_for(pages)
    return [
        card(
            page,
            language,
            request,
            lookups.locales_by_key,
            lookups.approvals,
            lookups.terms[page.pk],
        )
        for page in pages
    ]


def _choice(page, field_name):
    value = getattr(page, field_name)
    field = page._meta.get_field(field_name)
    return {"value": value, "label": str(dict(field.choices).get(value, value))} if value else None


def _stream(stream_value, language, request, page_language):
    blocks = []
    for block in stream_value:
        kind, value = block.block_type, block.value
        if kind == "rich_text":
            data = {"html": rich_text(value, language)}
        elif kind == "heading":
            data = {"text": value["text"], "level": value["level"]}
        elif kind == "image":
            data = {
                "image": image_data(
                    value["image"],
                    queries.DETAIL_RENDITIONS,
                    request,
                    alt=value["alt_text"],
                    alt_language=page_language,
                    credit=value["credit"],
                ),
                "caption": value["caption"],
            }
        elif kind == "document":
            data = {"document": document_data(value["document"], request, value["title"])}
        elif kind == "video":
            data = {
                "url": value["video"].url if value["video"] else None,
                "title": value["title"],
                "transcript_html": rich_text(value["transcript"], language),
            }
        elif kind == "quote":
            data = {"text": value["text"], "attribution": value["attribution"]}
        elif kind == "steps":
            data = {"title": value["title"], "steps": [_step(s, language) for s in value["steps"]]}
        elif kind == "callout":
            data = {
                "kind": value["kind"],
                "title": value["title"],
                "html": rich_text(value["text"], language),
            }
        elif kind == "table":
            data = {
                "rows": (value or {}).get("data", []),
                "first_row_is_header": (value or {}).get("first_row_is_table_header", False),
                "first_col_is_header": (value or {}).get("first_col_is_header", False),
                "caption": (value or {}).get("table_caption", ""),
            }
        elif kind == "link":
            data = {"label": value["label"], "url": value["url"]}
        else:  # pragma: no cover - a new block type must be added above
            data = {}
        blocks.append({"type": kind, "id": block.id, "value": data})
    return blocks


def _step(step, language):
    return {
        "title": step["title"],
        "description_html": rich_text(step["description"], language),
        "duration": step["duration"],
    }


TYPE_FIELDS = {
    "method": {
        "goals": "html",
        "duration": "text",
        "group_size": "text",
        "preparation": "html",
        "steps": "steps",
        "variations": "html",
        "evidence_base": "html",
        "references": "html",
    },
    "tool": {
        "tool_url": "text",
        "provider": "text",
        "cost": "choice",
        "login_required": "text",
        "accessibility_notes": "text",
        "instructions": "html",
    },
    "material": {"material_format": "choice", "use_mode": "choice", "instructions": "html"},
    "training": {
        "provider": "text",
        "starts_on": "text",
        "ends_on": "text",
        "training_format": "choice",
        "registration_url": "text",
        "credits": "number",
        "credit_unit": "text",
        "places": "text",
    },
    "article": {},
}


def type_fields(page, language):
    result = {}
    with translation.override(language):
        for name, kind in TYPE_FIELDS.get(page.api_type, {}).items():
            value = getattr(page, name)
            if kind == "html":
                result[name] = rich_text(value, language)
            elif kind == "choice":
                result[name] = _choice(page, name)
            elif kind == "steps":
                result[name] = [_step(block.value, language) for block in value]
            elif kind == "number":
                result[name] = float(value) if value is not None else None
            else:
                result[name] = value
    return result


def detail(page, language, request, related_pages=(), draft=False, lookups=None):
    """Everything the item page renders, without a second request. ``draft``: a preview,
    whose terms are read from the page object rather than the database. ``lookups``: fetched
    once for many pages (the read model's rebuild), with their quality summaries."""
    specific = page.specific
    if lookups is None:
        lookups = lookups_for([page, *related_pages], saved=not draft)
        if draft:
            lookups.terms.update(queries.page_term_ids([p.pk for p in related_pages]))
    locales_by_key, approvals, terms = lookups.locales_by_key, lookups.approvals, lookups.terms
    data = card(
        page, language, request, locales_by_key, approvals, None if draft else terms[page.pk]
    )
    data["image"] = hero_image(page, queries.DETAIL_RENDITIONS, request)
    with translation.override(language):
        licence = _choice(specific, "licence")
    data.update(
        {
            "search_description": specific.search_description,
            "body": _stream(specific.body, language, request, page.locale.language_code),
            # An attachment whose document was deleted from the library is left out.
            "attachments": [
                document_data(block.value["document"], request, block.value["title"])
                for block in specific.attachments
                if block.value["document"] is not None
            ],
            "links": [
                {"label": b.value["label"], "url": b.value["url"]} for b in specific.external_links
            ],
            "licence": licence,
            "author_organisation": specific.author_organisation,
            "next_review_due": specific.next_review_due,
            "fields": type_fields(specific, language),
            "related": [
                card(p, language, request, locales_by_key, approvals, terms[p.pk])
                for p in related_pages
            ],
            "quality": lookups.quality.get((page.pk, language)) or quality_summary(page, language),
        }
    )
    return data
