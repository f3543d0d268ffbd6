"""The demo's translations: Finnish source text → its Swedish or English text, for
wagtail-localize to translate each page with (``guidance.services.translate_page``)."""

from collections.abc import Iterator
from typing import Any

from django.utils.text import slugify

from guidance.demo import content as demo


def _pairs(value: Any, lang: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, demo.T) and value.get(lang):
        yield value.fi, value.get(lang)


def item_strings(spec: Any, lang: str) -> dict[str, str]:
    """Finnish source text → translated text for every string of one demo item."""
    lookup = {}
    texts = [spec.title, spec.summary, *spec.fields.values()]
    if spec.image:
        texts.append(demo.IMAGES[spec.image][1])
    for kind, *args in spec.body:
        if kind == "figure":
            texts += [demo.IMAGES[args[0]][1], args[1]]
        elif kind == "steps":
            texts.append(args[0])
            texts += [text for step in args[1] for text in step[:2]]
        elif kind == "table":
            texts.append(args[0])
            texts += [cell for row in args[1] for cell in row]
        else:
            texts += [arg for arg in args if isinstance(arg, demo.T)]
    for title, text in spec.steps:
        texts += [title, text]
    for value in texts:
        lookup.update(_pairs(value, lang))
    if spec.title.get(lang):
        lookup[spec.slug] = slugify(spec.title.get(lang))[:60] or spec.slug
    return lookup


def structure_strings(lang: str) -> dict[str, str]:
    lookup = dict(_pairs(demo.HOME["title"], lang))
    lookup.update(_pairs(demo.HOME["intro"], lang))
    lookup["ohjaajan-osio"] = slugify(demo.HOME["title"].get(lang))
    for spec in demo.SECTIONS:
        lookup.update(_pairs(spec["title"], lang))
        lookup.update(_pairs(spec["intro"], lang))
        lookup[spec["slug"]] = slugify(spec["title"].get(lang))
        for slug, title in spec["topics"]:
            lookup.update(_pairs(title, lang))
            lookup[slug] = slugify(title.get(lang))
    return lookup
