"""What every content item is: ``ContentPage`` (the base of the five item types in
``guidance.models.items``), its admin form (alt texts before publishing) and the names of
the content types."""

import datetime

from dateutil.relativedelta import relativedelta
from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_headless_preview.models import HeadlessPreviewMixin

from guidance import alt_text
from guidance.blocks import (
    AttachmentStreamBlock,
    ContentStreamBlock,
    LinkStreamBlock,
)
from guidance.models.taxonomy import default_locale_terms

CONTENT_PAGE_MODELS = ("articlepage", "methodpage", "toolpage", "materialpage", "trainingpage")
CONTENT_PAGE_TYPES = [f"guidance.{name}" for name in CONTENT_PAGE_MODELS]

LICENCE_CHOICES = [
    ("cc-by-4.0", "CC BY 4.0"),
    ("cc-by-sa-4.0", "CC BY-SA 4.0"),
    ("cc-by-nc-4.0", "CC BY-NC 4.0"),
    ("cc-by-nc-sa-4.0", "CC BY-NC-SA 4.0"),
    ("cc0-1.0", "CC0 1.0"),
    ("all-rights-reserved", _("All rights reserved")),
    ("other", _("Other (see description)")),
]


class ContentPageForm(WagtailAdminPageForm):
    material_languages = forms.MultipleChoiceField(
        label=_("languages of the material"),
        choices=[
            ("fi", _("Finnish")),
            ("sv", _("Swedish")),
            ("en", _("English")),
            ("se", _("Northern Sami")),
            ("ru", _("Russian")),
            ("ar", _("Arabic")),
            ("so", _("Somali")),
            ("et", _("Estonian")),
            ("uk", _("Ukrainian")),
            ("fi-selko", _("Easy Finnish (selkosuomi)")),
            ("fi-sign", _("Finnish Sign Language")),
        ],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The languages in which the method, tool or material itself is available."),
    )

    def clean(self):
        cleaned = super().clean()
        page = self.instance
        finnish = page.locale_id is None or page.locale.language_code == settings.LANGUAGE_CODE
        image = cleaned.get("hero_image")
        if image is not None and finnish and not (cleaned.get("hero_image_alt") or "").strip():
            # Copied, so that it is offered to translators like the rest of the page.
            cleaned["hero_image_alt"] = image.description
        if "action-publish" in self.data:
            missing = alt_text.missing_alt_texts(
                page,
                hero_image=image,
                hero_alt=cleaned.get("hero_image_alt"),
                body=cleaned.get("body"),
            )
            if missing:
                raise forms.ValidationError(alt_text.refusal(page, missing))
        return cleaned


