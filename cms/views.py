"""Admin views of the project package: the webhook delivery log."""

import django_filters
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from cms.exports import ExportInOneLanguage
from cms.models import WebhookDelivery


class WebhookDeliveryFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=WebhookDelivery.Status.choices, label=_("Status"))
    event = django_filters.CharFilter(lookup_expr="iexact", label=_("Event"))

    class Meta:
        model = WebhookDelivery
        fields = ["status", "event"]


class WebhookDeliveryReport(ExportInOneLanguage, ReportView):
    page_title = _("Webhook deliveries")
    header_icon = "link-external"
    index_url_name = "webhook_deliveries"
    index_results_url_name = "webhook_deliveries_results"
    permission_policy = ModelPermissionPolicy(WebhookDelivery)
    permission_required = "view"
    filterset_class = WebhookDeliveryFilterSet
    model = WebhookDelivery
    columns = [
        DateColumn("created_at", label=_("Created")),
        Column("event", label=_("Event")),
        Column("url", label=_("URL")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("attempts", label=_("Attempts")),
        Column("last_status_code", label=_("Last HTTP status")),
        Column("last_error", label=_("Last error")),
        DateColumn("delivered_at", label=_("Delivered")),
    ]
    list_export = [
        "created_at",
        "event",
        "url",
        "status",
        "attempts",
        "last_status_code",
        "last_error",
        "delivered_at",
        "pk",
    ]
    export_headings = {"pk": "Idempotency-Key"}

    def get_filename(self):
        return "webhook-deliveries"

    @cached_property
    def no_results_message(self):
        if self.is_searching or self.is_filtering:
            return super().no_results_message
        return _(
            "No deliveries yet. One is recorded for each receiver whenever a page is published, "
            "unpublished, moved or deleted, once WEBHOOK_URLS names the receivers (the "
            "frontend's revalidation address); see docs/operations.md."
        )

    def get_queryset(self):
        return WebhookDelivery.objects.order_by("-created_at")
