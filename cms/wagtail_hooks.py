from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms.views import WebhookDeliveryReport


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/webhooks/", WebhookDeliveryReport.as_view(), name="webhook_deliveries"),
        path(
            "reports/webhooks/results/",
            WebhookDeliveryReport.as_view(results_only=True),
            name="webhook_deliveries_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_webhook_report_menu_item():
    return PermissionMenuItem(
        _("Webhook deliveries"),
        reverse("webhook_deliveries"),
        name="webhook-deliveries",
        icon_name="link-external",
        order=1000,
        permission="cms.view_webhookdelivery",
    )
