"""The editors' search analytics: what counsellors look for, and what they do not find."""

from django.core.exceptions import PermissionDenied
from django.db.models import Max, Sum
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from search import statistics
from search.models import SearchQueryStat

PERIODS = {4: _("last 4 weeks"), 12: _("last 12 weeks"), 52: _("last 52 weeks")}


def weekly_chart(weeks, width=640, height=200):
    """Bars of searches per week with the zero-result part in a second colour (SVG geometry)."""
    top = max([w["searches"] for w in weeks] + [1])
    slot = width / max(len(weeks), 1)
    bars, labels = [], []
    for index, week in enumerate(weeks):
        x = round(index * slot + 4, 1)
        w = round(slot - 8, 1)
        total_h = round(week["searches"] / top * (height - 20), 1)
        zero_h = round(week["zero_results"] / top * (height - 20), 1)
        bars.append(
            {
                "x": x,
                "w": w,
                "y": round(height - total_h, 1),
                "h": round(total_h - zero_h, 1),
                "zero_y": round(height - zero_h, 1),
                "zero_h": zero_h,
                "week": week["week"],
                "searches": week["searches"],
                "zero_results": week["zero_results"],
            }
        )
        labels.append(
            {"x": round(index * slot + slot / 2, 1), "text": week["week"].strftime("%d.%m.")}
        )
    return {"width": width, "height": height, "bars": bars, "labels": labels}


class SearchAnalyticsView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Search analytics")
    header_icon = "search"
    template_name = "search/analytics.html"
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": _("Home")},
        {"url": "", "label": _("Search analytics")},
    ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("content_search.view_searchquerystat"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            weeks = int(self.request.GET.get("weeks", 12))
        except ValueError:
            weeks = 12
        weeks = weeks if weeks in PERIODS else 12
        totals = statistics.weekly_totals(weeks)
        first = totals[0]["week"]
        stats = SearchQueryStat.objects.filter(week__gte=first)
        totals_by_query = {
            "searches": Sum("searches"),
            "zero_results": Sum("zero_results"),
            "corrected": Max("corrected_query"),
        }
        grouped = stats.values("query", "language").annotate(**totals_by_query)
        misspelled = (
            stats.exclude(corrected_query="")
            .values("query", "language")
            .annotate(**totals_by_query)
            .order_by("-searches", "query")[:25]
        )
        context.update(
            weeks=weeks,
            periods=PERIODS,
            totals=totals,
            chart=weekly_chart(totals),
            total_searches=sum(w["searches"] for w in totals),
            total_zero=sum(w["zero_results"] for w in totals),
            popular=grouped.order_by("-searches", "query")[:25],
            zero=grouped.filter(zero_results__gt=0).order_by("-zero_results", "query")[:25],
            misspelled=misspelled,
        )
        return context
