"""Search: queries with filters and facets, and the engine in use.

``search`` is what the REST and GraphQL endpoints call (``search.suggestions`` completes what
is typed; ``search.statistics`` counts the queries for editors). The database engine
always answers; Elasticsearch answers when ``ELASTICSEARCH_URL`` is set and it is reachable,
otherwise the database does and the result says so (``degraded: true``).
"""

import dataclasses
import logging
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext, override

from cms.api_errors import invalid_parameter
from cms.cache import cached, named_version
from guidance import queries
from guidance import services as guidance_services
from guidance.models import CONTENT_PAGE_MODELS
from guidance.queries import ContentFilters
from search import database, elasticsearch, spelling
from search.analysis import ParsedQuery, highlight, parse_query, voikko_available
from search.models import FACET_FIELDS
from search.statistics import record_query

logger = logging.getLogger(__name__)
# A search's answer as the API shows it (search.schemas.SearchOut) or on its way there.
Result = dict[str, Any]
MAX_QUERY_LENGTH = 500


@dataclass
class SearchQuery:
    parsed: ParsedQuery
    language: str
    types: list[str] = field(default_factory=list)
    section_paths: list[str] | None = None
    topic_paths: list[str] | None = None
    terms: dict[str, list[str]] = field(default_factory=dict)  # facet api name → [keys]
    restricted_paths: list[str] = field(default_factory=list)
    limit: int = 20
    offset: int = 0
    finnish: str = "voikko"
    autocorrect: bool = True  # show results for the corrected query when it finds more

    def cache_key(self) -> list[Any]:
        return [
            "search",
            named_version("search"),
            self.language,
            self.parsed.words,
            self.parsed.phrases,
            self.parsed.prefix,
            sorted(self.parsed.alternatives.items()),
            sorted(self.types),
            self.section_paths,
            self.topic_paths,
            sorted((k, sorted(v)) for k, v in self.terms.items()),
            self.limit,
            self.offset,
            self.finnish,
        ]


def result_types() -> dict[str, str]:
    """Result type → translatable label."""

    labels = {
        apps.get_model("guidance", name).api_type: apps.get_model("guidance", name)._meta
        for name in CONTENT_PAGE_MODELS
    }
    types = {key: meta.verbose_name for key, meta in labels.items()}
    types["discussion"] = gettext("discussion")
    return types


def build_query(
    text: str,
    language: str,
    filters: ContentFilters,
    limit: int = 20,
    offset: int = 0,
    prefix: bool = False,
    finnish: str = "voikko",
    autocorrect: bool = True,
) -> SearchQuery:
    """Validate filters (unknown values → 400) and return a ``SearchQuery``."""

    parsed = parse_query(text, language, prefix=prefix)
    known_types = set(result_types())
    unknown = [t for t in filters.types if t not in known_types]
    if unknown:
        raise invalid_parameter(
            "type", f"unknown type {unknown[0]!r}; use one of {', '.join(sorted(known_types))}"
        )
    terms = {}
    vocab = queries.vocabularies()
    for api_name, slugs in filters.terms.items():
        keys = []
        for slug in slugs:
            key = vocab[api_name]["slug_key"].get(slug)
            if key is None:
                parameter = "setting" if api_name == "settings" else api_name.rstrip("s")
                raise invalid_parameter(parameter, f"unknown value {slug!r}")
            keys.append(key)
        if keys:
            terms[api_name] = keys
    return SearchQuery(
        parsed=parsed,
        language=language,
        types=list(filters.types),
        section_paths=(
            guidance_services.container_paths(filters.section, "section")
            if filters.section
            else None
        ),
        topic_paths=guidance_services.container_paths(filters.topic, "topic")
        if filters.topic
        else None,
        terms=terms,
        restricted_paths=list(queries.site_structure()["restricted"]),
        limit=limit,
        offset=offset,
        finnish=finnish,
        autocorrect=autocorrect,
    )


# A search that finds fewer items than this, or not every word, is tried again with the typed
# words' other spellings (``search.spelling``).
FEW_RESULTS = 3


