"""Elasticsearch 8/9 as the scale-out search engine (when ``ELASTICSEARCH_URL`` is set).

The database's ``SearchDocument`` rows stay the source of truth: Elasticsearch holds a copy,
one index per language behind an alias (``<prefix>-fi``, ``-sv``, ``-en``). A rebuild fills new
indices and swaps every alias in one atomic ``_aliases`` call, so searches never see a half-built
index. Finnish text arrives already analysed by Voikko (``search.analysis``) and is indexed with a
whitespace analyser; Swedish and English use Elasticsearch's own language analysers.

When Elasticsearch cannot be reached, ``Unavailable`` is raised, the caller answers from the
database, and this module remembers the failure for a short while so that every request does
not wait for a timeout.
"""

import datetime
import logging

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django_tasks import task

from search.analysis import SNOWBALL_CONFIG, finnish_lexemes, uses_voikko, words
from search.models import FACET_FIELDS, SearchDocument
from search.spelling import ALTERNATIVE_FACTOR

logger = logging.getLogger(__name__)
DOWN_KEY = "search:elasticsearch-down"
DOWN_SECONDS = 30
LANGUAGES = ("fi", "sv", "en")
TEXT_FIELDS = {"title": 4.0, "keywords": 4.0, "summary": 2.0, "body": 1.0}


class Unavailable(Exception):
    """Elasticsearch did not answer (connection refused, timeout, cluster error)."""


def client():
    from elasticsearch import Elasticsearch

    return Elasticsearch(
        settings.ELASTICSEARCH_URL,
        request_timeout=settings.ELASTICSEARCH_TIMEOUT,
        max_retries=0,
        retry_on_timeout=False,
    )


def alias(language):
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-{language}"


def recently_down():
    return bool(cache.get(DOWN_KEY))


def _mark_down():
    cache.set(DOWN_KEY, 1, DOWN_SECONDS)


def _call(function):
    """Run ``function(client)``; connection and server errors become ``Unavailable``."""
    from elasticsearch import ApiError, TransportError

    try:
        return function(client())
    except (TransportError, ApiError) as exc:
        _mark_down()
        raise Unavailable(str(exc)[:200]) from exc


def ping():
    from elasticsearch import ApiError, TransportError

    try:
        reachable = bool(client().ping())
    except (TransportError, ApiError):
        reachable = False
    if not reachable:
        _mark_down()
    else:
        cache.delete(DOWN_KEY)
    return reachable


# --- Index settings ----------------------------------------------------------------------------


def index_settings(language):
    """Settings and mappings of one language's index."""
    analysis = {
        "analyzer": {
            # Surface forms, for exact matches and prefix suggestions in every language.
            "exact": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]},
        }
    }
    if language == "fi":
        # The text is Voikko's base forms and compound parts, separated by spaces.
        analysis["analyzer"]["content"] = {
            "type": "custom",
            "tokenizer": "whitespace",
            "filter": ["lowercase"],
        }
        analysis["analyzer"]["content_search"] = analysis["analyzer"]["content"]
    else:
        name = SNOWBALL_CONFIG[language]  # "swedish" / "english": built-in analysers
        analysis["analyzer"]["content"] = {"type": name}
        analysis["analyzer"]["content_search"] = {"type": name}
    text = {
        "type": "text",
        "analyzer": "content",
        "search_analyzer": "content_search",
    }
    properties = {
        "object_type": {"type": "keyword"},
        "object_id": {"type": "long"},
        "translation_key": {"type": "keyword"},
        "language": {"type": "keyword"},
        "available_languages": {"type": "keyword"},
        "result_type": {"type": "keyword"},
        "path": {"type": "keyword", "index": False},
        "tree_path": {"type": "keyword"},
        "section_key": {"type": "keyword"},
        "topic_key": {"type": "keyword"},
        "published_at": {"type": "date"},
        "updated_at": {"type": "date"},
        "display_title": {"type": "keyword", "index": False},
        "display_summary": {"type": "text", "index": False},
        "display_text": {"type": "text", "index": False},
        "title_exact": {
            "type": "text",
            "analyzer": "exact",
            "index_prefixes": {"min_chars": 2, "max_chars": 10},
        },
        "body_exact": {"type": "text", "analyzer": "exact"},
        **{name: dict(text) for name in TEXT_FIELDS},
        **{column: {"type": "keyword"} for column in FACET_FIELDS.values()},
    }
    return {
        "settings": {"number_of_shards": 1, "analysis": analysis},
        "mappings": {"dynamic": "strict", "properties": properties},
    }


