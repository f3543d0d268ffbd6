"""Forgiving search: other spellings of what was typed, chosen from the index's own words.

When a search finds little, ``respell`` looks at each typed word the index does not know:

- **letters without their marks** (``tyonhakija``, ``vagledning``): words that differ only by
  ä, ö, å and similar marks (the vocabulary keeps every word also folded to plain letters);
- **Voikko's suggestions** for a Finnish word it does not recognise (``uraohajus`` →
  ``uraohjaus``), kept only when the index holds them;
- **one or two edits away** (``itsetuntemsu``), by length as Elasticsearch's "fuzziness AUTO"
  (none up to 2 letters, one up to 5, else two; a swap of neighbours is one edit), among the
  vocabulary's words of similar trigrams (``pg_trgm``);
- **a run-together pair** (``careerplanning``) split into two words the index holds (Finnish
  compounds written together or apart are the analyser's business: ``analysis.finnish_word``).

Words the index knows get their accented twins only (``saa`` also finds ``sää``). The
alternatives are searched beside the typed words and rank below them
(``ALTERNATIVE_FACTOR``); "did you mean" names the best one per unknown word.
Everything here is bounded: at most ``MAX_WORDS`` words, one SQL statement, and a result that
is cached until the index changes.
"""

import dataclasses
import functools
import logging

from django.conf import settings
from django.db import connection, transaction
from rapidfuzz.distance import OSA

from cms.cache import cached, named_version
from search.analysis import (
    ParsedQuery,
    tsquery,
    uses_voikko,
    voikko,
    voikko_lock,
)
from search.models import SearchDocument, SearchTerm

logger = logging.getLogger(__name__)

# Folding to plain letters, declared once for Python and SQL (translate()).
FOLD_FROM = "äöåáàâãéèêëíìîïóòôõúùûüýÿšžçñæø"
FOLD_TO = "aoaaaaaeeeeiiiioooouuuuyyszcnao"
_FOLD = str.maketrans(FOLD_FROM, FOLD_TO)
FOLDING_LANGUAGES = ("fi", "sv")  # English is typed without marks: nothing to restore
MAX_WORDS = 6
# A match through another spelling weighs this much of a match of the word as typed (in both
# engines), so an item holding the word as typed ranks first.
ALTERNATIVE_FACTOR = 0.3
MIN_LENGTH = 3  # shorter words are too ambiguous to correct
ALTERNATIVES_PER_WORD = 3
CANDIDATES_PER_WORD = 30
TERM_PATTERN = r"^[[:alpha:]]{2,60}$"
DOCUMENTS = SearchDocument._meta.db_table
TERMS = SearchTerm._meta.db_table


def fold(word: str) -> str:
    return word.lower().translate(_FOLD)


def max_edits(word: str) -> int:
    """Edits allowed for a word of this length (Elasticsearch's ``fuzziness: AUTO``)."""
    return 0 if len(word) <= 2 else 1 if len(word) <= 5 else 2


# --- The vocabulary -------------------------------------------------------------------------

# What a vocabulary row is made of, for every way words reach it: a word ``w.term`` of a
# document's exact (unstemmed) vector, kept when it looks like a word, with its folded form.
_INSERT = f"INSERT INTO {TERMS} (language, term, folded, documents) "
_FOLDED = f"translate(w.term, '{FOLD_FROM}', '{FOLD_TO}')"
_IS_TERM = f"w.term ~ '{TERM_PATTERN}'"
_KEEP_KNOWN = " ON CONFLICT (language, term) DO NOTHING"
_TERMS_OF = f"""
    SELECT d.language, w.term, {_FOLDED}, count(*)
    FROM {DOCUMENTS} d, unnest(tsvector_to_array(d.exact_vector)) AS w(term)
    WHERE {_IS_TERM} AND WHERE_CLAUSE
    GROUP BY d.language, w.term
"""


def add_terms(objects: list[tuple[str, int]]) -> None:
    """Add the words of the given documents ([(object type, id)]) to the vocabulary.

    Counts of words already known are left as they are (a rewrite of the same document would
    count twice); ``refresh_vocabulary`` recounts them and drops words no document holds."""
    if not objects:
        return
    types, ids = zip(*objects, strict=True)
    where = "(d.object_type, d.object_id) IN (SELECT * FROM unnest(%s::text[], %s::bigint[]))"
    with connection.cursor() as cursor:
        cursor.execute(
            _INSERT + _TERMS_OF.replace("WHERE_CLAUSE", where) + _KEEP_KNOWN,
            [list(types), list(ids)],
        )


