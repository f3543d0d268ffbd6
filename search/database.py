"""The database search engine: PostgreSQL full text over ``SearchDocument``.

A search is one query: the page of ranked hits and the facet counts (whose sum is the total).
Ranking: analysed matches weighted by field (title and keywords first), plus a bonus for exact
surface-form matches and one for the words appearing as a phrase, so exact and phrase matches
rank above stem-only ones.
"""

from django.conf import settings
from django.db import connection

from guidance.queries import vocabularies
from search.analysis import exact_tsquery, phrase_tsqueries, tsquery, uses_voikko
from search.models import FACET_FIELDS, SearchDocument
from search.spelling import ALTERNATIVE_FACTOR

TABLE = SearchDocument._meta.db_table
SNIPPET_SOURCE_CHARS = 20_000
FIELD_WEIGHTS = "{0.05, 0.2, 0.4, 1.0}"  # D, C, B, A


def _where(query, any_word):
    """The WHERE clause (matching, visibility and filters) and its parameters."""
    parsed, language, finnish = query.parsed, query.language, query.finnish
    config, text = tsquery(language, parsed, finnish, any_word=any_word)
    clauses = [
        "(d.language = %s AND d.vector @@ to_tsquery(%s::regconfig, %s))",
    ]
    params = [language, config, text]
    if language != "fi":
        # Finnish items without a version in the requested language are searched in Finnish.
        fi_config, fi_text = tsquery("fi", parsed, finnish, any_word=any_word)
        clauses.append(
            f"""(d.language = 'fi' AND d.object_type = 'page'
                 AND d.vector @@ to_tsquery(%s::regconfig, %s)
                 AND NOT EXISTS (SELECT 1 FROM {TABLE} t
                                 WHERE t.translation_key = d.translation_key
                                   AND t.language = %s))"""
        )
        params += [fi_config, fi_text, language]
    where = ["(" + " OR ".join(clauses) + ")"]
    if query.restricted_paths:
        where.append("NOT (d.tree_path LIKE ANY(%s))")
        params.append([path + "%" for path in query.restricted_paths])
    if query.types:
        where.append("d.result_type = ANY(%s)")
        params.append(list(query.types))
    for paths in (query.section_paths, query.topic_paths):
        if paths is not None:
            where.append("d.tree_path LIKE ANY(%s)")
            params.append([path + "%" for path in paths])
    for api_name, keys in query.terms.items():
        if keys:
            where.append(f"d.{FACET_FIELDS[api_name]} && %s::uuid[]")
            params.append(list(keys))
    return " AND ".join(where), params


def _weighted_rank(query, **options):
    """``ts_rank`` with the field weights of the query's analysed forms (``tsquery`` with
    ``options``, every word optional), against each document in its own language."""
    config, text = tsquery(query.language, query.parsed, query.finnish, any_word=True, **options)
    fi_config, fi_text = tsquery("fi", query.parsed, query.finnish, any_word=True, **options)
    sql = (
        f"ts_rank('{FIELD_WEIGHTS}', d.vector, CASE WHEN d.language = %s "
        "THEN to_tsquery(%s::regconfig, %s) ELSE to_tsquery(%s::regconfig, %s) END, 1)"
    )
    return sql, [query.language, config, text, fi_config, fi_text]


def _rank(query):
    """Whole words (base forms) count fully, compound parts half, other spellings less,
    exact surface forms and phrases add a bonus; field weights favour the title and keywords."""
    parsed = query.parsed
    sql_parts, params = [], []
    stages = [
        (1.0, {"parts": False, "alternatives": False}),
        (0.5, {"parts": True, "alternatives": False}),
    ]
    if parsed.alternatives:  # other spellings count, but less than the typed words
        stages.append((ALTERNATIVE_FACTOR, {"parts": True, "typed": False}))
    for factor, options in stages:
        stage_sql, stage_params = _weighted_rank(query, **options)
        sql_parts.append(f"{factor} * {stage_sql}")
        params += stage_params
    sql = " + ".join(sql_parts) + (
        f" + 0.5 * ts_rank('{FIELD_WEIGHTS}', d.exact_vector, to_tsquery('simple', %s), 1)"
    )
    params.append(exact_tsquery(parsed))
    for phrase in phrase_tsqueries(parsed):
        sql += " + CASE WHEN d.exact_vector @@ to_tsquery('simple', %s) THEN 0.5 ELSE 0 END"
        params.append(phrase)
    return sql, params


# A hit's columns: what is selected, the key it gets, and its SQL type (for the facet rows,
# which share the result set and leave these cells empty).
HIT_COLUMNS = [
    ("d.object_type", "object_type", "varchar"),
    ("d.object_id", "object_id", "bigint"),
    ("d.translation_key", "translation_key", "uuid"),
    ("d.language", "language", "varchar"),
    ("d.result_type", "type", "varchar"),
    ("d.title", "title", "varchar"),
    ("d.summary", "summary", "text"),
    (f"left(d.text, {SNIPPET_SOURCE_CHARS})", "text", "text"),
    ("d.path", "path", "varchar"),
    ("d.published_at", "published_at", "timestamptz"),
    ("d.updated_at", "updated_at", "timestamptz"),
    ("p.score", "score", "double precision"),
]