def _analysed(language, text):
    if uses_voikko(language):
        return " ".join(" ".join(finnish_lexemes(w)) for w in words(text))
    return text or ""


def document_body(doc, available_languages):
    """The Elasticsearch source of one ``SearchDocument``."""
    language = doc.language
    return {
        "object_type": doc.object_type,
        "object_id": doc.object_id,
        "translation_key": str(doc.translation_key) if doc.translation_key else None,
        "language": language,
        "available_languages": sorted(available_languages),
        "result_type": doc.result_type,
        "path": doc.path,
        "tree_path": doc.tree_path,
        "section_key": str(doc.section_key) if doc.section_key else None,
        "topic_key": str(doc.topic_key) if doc.topic_key else None,
        "published_at": doc.published_at.isoformat() if doc.published_at else None,
        "updated_at": doc.updated_at.isoformat() if doc.updated_at else None,
        "display_title": doc.title,
        "display_summary": doc.summary,
        "display_text": doc.text[:20_000],
        "title_exact": doc.title,
        "body_exact": " ".join([doc.summary, doc.text]),
        "title": _analysed(language, doc.title),
        "keywords": _analysed(language, doc.keyword_names),
        "summary": _analysed(language, doc.summary),
        "body": _analysed(language, doc.text),
        **{column: [str(k) for k in getattr(doc, column)] for column in FACET_FIELDS.values()},
    }


def doc_id(doc):
    return f"{doc.object_type}-{doc.object_id}"


# --- Queries -----------------------------------------------------------------------------------


def _match_words(language, query, any_word=False):
    """One clause per query word: any of its analysed forms in any text field."""
    fields = [f"{name}^{boost}" for name, boost in TEXT_FIELDS.items()]
    parsed = query.parsed

    def forms_of(word, boost=1.0):
        forms = finnish_lexemes(word) if uses_voikko(language, query.finnish) else (word,)
        return {
            "multi_match": {
                "query": " ".join(forms),
                "fields": fields,
                "operator": "or",
                "boost": boost,
            }
        }

    clauses = []
    for word in parsed.words:
        spellings = parsed.alternatives.get(word, ())
        if not spellings:
            clauses.append(forms_of(word))
            continue
        # The respelling stage (search.spelling): the vocabulary's other spellings, as the
        # database searches them, and Elasticsearch's own fuzzy matching of the typed word;
        # both rank below the word as typed.
        alternatives = [forms_of(word)]
        for spelling in spellings:
            spelled = [forms_of(w, ALTERNATIVE_FACTOR) for w in spelling.split()]
            alternatives.append(spelled[0] if len(spelled) == 1 else {"bool": {"must": spelled}})
        alternatives.append(
            {
                "multi_match": {
                    "query": word,
                    "fields": ["title_exact^4", "body_exact"],
                    "fuzziness": "AUTO",
                    "prefix_length": 1,
                    "boost": ALTERNATIVE_FACTOR,
                }
            }
        )
        clauses.append({"bool": {"should": alternatives, "minimum_should_match": 1}})
    if parsed.prefix and parsed.words:
        clauses[-1] = {
            "bool": {
                "should": [
                    clauses[-1],
                    {"prefix": {"title_exact": {"value": parsed.words[-1]}}},
                ]
            }
        }
    if any_word:
        return {"bool": {"should": clauses, "minimum_should_match": 1}}
    return {"bool": {"must": clauses}}