class ContentPage(HeadlessPreviewMixin, Page):
    """The base shared by every content type (not creatable on its own)."""

    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("One or two plain sentences shown in listings and search results."),
    )
    hero_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on cards and at the top of the item."),
    )
    # Per page, so each language version says it in its own words (wagtail-localize offers
    # both for translation). Empty in Finnish: the image library's text, which is Finnish.
    hero_image_alt = models.CharField(
        _("main image alt text"),
        max_length=255,
        blank=True,
        help_text=_(
            "In the language of this page: what the image shows and why it is here. Left empty "
            "on a Finnish page, the image library's alt text is used."
        ),
    )
    hero_image_credit = models.CharField(
        _("main image credit"),
        max_length=255,
        blank=True,
        help_text=_("Leave empty to use the credit stored with the image."),
    )
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))
    attachments = StreamField(AttachmentStreamBlock(), blank=True, verbose_name=_("attachments"))
    external_links = StreamField(LinkStreamBlock(), blank=True, verbose_name=_("links"))

    keywords = ParentalManyToManyField(
        "guidance.Keyword",
        blank=True,
        verbose_name=_("keywords"),
        limit_choices_to=default_locale_terms,
        related_name="+",
    )
    themes = ParentalManyToManyField(
        "guidance.Theme",
        blank=True,
        verbose_name=_("themes"),
        limit_choices_to=default_locale_terms,
        related_name="+",
    )
    target_groups = ParentalManyToManyField(
        "guidance.TargetGroup",
        blank=True,
        verbose_name=_("target groups"),
        limit_choices_to=default_locale_terms,
        related_name="+",
    )
    sectors = ParentalManyToManyField(
        "guidance.Sector",
        blank=True,
        verbose_name=_("sectors"),
        limit_choices_to=default_locale_terms,
        related_name="+",
    )
    guidance_settings = ParentalManyToManyField(
        "guidance.GuidanceSetting",
        blank=True,
        verbose_name=_("guidance settings"),
        limit_choices_to=default_locale_terms,
        related_name="+",
    )
    material_languages = models.JSONField(_("languages of the material"), default=list, blank=True)
    licence = models.CharField(_("licence"), max_length=32, choices=LICENCE_CHOICES, blank=True)
    author_organisation = models.CharField(
        _("author or source organisation"), max_length=200, blank=True
    )

    content_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("content owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"is_staff": True, "is_active": True},  # never a counsellor account
        help_text=_("The person responsible for keeping this item up to date."),
    )
    review_interval_months = models.PositiveSmallIntegerField(
        _("review interval (months)"),
        default=12,
        help_text=_("How often the content is checked against the quality criteria."),
    )
    next_review_due = models.DateField(
        _("next review due"),
        null=True,
        blank=True,
        help_text=_("Set when the item passes quality review; an overdue item is flagged."),
    )
    exclude_from_listings = models.BooleanField(_("keep out of newest and popular"), default=False)

    base_form_class = ContentPageForm

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("author_organisation"),
        index.AutocompleteField("title"),
        index.FilterField("locale_id"),
    ]

    classification_panels = [
        FieldPanel("keywords", widget=forms.CheckboxSelectMultiple),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
        FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
        FieldPanel("guidance_settings", widget=forms.CheckboxSelectMultiple),
        FieldPanel("material_languages"),
    ]
    # The read-only "Quality and feedback" panel reads services: the admin layer puts it first
    # on this tab (``add_maintenance_panel``, from GuidanceConfig.ready); models import no
    # panels, forms or services.
    maintenance_panels = [
        FieldPanel("content_owner"),
        FieldRowPanel([FieldPanel("review_interval_months"), FieldPanel("next_review_due")]),
        FieldPanel("licence"),
        FieldPanel("author_organisation"),
    ]
    # Subclasses add their own fields between the common head and tail.
    content_head_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldRowPanel([FieldPanel("hero_image_alt"), FieldPanel("hero_image_credit")]),
            ],
            heading=_("Main image"),
        ),
    ]
    content_tail_panels = [
        FieldPanel("body"),
        FieldPanel("attachments"),
        FieldPanel("external_links"),
    ]
    type_panels = []
    promote_panels = [*Page.promote_panels, FieldPanel("exclude_from_listings")]

    parent_page_types = ["guidance.SectionPage", "guidance.TopicPage"]
    subpage_types = []
    # A concrete base (one table for the shared fields and one through table per taxonomy)
    # lets listings filter, sort and prefetch across all content types in single queries.
    is_creatable = False
    api_type = "content"

    class Meta:
        verbose_name = _("content item")
        verbose_name_plural = _("content items")
        indexes = [models.Index(fields=["next_review_due"])]

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.edit_handler = cls.build_edit_handler()

    @classmethod
    def build_edit_handler(cls):
        """Each content type gets the same tabs, with its own fields in the content tab."""
        return TabbedInterface(
            [
                ObjectList(
                    [*cls.content_head_panels, *cls.type_panels, *cls.content_tail_panels],
                    heading=_("Content"),
                ),
                ObjectList(cls.classification_panels, heading=_("Classification")),
                ObjectList(cls.maintenance_panels, heading=_("Maintenance")),
                ObjectList(cls.promote_panels, heading=_("Promote")),
                ObjectList(cls.settings_panels, heading=_("Settings")),
            ]
        )

    @classmethod
    def add_maintenance_panel(cls, panel):
        """Put ``panel`` first on every content type's Maintenance tab (at start-up)."""
        pending = list(cls.__subclasses__())
        while pending:
            model = pending.pop()
            pending.extend(model.__subclasses__())
            if panel not in model.maintenance_panels:
                model.maintenance_panels = [panel, *model.maintenance_panels]
                model.edit_handler = model.build_edit_handler()

    # Set on a page made from stored content (``with_content_json``: a revision's page, an
    # alias updated from its original): the live revision it was made with. Wagtail's publish
    # action makes a revision's page, sets its live revision to the one it publishes, saves it
    # and then sends ``page_published`` (``being_published``); nothing else changes it.
    _made_from_content = False
    _made_with_live_revision_id: int | None = None

    def with_content_json(self, content):
        page = super().with_content_json(content)
        page._made_from_content = True
        page._made_with_live_revision_id = page.live_revision_id
        return page

    def being_published(self) -> bool:
        """Whether this save is Wagtail's publish action saving the page it publishes (made
        from stored content, its live revision changed since), which ``page_published``
        follows. Answered once: a later save of the same object is a save like any other."""
        published = (
            self._made_from_content and self.live_revision_id != self._made_with_live_revision_id
        )
        self._made_from_content = False
        return published

    @property
    def review_overdue(self):
        return bool(self.next_review_due and self.next_review_due < timezone.localdate())

    def compute_next_review_due(self, from_date: datetime.date | None = None):
        return (from_date or timezone.localdate()) + relativedelta(
            months=self.review_interval_months
        )
