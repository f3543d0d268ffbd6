"""Translatable taxonomy snippets.

Content pages always point at the default-locale (Finnish) term; a term's translations share its
``translation_key``, and the API shows the label in the requested locale. wagtail-localize copies
many-to-many values unchanged into page translations, so this keeps every translation of a page
tagged with the same terms.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


def default_locale_terms():
    """``limit_choices_to`` for page fields: editors tag with the canonical term."""
    return {"locale__language_code": settings.LANGUAGE_CODE}


class TaxonomyTerm(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"),
        max_length=120,
        allow_unicode=False,
        help_text=_("Identifier used in API filters; the same in every language."),
    )
    description = models.TextField(_("description"), blank=True)

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("slug"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Keyword(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("keyword")
        verbose_name_plural = _("keywords")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_keyword_slug_per_locale"
            )
        ]


class Theme(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_theme_slug_per_locale")
        ]


class TargetGroup(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_targetgroup_slug_per_locale"
            )
        ]


class Sector(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_sector_slug_per_locale")
        ]


class GuidanceSetting(TaxonomyTerm):
    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("guidance setting")
        verbose_name_plural = _("guidance settings")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_guidancesetting_slug_per_locale"
            )
        ]


TAXONOMY_MODELS = {
    "keywords": Keyword,
    "themes": Theme,
    "target_groups": TargetGroup,
    "sectors": Sector,
    "settings": GuidanceSetting,
}
