from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from cms.wagtail_hooks import PermissionMenuItem
from search.views import SearchAnalyticsView


@hooks.register("register_admin_urls")
def register_search_analytics_url():
    return [path("reports/search/", SearchAnalyticsView.as_view(), name="search_analytics")]


@hooks.register("register_reports_menu_item")
def register_search_analytics_menu_item():
    return PermissionMenuItem(
        _("Search analytics"),
        reverse("search_analytics"),
        name="search-analytics",
        icon_name="search",
        order=900,
        permission="content_search.view_searchquerystat",
    )