def add_words(language: str, text: str) -> None:
    """Add the words of ``text``, just appended to a document in ``language``, to the
    vocabulary: the same words ``add_terms`` would find in the document, without reading the
    rest of it (a thread's reply, in the task worker)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"{_INSERT}SELECT %s, w.term, {_FOLDED}, 1 "
            "FROM unnest(tsvector_to_array(to_tsvector('simple', %s))) AS w(term) "
            f"WHERE {_IS_TERM}{_KEEP_KNOWN}",
            [language, text],
        )


def refresh_vocabulary() -> int:
    """Recount the whole vocabulary from the documents, in one transaction. Returns its size."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {TERMS}")
        cursor.execute(_INSERT + _TERMS_OF.replace("WHERE_CLAUSE", "TRUE"))
        return cursor.rowcount


# --- Respelling a query ---------------------------------------------------------------------


def respell(parsed: ParsedQuery, language: str, finnish: str = "voikko") -> ParsedQuery:
    """``parsed`` with ``alternatives`` (and ``corrected`` for unknown words) filled in; cached
    until the index changes. The last word of a query being typed is left to the caller."""
    complete = parsed.words[:-1] if parsed.prefix else parsed.words
    words = [w for w in complete if len(w) >= MIN_LENGTH and not w.isdigit()][:MAX_WORDS]
    if not words:
        return parsed
    alternatives, corrected = cached(
        ["respell", named_version("search"), language, finnish, words],
        lambda: _respell(words, language, finnish),
        timeout=settings.SEARCH_CACHE_TIMEOUT,
    )
    return dataclasses.replace(parsed, alternatives=alternatives, corrected=corrected)


def respell_typing(parsed: ParsedQuery, language: str, finnish: str = "voikko") -> ParsedQuery:
    """``respell`` for a query being typed: the finished words are respelled and the last,
    unfinished one gets completions from the vocabulary that start the same when folded
    (``tyonh`` → ``työnhakija``) or, failing that, within ``max_edits`` of its start."""
    respelled = respell(parsed, language, finnish)
    if not parsed.prefix or len(parsed.words[-1]) < MIN_LENGTH:
        return respelled
    typed = parsed.words[-1]
    completions = cached(
        ["complete", named_version("search"), language, typed],
        lambda: _completions(typed, language),
        timeout=settings.SEARCH_CACHE_TIMEOUT,
    )
    if not completions:
        return respelled
    return dataclasses.replace(
        respelled,
        alternatives={**respelled.alternatives, typed: completions},
        corrected={**respelled.corrected, typed: completions[0]},
    )


def _completions(typed, language):
    plain = fold(typed)
    limit = max_edits(typed)
    sql = f"""
        (SELECT term, folded, documents, 0 FROM {TERMS}
         WHERE language = %s AND folded LIKE %s AND term <> %s
         ORDER BY documents DESC LIMIT {ALTERNATIVES_PER_WORD})
        UNION ALL
        (SELECT term, folded, documents, 1 FROM {TERMS}
         WHERE language = %s AND %s <%% folded
         ORDER BY word_similarity(%s, folded) DESC, documents DESC
         LIMIT {CANDIDATES_PER_WORD})
    """
    like = plain + "%"  # words hold letters and digits only (analysis.WORD): no wildcards
    with connection.cursor() as cursor:
        cursor.execute(sql, [language, like, typed, language, plain, plain])
        rows = cursor.fetchall()
    starting = [term for term, _folded, _n, fuzzy in rows if not fuzzy]
    if starting:
        return tuple(starting)
    close = sorted(
        (OSA.distance(plain, folded[: len(plain)]), -documents, term)
        for term, folded, documents, _fuzzy in rows
    )
    return tuple(term for distance, _n, term in close if distance <= limit)[:ALTERNATIVES_PER_WORD]


@functools.lru_cache(maxsize=20_000)
def voikko_suggestions(word: str) -> tuple[str, ...]:
    """Voikko's spellings for a Finnish word it does not recognise (none for one it does)."""
    analyser = voikko()
    if analyser is None:
        return ()
    with voikko_lock:
        if analyser.spell(word):
            return ()
        suggestions = analyser.suggest(word)[:5]
    return tuple(dict.fromkeys(s.lower().replace("-", " ") for s in suggestions))


