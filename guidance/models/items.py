"""The five kinds of content item: articles, methods, tools, materials and trainings, each a
``ContentPage`` with fields of its own."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
)
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from guidance.blocks import (
    RICH_TEXT_FEATURES,
    StepBlock,
)
from guidance.models.content import ContentPage, ContentPageForm


class ArticlePage(ContentPage):
    api_type = "article"

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")


class MethodPage(ContentPage):
    goals = RichTextField(_("goals"), features=RICH_TEXT_FEATURES, blank=True)
    duration = models.CharField(
        _("duration"), max_length=100, blank=True, help_text=_("For example “45–60 min”.")
    )
    group_size = models.CharField(
        _("group size"), max_length=100, blank=True, help_text=_("For example “1” or “6–12”.")
    )
    preparation = RichTextField(_("preparation"), features=RICH_TEXT_FEATURES, blank=True)
    steps = StreamField(
        [("step", StepBlock())],
        blank=True,
        verbose_name=_("steps"),
        help_text=_("The method's phases in the order they are done."),
    )
    variations = RichTextField(_("variations"), features=RICH_TEXT_FEATURES, blank=True)
    evidence_base = RichTextField(
        _("theoretical or evidence base"), features=RICH_TEXT_FEATURES, blank=True
    )
    references = RichTextField(_("references"), features=RICH_TEXT_FEATURES, blank=True)

    type_panels = [
        FieldPanel("goals"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("duration"), FieldPanel("group_size")])],
            heading=_("Practicalities"),
        ),
        FieldPanel("preparation"),
        FieldPanel("steps"),
        FieldPanel("variations"),
        FieldPanel("evidence_base"),
        FieldPanel("references"),
    ]
    search_fields = [*ContentPage.search_fields, index.SearchField("goals")]
    api_type = "method"

    class Meta:
        verbose_name = _("method")
        verbose_name_plural = _("methods")


class ToolPage(ContentPage):
    COST_CHOICES = [
        ("free", _("Free")),
        ("freemium", _("Free basic version")),
        ("paid", _("Paid")),
    ]
    tool_url = models.URLField(_("tool address"), blank=True)
    provider = models.CharField(_("provider"), max_length=200, blank=True)
    cost = models.CharField(_("cost"), max_length=16, choices=COST_CHOICES, default="free")
    login_required = models.BooleanField(_("login required"), default=False)
    accessibility_notes = models.TextField(_("accessibility notes"), blank=True)
    instructions = RichTextField(
        _("instructions for use with clients"), features=RICH_TEXT_FEATURES, blank=True
    )

    type_panels = [
        FieldPanel("tool_url"),
        FieldRowPanel([FieldPanel("provider"), FieldPanel("cost"), FieldPanel("login_required")]),
        FieldPanel("accessibility_notes"),
        FieldPanel("instructions"),
    ]
    search_fields = [*ContentPage.search_fields, index.SearchField("provider")]
    api_type = "tool"

    class Meta:
        verbose_name = _("tool")
        verbose_name_plural = _("tools")


class MaterialPage(ContentPage):
    FORMAT_CHOICES = [
        ("worksheet", _("Worksheet")),
        ("exercise", _("Exercise")),
        ("slides", _("Slides")),
        ("video", _("Video")),
        ("audio", _("Audio")),
        ("guide", _("Guide")),
        ("other", _("Other")),
    ]
    USE_MODE_CHOICES = [
        ("self", _("Client uses it alone")),
        ("with_counsellor", _("With a counsellor")),
        ("both", _("Alone or with a counsellor")),
    ]
    material_format = models.CharField(
        _("format"), max_length=16, choices=FORMAT_CHOICES, default="worksheet"
    )
    use_mode = models.CharField(
        _("how it is used"), max_length=16, choices=USE_MODE_CHOICES, default="both"
    )
    instructions = RichTextField(_("instructions"), features=RICH_TEXT_FEATURES, blank=True)

    type_panels = [
        FieldRowPanel([FieldPanel("material_format"), FieldPanel("use_mode")]),
        FieldPanel("instructions"),
    ]
    api_type = "material"

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")


class TrainingPageForm(ContentPageForm):
    """Imported trainings are read-only except for curation: classification and listings."""

    CURATION_FIELDS = {
        "keywords",
        "themes",
        "target_groups",
        "sectors",
        "guidance_settings",
        "exclude_from_listings",
        "comment_notifications",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if getattr(self.instance, "source", "manual") != "manual":
            for name, form_field in self.fields.items():
                if name not in self.CURATION_FIELDS:
                    form_field.disabled = True
                    form_field.required = False
                    form_field.help_text = _("Imported from Opintopolku; changes come from there.")


class TrainingPage(ContentPage):
    FORMAT_CHOICES = [
        ("contact", _("Contact teaching")),
        ("online", _("Online")),
        ("hybrid", _("Hybrid")),
        ("blended", _("Blended")),
    ]
    provider = models.CharField(_("provider"), max_length=300, blank=True)
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    training_format = models.CharField(
        _("format"), max_length=16, choices=FORMAT_CHOICES, blank=True
    )
    registration_url = models.URLField(_("link to the offer"), blank=True, max_length=500)
    credits = models.DecimalField(
        _("extent"), max_digits=6, decimal_places=1, null=True, blank=True
    )
    credit_unit = models.CharField(_("unit of extent"), max_length=60, blank=True)
    places = models.CharField(_("places"), max_length=500, blank=True)
    training_type = models.CharField(_("type of training"), max_length=100, blank=True)

    # Trainings imported from Opintopolku: keyed by the offer's OID, read-only in the admin
    # except for curation fields (placement, classification, listings).
    SOURCE_CHOICES = [("manual", _("Added by an editor")), ("opintopolku", _("Opintopolku"))]
    source = models.CharField(_("source"), max_length=16, choices=SOURCE_CHOICES, default="manual")
    source_id = models.CharField(
        _("source id"), max_length=100, null=True, blank=True, db_index=True, editable=False
    )
    source_hash = models.CharField(max_length=64, blank=True, editable=False)
    source_image_url = models.URLField(max_length=500, blank=True, editable=False)
    retired_at = models.DateTimeField(_("retired"), null=True, blank=True, editable=False)

    type_panels = [
        FieldPanel("provider"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldRowPanel(
            [FieldPanel("training_format"), FieldPanel("credits"), FieldPanel("credit_unit")]
        ),
        FieldPanel("places"),
        FieldPanel("registration_url"),
    ]
    search_fields = [*ContentPage.search_fields, index.SearchField("provider")]
    api_type = "training"
    base_form_class = TrainingPageForm

    class Meta:
        verbose_name = _("training")
        verbose_name_plural = _("trainings")

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end date is before the start date.")})
