"""Property tests: whatever a person types, query parsing, the PostgreSQL queries built from it
and the highlighted snippets stay well-formed and safe."""

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.analysis import (
    MAX_QUERY_WORDS,
    exact_tsquery,
    highlight,
    parse_query,
    phrase_tsqueries,
    tsquery,
)

# Finnish and Swedish letters, operators PostgreSQL's tsquery syntax gives meaning to, quotes,
# markup and anything else Unicode has.
typed = st.text(
    alphabet=st.sampled_from(list("aäöåeikstnluoyvhjmrpd AND OR NOT \"'&|!:*()<>\\-_.,;/@#<b>"))
    | st.characters(),
    max_size=300,
)
SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@given(text=typed, language=st.sampled_from(["fi", "sv", "en"]), prefix=st.booleans())
@SETTINGS
def test_parsed_words_are_plain_words(text, language, prefix):
    parsed = parse_query(text, language, prefix=prefix)
    assert len(parsed.words) <= MAX_QUERY_WORDS
    for word in parsed.words:
        assert word
        assert word == word.lower()
        assert not set(word) & set(" '\"&|!:*()<>\\")


@pytest.mark.django_db
@given(text=typed, language=st.sampled_from(["fi", "sv", "en"]), prefix=st.booleans())
@SETTINGS
def test_postgresql_accepts_every_query_built_from_typed_text(text, language, prefix):
    parsed = parse_query(text, language, prefix=prefix)
    if not parsed.words:
        return
    config, query = tsquery(language, parsed)
    any_config, any_query = tsquery(language, parsed, any_word=True, weights="AB")
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_tsquery(%s::regconfig, %s)::text", [config, query])
        cursor.execute("SELECT to_tsquery(%s::regconfig, %s)::text", [any_config, any_query])
        cursor.execute("SELECT to_tsquery('simple', %s)::text", [exact_tsquery(parsed)])
        for phrase in phrase_tsqueries(parsed):
            cursor.execute("SELECT to_tsquery('simple', %s)::text", [phrase])


@given(
    text=st.text(max_size=400),
    query=typed,
    language=st.sampled_from(["fi", "sv", "en"]),
)
@SETTINGS
def test_highlights_are_escaped_and_only_mark_is_markup(text, query, language):
    snippet = highlight(text, language, parse_query(query, language))
    without_marks = snippet.replace("<mark>", "").replace("</mark>", "")
    assert "<" not in without_marks
    assert ">" not in without_marks


@pytest.mark.parametrize("language", ["fi", "en"])
def test_a_snippet_is_the_window_around_the_first_match(language):
    """A long text's snippet starts a few words before its first match, marks every match in
    its window (not those after it) and says that text goes on either side."""
    filler = [f"w{n}" for n in range(4000)]
    words = [*filler[:500], "tools", *filler[500:510], "tools", *filler[510:540], "tools"]
    text = " ".join([*words, *filler[540:]])
    snippet = highlight(text, language, parse_query("tools", language), width=28)
    assert snippet.startswith("… w491 w492")  # 28 // 3 words before the first match
    assert snippet.count("<mark>tools</mark>") == 2  # the third is beyond the window
    assert snippet.endswith("w516 …")
    assert highlight(text, language, parse_query("missing", language)) == ""