def _respell(words, language, finnish):
    suggestions = {}
    if uses_voikko(language, finnish):
        suggestions = {word: voikko_suggestions(word) for word in words}
    spellings = list(dict.fromkeys([*words, *(s for v in suggestions.values() for s in v)]))
    known, candidates, held = _look_up(spellings, words, language, finnish)
    alternatives, corrected = {}, {}
    for word in words:
        if word in known:
            if language in FOLDING_LANGUAGES and fold(word) == word:
                found = _twins(word, candidates.get(word, []))
            else:
                found = ()
        else:
            found = tuple(s for s in suggestions.get(word, ()) if s in known)
            found = found or _close(word, candidates.get(fold(word), []), held)
        if found:
            alternatives[word] = found[:ALTERNATIVES_PER_WORD]
            corrected[word] = found[0]
    return alternatives, corrected


def _look_up(spellings, words, language, finnish):
    """One statement: which ``spellings`` some document in ``language`` holds; the vocabulary's
    words of similar trigrams (or the same folded form) for each of ``words``; and which of
    their two-word splits' pieces the vocabulary holds.

    Returns (known spellings, {folded word: [(term, folded, documents)]}, {piece: documents})."""
    known_queries = [
        tsquery(language, ParsedQuery(words=spelling.split()), finnish)[1] for spelling in spellings
    ]
    config = tsquery(language, ParsedQuery(words=["x"]), finnish)[0]
    folded = list(dict.fromkeys(fold(word) for word in words))
    pieces = sorted({piece for word in words for pair in _pieces(word) for piece in pair})
    sql = f"""
        SELECT '#known', s.spelling, '', 0
        FROM unnest(%s::text[], %s::text[]) AS s(spelling, query)
        WHERE EXISTS (SELECT 1 FROM {DOCUMENTS} d WHERE d.language = %s
                      AND d.vector @@ to_tsquery(%s::regconfig, s.query))
        UNION ALL
        SELECT u.word, t.term, t.folded, t.documents
        FROM unnest(%s::text[]) AS u(word)
        CROSS JOIN LATERAL (
            SELECT term, folded, documents FROM {TERMS} t
            WHERE t.language = %s AND (t.folded %% u.word OR t.folded = u.word)
            ORDER BY t.folded = u.word DESC, similarity(t.folded, u.word) DESC, t.documents DESC
            LIMIT {CANDIDATES_PER_WORD}
        ) t
        UNION ALL
        SELECT '#piece', t.term, '', t.documents FROM {TERMS} t
        WHERE t.language = %s AND t.term = ANY(%s)
    """
    params = [spellings, known_queries, language, config, folded, language, language, pieces]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    known, candidates, held = set(), {}, {}
    for key, term, folded_term, documents in rows:
        if key == "#known":
            known.add(term)
        elif key == "#piece":
            held[term] = documents
        else:
            candidates.setdefault(key, []).append((term, folded_term, documents))
    return known, candidates, held


def _pieces(word):
    return [(word[:i], word[i:]) for i in range(MIN_LENGTH, len(word) - MIN_LENGTH + 1)]


def _twins(word, candidates):
    """Words that differ from ``word`` only by their marks (``saa`` → ``sää``), most used
    first."""
    twins = [c for c in candidates if c[1] == word and c[0] != word]
    return tuple(term for term, _folded, _n in sorted(twins, key=lambda c: -c[2]))


def _close(word, candidates, held):
    """Spellings for an unknown word, best first: the vocabulary's words within
    ``max_edits`` (counted on folded letters, so a missing mark costs nothing), the fewest
    edits and the most used first; else its split into two words the vocabulary holds."""
    plain = fold(word)
    limit = max_edits(word)
    close = []
    for term, folded, documents in candidates:
        distance = OSA.distance(plain, folded, score_cutoff=limit)
        if distance <= limit and term != word:
            close.append((distance, -documents, term))
    if close:
        return tuple(term for _distance, _n, term in sorted(close))
    splits = [
        (-min(held[left], held[right]), f"{left} {right}")
        for left, right in _pieces(word)
        if left in held and right in held
    ]
    return (min(splits)[1],) if splits else ()