def build_query(query, any_word=False):
    """The request body for ``query`` (a ``search.services.SearchQuery``)."""
    language = query.language
    own = {
        "bool": {
            "filter": [{"term": {"language": language}}],
            "must": [_match_words(language, query, any_word)],
        }
    }
    languages = [own]
    if language != "fi":
        languages.append(
            {
                "bool": {
                    "filter": [
                        {"term": {"language": "fi"}},
                        {"term": {"object_type": "page"}},
                    ],
                    "must_not": [{"term": {"available_languages": language}}],
                    "must": [_match_words("fi", query, any_word)],
                }
            }
        )
    filters = []
    if query.types:
        filters.append({"terms": {"result_type": list(query.types)}})
    for paths in (query.section_paths, query.topic_paths):
        if paths is not None:
            filters.append(
                {
                    "bool": {
                        "should": [{"prefix": {"tree_path": path}} for path in paths],
                        "minimum_should_match": 1,
                    }
                }
            )
    for api_name, keys in query.terms.items():
        if keys:
            filters.append({"terms": {FACET_FIELDS[api_name]: list(keys)}})
    must_not = [{"prefix": {"tree_path": path}} for path in query.restricted_paths]
    phrase_words = query.parsed.phrases or (
        [query.parsed.words] if len(query.parsed.words) > 1 else []
    )
    should = [
        {"match": {"title_exact": {"query": " ".join(query.parsed.words), "boost": 2.0}}},
        {"match": {"body_exact": {"query": " ".join(query.parsed.words), "boost": 0.5}}},
        *[
            {"match_phrase": {"body_exact": {"query": " ".join(phrase), "boost": 2.0}}}
            for phrase in phrase_words
        ],
    ]
    aggregations = {
        "type": {"terms": {"field": "result_type", "size": 20}},
        "section": {"terms": {"field": "section_key", "size": 50}},
        **{
            api_name: {"terms": {"field": column, "size": 100}}
            for api_name, column in FACET_FIELDS.items()
        },
    }
    return {
        "query": {
            "bool": {
                "must": [{"bool": {"should": languages, "minimum_should_match": 1}}],
                "filter": filters,
                "must_not": must_not,
                "should": should,
            }
        },
        "aggs": aggregations,
        "from": query.offset,
        "size": query.limit,
        "track_total_hits": True,
        "sort": ["_score", {"published_at": {"order": "desc", "missing": "_last"}}],
        "_source": [
            "object_type",
            "object_id",
            "translation_key",
            "language",
            "result_type",
            "display_title",
            "display_summary",
            "display_text",
            "path",
            "published_at",
            "updated_at",
        ],
    }


def _indices_for(language):
    return ",".join(sorted({alias(language), alias("fi")}))


def _parse_response(response):
    hits = []
    for hit in response["hits"]["hits"]:
        source = hit["_source"]
        hits.append(
            {
                "object_type": source["object_type"],
                "object_id": source["object_id"],
                "translation_key": source.get("translation_key"),
                "language": source["language"],
                "type": source["result_type"],
                "title": source["display_title"],
                "summary": source.get("display_summary") or "",
                "text": source.get("display_text") or "",
                "path": source.get("path") or "",
                "published_at": source.get("published_at"),
                "updated_at": source.get("updated_at"),
                "score": hit.get("_score") or 0.0,
            }
        )
    facets = {
        name: {bucket["key"]: bucket["doc_count"] for bucket in aggregation["buckets"]}
        for name, aggregation in response.get("aggregations", {}).items()
    }
    return hits, facets, response["hits"]["total"]["value"]


def search(query, any_word=False):
    """Hits, facets and the total from Elasticsearch for the items holding every word (with
    ``any_word``, any of them: not asked for one word or a later page, a count of 0);
    raises ``Unavailable``."""
    if any_word and (len(query.parsed.words) < 2 or query.offset):
        return {"hits": [], "facets": {}, "count": 0, "match": "any"}
    index = _indices_for(query.language)
    body = build_query(query, any_word=any_word)
    hits, facets, total = _parse_response(_call(lambda es: es.search(index=index, body=body)))
    return {"hits": hits, "facets": facets, "count": total, "match": "any" if any_word else "all"}


# --- Writing -----------------------------------------------------------------------------------


