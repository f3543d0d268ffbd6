"""The editors' dashboard panel on the Wagtail admin home page."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from guidance import dashboard


class QualityDashboardPanel(Component):
    name = "quality_dashboard"
    template_name = "guidance/dashboard_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        history = dashboard.status_history()
        return {
            "counts": dashboard.status_counts(),
            "awaiting": dashboard.awaiting_review()[:10],
            "overdue_by_owner": dashboard.overdue_by_owner(),
            "history": history,
            "chart": dashboard.bar_chart(history),
            "status_report_url": reverse("quality_status_report"),
            "sync_report_url": reverse("translations_out_of_sync"),
        }
