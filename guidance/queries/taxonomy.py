"""The taxonomies (keywords, themes, target groups, sectors, settings) as the API names them,
read once into cached vocabularies."""

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import connection

from cms.cache import cached
from guidance.models import TAXONOMY_MODELS, ContentPage

# Query parameter → taxonomy, as ``ContentFilters.terms`` and the vocabularies name it.
TAXONOMY_PARAMS = {
    "keyword": "keywords",
    "theme": "themes",
    "target_group": "target_groups",
    "sector": "sectors",
    "setting": "settings",
}
TAXONOMY_FIELDS = {  # API name → page field
    "keywords": "keywords",
    "themes": "themes",
    "target_groups": "target_groups",
    "sectors": "sectors",
    "settings": "guidance_settings",
}


# One vocabulary as vocabularies() caches it: {"by_key": {translation_key: {language: (slug,
# name, description)}}, "id_key": {term id: translation_key}, "slug_key": {slug: translation_key}}.
Vocabulary = dict[str, dict[Any, Any]]


def default_language() -> str:
    return settings.LANGUAGE_CODE


def vocabularies() -> dict[str, Vocabulary]:
    """{api_name: ``Vocabulary``} for every taxonomy (see ``Vocabulary``: labels by translation
    key and language, term id → key, slug → key), cached until content changes."""

    def build() -> dict[str, Vocabulary]:
        result: dict[str, Vocabulary] = {}
        for api_name, model in TAXONOMY_MODELS.items():
            by_key: dict[str, dict[str, tuple[str, str, str]]] = {}
            id_key: dict[int, str] = {}
            slug_key: dict[str, str] = {}
            for term in model.objects.select_related("locale").order_by("name"):
                key = str(term.translation_key)
                by_key.setdefault(key, {})[term.locale.language_code] = (
                    term.slug,
                    term.name,
                    term.description,
                )
                id_key[term.pk] = key
                slug_key.setdefault(term.slug, key)
            result[api_name] = {"by_key": by_key, "id_key": id_key, "slug_key": slug_key}
        return result

    return cached(["vocabularies"], build, timeout=3600, local=True)


def term_label(vocab: Vocabulary, key: str, language: str) -> dict[str, str]:
    names = vocab["by_key"].get(key, {})
    slug, name, _description = (
        names.get(language) or names.get(default_language()) or next(iter(names.values()))
    )
    return {"slug": slug, "name": name}


def vocabulary_terms(api_name: str, language: str) -> list[dict[str, Any]]:
    vocab = vocabularies()[api_name]
    terms = []
    for key, names in vocab["by_key"].items():
        slug, name, description = names.get(language) or names.get(default_language())
        terms.append(
            {
                "key": key,
                "slug": slug,
                "name": name,
                "description": description,
                "locale_fallback": language not in names,
            }
        )
    return sorted(terms, key=lambda t: t["name"].lower())


def page_term_ids(page_ids: Iterable[int]) -> dict[int, dict[str, list[int]]]:
    """{page id: {api taxonomy name: [term ids]}} for every taxonomy, in one query.

    Reads the five through tables with a UNION instead of prefetching term objects: the labels
    come from the cached vocabularies, so no term model is instantiated."""

    page_ids = [int(pk) for pk in page_ids]
    result: dict[int, dict[str, list[int]]] = {
        pk: {api: [] for api in TAXONOMY_FIELDS} for pk in page_ids
    }
    if not page_ids:
        return result
    selects: list[str] = []
    params: list[Any] = []
    for api_name, field_name in TAXONOMY_FIELDS.items():
        model_field = ContentPage._meta.get_field(field_name)
        through = model_field.remote_field.through._meta.db_table
        source, target = model_field.m2m_column_name(), model_field.m2m_reverse_name()
        selects.append(
            f"SELECT %s, {source}, {target} FROM {through} WHERE {source} = ANY(%s)"  # noqa: S608
        )
        params += [api_name, page_ids]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects) + " ORDER BY 3", params)
        for api_name, page_id, term_id in cursor.fetchall():
            result[page_id][api_name].append(term_id)
    return result
