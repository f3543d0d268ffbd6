"""Quality review and maintenance: recording assessments, review dates, the public summary."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.dispatch import Signal
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cms.cache import cached
from guidance.forms import criteria_for_form
from guidance.models import (
    ContentPage,
    CriterionResult,
    QualityAssessment,
    QualityCriteriaSet,
    QualityCriterion,
    ReviewReminder,
)

logger = logging.getLogger(__name__)

# An item's next review date changed without a publish (``translation_key``): what it shows
# changes; ``guidance.signals`` redoes its read-model rows.
review_scheduled = Signal()


@transaction.atomic
def record_review(task, task_state, user, action_name, data):
    """Store the immutable assessment and move the workflow on.

    The form already refused approval with a mandatory criterion unmet for the content type the
    form was shown for; here the real type decides, so a forged form cannot approve.
    """
    page = task_state.workflow_state.content_object.specific
    api_type = getattr(type(page), "api_type", "")
    criteria = [c for c in criteria_for_form() if c.applies_to_type(api_type)]
    results = []
    for criterion in criteria:
        outcome = data.get(f"outcome_{criterion.code}") or CriterionResult.Outcome.DOES_NOT_MEET
        justification = (data.get(f"justification_{criterion.code}") or "").strip() or "—"
        results.append((criterion, outcome, justification))
    unmet = [
        c for c, outcome, _j in results if c.mandatory and outcome != CriterionResult.Outcome.MEETS
    ]
    if action_name == "approve" and unmet:
        logger.warning("approval of page %s refused: mandatory criteria unmet", page.pk)
        action_name = "reject"

    assessment = QualityAssessment.objects.create(
        translation_key=page.translation_key,
        page=page,
        revision=task_state.revision,
        criteria_set=QualityCriteriaSet.current(),
        reviewer=user,
        task_state=task_state,
        result=QualityAssessment.Result.APPROVED
        if action_name == "approve"
        else QualityAssessment.Result.REJECTED,
    )
    CriterionResult.objects.bulk_create(
        [
            CriterionResult(assessment=assessment, criterion=c, outcome=o, justification=j)
            for c, o, j in results
        ]
    )
    if action_name == "approve":
        task_state.approve(user=user, comment="")
        workflow_state = task_state.workflow_state
        workflow_state.refresh_from_db()
        if workflow_state.status == workflow_state.STATUS_APPROVED:
            set_next_review(page)
    else:
        task_state.reject(user=user, comment=rejection_notes(results))


def rejection_notes(results):
    """The per-criterion notes the author sees in the editor."""
    lines = [_("Changes requested against the quality criteria:")]
    for criterion, outcome, justification in results:
        if outcome == CriterionResult.Outcome.DOES_NOT_MEET:
            lines.append(f"• {criterion.title}: {justification}")
    return "\n".join(lines)


def set_next_review(page):
    """After approval: the next review falls due one review interval from today, for every
    language version (they share one review)."""
    due = page.compute_next_review_due()
    ContentPage.objects.filter(translation_key=page.translation_key).update(next_review_due=due)
    review_scheduled.send(sender=ContentPage, translation_key=page.translation_key)
    return due


# --- The public summary ---------------------------------------------------------------------


def latest_approval_subquery():
    return Subquery(
        QualityAssessment.objects.filter(
            translation_key=OuterRef("translation_key"), result=QualityAssessment.Result.APPROVED
        )
        .order_by("-created_at")
        .values("created_at")[:1]
    )


def quality_status(last_approved_at, next_review_due, today=None):
    """``today``: the local date, when the caller has it already (a listing asks once)."""
    if next_review_due and next_review_due < (today or timezone.localdate()):
        return "review_overdue"
    if last_approved_at:
        return "approved"
    return "not_reviewed"


def quality_summary(page, language):
    """Status, criteria-set version, assessed date, next review due and each criterion's result
    with its title in ``language``. Reviewer identities and justifications stay internal.

    Cached until content changes (an approval publishes, which bumps the content version) or
    the day changes (a review falls due)."""

    return cached(
        ["quality-summary", page.translation_key, language, timezone.localdate(), page.pk],
        lambda: _quality_summary(page, language),
        timeout=3600,
    )


def _quality_summary(page, language):
    return quality_summaries([page], [language])[page.pk, language]


def quality_summaries(pages, languages):
    """{(page id, language): summary} for many pages at once (the read model's rebuild), in
    three queries whatever their number: each language version's own latest approval (a
    translation is reviewed in its own language), its results and the criteria's titles."""

    page_ids = [page.pk for page in pages]
    assessments = {
        assessment.page_id: assessment
        for assessment in QualityAssessment.objects.filter(
            page_id__in=page_ids, result=QualityAssessment.Result.APPROVED
        )
        .select_related("criteria_set")
        .order_by("page_id", "-created_at")
        .distinct("page_id")
    }
    results = {}
    for result in CriterionResult.objects.filter(
        assessment__in=list(assessments.values())
    ).select_related("criterion"):
        results.setdefault(result.assessment_id, []).append(result)
    keys = {r.criterion.translation_key for rows in results.values() for r in rows}
    titles = {
        (key, code): title
        for key, code, title in QualityCriterion.objects.filter(
            translation_key__in=keys, locale__language_code__in=list(languages)
        ).values_list("translation_key", "locale__language_code", "title")
    }
    summaries = {}
    for page in pages:
        assessment = assessments.get(page.pk)
        rows = results.get(assessment.pk, []) if assessment else []
        for language in languages:
            summaries[page.pk, language] = {
                "status": quality_status(
                    assessment.created_at if assessment else None, page.next_review_due
                ),
                "criteria_set_version": assessment.criteria_set.version if assessment else None,
                "assessed_at": assessment.created_at if assessment else None,
                "next_review_due": page.next_review_due,
                "criteria": [
                    {
                        "code": r.criterion.code,
                        "title": titles.get(
                            (r.criterion.translation_key, language), r.criterion.title
                        ),
                        "mandatory": r.criterion.mandatory,
                        "result": r.outcome,
                    }
                    for r in rows
                ],
            }
    return summaries


