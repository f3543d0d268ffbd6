from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.wagtail_hooks import PermissionMenuItem, report_urls
from guidance import alt_text
from guidance.components import QualityDashboardPanel
from guidance.models import ContentPage, GuidanceSetting, Keyword, Sector, TargetGroup, Theme
from guidance.review_views import ContentPageViewSet
from guidance.rich_text import FrontendPageLinkHandler
from guidance.views import ImportRunReport, QualityStatusReport, TranslationsOutOfSyncReport


class TaxonomyViewSet(SnippetViewSet):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]


class KeywordViewSet(TaxonomyViewSet):
    model = Keyword
    icon = "tag"


class ThemeViewSet(TaxonomyViewSet):
    model = Theme
    icon = "folder-open-inverse"


class TargetGroupViewSet(TaxonomyViewSet):
    model = TargetGroup
    icon = "group"


class SectorViewSet(TaxonomyViewSet):
    model = Sector
    icon = "site"


class GuidanceSettingViewSet(TaxonomyViewSet):
    model = GuidanceSetting
    icon = "resubmit"


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Classification")
    menu_icon = "tag"
    menu_order = 300
    items = (
        KeywordViewSet,
        ThemeViewSet,
        TargetGroupViewSet,
        SectorViewSet,
        GuidanceSettingViewSet,
    )


register_snippet(TaxonomyGroup)


@hooks.register("register_rich_text_features", order=100)
def frontend_page_links(features):
    # Runs after Wagtail's own registration (order=100), so this handler wins.

    features.register_link_type(FrontendPageLinkHandler)


@hooks.register("register_admin_urls")
def register_report_urls():

    return [
        *report_urls("training-imports", ImportRunReport),
        *report_urls("quality-status", QualityStatusReport),
        *report_urls("translations-out-of-sync", TranslationsOutOfSyncReport),
    ]


@hooks.register("register_reports_menu_item")
def register_import_report_menu_item():

    return PermissionMenuItem(
        _("Training imports"),
        reverse("training_imports"),
        name="training-imports",
        icon_name="download",
        order=1010,
        permission="guidance.view_importrun",
    )


@hooks.register("construct_homepage_panels")
def add_quality_dashboard(request, panels):

    panels.append(QualityDashboardPanel())


@hooks.register("register_reports_menu_item")
def register_quality_report_menu_item():

    return MenuItem(
        _("Quality status"),
        reverse("quality_status_report"),
        name="quality-status",
        icon_name="tasks",
        order=990,
    )


@hooks.register("register_reports_menu_item")
def register_sync_report_menu_item():

    return MenuItem(
        _("Translations out of sync"),
        reverse("translations_out_of_sync"),
        name="translations-out-of-sync",
        icon_name="globe",
        order=995,
    )


@hooks.register("register_admin_viewset")
def register_content_page_viewset():

    return ContentPageViewSet("content_pages", model=ContentPage)


def _warn_about_alt_texts(request, page):

    page = page.get_latest_revision_as_object() if isinstance(page, ContentPage) else None
    if page is not None and (missing := alt_text.missing_alt_texts(page)):
        messages.warning(request, alt_text.draft_warning(page, missing))


@hooks.register("after_edit_page")
def warn_about_alt_texts_after_edit(request, page):
    _warn_about_alt_texts(request, page)


@hooks.register("after_create_page")
def warn_about_alt_texts_after_create(request, page):
    _warn_about_alt_texts(request, page)
