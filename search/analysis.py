"""Language analysis for search: Voikko for Finnish, PostgreSQL's snowball for Swedish and English.

Finnish words are reduced in Python with Voikko to their base forms and compound parts
(``uraohjauksen`` → ``uraohjauksen uraohjaus ura ohjaus ohjata``) and the resulting lexemes are
indexed with PostgreSQL's ``simple`` configuration (which only lower-cases). Swedish and English
text goes to PostgreSQL as it is and is stemmed there with the ``swedish``/``english`` snowball
configurations. Both the database and the Elasticsearch backend use this module, so the two
engines agree on what a Finnish word means.

Query text is never handed to a tsquery parser: it is split here into words (letters and digits
only), so operators, quotes and punctuation cannot form syntax.
"""

import functools
import html
import logging
import re
import threading
from dataclasses import dataclass, field

import snowballstemmer

logger = logging.getLogger(__name__)

WORD = re.compile(r"[^\W_]+", re.UNICODE)
MAX_QUERY_WORDS = 12
MAX_WORD_LENGTH = 60
SNOWBALL_CONFIG = {"fi": "finnish", "sv": "swedish", "en": "english"}
STEMMER_NAME = {"fi": "finnish", "sv": "swedish", "en": "english"}

_voikko = None
_voikko_lock = threading.Lock()
_voikko_failed = False


def voikko():
    """The shared Voikko instance, or None when libvoikko or the Finnish dictionary is missing."""
    global _voikko, _voikko_failed
    if _voikko is None and not _voikko_failed:
        with _voikko_lock:
            if _voikko is None and not _voikko_failed:
                try:
                    import libvoikko

                    _voikko = libvoikko.Voikko("fi")
                except (OSError, ImportError) as exc:  # library or dictionary not installed
                    _voikko_failed = True
                    logger.warning("Voikko unavailable, Finnish search uses snowball: %s", exc)
    return _voikko


def voikko_available():
    return voikko() is not None


def words(text):
    return [w.lower() for w in WORD.findall(text or "") if len(w) <= MAX_WORD_LENGTH]


def _compound_parts(wordbases, baseform):
    """Parts of a Voikko WORDBASES string such as ``+työn(työ)+haki(hakea)+ja(+ja)``.

    Returns the base forms of the non-final parts, the final part (the base form's tail) and the
    roots of derived parts (``hakea``, ``ohjata``)."""
    morphemes = re.findall(r"\+([^+(]*)\(([^)]*)\)", wordbases or "")
    parts, roots, current = [], [], []
    for surface, base in morphemes:
        if base.startswith("+") or not base:  # a derivational suffix joins the previous part
            if current:
                current[0] += surface
                current[2] = True
            continue
        if current:
            parts.append(current)
        current = [surface, base, False]
    if current:
        parts.append(current)
    if len(parts) < 2:
        return [r[1] for r in parts if r[2] and r[1]]
    result = []
    consumed = 0
    for index, (surface, base, derived) in enumerate(parts):
        if index < len(parts) - 1:
            result.append(base if not derived else surface)
            consumed += len(surface)
        else:
            result.append(baseform[consumed:] if consumed < len(baseform) else surface)
        if derived:
            roots.append(base)
    return [p.lower() for p in result + roots if p]


@functools.lru_cache(maxsize=200_000)
def finnish_analysis(word):
    """(the word and its base forms, its compound parts and derivation roots) by Voikko."""
    analyser = voikko()
    lemmas, parts = [word], []
    if analyser is None:
        return tuple(lemmas), ()
    with _voikko_lock:
        analyses = analyser.analyze(word)
    for analysis in analyses:
        baseform = (analysis.get("BASEFORM") or "").lower().replace("-", "")
        if baseform and WORD.fullmatch(baseform) and baseform not in lemmas:
            lemmas.append(baseform)
        for part in _compound_parts(analysis.get("WORDBASES"), baseform):
            part = part.replace("-", "")
            if part and WORD.fullmatch(part) and part not in lemmas and part not in parts:
                parts.append(part)
    return tuple(lemmas), tuple(parts)


def finnish_lexemes(word):
    """Every lexeme a Finnish word stands for: itself, its base forms and compound parts."""
    lemmas, parts = finnish_analysis(word)
    return lemmas + parts


@functools.lru_cache(maxsize=200_000)
def _snowball_stem(language, word):
    return snowballstemmer.stemmer(STEMMER_NAME[language]).stemWord(word)


def uses_voikko(language, finnish="voikko"):
    return language == "fi" and finnish == "voikko" and voikko_available()


def index_text(language, text, finnish="voikko"):
    """(PostgreSQL text search configuration, text to hand to ``to_tsvector``) for one field."""
    if uses_voikko(language, finnish):
        return "simple", " ".join(" ".join(finnish_lexemes(w)) for w in words(text))
    return SNOWBALL_CONFIG[language], text or ""


def match_keys(language, word, finnish="voikko"):
    """Keys under which a word matches another (for highlighting)."""
    if uses_voikko(language, finnish):
        return set(finnish_lexemes(word))
    return {_snowball_stem(language, word)}


# --- Queries ------------------------------------------------------------------------------------


@dataclass
class ParsedQuery:
    """A user's query reduced to words and quoted phrases; nothing else survives."""

    words: list = field(default_factory=list)
    phrases: list = field(default_factory=list)  # lists of words, from balanced quotes
    prefix: bool = False  # the last word may be incomplete (typing)

    @property
    def empty(self):
        return not self.words

    def normalized(self):
        return " ".join(self.words)


