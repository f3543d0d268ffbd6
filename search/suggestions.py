"""Completing what a user types: titles and keywords that start with the typed words (the
search box's suggestions, REST and GraphQL)."""

import re
from typing import Any

from django.conf import settings

from cms.cache import cached, named_version
from guidance import queries
from search import database, spelling
from search.analysis import ParsedQuery, parse_query


def suggest(text: str, language: str, limit: int = 8) -> dict[str, Any]:
    """Titles and keywords that complete what the user is typing."""

    parsed = parse_query(text, language, prefix=True)
    if parsed.empty:
        return {"query": "", "locale": language, "titles": [], "keywords": []}

    def build() -> list[dict[str, Any]]:
        restricted = queries.site_structure()["restricted"]
        titles = database.suggest_titles(language, parsed, restricted, limit=limit)
        if not titles:  # what is typed without marks or with a typo
            respelled = spelling.respell_typing(parsed, language)
            if respelled.alternatives:
                titles = database.suggest_titles(language, respelled, restricted, limit=limit)
        return [
            {
                "type": row["type"],
                "id": row["object_id"],
                "translation_key": str(row["translation_key"]) if row["translation_key"] else None,
                "title": row["title"],
                "path": row["path"],
            }
            for row in titles
        ]

    titles = cached(
        ["suggest", named_version("search"), language, parsed.words, limit],
        build,
        timeout=settings.SEARCH_CACHE_TIMEOUT,
    )
    return {
        "query": parsed.normalized(),
        "locale": language,
        "titles": titles,
        "keywords": _keyword_suggestions(parsed, language, limit),
    }


def _keyword_suggestions(parsed: ParsedQuery, language: str, limit: int) -> list[dict[str, str]]:

    vocab = queries.vocabularies()["keywords"]
    typed = spelling.fold(parsed.words[-1])  # a keyword typed without its marks is found too
    found = []
    for key in vocab["by_key"]:
        label = queries.term_label(vocab, key, language)
        name_words = [spelling.fold(w) for w in re.findall(r"[^\W_]+", label["name"])]
        if any(w.startswith(typed) for w in name_words):
            found.append(label)
    found.sort(key=lambda t: (not spelling.fold(t["name"]).startswith(typed), t["name"].lower()))
    return found[:limit]