def search(query: SearchQuery, record: bool = True, request: HttpRequest | None = None) -> Result:
    """Ranked hits, facet counts and the total for ``query``; counts the query for editors.

    When the typed words find little and their other spellings (accents restored, typos
    corrected, run-together words split) find more, the answer names the corrected query and,
    with ``query.autocorrect``, shows its results ("showing results for …")."""
    if query.parsed.empty:
        return _empty(query)
    result = ranked(query, record)
    return {
        **_present(result["query"], result, request),
        "corrected_query": result["corrected_query"] or None,
        "autocorrected": result["autocorrected"],
    }


def ranked(query: SearchQuery, record: bool = True) -> Result:
    """``find``'s result, counted for editors' statistics: the hits in rank order
    (``object_id``, ``type``, …) and ``count``, without the presentation ``search`` adds, for a
    caller that shows the items in a shape of its own. ``query`` must hold words."""
    result = find(query)
    if record and query.offset == 0:
        record_query(
            query.parsed.normalized(), query.language, result["count"], result["corrected_query"]
        )
    return result


def find(query: SearchQuery) -> Result:
    """The engine's result for ``query`` (see ``search``) with ``corrected_query`` ("" when
    nothing was corrected), ``autocorrected`` and the ``query`` whose results these are.

    The typed words' fallback to items with any of them is searched only when it can still be
    the answer: a correction whose every word is found is shown instead (``_finds_more``), so
    for a mistyped query of several words the fallback (a broad search) is not run for
    nothing."""
    result = _engine_search(query)
    corrected_query, autocorrected = "", False
    if result["count"] < FEW_RESULTS:
        respelled = spelling.respell(query.parsed, query.language, query.finnish)
        retried = None
        if respelled.alternatives:
            corrected = dataclasses.replace(query, parsed=respelled)
            retried = _or_any_word(corrected, _engine_search(corrected))
        shown = (
            query.autocorrect
            and retried is not None
            and retried["match"] == "all"
            and retried["count"] > 0
        )
        if not shown:  # the answer may be the typed words' items with any word
            result = _or_any_word(query, result)
        if retried is not None and _finds_more(retried, result):
            corrected_query = respelled.corrected_text()
            if query.autocorrect:
                result, autocorrected = retried, True
    return {**result, "corrected_query": corrected_query, "autocorrected": autocorrected}


def _or_any_word(query: SearchQuery, result: Result) -> Result:
    """``result`` (the items with every word of ``query``) or, when there are none, the items
    with any of its words if some have them."""
    if result["count"] == 0:
        fallback = _engine_search(query, any_word=True)
        if fallback["count"]:
            return fallback
    return result


def _finds_more(retried: Result, result: Result) -> bool:
    if retried["match"] != result["match"]:
        return retried["match"] == "all"
    return retried["count"] > result["count"]


def _engine_search(query: SearchQuery, any_word: bool = False) -> Result:
    """{"hits", "facets", "count", "match", "engine", "degraded", "query"} from the engine in
    use: the items holding every word, or with ``any_word`` any of them; the database answers
    when Elasticsearch is down."""
    engine = current_engine()
    if engine == "elasticsearch":
        try:
            result = cached(
                query.cache_key() + ["es", any_word],
                lambda: elasticsearch.search(query, any_word),
                timeout=settings.SEARCH_CACHE_TIMEOUT,
            )
        except elasticsearch.Unavailable as exc:
            logger.warning("Elasticsearch unavailable, searching the database: %s", exc)
            result = {
                **_database_search(query, any_word),
                "engine": "database",
                "degraded": True,
            }
        else:
            result = {**result, "engine": "elasticsearch", "degraded": False}
    else:
        degraded = bool(settings.ELASTICSEARCH_URL)  # configured but known to be down
        result = {
            **_database_search(query, any_word),
            "engine": "database",
            "degraded": degraded,
        }
    return {**result, "query": query}


def _database_search(query: SearchQuery, any_word: bool) -> Result:
    return cached(
        query.cache_key() + [any_word],
        lambda: database.search(query, any_word),
        timeout=settings.SEARCH_CACHE_TIMEOUT,
    )


