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


def report_urls(prefix, view_class):
    """A report's page and its results-only view (for filtering), named after the view's
    ``index_url_name`` and ``index_results_url_name``."""
    return [
        path(f"reports/{prefix}/", view_class.as_view(), name=view_class.index_url_name),
        path(
            f"reports/{prefix}/results/",
            view_class.as_view(results_only=True),
            name=view_class.index_results_url_name,
        ),
    ]


@hooks.register("register_admin_urls")
def register_report_urls():
    return report_urls("webhooks", WebhookDeliveryReport)


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
