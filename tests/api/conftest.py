import pytest
from wagtail.models import Page

from cms.factories import ImageFactory
from guidance.factories import (
    CONTENT_FACTORIES,
    KeywordFactory,
    SectionPageFactory,
    ThemeFactory,
    TopicPageFactory,
)
from guidance.services import bulk_add_live_pages


@pytest.fixture
def catalogue(home):
    """Two sections, topics, tagged items of every type, one translated into Swedish."""
    section = SectionPageFactory(
        parent=home, title="Asiakastyöhön", slug="asiakastyohon", kind="client_work"
    )
    other = SectionPageFactory(
        parent=home, title="Tietoa ohjaajalle", slug="tietoa", kind="information"
    )
    topic = TopicPageFactory(parent=section, title="Urasuunnittelu", slug="urasuunnittelu")
    news = TopicPageFactory(parent=other, title="Ajankohtaista", slug="ajankohtaista")
    uraohjaus = KeywordFactory(name="uraohjaus", slug="uraohjaus")
    ryhma = KeywordFactory(name="ryhmäohjaus", slug="ryhmaohjaus")
    theme = ThemeFactory(name="Urasuunnittelu", slug="urasuunnittelu")
    image = ImageFactory()
    items = {}
    for index, (kind, factory) in enumerate(sorted(CONTENT_FACTORIES.items())):
        parent = topic if index % 2 == 0 else news
        page = factory(
            parent=parent, title=f"{kind.title()} {index}", slug=f"{kind}-{index}", hero_image=image
        )
        page.keywords.set([uraohjaus] if index % 2 == 0 else [ryhma])
        page.themes.set([theme])
        page.save_revision().publish()
        items[kind] = page
    return {
        "home": home,
        "section": section,
        "other": other,
        "topic": topic,
        "news": news,
        "items": items,
        "keywords": [uraohjaus, ryhma],
        "theme": theme,
        "image": image,
    }


@pytest.fixture
def many_items(catalogue):
    """Add ``n`` live method pages under the topic, each tagged with ``terms`` keywords."""

    def make(n, terms=1):
        from guidance.models import MethodPage

        keywords = [KeywordFactory() for _ in range(terms)]
        pages = []
        for i in range(n):
            page = MethodPage(
                title=f"Menetelmä {i}",
                slug=f"menetelma-{i}-{terms}",
                summary="Tiivistelmä",
                hero_image=catalogue["image"],
            )
            page._bulk_terms = {"keywords": keywords, "themes": [catalogue["theme"]]}
            pages.append(page)
        return bulk_add_live_pages(Page.objects.get(pk=catalogue["topic"].pk), pages)

    return make


def swedish_alt(page):
    """The Swedish alt text of a catalogue item's main image, for ``translate``: a translation
    is published only with alt text in its own language."""
    return {page.hero_image_alt: f"Illustration (sv): {page.hero_image_alt}"}