def _available_languages(docs):
    keys = {doc.translation_key for doc in docs if doc.translation_key}
    available = {}
    for key, language in SearchDocument.objects.filter(translation_key__in=keys).values_list(
        "translation_key", "language"
    ):
        available.setdefault(key, set()).add(language)
    return available


def _actions(docs, index_for):
    available = _available_languages(docs)
    for doc in docs:
        yield {
            "_op_type": "index",
            "_index": index_for(doc.language),
            "_id": doc_id(doc),
            "_source": document_body(doc, available.get(doc.translation_key, {doc.language})),
        }


def sync(objects):
    """Copy the current database rows of ``objects`` ([(type, id)]) to Elasticsearch, with
    their translations (whose fallback flags depend on them); delete the ones that are gone."""
    from elasticsearch import helpers

    by_type = {}
    for object_type, object_id in objects:
        by_type.setdefault(object_type, set()).add(int(object_id))
    docs = []
    for object_type, ids in by_type.items():
        docs += list(SearchDocument.objects.filter(object_type=object_type, object_id__in=ids))
    keys = {doc.translation_key for doc in docs if doc.translation_key}
    if keys:
        docs = list(SearchDocument.objects.filter(translation_key__in=keys)) + [
            doc for doc in docs if not doc.translation_key
        ]
    present = {(doc.object_type, doc.object_id) for doc in docs}
    deletions = [
        {"_op_type": "delete", "_index": alias(language), "_id": f"{kind}-{object_id}"}
        for kind, ids in by_type.items()
        for object_id in ids
        if (kind, object_id) not in present
        for language in LANGUAGES
    ]
    actions = list(_actions(docs, alias)) + deletions
    _call(lambda es: helpers.bulk(es, actions, raise_on_error=False, refresh="wait_for"))


def rebuild(progress=None, batch_size=500):
    """Fill fresh indices from the database and swap the aliases to them atomically."""
    from elasticsearch import helpers

    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d%H%M%S%f")
    new = {language: f"{alias(language)}-{stamp}" for language in LANGUAGES}

    def run(es):
        for language, name in new.items():
            es.indices.create(index=name, **index_settings(language))
        queryset = SearchDocument.objects.order_by("pk")
        total = 0
        batch = []
        for doc in queryset.iterator(chunk_size=batch_size):
            batch.append(doc)
            if len(batch) >= batch_size:
                helpers.bulk(es, _actions(batch, new.get))
                total += len(batch)
                if progress:
                    progress.step(len(batch))
                batch = []
        if batch:
            helpers.bulk(es, _actions(batch, new.get))
            total += len(batch)
            if progress:
                progress.step(len(batch))
        actions = []
        old = []
        for language, name in new.items():
            existing = es.indices.get_alias(name=alias(language), ignore_unavailable=True)
            for index_name in existing:
                actions.append({"remove": {"index": index_name, "alias": alias(language)}})
                old.append(index_name)
            actions.append({"add": {"index": name, "alias": alias(language)}})
        es.indices.refresh(index=",".join(new.values()))
        es.indices.update_aliases(actions=actions)
        for index_name in old:
            es.indices.delete(index=index_name, ignore_unavailable=True)
        return total

    return _call(run)


# --- Mirroring changes ----------------------------------------------------------------------


def after_change(objects: list[tuple[str, int]]) -> None:
    """Mirror changed search documents to Elasticsearch when it is configured (after the commit,
    by a task)."""
    if not settings.ELASTICSEARCH_URL:
        return
    payload = [[kind, object_id] for kind, object_id in objects]
    transaction.on_commit(lambda: _enqueue_sync(payload))


def _enqueue_sync(payload):
    try:
        sync_elasticsearch.enqueue(payload)
    except Exception:  # the database index is already right; ES catches up on rebuild
        logger.exception("could not queue the Elasticsearch sync")


@task()
def sync_elasticsearch(objects):
    """Copy changed search documents ([[type, id], …]) to Elasticsearch.

    When Elasticsearch is down the task fails and is logged; the database index is already
    right and the next `rebuild_search_index --elasticsearch` brings Elasticsearch back in step."""
    sync([tuple(item) for item in objects])
    return len(objects)
