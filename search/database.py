"""The database search engine: PostgreSQL full text over ``SearchDocument``.

A search is one query, after PostgreSQL's estimate of its matches (``_is_broad``): the page of
ranked hits and the facet counts (whose sum is the total).
Ranking: analysed matches weighted by field (title and keywords first), plus a bonus for exact
surface-form matches and one for the words appearing as a phrase, so exact and phrase matches
rank above stem-only ones.
"""

import json
from typing import NamedTuple

from django.conf import settings
from django.db import connection

from cms.cache import cached, cached_locally, named_version
from guidance.queries import vocabularies
from search.analysis import exact_tsquery, phrase_tsqueries, tsquery, uses_voikko
from search.models import FACET_FIELDS, SearchDocument
from search.spelling import ALTERNATIVE_FACTOR

TABLE = SearchDocument._meta.db_table
SNIPPET_SOURCE_CHARS = 20_000
FIELD_WEIGHTS = "{0.05, 0.2, 0.4, 1.0}"  # D, C, B, A


class _Clauses(NamedTuple):
    """A search's WHERE clause in its parts. ``own`` (the requested language's rows) and, for
    Swedish and English, ``fallback`` (Finnish items without a version in that language) are
    each a (scope, scope parameters, match, match parameters) tuple; ``filters`` (visibility
    and the query's filters) hold for both."""

    language: str
    own: tuple[str, list, str, list]
    fallback: tuple[str, list, str, list] | None
    filters: list[str]
    filter_params: list

    def _parts(self):
        return [self.own] if self.fallback is None else [self.own, self.fallback]

    def _with_filters(self, sql: str, params: list) -> tuple[str, list]:
        return " AND ".join([sql, *self.filters]), [*params, *self.filter_params]

    @property
    def where(self) -> tuple[str, list]:
        """Every row that holds the words (each language's part can use the vector index)."""
        sql, params = [], []
        for scope, scope_params, match, match_params in self._parts():
            sql.append(f"({scope} AND {match})")
            params += [*scope_params, *match_params]
        return self._with_filters("(" + " OR ".join(sql) + ")", params)

    @property
    def scope(self) -> tuple[str, list]:
        """Every row the search may find, whatever its words."""
        parts = self._parts()
        sql = "(" + " OR ".join(scope for scope, *_rest in parts) + ")"
        return self._with_filters(sql, [p for _scope, params, *_rest in parts for p in params])

    @property
    def match(self) -> tuple[str, list]:
        """Whether a row in ``scope`` holds the words."""
        _scope, _params, match, match_params = self.own
        if self.fallback is None:
            return match, match_params
        _scope, _params, fallback, fallback_params = self.fallback
        return (
            f"CASE WHEN d.language = %s THEN {match} ELSE {fallback} END",
            [self.language, *match_params, *fallback_params],
        )


def _clauses(query, any_word) -> _Clauses:
    """Matching, visibility and filters, in their parts (``_Clauses``)."""
    parsed, language, finnish = query.parsed, query.language, query.finnish
    config, text = tsquery(language, parsed, finnish, any_word=any_word)
    matches = "d.vector @@ to_tsquery(%s::regconfig, %s)"
    own = ("d.language = %s", [language], matches, [config, text])
    fallback = None
    if language != "fi":
        # Finnish items without a version in the requested language are searched in Finnish.
        fi_config, fi_text = tsquery("fi", parsed, finnish, any_word=any_word)
        fallback = (
            f"""(d.language = 'fi' AND d.object_type = 'page'
                 AND NOT EXISTS (SELECT 1 FROM {TABLE} t
                                 WHERE t.translation_key = d.translation_key
                                   AND t.language = %s))""",
            [language],
            matches,
            [fi_config, fi_text],
        )
    filters, params = [], []
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
    return _Clauses(language, own, fallback, filters, params)


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
    SELECT 'hit', NULL,
           row_number() OVER (ORDER BY p.score DESC, p.published_at DESC NULLS LAST, p.id),
           {hit_columns}
    FROM page p JOIN {table} d ON d.id = p.id
"""
# Facet rows: (kind, value, count) over ``{rows}``, whose term keys are ``{keys}``; ``{sign}``
# "-" counts rows to take away.
_FACETS = """
    SELECT 'type', {rows}.result_type, {sign}count(*), {empty} FROM {rows} GROUP BY 2
    UNION ALL
    SELECT 'section', {rows}.section_key::text, {sign}count(*), {empty}
    FROM {rows} WHERE {rows}.section_key IS NOT NULL GROUP BY 2
    UNION ALL
    SELECT 'term', t.key::text, {sign}t.n, {empty}
    FROM (SELECT key, count(*) AS n FROM (SELECT unnest({keys}) AS key FROM {rows}) u
          GROUP BY key) t
