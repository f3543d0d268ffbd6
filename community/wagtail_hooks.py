from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from cms.wagtail_hooks import PermissionMenuItem
from community.models import ContentSuggestion, DiscussionArea
from community.views import ModerationQueueView
from community.visibility import MODERATE_PERMISSION


class DiscussionAreaViewSet(SnippetViewSet):
    model = DiscussionArea
    icon = "group"
    menu_label = _("Discussion areas")
    list_display = ["name", "slug", "sort_order"]


class ContentSuggestionViewSet(SnippetViewSet):
    """The editors' inbox of counsellors' suggestions."""

    model = ContentSuggestion
    icon = "mail"
    menu_label = _("Content suggestions")
    list_display = ["title", "url", "status", "created_at"]
    list_filter = ["status", "language"]
    list_export = ["title", "url", "description", "status", "language", "created_at"]
    form_fields = ["status", "editor_note"]
    inspect_view_enabled = True
    add_to_admin_menu = True
    menu_order = 250


register_snippet(DiscussionAreaViewSet)
register_snippet(ContentSuggestionViewSet)


@hooks.register("register_admin_urls")
def register_moderation_url():
    return [path("moderation/", ModerationQueueView.as_view(), name="moderation_queue")]


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return PermissionMenuItem(
        _("Moderation"),
        reverse("moderation_queue"),
        name="moderation",
        icon_name="warning",
        order=240,
        permission=MODERATE_PERMISSION,
    )


@hooks.register("register_log_actions")
def register_moderation_log_actions(actions):
    actions.register_action("community.post.hide", _("Hide post"), _("Post hidden by a moderator"))
    actions.register_action("community.post.restore", _("Restore post"), _("Post restored"))
    actions.register_action(
        "community.post.delete", _("Delete post"), _("Post deleted by a moderator")
    )
    actions.register_action(
        "community.reports.dismiss", _("Dismiss reports"), _("Reports dismissed")
    )
    actions.register_action("community.thread.lock", _("Lock thread"), _("Thread locked"))
    actions.register_action("community.thread.unlock", _("Unlock thread"), _("Thread unlocked"))
    actions.register_action("community.user.suspend", _("Suspend user"), _("Posting suspended"))
