"""Editors' quality dashboard: counts, the collection by status over time, overdue by owner."""

import datetime
from collections import Counter, defaultdict

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db.models import Case, CharField, F, OuterRef, Q, Subquery, Value, When
from django.utils import timezone
from wagtail.models import TaskState

from guidance.models import ContentPage, QualityAssessment, QualityReviewTask
from guidance.quality import latest_approval_subquery

STATUSES = ["approved", "review_overdue", "not_reviewed"]


def with_quality_status(queryset):
    """Annotate ``quality_status`` (approved, review_overdue, not_reviewed) in SQL."""
    today = timezone.localdate()
    return queryset.annotate(last_approved_at=latest_approval_subquery()).annotate(
        quality_status=Case(
            When(next_review_due__lt=today, then=Value("review_overdue")),
            When(last_approved_at__isnull=False, then=Value("approved")),
            default=Value("not_reviewed"),
            output_field=CharField(),
        )
    )


def collection():
    """Live items in the default language (each item counted once, not per translation)."""
    return ContentPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE)


def status_counts():
    counts = Counter(with_quality_status(collection()).values_list("quality_status", flat=True))
    return {status: counts.get(status, 0) for status in STATUSES}


def awaiting_review():
    """Pages currently at the quality review step."""
    return (
        TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            task__in=QualityReviewTask.objects.all(),
        )
        .select_related("workflow_state")
        .order_by("started_at")
    )


def overdue_by_owner(limit=10):
    rows = (
        with_quality_status(collection())
        .filter(quality_status="review_overdue")
        .select_related("content_owner")
        .order_by("next_review_due")
    )
    owners = defaultdict(list)
    for page in rows:
        owner = str(page.content_owner) if page.content_owner else "—"
        owners[owner].append(page)
    ordered = sorted(owners.items(), key=lambda kv: -len(kv[1]))
    return ordered[:limit]


def status_history(months=12):
    """For each of the last ``months`` month ends: how many published items were approved,
    overdue and never reviewed at that time."""
    today = timezone.localdate()
    ends = [
        (today.replace(day=1) - relativedelta(months=offset))
        + relativedelta(months=1)
        - datetime.timedelta(days=1)
        for offset in range(months - 1, -1, -1)
    ]
    pages = list(
        collection().values_list("translation_key", "first_published_at", "review_interval_months")
    )
    approvals = defaultdict(list)
    for key, created in QualityAssessment.objects.filter(result="approved").values_list(
        "translation_key", "created_at"
    ):
        approvals[key].append(created.date())
    history = []
    for end in ends:
        counts = Counter()
        for key, published, interval in pages:
            if published is None or published.date() > end:
                continue
            approved_before = [d for d in approvals.get(key, []) if d <= end]
            if not approved_before:
                counts["not_reviewed"] += 1
            elif max(approved_before) + relativedelta(months=interval or 12) < end:
                counts["review_overdue"] += 1
            else:
                counts["approved"] += 1
        history.append({"month": end.strftime("%Y-%m"), **{s: counts.get(s, 0) for s in STATUSES}})
    return history


def bar_chart(history, width=640, height=220):
    """Stacked bars as SVG geometry for the template (no JavaScript needed)."""
    colours = {"approved": "#1a7f37", "review_overdue": "#b35900", "not_reviewed": "#5a5f66"}
    top = max([sum(row[s] for s in STATUSES) for row in history] + [1])
    slot = width / max(len(history), 1)
    bars = []
    for index, row in enumerate(history):
        y = height
        for status in STATUSES:
            value = row[status]
            h = round(value / top * (height - 20), 1)
            y -= h
            bars.append(
                {
                    "x": round(index * slot + 4, 1),
                    "y": round(y, 1),
                    "w": round(slot - 8, 1),
                    "h": h,
                    "fill": colours[status],
                    "status": status,
                    "value": value,
                    "month": row["month"],
                }
            )
    labels = [
        {"x": round(index * slot + slot / 2, 1), "text": row["month"][5:]}
        for index, row in enumerate(history)
    ]
    return {
        "width": width,
        "height": height,
        "bars": bars,
        "labels": labels,
        "colours": colours,
        "top": top,
    }


def out_of_sync_translations():
    """Translations published before the latest publish of their Finnish source."""
    source = ContentPage.objects.live().filter(
        translation_key=OuterRef("translation_key"), locale__language_code=settings.LANGUAGE_CODE
    )
    return (
        ContentPage.objects.live()
        .exclude(locale__language_code=settings.LANGUAGE_CODE)
        .annotate(
            source_published_at=Subquery(source.values("last_published_at")[:1]),
            source_title=Subquery(source.values("title")[:1]),
        )
        .filter(Q(source_published_at__gt=F("last_published_at")))
        .select_related("locale")
        .order_by("-source_published_at")
    )
