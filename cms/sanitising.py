"""HTML from outside (imports, counsellors' text) through nh3, the project's one sanitiser."""

import html
import re

import nh3

RICH_TEXT_TAGS = {"p", "ul", "ol", "li", "strong", "em", "b", "i", "br", "h3", "h4", "a"}


def clean_html(text, tags=RICH_TEXT_TAGS):
    """Keep a small allow-list of tags; links keep only ``href`` (http, https, mailto) and get
    ``rel="noopener nofollow"``; scripts, event handlers and ``javascript:`` URLs are removed."""
    return nh3.clean(
        text or "",
        tags=tags,
        attributes={"a": {"href"}},
        link_rel="noopener nofollow",
        url_schemes={"https", "http", "mailto"},
    ).strip()


def plain_text(text):
    """Visible text only: every tag removed, entities decoded, whitespace collapsed."""
    return re.sub(r"\s+", " ", html.unescape(nh3.clean(text or "", tags=set()))).strip()