def _empty(query: SearchQuery) -> Result:
    result = {
        "hits": [],
        "facets": {name: {} for name in ["type", "section", *FACET_FIELDS]},
        "count": 0,
        "match": "all",
        "engine": current_engine(),
        "degraded": False,
    }
    return {**_present(query, result), "corrected_query": None, "autocorrected": False}


def _present(query: SearchQuery, result: Result, request: HttpRequest | None = None) -> Result:
    """Hits with highlights and facets with labels in the query's language; content hits carry
    the card's image and breadcrumbs (a discussion hit has neither)."""
    language = query.language
    extras = guidance_services.card_extras(
        [hit["object_id"] for hit in result["hits"] if hit["type"] != "discussion"], request
    )
    items = []
    for hit in result["hits"]:
        hit_language = hit["language"]
        title_mark = highlight(hit["title"], hit_language, query.parsed, query.finnish, width=40)
        snippet = highlight(hit["summary"], hit_language, query.parsed, query.finnish) or highlight(
            hit["text"], hit_language, query.parsed, query.finnish
        )
        items.append(
            {
                "type": hit["type"],
                "id": hit["object_id"],
                "translation_key": str(hit["translation_key"]) if hit["translation_key"] else None,
                "title": hit["title"],
                "summary": hit["summary"],
                "path": hit["path"],
                "locale": hit_language,
                "locale_fallback": hit_language != language,
                "published_at": hit["published_at"],
                "highlight": {"title": title_mark, "snippet": snippet},
                "image": None,
                "breadcrumbs": [],
                **(extras.get(hit["object_id"], {}) if hit["type"] != "discussion" else {}),
                "score": round(float(hit["score"]), 4),
            }
        )
    return {
        "query": query.parsed.normalized(),
        "locale": language,
        "count": result["count"],
        "limit": query.limit,
        "offset": query.offset,
        "match": result["match"],
        "engine": result["engine"],
        "degraded": result["degraded"],
        "items": items,
        "facets": facet_labels(result["facets"], language),
    }


def facet_labels(
    facets: dict[str, dict[str, int]], language: str
) -> dict[str, list[dict[str, Any]]]:
    """{facet: [{value, label, count}]}, most frequent first; values are what filters take."""

    vocab = queries.vocabularies()
    structure = queries.site_structure()
    types = result_types()
    out: dict[str, list[dict[str, Any]]] = {}
    with override(language):
        out["type"] = [
            {"value": value, "label": str(types.get(value, value)), "count": count}
            for value, count in facets.get("type", {}).items()
        ]
    sections: list[dict[str, Any]] = []
    for key, count in facets.get("section", {}).items():
        node = structure["nodes"].get(language, {}).get(key) or structure["nodes"].get(
            queries.default_language(), {}
        ).get(key)
        if node is not None:
            sections.append({"value": str(node.id), "label": node.title, "count": count})
    out["section"] = sections
    for api_name in FACET_FIELDS:
        values: list[dict[str, Any]] = []
        for key, count in facets.get(api_name, {}).items():
            if key not in vocab[api_name]["by_key"]:
                continue
            label = queries.term_label(vocab[api_name], key, language)
            values.append({"value": label["slug"], "label": label["name"], "count": count})
        out[api_name] = values
    for values in out.values():
        values.sort(key=lambda v: (-v["count"], v["label"].lower()))
    return out


# --- Engine ------------------------------------------------------------------------------------


def current_engine() -> str:
    """ "elasticsearch" when configured and not recently found unreachable, else "database"."""
    if not settings.ELASTICSEARCH_URL:
        return "database"

    return "database" if elasticsearch.recently_down() else "elasticsearch"


def search_backend_status() -> dict[str, Any]:
    """Which engine serves search and whether it answers (for /readyz)."""
    status: dict[str, Any] = {
        "engine": "database",
        "finnish_analysis": "voikko" if voikko_available() else "snowball",
    }
    if settings.ELASTICSEARCH_URL:
        reachable = elasticsearch.ping()
        status.update(
            engine="elasticsearch" if reachable else "database",
            elasticsearch="reachable" if reachable else "unreachable",
            fallback=not reachable,
        )
    return status
