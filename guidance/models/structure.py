"""The site's structure: HomePage → SectionPage → TopicPage (nestable), under which the
content pages live (``guidance.models.content``, ``guidance.models.items``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks as wagtail_blocks
from wagtail.admin.panels import (
    FieldPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Page

from guidance.models.content import CONTENT_PAGE_TYPES


class FeaturedItemsMixin(models.Model):
    featured_items = StreamField(
        [
            (
                "item",
                wagtail_blocks.PageChooserBlock(
                    page_type=CONTENT_PAGE_TYPES, label=_("content item")
                ),
            )
        ],
        blank=True,
        verbose_name=_("featured items"),
        help_text=_("Items lifted up on this page, in this order."),
    )

    class Meta:
        abstract = True


class HomePage(FeaturedItemsMixin, Page):
    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("featured_items")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["guidance.SectionPage"]
    max_count_per_parent = 1

    api_type = "home"

    class Meta:
        verbose_name = _("home page")


class SectionPage(FeaturedItemsMixin, Page):
    SECTION_KINDS = [
        ("information", _("Information for counsellors")),
        ("client_work", _("For client work")),
        ("professional_development", _("Professional development")),
    ]
    kind = models.CharField(_("section kind"), max_length=32, choices=SECTION_KINDS)
    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("intro"),
        FieldPanel("featured_items"),
    ]
    parent_page_types = ["guidance.HomePage"]
    subpage_types = ["guidance.TopicPage", *CONTENT_PAGE_TYPES]

    api_type = "section"

    class Meta:
        verbose_name = _("section page")


class TopicPage(Page):
    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    exclude_from_listings = models.BooleanField(
        _("keep out of newest and popular"),
        default=False,
        help_text=_(
            "Items under this topic are not shown in the newest and popular listings "
            "(for example imported trainings)."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    promote_panels = [*Page.promote_panels, FieldPanel("exclude_from_listings")]
    parent_page_types = ["guidance.SectionPage", "guidance.TopicPage"]
    subpage_types = ["guidance.TopicPage", *CONTENT_PAGE_TYPES]

    api_type = "topic"

    class Meta:
        verbose_name = _("topic page")
