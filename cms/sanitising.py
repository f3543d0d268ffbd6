"""HTML from outside (imports, counsellors' text) through nh3, the project's one sanitiser."""

import html
import re

import nh3

RICH_TEXT_TAGS = {"p", "ul", "ol", "li", "strong", "em", "b", "i", "br", "h3", "h4", "a"}


POST_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code"}


def clean_html(text, tags=RICH_TEXT_TAGS, link_rel="noopener nofollow"):
    """Keep a small allow-list of tags; links keep only ``href`` (http, https, mailto) and get
    ``rel`` (``noopener nofollow`` by default); scripts, event handlers and ``javascript:`` URLs
    are removed."""
    return nh3.clean(
        text or "",
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
    return re.sub(r"\s+", " ", html.unescape(nh3.clean(text or "", tags=set()))).strip()
