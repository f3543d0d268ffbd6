"""Quality criteria, immutable assessments, the review workflow task, feedback and reminders."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import QuerySet, Subquery
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    AbstractGroupApprovalTask,
    Revision,
    TaskState,
    TranslatableMixin,
    WorkflowState,
)
from wagtail_localize.fields import SynchronizedField, TranslatableField

from guidance import alt_text

CONTENT_TYPE_CHOICES = [
    ("article", _("article")),
    ("method", _("method")),
    ("tool", _("tool")),
    ("material", _("material")),
    ("training", _("training")),
]


class QualityCriteriaSet(models.Model):
    """A published version of the criteria. Assessments record which version they used."""

    version = models.PositiveIntegerField(_("version"), unique=True)
    title = models.CharField(_("title"), max_length=200)
    valid_from = models.DateField(_("valid from"))
    is_current = models.BooleanField(_("current"), default=False)

    class Meta:
        verbose_name = _("quality criteria set")
        verbose_name_plural = _("quality criteria sets")
        ordering = ["-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=models.Q(is_current=True),
                name="one_current_criteria_set",
            )
        ]

    def __str__(self):
        return f"{self.title} (v{self.version})"

    @classmethod
    def current(cls):
        return cls.objects.filter(is_current=True).first()


class QualityCriterion(TranslatableMixin, models.Model):
    criteria_set = models.ForeignKey(
        QualityCriteriaSet,
        on_delete=models.PROTECT,
        related_name="criteria",
        verbose_name=_("criteria set"),
    )
    code = models.SlugField(_("code"), max_length=40)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    reviewer_guidance = models.TextField(_("guidance for reviewers"), blank=True)
    mandatory = models.BooleanField(_("mandatory"), default=True)
    applies_to = models.JSONField(
        _("applies to"),
        default=list,
        help_text=_("Content types the criterion applies to; empty means all."),
    )

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("description"),
        TranslatableField("reviewer_guidance"),
        SynchronizedField("code"),
        SynchronizedField("mandatory"),
        SynchronizedField("applies_to"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("quality criterion")
        verbose_name_plural = _("quality criteria")
        ordering = ["criteria_set", "sort_order", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["criteria_set", "code", "locale"], name="unique_criterion_code_per_set"
            )
        ]

    def __str__(self):
        return f"{self.code}: {self.title}"

    def applies_to_type(self, api_type):
        return not self.applies_to or api_type in self.applies_to


class ImmutableModel(models.Model):
    """Written once: an assessment is evidence, so it is never changed or deleted."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and type(self).objects.filter(pk=self.pk).exists():
            raise ValidationError(_("Quality assessments cannot be changed."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Quality assessments cannot be deleted."))


class QualityAssessment(ImmutableModel):
    class Result(models.TextChoices):
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("changes requested")

    translation_key = models.UUIDField(_("content item"), db_index=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("page"),
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("revision"),
    )
    criteria_set = models.ForeignKey(
        QualityCriteriaSet,
        on_delete=models.PROTECT,
        related_name="assessments",
        verbose_name=_("criteria set"),
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("reviewer"),
    )
    task_state = models.ForeignKey(
        "wagtailcore.TaskState", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    result = models.CharField(_("result"), max_length=12, choices=Result.choices)
    created_at = models.DateTimeField(_("assessed at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("quality assessment")
        verbose_name_plural = _("quality assessments")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_result_display()} {self.created_at:%Y-%m-%d}"


class CriterionResult(ImmutableModel):
    class Outcome(models.TextChoices):
        MEETS = "meets", _("meets")
        DOES_NOT_MEET = "does_not_meet", _("does not meet")
        NOT_APPLICABLE = "not_applicable", _("not applicable")

    assessment = models.ForeignKey(
        QualityAssessment, on_delete=models.CASCADE, related_name="results"
    )
    criterion = models.ForeignKey(QualityCriterion, on_delete=models.PROTECT, related_name="+")
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices)
    justification = models.TextField(_("justification"))

    class Meta:
        verbose_name = _("criterion result")
        verbose_name_plural = _("criterion results")
        ordering = ["criterion__sort_order"]


# A review step on a page in one of these languages is for members of its group (people who read
# that language); Finnish pages for everyone the step names. Membership is given in the admin
# (Settings → Groups); the groups carry no permissions of their own.
REVIEW_LANGUAGE_GROUPS = {"sv": "Reviews in Swedish", "en": "Reviews in English"}


def reads_language(user, language_code: str) -> bool:
    group = REVIEW_LANGUAGE_GROUPS.get(language_code)
    if group is None or user.is_superuser:
        return True
    # Asked for every action of every page a dashboard lists: read the groups once per user
    # object (one request).
    if not hasattr(user, "_review_group_names"):
        user._review_group_names = set(user.groups.values_list("name", flat=True))
    return group in user._review_group_names


def page_language(obj) -> str:
    locale = getattr(obj, "locale", None)
    return locale.language_code if locale is not None else settings.LANGUAGE_CODE


def page_revisions(workflow_state: WorkflowState) -> QuerySet[Revision]:
    """Every revision of the page ``workflow_state`` reviews, without loading the page."""
    return Revision.objects.filter(
        base_content_type_id=workflow_state.base_content_type_id,
        object_id=workflow_state.object_id,
    )


def revision_authors(task_state: TaskState) -> set[int]:
    """Who saved the work a review step assesses: every revision of this round of review, from
    the one submitted to the workflow up to the one the step started on. An earlier step's
    reviewer who fixed a typo while approving saved the revision the step starts on, but the
    work is still the author's as well as theirs. One query."""
    workflow_state = task_state.workflow_state
    first_revision = (
        TaskState.objects.filter(workflow_state_id=workflow_state.pk)
        .order_by("pk")
        .values("revision_id")[:1]
    )
    return set(
        page_revisions(workflow_state)
        .filter(
            pk__gte=Subquery(first_revision),
            pk__lte=task_state.revision_id,
            user__isnull=False,
        )
        .values_list("user_id", flat=True)
    )


class SeparationOfDuties(models.Model):
    """Nobody approves their own work: whoever saved a revision under review in this round
    (``revision_authors``) sees no "approve" on this step, and Wagtail refuses an action that
    is not offered (its workflow view checks ``get_actions``); ``on_action`` refuses again on
    its own."""

    separate_duties = models.BooleanField(
        _("the author may not approve"),
        default=True,
        help_text=_("The person who saved the revision under review cannot approve this step."),
    )

    class Meta:
        abstract = True

    def is_revision_author(self, obj, user) -> bool:
        if not self.separate_duties or not user or not user.is_authenticated:
            return False
        state = getattr(obj, "current_workflow_task_state", None)
        if state is None:
            revision = obj.get_latest_revision()
            return revision is not None and revision.user_id == user.pk
        return user.pk in revision_authors(state)

    def refusal_reason(self, obj, user, action_name: str) -> str | None:
        """Why ``user`` may not take ``action_name`` on ``obj`` at this step, or None. The one
        rule: the admin offers only what it allows (``get_actions``), the server refuses the
        rest (``on_action``), and the refusal message says this reason."""
        if not reads_language(user, page_language(obj)):
            return _("This step is for reviewers who read %(language)s.") % {
                "language": obj.locale.get_display_name()
            }
        if action_name == "approve" and self.is_revision_author(obj, user):
            return _("You cannot approve your own revision.")
        return None

    def get_actions(self, obj, user):
        return self.allowed(obj, user, super().get_actions(obj, user))

    def allowed(self, obj, user, actions):
        return [action for action in actions if not self.refusal_reason(obj, user, action[0])]

    def refuse_approval(self, task_state, user, action_name):
        """The rule above, and nothing is approved that could not be published (an image
        without alt text in the page's language)."""
        page = task_state.revision.as_object()
        if reason := self.refusal_reason(page, user, action_name):
            raise PermissionDenied(reason)
        if action_name == "approve" and (missing := alt_text.missing_alt_texts(page)):
            raise ValidationError(alt_text.refusal(page, missing))

    def on_action(self, task_state, user, action_name, **kwargs):
        self.refuse_approval(task_state, user, action_name)
        return super().on_action(task_state, user, action_name, **kwargs)


class ContentCheckTask(SeparationOfDuties, AbstractGroupApprovalTask):
    """The editorial group's content check, the workflow's first step."""

    class Meta:
        verbose_name = _("Content check task")
        verbose_name_plural = _("Content check tasks")

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups check the content; not the revision's author")


class QualityReviewTask(SeparationOfDuties, AbstractGroupApprovalTask):
    """The reviewer records, per criterion, meets / does not meet / not applicable with a
    justification. Approval is refused while a mandatory criterion is not met."""

    class Meta:
        verbose_name = _("Quality review task")
        verbose_name_plural = _("Quality review tasks")

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups assess the item against the quality criteria")

    def get_actions(self, obj, user):
        if not (user.is_superuser or self._user_in_groups(user)):
            return []
        actions = [
            ("reject", _("Return with notes"), True),
            ("approve", _("Approve against the criteria"), True),
        ]
        return self.allowed(obj, user, actions)

    # The review form (guidance.forms) and the recording of a review (guidance.quality) import
    # the models; GuidanceConfig.ready() plugs them in here, so models import neither.
    review_form = None  # action name → form class
    record_review = None  # (task, task_state, user, action_name, form data) → result

    def get_form_for_action(self, action):
        return type(self).review_form(action)

    def get_template_for_action(self, action):
        return "guidance/quality_review_modal.html"

    def on_action(self, task_state, user, action_name, **kwargs):
        self.refuse_approval(task_state, user, action_name)
        return type(self).record_review(self, task_state, user, action_name, kwargs)


class ContentFeedback(models.Model):
    """ "Was this helpful?" from counsellors, anonymous, keyed by translation_key."""

    translation_key = models.UUIDField(_("content item"), db_index=True)
    locale = models.CharField(_("language"), max_length=8)
    helpful = models.BooleanField(_("helpful"))
    comment = models.TextField(_("comment"), blank=True, max_length=500)
    created_at = models.DateTimeField(_("given at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-created_at"]


class ReviewReminder(models.Model):
    """One row per item and due date: the owner is told once, and the re-review starts once."""

    translation_key = models.UUIDField(db_index=True)
    due_date = models.DateField()
    owner_email_sent_at = models.DateTimeField(null=True, blank=True)
    workflow_started_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "due_date"], name="one_reminder_per_due_date"
            )
        ]
