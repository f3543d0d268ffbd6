"""This CMS's items in the shape the JOD frontend reads (Liferay's ``StructuredContent``).

The data comes from guidance's own answers (a listing card, ``ContentCardOut``; the item,
``ContentDetailOut``); this module only re-dresses them: ``contentFields`` as Liferay nests
them, keywords and sections as ``taxonomyCategoryBriefs``.
"""

import re
from html import escape
from typing import Any

from jod.catalogue import LANGUAGES, Catalogue

YOUTUBE = re.compile(
    r"^https://(?:www\.)?(?:youtube\.com/watch\?v=|youtu\.be/|youtube(?:-nocookie)?\.com/embed/)"
    r"([\w-]{6,20})"
)
# The adaptive-media variants the frontend asks for, as Wagtail rendition specs (the sizes of
# the JOD CMS's am-instance-settings).
VARIANTS = {
    "Article": "max-386x217|format-webp",
    "Card-Vertical": "height-147|format-webp",
    "Card-Horizontal": "height-143|format-webp",
    "Preview": "max-1000x1000|format-webp",
    "Thumbnail": "max-300x300|format-webp",
}


def _field(name: str, value: dict[str, Any], data_type: str = "string") -> dict[str, Any]:
    return {
        "name": name,
        "label": name,
        "dataType": data_type,
        "repeatable": name in ("document", "link"),
        "contentFieldValue": value,
        "nestedContentFields": [],
    }


def _image_field(image: dict[str, Any] | None, base: str) -> list[dict[str, Any]]:
    if image is None:
        return []
    name = f"{image['id']}.webp"
    # The frontend shows what follows " Kuva: " as the photo credit.
    description = image["alt"] + (f" Kuva: {image['credit']}" if image["credit"] else "")
    url = f"{base}/adaptive-media/image/{image['id']}/Article/{name}"
    value = {
        "id": image["id"],
        "title": name,
        "description": description,
        "contentUrl": url,
        "encodingFormat": "image/webp",
    }
    return [_field("image", {"image": value}, "image")]


def _briefs(card: dict[str, Any], catalogue: Catalogue) -> list[dict[str, Any]]:
    briefs = []
    for term in card["keywords"]:
        tag = catalogue.tag_of_slug.get(term["slug"])
        if tag is not None:
            briefs.append(_brief(tag.id, term["name"], tag.translation_key, tag.names, "TAG"))
    for crumb in card["breadcrumbs"]:
        category_id = catalogue.category_of_key.get(str(crumb["translation_key"]))
        if category_id is not None:
            category = catalogue.categories[category_id]
            briefs.append(
                _brief(
                    category.id,
                    crumb["title"],
                    category.translation_key,
                    category.names,
                    "CATEGORY",
                )
            )
    return briefs


def _brief(
    category_id: int, name: str, key: str, names: dict[str, str], kind: str
) -> dict[str, Any]:
    return {
        "taxonomyCategoryId": category_id,
        "taxonomyCategoryName": name,
        "embeddedTaxonomyCategory": {
            "id": category_id,
            "externalReferenceCode": key,
            "name": name,
            "name_i18n": names,
            "type": kind,
        },
    }


def structured_content(
    data: dict[str, Any], catalogue: Catalogue, base: str, *, full: bool
) -> dict[str, Any]:
    """One item: ``data`` is its card (lists) or its detail (``full``: every field)."""
    key = str(data["translation_key"])
    fields = [_field("ingress", {"data": data["summary"]})]
    if full:
        fields.append(_field("content", {"data": body_html(data)}, "html"))
    fields += _image_field(data["image"], base)
    if full:
        fields += [
            _field(
                "document",
                {
                    "document": {
                        "id": document["id"],
                        "title": document["title"],
                        "contentUrl": document["url"],
                        "encodingFormat": document["content_type"],
                        "sizeInBytes": document["size"],
                    }
                },
                "document",
            )
            for document in data["attachments"]
        ]
        for link in data["links"]:
            field = _field("link", {}, "")
            field["nestedContentFields"] = [
                _field("linktext", {"data": link["label"]}),
                _field("linkurl", {"data": link["url"]}),
            ]
            fields.append(field)
    return {
        "id": catalogue.article_ids.get(key, data["id"]),
        "externalReferenceCode": key,
        "key": key,
        "title": data["title"],
        "dateCreated": data["first_published_at"],
        "dateModified": data["last_published_at"],
        "availableLanguages": [
            LANGUAGES[code] for code in data["available_locales"] if code in LANGUAGES
        ],
        "contentFields": fields,
        "taxonomyCategoryBriefs": _briefs(data, catalogue),
    }


def body_html(detail: dict[str, Any]) -> str:
    """The item's body, its type's own fields first (a method's goals and steps), as the one
    HTML string the frontend renders; a YouTube video as the embed it puts behind consent."""
    parts = [_type_fields_html(detail["fields"])]
    parts += [_block_html(block["type"], block["value"]) for block in detail["body"]]
    return "\n".join(part for part in parts if part)


def _type_fields_html(fields: dict[str, Any]) -> str:
    parts = []
    for name in ("goals", "preparation", "instructions", "variations", "evidence_base"):
        if fields.get(name):
            parts.append(fields[name])
    for step in fields.get("steps") or []:
        parts.append(f"<h3>{escape(step['title'])}</h3>{step['description_html']}")
    return "\n".join(parts)


def _block_html(kind: str, value: dict[str, Any]) -> str:  # noqa: PLR0911 - one case a block type
    if kind in ("rich_text", "callout"):
        title = f"<h3>{escape(value['title'])}</h3>" if value.get("title") else ""
        return title + value["html"]
    if kind == "heading":
        level = value["level"] if value["level"] in ("h2", "h3", "h4") else "h2"
        return f"<{level}>{escape(value['text'])}</{level}>"
    if kind == "quote":
        cite = f"<cite>{escape(value['attribution'])}</cite>" if value["attribution"] else ""
        return f"<blockquote><p>{escape(value['text'])}</p>{cite}</blockquote>"
    if kind == "video":
        match = YOUTUBE.match(value["url"] or "")
        if match is None:
            return f'<p><a href="{escape(value["url"] or "")}">{escape(value["title"])}</a></p>'
        embed = f"https://www.youtube-nocookie.com/embed/{match.group(1)}"
        return f'<div class="embed-responsive" data-embed-id="{embed}"></div>' + (
            value["transcript_html"] or ""
        )
    if kind == "image" and value.get("image"):
        image = value["image"]
        caption = f"<figcaption>{escape(value['caption'])}</figcaption>" if value["caption"] else ""
        return (
            f'<figure><img src="{escape(image["src"] or "")}" alt="{escape(image["alt"])}">'
            f"{caption}</figure>"
        )
    if kind == "link":
        return f'<p><a href="{escape(value["url"])}">{escape(value["label"])}</a></p>'
    if kind == "steps":
        items = "".join(
            f"<li><strong>{escape(s['title'])}</strong>{s['description_html']}</li>"
            for s in value["steps"]
        )
        return f"<h3>{escape(value['title'])}</h3><ol>{items}</ol>"
    if kind == "table":
        rows = "".join(
            "<tr>" + "".join(f"<td>{escape(str(cell or ''))}</td>" for cell in row) + "</tr>"
            for row in value["rows"]
        )
        return f"<table>{rows}</table>"
    return ""  # a document block: the documents are fields of their own
