from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.userbar import ContentCheckerItem

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


class ContentChecker(ContentCheckerItem):
    """Wagtail's content checker, as run in the editor's Checks panel and the userbar.

    On top of Wagtail's defaults (heading order, empty headings, alt text that is a file name,
    empty link and button names …) it checks that every image has alternative text and that the
    text does not merely repeat the caption around it. Alt text is required when an image is
    uploaded; this catches images placed in rich text and embeds.
    """

    axe_run_only = [
        *ContentCheckerItem.axe_run_only,
        "image-alt",
        "image-redundant-alt",
    ]
    axe_messages = {
        **ContentCheckerItem.axe_messages,
        "image-alt": {
            "error_name": _("Image has no alternative text"),
            "help_text": _("Describe the image for readers who cannot see it"),
        },
        "image-redundant-alt": {
            "error_name": _("Alternative text repeats the text next to the image"),
            "help_text": _("Say what the image shows, not its caption again"),
        },
    }


@hooks.register("construct_wagtail_userbar")
def use_the_project_content_checker(request, items, page=None):
    items[:] = [
        ContentChecker(in_editor=item.in_editor)
        if isinstance(item, ContentCheckerItem) and not isinstance(item, ContentChecker)
        else item
        for item in items
    ]
