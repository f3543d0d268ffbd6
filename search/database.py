"""The database search engine: PostgreSQL full text over ``SearchDocument``.

A search is one query: the page of ranked hits and the ids of every match, from which
``search.facet_counts`` counts the facets (whose sum is the total).
Ranking: analysed matches weighted by field (title and keywords first), plus a bonus for exact
surface-form matches and one for the words appearing as a phrase, so exact and phrase matches
rank above stem-only ones.
"""

from django.conf import settings
from django.db import connection

from guidance.queries import vocabularies
from search import facet_counts
from search.analysis import exact_tsquery, phrase_tsqueries, tsquery, uses_voikko
from search.models import FACET_FIELDS, SearchDocument
from search.spelling import ALTERNATIVE_FACTOR

TABLE = SearchDocument._meta.db_table
SNIPPET_SOURCE_CHARS = 20_000
FIELD_WEIGHTS = "{0.05, 0.2, 0.4, 1.0}"  # D, C, B, A


def _where(query, any_word) -> tuple[str, list]:
    """The WHERE clause of every row that holds the words and may be shown: the requested
    language's rows and, for Swedish and English, Finnish items without a version in that
    language (each part can use the vector index), then visibility and the query's filters."""
    parsed, language, finnish = query.parsed, query.language, query.finnish
    matches = "d.vector @@ to_tsquery(%s::regconfig, %s)"
    sql = [f"(d.language = %s AND {matches})"]
    params = [language, *tsquery(language, parsed, finnish, any_word=any_word)]
    if language != "fi":
        # Finnish items without a version in the requested language are searched in Finnish.
        sql.append(
            f"""(d.language = 'fi' AND d.object_type = 'page'
                 AND NOT EXISTS (SELECT 1 FROM {TABLE} t
                                 WHERE t.translation_key = d.translation_key
                                   AND t.language = %s)
                 AND {matches})"""
        )
        params += [language, *tsquery("fi", parsed, finnish, any_word=any_word)]
    filters = ["(" + " OR ".join(sql) + ")"]
    if query.restricted_paths:
        filters.append("NOT (d.tree_path LIKE ANY(%s))")
        params.append([path + "%" for path in query.restricted_paths])
    if query.types:
        filters.append("d.result_type = ANY(%s)")
        params.append(list(query.types))
    for paths in (query.section_paths, query.topic_paths):
        if paths is not None:
            filters.append("d.tree_path LIKE ANY(%s)")
            params.append([path + "%" for path in paths])
    for api_name, keys in query.terms.items():
        if keys:
            filters.append(f"d.{FACET_FIELDS[api_name]} && %s::uuid[]")
            params.append(list(keys))
    return " AND ".join(filters), params


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


# The page: the best candidates by first-pass score, scored in full, and their rows read whole.
# ``m`` is the matches (id, result_type, section_key, published_at, first_score).
_PAGE = """
    candidates AS (
        SELECT id FROM m
        ORDER BY first_score DESC, published_at DESC NULLS LAST, id
        LIMIT %s
    ),
    page AS (
        SELECT d.id, {rank} AS score, d.published_at
        FROM candidates c JOIN {table} d ON d.id = c.id
        ORDER BY score DESC, d.published_at DESC NULLS LAST, d.id
        LIMIT %s OFFSET %s
    )
    SELECT 'hit',
           row_number() OVER (ORDER BY p.score DESC, p.published_at DESC NULLS LAST, p.id),
           {hit_columns}, NULL::bigint[]
    FROM page p JOIN {table} d ON d.id = p.id
"""
# The matches' ids, for the facet counts (``search.facet_counts``): one row after the hits, an
# array that psycopg reads in C.
_MATCHES = """
    SELECT 'matches', NULL, {empty}, array_agg(m.id) FROM m
"""
# A row's empty hit columns (the matches' row and the hits share one result set).
_NO_HIT = ", ".join(f"NULL::{sql_type}" for _expression, _key, sql_type in HIT_COLUMNS)


def _search_once(query, any_word=False):
    """The page of hits and the facet counts over every match, in one statement.

    Matching every document costs more than anything done with the matches, so it happens
    once: the matches (with a first-pass score, but without their text) are kept in a CTE, the
    best ``SEARCH_CANDIDATES`` of them get the full score (so a broad query's ranking work is
    bounded), the page is sorted from those, and only the page's rows are read in full.
    The facets are counted from the matches' ids, which the statement returns in one row,
    against bitmaps of the index each worker keeps until a document is written
    (``search.facet_counts``): no term key is unnested per search. The vectors are stored in
    the row, not out of line (migration 0003)."""
    # The cheap score that picks the candidates ``_rank`` scores in full
    # (``settings.SEARCH_CANDIDATES``): one weighted rank of every analysed form of every word,
    # compound parts and other spellings included. A query matching fewer items than the cap
    # ranks exactly as if there were none.
    first_pass, first_params = _weighted_rank(query)
    rank, rank_params = _rank(query)
    page = _PAGE.format(
        rank=rank,
        table=TABLE,
        hit_columns=", ".join(expression for expression, _key, _type in HIT_COLUMNS),
    )
    candidates = max(settings.SEARCH_CANDIDATES, query.offset + query.limit)
    where, where_params = _where(query, any_word)
    sql = f"""
        WITH m AS MATERIALIZED (
            SELECT d.id, d.published_at, {first_pass} AS first_score
            FROM {TABLE} d
            WHERE {where}
        ),
        {page}
        UNION ALL
        {_MATCHES.format(empty=_NO_HIT)}
    """
    params = [*first_params, *where_params, candidates, *rank_params, query.limit, query.offset]
    hits, ids = [], []
    keys = [key for _expression, key, _type in HIT_COLUMNS]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for kind, number, *row, matches in cursor.fetchall():
            if kind == "hit":
                hits.append((number, dict(zip(keys, row, strict=True))))
            else:
                ids = matches or []
    hits.sort(key=lambda pair: pair[0])
    return [hit for _position, hit in hits], _facets(facet_counts.count(ids))


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


def search(query, any_word=False):
    """Hits and facets for the items holding every word of ``query`` (or every part of a
    compound word), or with ``any_word`` any of them: {"hits", "facets", "count", "match"},
    in one query. Any word is not asked for one word that
    Voikko does not split (the same search): a count of 0."""
    if any_word and len(query.parsed.words) < 2 and not uses_voikko(query.language, query.finnish):
        return {"hits": [], "facets": {}, "count": 0, "match": "any"}
    hits, facets = _search_once(query, any_word=any_word)
    count = sum(facets["type"].values())
    return {"hits": hits, "facets": facets, "count": count, "match": "any" if any_word else "all"}