"""
SCOPE_FACETS_TIMEOUT = 3600
# A facet row's empty hit columns (facet rows and hits share one result set).
_NO_HIT = ", ".join(f"NULL::{sql_type}" for _expression, _key, sql_type in HIT_COLUMNS)


def _search_once(query, any_word=False):
    """The page of hits and the facet counts over every match, in one statement.

    Matching every document costs more than anything done with the matches, so it happens
    once: the matches (with a first-pass score, but without their text) are kept in a CTE, the
    best ``SEARCH_CANDIDATES`` of them get the full score (so a broad query's ranking work is
    bounded), the page is sorted from those, and only the page's rows are read in full.
    The facets of a narrow query are counted from its matches. A broad one (nearly every row
    it may find holds its words: ``_is_broad``, by PostgreSQL's estimate and
    ``settings.SEARCH_BROAD_SHARE``) counts the rows it misses instead, and takes them from
    the counts over every row it may find (``_scope_facets``, kept until the index changes):
    the same counts, without unnesting 100,000 term keys per search at 10,000 items.
    All five taxonomies are unnested as one array (``facet_keys``, which PostgreSQL keeps; term
    keys are unique across taxonomies), in the select list (a lateral function scan per row
    costs more); ``_facets`` sorts the counts back into taxonomies. The vectors are stored in
    the row, not out of line (migration 0003)."""
    clauses = _clauses(query, any_word)
    broad = _is_broad(clauses)
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
    page_params = [candidates, *rank_params, query.limit, query.offset]
    if broad:
        scope, scope_params = clauses.scope
        match, match_params = clauses.match
        # The missed rows' keys are read by id, one index lookup each: they are few.
        missed = _FACETS.format(
            rows="x",
            sign="-",
            empty=_NO_HIT,
            keys=f"(SELECT k.facet_keys FROM {TABLE} k WHERE k.id = x.id)",
        )
        sql = f"""
            WITH a AS MATERIALIZED (
                SELECT d.id, d.result_type, d.section_key, d.published_at,
                       {match} AS hit, {first_pass} AS first_score
                FROM {TABLE} d
                WHERE {scope}
            ),
            m AS (SELECT * FROM a WHERE a.hit),
            x AS (SELECT * FROM a WHERE a.hit IS NOT TRUE),  -- a row without a vector too
            {page}
            UNION ALL
            {missed}
        """
        params = [*match_params, *first_params, *scope_params, *page_params]
    else:
        where, where_params = clauses.where
        facets = _FACETS.format(rows="m", sign="", empty=_NO_HIT, keys="m.facet_keys")
        sql = f"""
            WITH m AS MATERIALIZED (
                SELECT d.id, d.result_type, d.section_key, d.facet_keys,
                       d.published_at, {first_pass} AS first_score
                FROM {TABLE} d
                WHERE {where}
            ),
            {page}
            UNION ALL
            {facets}
        """
        params = [*first_params, *where_params, *page_params]
    hits = []
    counts = {"type": {}, "section": {}, "term": {}}
    if broad:
        counts = {kind: dict(values) for kind, values in _scope_facets(clauses).items()}
    keys = [key for _expression, key, _type in HIT_COLUMNS]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for kind, value, number, *row in cursor.fetchall():
            if kind == "hit":
                hits.append((number, dict(zip(keys, row, strict=True))))
            else:
                counts[kind][value] = counts[kind].get(value, 0) + number
    hits.sort(key=lambda pair: pair[0])
    counts = {kind: {v: n for v, n in values.items() if n > 0} for kind, values in counts.items()}
    return [hit for _position, hit in hits], _facets(counts)


def _is_broad(clauses: _Clauses) -> bool:
    """Whether PostgreSQL expects nearly every row in scope to hold the words (two EXPLAINs,
    ``_estimated_rows``: planning only, a fraction of a millisecond each). Only the work
    depends on it, never the answer. Above 1, ``SEARCH_BROAD_SHARE`` means never, and nothing
    is asked. The answer is kept in the worker until content or the index changes
    (``cached_locally``): a query asked again is not planned twice."""
    if settings.SEARCH_BROAD_SHARE > 1:
        return False
    where, where_params = clauses.where
    scope, scope_params = clauses.scope

    def estimate() -> bool:
        matching = _estimated_rows(where, where_params)
        return matching > settings.SEARCH_BROAD_SHARE * _estimated_rows(scope, scope_params)

    return cached_locally(
        [
            "search-broad",
            named_version("search"),
            settings.SEARCH_BROAD_SHARE,
            where,
            where_params,
            scope,
            scope_params,
        ],
        estimate,
    )


def _estimated_rows(where: str, params: list) -> float:
    """PostgreSQL's estimate of the search documents ``where`` holds for (EXPLAIN: planning
    only). The plan's top node estimates the whole statement's rows, whatever its shape: a
    parallel plan puts a Gather above the scans, and a plan of two statements in one (UNION
    ALL) would then no longer show each one's rows."""
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) SELECT 1 FROM {TABLE} d WHERE {where}", params)  # noqa: S608
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return plan[0]["Plan"]["Plan Rows"]


def _scope_facets(clauses: _Clauses) -> dict[str, dict[str, int]]:
    """The facet counts over every row a search may find, whatever its words, kept until the
    index changes (``search.documents`` moves its version on when a change commits, so no
    count of uncommitted rows is kept under a version readers take as current)."""
    scope, scope_params = clauses.scope

    def count() -> dict[str, dict[str, int]]:
        facets = _FACETS.format(rows="s", sign="", empty=_NO_HIT, keys="s.facet_keys")
        sql = f"""
            WITH s AS MATERIALIZED (
                SELECT d.result_type, d.section_key, d.facet_keys FROM {TABLE} d WHERE {scope}
            )
            {facets}
        """
        counts: dict[str, dict[str, int]] = {"type": {}, "section": {}, "term": {}}
        with connection.cursor() as cursor:
            cursor.execute(sql, scope_params)
            for kind, value, number, *_row in cursor.fetchall():
                counts[kind][value] = number
        return counts

    return cached(
        ["search-scope-facets", named_version("search"), scope, scope_params],
        count,
        timeout=SCOPE_FACETS_TIMEOUT,
    )


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
    in one query after its estimate (``_is_broad``). Any word is not asked for one word that
    Voikko does not split (the same search): a count of 0."""
    if any_word and len(query.parsed.words) < 2 and not uses_voikko(query.language, query.finnish):
        return {"hits": [], "facets": {}, "count": 0, "match": "any"}
    hits, facets = _search_once(query, any_word=any_word)
    count = sum(facets["type"].values())
    return {"hits": hits, "facets": facets, "count": count, "match": "any" if any_word else "all"}
