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


_BREAKS = re.compile(r"<br\s*/?>|</p>|</li>|</blockquote>", re.IGNORECASE)


def text_to_html(text):
    """Plain text as post HTML: everything escaped, blank lines as paragraphs, single line
    breaks as ``<br>`` (what was typed is what is read, markup included, as text)."""
    paragraphs = re.split(r"\n\s*\n", _encodable(text).replace("\r\n", "\n").strip())
    return "".join(
        "<p>" + "<br>".join(html.escape(line.strip()) for line in part.split("\n")) + "</p>"
        for part in paragraphs
        if part.strip()
    )


def html_to_text(text):
    """Post HTML as plain text with its line breaks (for clients that show text, not HTML):
    paragraphs and list items end lines, tags go, entities are decoded."""
    marked = _BREAKS.sub(
        lambda match: "\n" if match.group(0)[:3].lower() == "<br" else "\n\n", text or ""
    )
    lines = html.unescape(nh3.clean(_encodable(marked), tags=set())).split("\n")
    joined = "\n".join(" ".join(line.split()) for line in lines)
    return re.sub(r"\n{3,}", "\n\n", joined).strip()
