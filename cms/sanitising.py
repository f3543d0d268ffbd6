"""HTML from outside (imports, counsellors' text) through nh3, the project's one sanitiser."""

import html
import re

import nh3

RICH_TEXT_TAGS = {"p", "ul", "ol", "li", "strong", "em", "b", "i", "br", "h3", "h4", "a"}


# Lone UTF-16 surrogates (valid in JSON "\ud800" escapes, invalid in UTF-8) cannot be encoded,
# and PostgreSQL cannot store U+0000; neither carries text, so both are dropped.
_SURROGATES = re.compile("[\ud800-\udfff\x00]")


def _encodable(text):
    return _SURROGATES.sub("", text or "")


POST_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code"}


def clean_html(text, tags=RICH_TEXT_TAGS, link_rel="noopener nofollow"):
    """Keep a small allow-list of tags; links keep only ``href`` (http, https, mailto) and get
    ``rel`` (``noopener nofollow`` by default); scripts, event handlers and ``javascript:`` URLs
    are removed."""
    return nh3.clean(
        _encodable(text),
        tags=tags,
        attributes={"a": {"href"}},
        link_rel=link_rel,
        url_schemes={"https", "http", "mailto"},
    ).strip()


def clean_post(text):
    """A counsellor's post: the small post allow-list, links marked as user-generated."""
    return clean_html(text, tags=POST_TAGS, link_rel="nofollow ugc noopener")


def plain_text(text):
    """Visible text only: every tag removed, entities decoded, whitespace collapsed."""
    return re.sub(r"\s+", " ", html.unescape(nh3.clean(_encodable(text), tags=set()))).strip()
