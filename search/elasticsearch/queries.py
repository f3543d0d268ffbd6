"""Searching Elasticsearch: the query a ``SearchQuery`` becomes (words, filters, facets,
the Finnish fallback), and its answer in the database engine's shape."""

from search.analysis import finnish_lexemes, uses_voikko
from search.elasticsearch.connection import alias, call
from search.elasticsearch.index import TEXT_FIELDS
from search.models import FACET_FIELDS
from search.spelling import ALTERNATIVE_FACTOR


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
    hits, facets, total = _parse_response(call(lambda es: es.search(index=index, body=body)))
    return {"hits": hits, "facets": facets, "count": total, "match": "any" if any_word else "all"}
