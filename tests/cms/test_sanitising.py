import re

from hypothesis import given
from hypothesis import strategies as st

from cms.sanitising import clean_html, plain_text

HOSTILE = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        "<iframe src=//evil></iframe>",
        '<p onclick="x()">',
        "<svg onload=alert(1)>",
        "<style>*{}</style>",
    ]
)
FRAGMENTS = st.lists(
    st.one_of(
        HOSTILE,
        st.text(alphabet=st.characters(blacklist_characters="<>&"), max_size=20),
        st.sampled_from(["<p>", "</p>", "<b>", "<ul><li>"]),
    ),
    max_size=12,
)


@given(FRAGMENTS)
def test_clean_html_never_lets_script_through(parts):
    cleaned = clean_html("".join(parts)).lower()
    assert "<script" not in cleaned
    assert "javascript:" not in cleaned
    assert not re.search(r"<[^>]*\son\w+\s*=", cleaned)
    assert "<iframe" not in cleaned
    assert "<svg" not in cleaned


@given(FRAGMENTS)
def test_plain_text_has_no_tags(parts):
    # (Escaped text such as "&lt;b" decodes to "<b"; plain text is escaped wherever it is shown.)
    assert not re.search(r"<[a-z/]", plain_text("".join(parts)).lower())


def test_visible_text_survives():
    assert (
        plain_text('<p onclick="x()">Hyvä <b>menetelmä</b><script>alert(1)</script></p>')
        == "Hyvä menetelmä"
    )
    assert clean_html('<p>Lue <a href="https://example.fi" onclick="x()">lisää</a></p>') == (
        '<p>Lue <a href="https://example.fi" rel="noopener nofollow">lisää</a></p>'
    )


def test_lone_surrogates_are_dropped_instead_of_failing():
    # Found by hypothesis: a JSON body may carry "\ud800", which nh3 cannot encode.
    assert plain_text("Hyvä\ud800 menetelmä") == "Hyvä menetelmä"
    assert clean_html("<p>a\udfffb</p>") == "<p>ab</p>"


def test_nul_characters_are_dropped():
    from cms.sanitising import clean_post, plain_text

    assert clean_post("<p>Hei\x00 kaikki</p>") == "<p>Hei kaikki</p>"
    assert plain_text("Otsikko\x00") == "Otsikko"
