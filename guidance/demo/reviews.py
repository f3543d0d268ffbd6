"""The demo items' reviews: approved ones assessed within the last ten months, overdue ones more
than one review interval ago, each with a real assessment against the criteria."""

import datetime
from typing import Any

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.utils import timezone

from guidance import read_model
from guidance.models import CriterionResult, QualityAssessment, QualityCriteriaSet, QualityCriterion

REVIEW_INTERVAL_MONTHS = 12


def assessed_on(status: str, index: int) -> datetime.date | None:
    """When a demo item passed review: approved ones within the last ten months, overdue ones
    more than one review interval ago, so the status they show follows from the dates."""
    today = timezone.localdate()
    if status == "overdue":
        return today - relativedelta(months=REVIEW_INTERVAL_MONTHS, days=14 + index)
    if status == "approved":
        return today - datetime.timedelta(days=20 + (7 * index) % 280)
    return None


def review_due(status: str, index: int) -> datetime.date | None:
    assessed = assessed_on(status, index)
    return assessed + relativedelta(months=REVIEW_INTERVAL_MONTHS) if assessed else None


def assess(page: Any, review: str, reviewer: Any, index: int) -> None:
    """Approved and overdue demo items carry a real assessment against the criteria."""
    if review == "none" or QualityAssessment.objects.filter(page=page).exists():
        return
    criteria_set = QualityCriteriaSet.current()
    criteria = [
        c
        for c in QualityCriterion.objects.filter(
            criteria_set=criteria_set, locale__language_code=settings.LANGUAGE_CODE
        )
        if c.applies_to_type(page.api_type)
    ]
    assessment = QualityAssessment.objects.create(
        translation_key=page.translation_key,
        page=page,
        revision=page.live_revision,
        criteria_set=criteria_set,
        reviewer=reviewer,
        result=QualityAssessment.Result.APPROVED,
    )
    CriterionResult.objects.bulk_create(
        [
            CriterionResult(
                assessment=assessment,
                criterion=c,
                outcome="meets" if c.mandatory or c.code != "plain-language" else "not_applicable",
                justification="Tarkistettu demoaineiston laatuarvioinnissa.",
            )
            for c in criteria
        ]
    )
    # Backdated: the assessment was made one review interval before the due date.
    assessed = timezone.make_aware(
        datetime.datetime.combine(assessed_on(review, index), datetime.time(10, 30))
    )
    QualityAssessment.objects.filter(pk=assessment.pk).update(created_at=assessed)
    # Recorded after publishing (the admin's review publishes after it): show it.
    read_model.refresh([page.translation_key])
