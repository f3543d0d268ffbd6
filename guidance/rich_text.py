"""Internal page links in rich text become frontend paths in the reader's language."""

from django.utils.html import escape
from django.utils.translation import get_language
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from guidance import queries
from guidance.services import visible_pages


class FrontendPageLinkHandler(PageLinkHandler):
    """``<a href="/{path}/" data-content-key="…">``: the linked page's translation in the active
    language when it is live, else its live Finnish version; a link to a page that is not live
    keeps its text but loses its href; so does a link to a view-restricted page (the one
    visibility rule, guidance.services.visible_pages)."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):

        language = (get_language() or queries.default_language())[:2]
        ids = [str(attrs.get("id")) for attrs in attrs_list]
        keys = dict(
            Page.objects.filter(id__in=[i for i in ids if i.isdigit()]).values_list(
                "id", "translation_key"
            )
        )
        live = {}
        for key, lang, url_path in (
            visible_pages()
            .filter(
                translation_key__in=set(keys.values()),
                locale__language_code__in={language, queries.default_language()},
            )
            .values_list("translation_key", "locale__language_code", "url_path")
        ):
            if lang == language or key not in live:
                live[key] = (lang, url_path)
        links = []
        for page_id in ids:
            key = keys.get(int(page_id)) if page_id.isdigit() else None
            if key is None or key not in live:
                links.append("<a>")
                continue
            lang, url_path = live[key]
            path = queries.frontend_path(url_path, queries.home_url_path(lang))
            links.append(f'<a href="{escape(path)}" data-content-key="{key}" hreflang="{lang}">')
        return links