OPERATORS = {"AND", "OR", "NOT", "OCH", "ELLER", "JA", "TAI"}
# Dropped from queries (not from documents) when other words remain.
STOP_WORDS = {
    "fi": {"ja", "tai", "on", "ei", "se", "että", "kuin", "myös", "joka", "kun", "sekä", "jos"},
    "sv": {"och", "eller", "i", "på", "för", "att", "som", "en", "ett", "med", "av", "till"},
    "en": {"and", "or", "the", "a", "an", "of", "for", "in", "on", "to", "with", "by"},
}


def parse_query(text, language="fi", prefix=False):
    """Split ``text`` into words; balanced double quotes mark phrases, anything else is dropped.

    Upper-case boolean operators (AND, OR, NOT) are ignored, and common function words are
    dropped while other words remain."""
    text = re.sub("[\ud800-\udfff]", "", (text or "")[:1000])  # lone surrogates cannot be encoded
    text = " ".join(w for w in text.split() if w.strip('"') not in OPERATORS)
    phrases = []
    if text.count('"') >= 2:
        for quoted in re.findall(r'"([^"]*)"', text):
            phrase = words(quoted)
            if len(phrase) > 1:
                phrases.append(phrase[:MAX_QUERY_WORDS])
    found = []
    for word in words(text):
        if word not in found:
            found.append(word)
    content_words = [w for w in found if w not in STOP_WORDS.get(language, ())]
    if content_words and not (prefix and found and content_words[-1] != found[-1]):
        found = content_words
    found = found[:MAX_QUERY_WORDS]
    return ParsedQuery(words=found, phrases=phrases, prefix=prefix and not text.endswith(" "))


def _quote(lexeme):
    # Lexemes hold letters and digits only (WORD), so quoting cannot be escaped from.
    return f"'{lexeme}'"


def tsquery(language, parsed, finnish="voikko", any_word=False, weights="", parts=True):
    """(configuration, to_tsquery text) matching documents that contain every query word (or,
    with ``any_word``, at least one) in some analysed form; the last word also as a prefix when
    ``parsed.prefix``. ``weights`` ("A", "AB") limits matches to those weights; without
    ``parts`` a Finnish word matches only as a whole (base form), not by its compound parts."""
    groups = []
    voikko_mode = uses_voikko(language, finnish)
    for index, word in enumerate(parsed.words):
        last = index == len(parsed.words) - 1
        if voikko_mode:
            lemmas, compound_parts = finnish_analysis(word)
            alternatives = list(lemmas) + (list(compound_parts) if parts else [])
        else:
            alternatives = [word]
        terms = [_quote(a) + (f":{weights}" if weights else "") for a in alternatives]
        if last and parsed.prefix and len(word) >= 2:
            terms.append(_quote(word) + f":*{weights}")
        groups.append("(" + " | ".join(terms) + ")")
    config = "simple" if voikko_mode else SNOWBALL_CONFIG[language]
    return config, (" | " if any_word else " & ").join(groups)


def exact_tsquery(parsed, weights="", all_words=False):
    """Surface forms only (for ranking exact matches above stem-only ones, and for
    suggestions), with the last word as a prefix when typing."""
    terms = []
    for index, word in enumerate(parsed.words):
        term = _quote(word)
        if index == len(parsed.words) - 1 and parsed.prefix:
            term += ":*"
        elif weights:
            term += ":"
        terms.append(term + weights)
    return (" & " if all_words else " | ").join(terms)


def phrase_tsqueries(parsed):
    """One ``<->`` query per quoted phrase, or the whole query as a phrase when it has several
    words (a document holding the words in order ranks higher)."""
    phrases = parsed.phrases or ([parsed.words] if len(parsed.words) > 1 else [])
    return [" <-> ".join(_quote(w) for w in phrase) for phrase in phrases]


# --- Snippets -----------------------------------------------------------------------------------


def highlight(text, language, parsed, finnish="voikko", width=28):
    """An HTML-escaped snippet of ``text`` around the first query match, matches in <mark>.

    Returns "" when nothing in ``text`` matches."""
    if not text or parsed.empty:
        return ""
    wanted = set()
    for word in parsed.words:
        wanted |= match_keys(language, word, finnish)
    tokens = list(WORD.finditer(text))
    hits = []
    for index, token in enumerate(tokens):
        word = token.group().lower()
        if len(word) > MAX_WORD_LENGTH:
            continue
        keys = match_keys(language, word, finnish)
        if keys & wanted or (parsed.prefix and word.startswith(parsed.words[-1])):
            hits.append(index)
    if not hits:
        return ""
    first = max(0, hits[0] - width // 3)
    last = min(len(tokens), first + width)
    start = tokens[first].start()
    end = tokens[last - 1].end()
    out = ["… " if start > 0 else ""]
    cursor = start
    hit_set = set(hits)
    for index in range(first, last):
        token = tokens[index]
        out.append(html.escape(text[cursor : token.start()]))
        if index in hit_set:
            out.append(f"<mark>{html.escape(token.group())}</mark>")
        else:
            out.append(html.escape(token.group()))
        cursor = token.end()
    out.append(html.escape(text[cursor:end]))
    if end < len(text):
        out.append(" …")
    return "".join(out).strip()