def _search_once(query, any_word=False):
    """The page of hits and the facet counts over every match, in one statement.

    Matching every document costs more than anything done with the matches, so it happens
    once: the matches (with a first-pass score, but without their text) are kept in a CTE, the
    best ``SEARCH_CANDIDATES`` of them get the full score (so a broad query's ranking work is
    bounded), the page is sorted from those, only the page's rows are read in full, and the
    facets are counted from every match.
    All five taxonomies are unnested as one array (``facet_keys``, which PostgreSQL keeps; term
    keys are unique across taxonomies), in the select list (a lateral function scan per row
    costs more); ``_facets`` sorts the counts back into taxonomies. The vectors are stored in
    the row, not out of line (migration 0003)."""
    where, where_params = _where(query, any_word)
    # The cheap score that picks the candidates ``_rank`` scores in full
    # (``settings.SEARCH_CANDIDATES``): one weighted rank of every analysed form of every word,
    # compound parts and other spellings included. A query matching fewer items than the cap
    # ranks exactly as if there were none.
    first_pass, first_params = _weighted_rank(query)
    rank, rank_params = _rank(query)
    hit_columns = ", ".join(expression for expression, _key, _type in HIT_COLUMNS)
    empty = ", ".join(f"NULL::{sql_type}" for _expression, _key, sql_type in HIT_COLUMNS)
    keys = [key for _expression, key, _type in HIT_COLUMNS]
    sql = f"""
        WITH m AS MATERIALIZED (
            SELECT d.id, d.result_type, d.section_key, d.facet_keys,
                   d.published_at, {first_pass} AS first_score
            FROM {TABLE} d
            WHERE {where}
        ),
        candidates AS (
            SELECT id FROM m
            ORDER BY first_score DESC, published_at DESC NULLS LAST, id
            LIMIT %s
        ),
        page AS (
            SELECT d.id, {rank} AS score, d.published_at
            FROM candidates c JOIN {TABLE} d ON d.id = c.id
            ORDER BY score DESC, d.published_at DESC NULLS LAST, d.id
            LIMIT %s OFFSET %s
        )
        SELECT 'hit', NULL,
               row_number() OVER (ORDER BY p.score DESC, p.published_at DESC NULLS LAST, p.id),
               {hit_columns}
        FROM page p JOIN {TABLE} d ON d.id = p.id
        UNION ALL
        SELECT 'type', m.result_type, count(*), {empty} FROM m GROUP BY 2
        UNION ALL
        SELECT 'section', m.section_key::text, count(*), {empty}
        FROM m WHERE m.section_key IS NOT NULL GROUP BY 2
        UNION ALL
        SELECT 'term', t.key::text, t.n, {empty}
        FROM (SELECT key, count(*) AS n FROM (SELECT unnest(m.facet_keys) AS key FROM m) u
              GROUP BY key) t
    """
    hits, counts = [], {"type": {}, "section": {}, "term": {}}
    with connection.cursor() as cursor:
        candidates = max(settings.SEARCH_CANDIDATES, query.offset + query.limit)
        cursor.execute(
            sql,
            [
                *first_params,
                *where_params,
                candidates,
                *rank_params,
                query.limit,
                query.offset,
            ],
        )
        for kind, value, number, *row in cursor.fetchall():
            if kind == "hit":
                hits.append((number, dict(zip(keys, row, strict=True))))
            else:
                counts[kind][value] = number
    hits.sort(key=lambda pair: pair[0])
    return [hit for _position, hit in hits], _facets(counts)


def _facets(counts):
    """{facet name: {value: count}}: term counts sorted back into their taxonomies."""

    terms = counts["term"]
    facets = {"type": counts["type"], "section": counts["section"]}
    for name, vocab in vocabularies().items():  # the same names as FACET_FIELDS
        facets[name] = {key: terms[key] for key in vocab["by_key"] if key in terms}
    return facets


def suggest_titles(language, parsed, restricted_paths=(), finnish="voikko", limit=8):
    """Titles (and keyword-weighted matches) that start with the typed words."""
    exact = exact_tsquery(parsed, weights="A", all_words=True)
    config, analysed = tsquery(language, parsed, finnish, weights="A")
    sql = f"""
        SELECT d.object_type, d.object_id, d.translation_key, d.result_type, d.title, d.path,
               d.language
        FROM {TABLE} d
        WHERE d.language = %s
          AND (d.exact_vector @@ to_tsquery('simple', %s)
               OR d.vector @@ to_tsquery(%s::regconfig, %s))
          AND NOT (d.tree_path LIKE ANY(%s))
        ORDER BY ts_rank(d.exact_vector, to_tsquery('simple', %s)) DESC, length(d.title), d.id
        LIMIT %s
    """
    with connection.cursor() as cursor:
        cursor.execute(
            sql,
            [
                language,
                exact,
                config,
                analysed,
                [path + "%" for path in restricted_paths],
                exact,
                limit,
            ],
        )
        columns = ["object_type", "object_id", "translation_key", "type", "title", "path", "locale"]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def search(query):
    """Hits and facets for ``query``; when no item has every word (or every part of a
    compound word), items with any of them.

    Returns {"hits", "facets", "count", "match"} in one query (two when falling back)."""
    hits, facets = _search_once(query)
    count = sum(facets["type"].values())
    match = "all"
    if count == 0 and (len(query.parsed.words) > 1 or uses_voikko(query.language, query.finnish)):
        any_hits, any_facets = _search_once(query, any_word=True)
        any_count = sum(any_facets["type"].values())
        if any_count:
            hits, facets, count, match = any_hits, any_facets, any_count, "any"
    return {"hits": hits, "facets": facets, "count": count, "match": match}
