from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from guidance.models import GuidanceSetting, Keyword, Sector, TargetGroup, Theme


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
    from guidance.rich_text import FrontendPageLinkHandler

    features.register_link_type(FrontendPageLinkHandler)