# --- Maintenance ----------------------------------------------------------------------------


def overdue_items():
    """Live Finnish (canonical) items whose review date has passed."""
    return (
        ContentPage.objects.live()
        .filter(
            locale__language_code=settings.LANGUAGE_CODE, next_review_due__lt=timezone.localdate()
        )
        .select_related("content_owner")
        .order_by("next_review_due")
    )


def run_review_maintenance(stdout=None):
    """Daily: tell each overdue item's owner once and start its re-review once. Nothing is
    unpublished. Returns counts."""
    emailed = started = 0
    for page in overdue_items():
        reminder, _created = ReviewReminder.objects.get_or_create(
            translation_key=page.translation_key, due_date=page.next_review_due
        )
        if reminder.owner_email_sent_at is None and page.content_owner and page.content_owner.email:
            with translation.override(settings.LANGUAGE_CODE):
                send_mail(
                    subject=_("Review due: %(title)s") % {"title": page.title},
                    message=_(
                        "The content item “%(title)s” was due for its quality review on %(due)s. "
                        "Its re-review has been started; check it in the admin: %(url)s"
                    )
                    % {
                        "title": page.title,
                        "due": page.next_review_due.strftime("%d.%m.%Y"),
                        "url": f"{settings.WAGTAILADMIN_BASE_URL}/admin/pages/{page.pk}/edit/",
                    },
                    from_email=settings.DEFAULT_FROM_EMAIL,
                    recipient_list=[page.content_owner.email],
                )
            ReviewReminder.objects.filter(pk=reminder.pk).update(owner_email_sent_at=timezone.now())
            emailed += 1
        if reminder.workflow_started_at is None:
            if page.latest_revision_id is None:  # bulk-created or imported: no revision yet
                page.specific.save_revision(log_action=False)
            in_progress = page.workflow_in_progress
            workflow = page.get_workflow()
            if not in_progress and workflow is not None:
                workflow.start(page.specific, user=None)
                started += 1
            ReviewReminder.objects.filter(pk=reminder.pk).update(workflow_started_at=timezone.now())
    return {"emailed": emailed, "started": started}
