"""The moderation queue in the Wagtail admin."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from community import moderation
from community.models import CommunitySettings, Post
from community.visibility import MODERATE_PERMISSION

ACTION_LABELS = {
    "hide": gettext_lazy("Hide"),
    "restore": gettext_lazy("Restore"),
    "delete": gettext_lazy("Delete"),
    "dismiss": gettext_lazy("Dismiss reports"),
    "lock": gettext_lazy("Lock thread"),
    "unlock": gettext_lazy("Unlock thread"),
    "suspend": gettext_lazy("Suspend author"),
}


class ModerationQueueView(WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Moderation queue")
    header_icon = "warning"
    template_name = "community/admin/moderation_queue.html"
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": gettext_lazy("Home")},
        {"url": "", "label": gettext_lazy("Moderation queue")},
    ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(MODERATE_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            posts=moderation.queue()[:100],
            actions=ACTION_LABELS,
            settings_object=CommunitySettings.load(),
        )
        return context

    def post(self, request, *args, **kwargs):
        post = get_object_or_404(
            Post.objects.select_related("thread", "author"), pk=request.POST.get("post")
        )
        action = request.POST.get("action")
        if action not in ACTION_LABELS:
            messages.error(request, _("Unknown action."))
            return redirect("moderation_queue")
        try:
            days = int(request.POST.get("days") or 7)
        except ValueError:
            days = 7
        try:
            moderation.moderate(
                request.user, post, action, note=request.POST.get("note", ""), days=days
            )
        except ValueError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                _("%(action)s: post %(post)s in “%(thread)s”.")
                % {"action": ACTION_LABELS[action], "post": post.pk, "thread": post.thread.title},
            )
        return redirect("moderation_queue")
