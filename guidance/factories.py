"""Test data for guidance content (wagtail-factories for pages)."""

import factory
import wagtail_factories
from django.conf import settings
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from guidance import models


def default_locale():
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


class TermFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"termi {n}")
    slug = factory.Sequence(lambda n: f"termi-{n}")
    locale = factory.LazyFunction(default_locale)

    class Meta:
        abstract = True


class KeywordFactory(TermFactory):
    class Meta:
        model = models.Keyword


class ThemeFactory(TermFactory):
    class Meta:
        model = models.Theme


class TargetGroupFactory(TermFactory):
    class Meta:
        model = models.TargetGroup


class SectorFactory(TermFactory):
    class Meta:
        model = models.Sector


class GuidanceSettingFactory(TermFactory):
    class Meta:
        model = models.GuidanceSetting


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Ohjaajan osio"
    slug = "ohjaajan-osio"
    locale = factory.LazyFunction(default_locale)

    class Meta:
        model = models.HomePage


class SectionPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Osio {n}")
    kind = "client_work"

    class Meta:
        model = models.SectionPage


class TopicPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Aihe {n}")

    class Meta:
        model = models.TopicPage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Sisältö {n}")
    summary = factory.LazyAttribute(lambda p: f"Tiivistelmä: {p.title}")
    body = factory.LazyFunction(
        lambda: [("rich_text", "<p>Ohjauksen menetelmä, jota voi käyttää ryhmässä.</p>")]
    )
    # As the page form does: a Finnish page's main image alt text starts as the library's.
    hero_image_alt = factory.LazyAttribute(
        lambda page: page.hero_image.description if getattr(page, "hero_image", None) else ""
    )

    class Meta:
        abstract = True


class ArticlePageFactory(ContentPageFactory):
    class Meta:
        model = models.ArticlePage


class MethodPageFactory(ContentPageFactory):
    duration = "45 min"
    goals = "<p>Asiakas tunnistaa vahvuutensa.</p>"

    class Meta:
        model = models.MethodPage


class ToolPageFactory(ContentPageFactory):
    tool_url = "https://example.fi/tyokalu"
    provider = "Esimerkki Oy"

    class Meta:
        model = models.ToolPage


class MaterialPageFactory(ContentPageFactory):
    material_format = "worksheet"

    class Meta:
        model = models.MaterialPage


class TrainingPageFactory(ContentPageFactory):
    provider = "Esimerkkiopisto"

    class Meta:
        model = models.TrainingPage


CONTENT_FACTORIES = {
    "article": ArticlePageFactory,
    "method": MethodPageFactory,
    "tool": ToolPageFactory,
    "material": MaterialPageFactory,
    "training": TrainingPageFactory,
}
