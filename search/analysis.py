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
voikko_lock = threading.Lock()
_voikko_failed = False


def voikko():
    """The shared Voikko instance, or None when libvoikko or the Finnish dictionary is missing."""
    global _voikko, _voikko_failed
    if _voikko is None and not _voikko_failed:
        with voikko_lock:
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

    Returns (the compound's components, or () when the word is not a compound; the roots of
    derived parts, such as ``hakea`` and ``ohjata``). The components are the base forms of the
    non-final parts and the final part (the base form's tail)."""
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
        return (), tuple(r[1].lower() for r in parts if r[2] and r[1])
    components = []
    consumed = 0
    for index, (surface, base, derived) in enumerate(parts):
        if index < len(parts) - 1:
            components.append(base if not derived else surface)
            consumed += len(surface)
        else:
            components.append(baseform[consumed:] if consumed < len(baseform) else surface)
        if derived:
            roots.append(base)
    return (
        tuple(c.lower() for c in components if c),
        tuple(r.lower() for r in roots if r),
    )


@dataclass(frozen=True)
class FinnishWord:
    """What Voikko knows of one word."""

    lemmas: tuple  # the word itself and its base forms
    parts: tuple  # compound components and derivation roots, each once (indexed beside lemmas)
    compounds: tuple  # per compound reading, its components: (("ura", "ohjaus"),)


def _lexeme(text):
    text = text.lower().replace("-", "")
    return text if text and WORD.fullmatch(text) else ""


def _hyphenated_reading(word):
    """``verkkoohjaus`` → ``verkko-ohjaus``: Finnish writes a hyphen where a compound's parts
    meet on the same vowel, and people leave it out. Voikko knows only the hyphenated form."""
    analyser = voikko()
    for index in range(2, len(word) - 2):
        if word[index] == word[index + 1] and word[index] in "aeiouyäö":
            candidate = f"{word[: index + 1]}-{word[index + 1 :]}"
            with voikko_lock:
                if analyser.spell(candidate):
                    return candidate
    return None


@functools.lru_cache(maxsize=200_000)
def finnish_word(word):
    """The ``FinnishWord`` Voikko makes of ``word`` (only the word itself without Voikko)."""
    analyser = voikko()
    if analyser is None:
        return FinnishWord((word,), (), ())
    with voikko_lock:
        analyses = analyser.analyze(word)
    if not analyses and "-" not in word:
        hyphenated = _hyphenated_reading(word)
        if hyphenated:
            with voikko_lock:
                analyses = analyser.analyze(hyphenated)
    lemmas, parts, compounds = [word], [], []
    for analysis in analyses:
        baseform = _lexeme(analysis.get("BASEFORM") or "")
        if baseform and baseform not in lemmas:
            lemmas.append(baseform)
        components, roots = _compound_parts(analysis.get("WORDBASES"), baseform)
        components = tuple(c for c in (_lexeme(c) for c in components) if c)
        if len(components) > 1 and components not in compounds:
            compounds.append(components)
        for part in (*components, *(_lexeme(r) for r in roots)):
            if part and part not in lemmas and part not in parts:
                parts.append(part)
    return FinnishWord(tuple(lemmas), tuple(parts), tuple(compounds))


def finnish_analysis(word):
    """(the word and its base forms, its compound parts and derivation roots) by Voikko."""
    analysed = finnish_word(word)
    return analysed.lemmas, analysed.parts


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
    # Other spellings searched beside a word, found by ``search.spelling`` in the index's own
    # vocabulary: ä/ö/å restored, a typo corrected, a run-together compound split (several
    # words separated by spaces, all required). They match, but rank below the typed words.
    alternatives: dict = field(default_factory=dict)  # word → (spelling, …)
    corrected: dict = field(default_factory=dict)  # word → the one spelling "did you mean" names

    @property
    def empty(self):
        return not self.words

    def normalized(self):
        return " ".join(self.words)

    def corrected_text(self):
        """The query as "did you mean" shows it, or "" when no word was corrected."""
        if not self.corrected:
            return ""
        return " ".join(self.corrected.get(word, word) for word in self.words)


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


def _word_terms(word, voikko_mode, weights, parts, precise):
    """The tsquery alternatives (to be OR-ed) for one word as typed.

    A Finnish compound matches as a whole (base form) or, when ``precise``, by all its
    components together (``uraohjaus``: the base form, or ``ura`` and ``ohjaus``); otherwise by
    any component or derivation root. ``verkkoohjaus``, ``verkko-ohjaus`` and ``verkko ohjaus``
    therefore find the same items: each component's documents hold it as a lexeme of its own."""
    suffix = f":{weights}" if weights else ""
    if not voikko_mode:
        return [_quote(word) + suffix]
    analysed = finnish_word(word)
    terms = [_quote(lemma) + suffix for lemma in analysed.lemmas]
    if not parts:
        return terms
    if precise and analysed.compounds:
        for components in analysed.compounds:
            terms.append("(" + " & ".join(_quote(c) + suffix for c in components) + ")")
    else:
        terms += [_quote(part) + suffix for part in analysed.parts]
    return terms


def tsquery(
    language,
    parsed,
    finnish="voikko",
    any_word=False,
    weights="",
    parts=True,
    alternatives=True,
    typed=True,
):
    """(configuration, to_tsquery text) matching documents that contain every query word (or,
    with ``any_word``, at least one) in some analysed form; the last word also as a prefix when
    ``parsed.prefix``. ``weights`` ("A", "AB") limits matches to those weights; without
    ``parts`` a Finnish word matches only as a whole (base form), not by its compound parts.
    Compounds must match all their parts unless ``any_word``. The word's ``alternatives``
    (other spellings) are included unless ``alternatives`` is false; ``typed=False`` leaves the
    typed words out and matches the alternatives only (for ranking them lower)."""
    groups = []
    voikko_mode = uses_voikko(language, finnish)
    precise = not any_word
    for index, word in enumerate(parsed.words):
        last = index == len(parsed.words) - 1
        terms = _word_terms(word, voikko_mode, weights, parts, precise) if typed else []
        if last and typed and parsed.prefix and len(word) >= 2:
            terms.append(_quote(word) + f":*{weights}")
        if alternatives:
            for spelling in parsed.alternatives.get(word, ()):
                spelled = [
                    "(" + " | ".join(_word_terms(w, voikko_mode, weights, parts, precise)) + ")"
                    for w in spelling.split()
                ]
                terms.append(spelled[0] if len(spelled) == 1 else "(" + " & ".join(spelled) + ")")
        groups.append("(" + " | ".join(terms) + ")" if terms else "")
    config = "simple" if voikko_mode else SNOWBALL_CONFIG[language]
    if not typed:
        groups = [group for group in groups if group]
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
    spellings = [s for alternatives in parsed.alternatives.values() for s in alternatives]
    spelled = [word for spelling in spellings for word in spelling.split()]
    for word in [*parsed.words, *spelled]:
        wanted |= match_keys(language, word, finnish)
    # Only the first match and the window after it are needed: the words are analysed up to
    # there, not through the whole text (up to ``database.SNIPPET_SOURCE_CHARS`` per hit).
    found = WORD.finditer(text)
    tokens, hits, last = [], [], None
    for token in found:
        index = len(tokens)
        tokens.append(token)
        if last is not None and index >= last:
            break
        word = token.group().lower()
        if len(word) > MAX_WORD_LENGTH:
            continue
        if (parsed.prefix and word.startswith(parsed.words[-1])) or (
            match_keys(language, word, finnish) & wanted
        ):
            hits.append(index)
            if last is None:
                last = max(0, index - width // 3) + width
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
