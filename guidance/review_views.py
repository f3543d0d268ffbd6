"""What a reviewer sees after acting on a review step: one message, on a page they may open.

Wagtail's workflow action sends the reviewer back to the page's edit view, which a reviewer who
may review but not edit the page cannot open ("Sorry, you do not have permission…"), and says
nothing about the result; a refused action (an author approving their own revision, an image
without alt text) ends in a bare 403 or 500. Here the action runs in a transaction, the result or
the refusal is one message, and the reviewer lands on the edit view if they may edit the page,
otherwise on their dashboard with its list of pages awaiting review.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import WorkflowState


def _refusal_text(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error) or _("You cannot take this action on this review step.")


class ReviewActionView(WorkflowActionView):
    def get_redirect_url(self):
        url = super().get_redirect_url()
        if url == reverse(self.redirect_url_name, args=(self.kwargs.get("page_id"),)):
            page = self.model.objects.filter(pk=self.kwargs.get("page_id")).first()
            if page is None or not page.permissions_for_user(self.request.user).can_edit():
                return reverse("wagtailadmin_home")
        return url

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except (PermissionDenied, ValidationError) as error:
            messages.error(request, self.refusal_text(error))
            return self.finish()

    def refusal_text(self, error: Exception) -> str:
        # The approve action is not offered to the revision's author, so Wagtail's own check
        # refuses it without a reason; say the reason.
        task = getattr(self, "task", None)
        if (
            self.action_name == "approve"
            and hasattr(task, "is_revision_author")
            and task.is_revision_author(self.object, self.request.user)
        ):
            return _("You cannot approve your own revision.")
        return _refusal_text(error)

    def post(self, request, *args, **kwargs):
        title = self.object.get_admin_display_title()
        with transaction.atomic():
            response = super().post(request, *args, **kwargs)
        if self.task_state.__class__.objects.filter(
            pk=self.task_state.pk, status=self.task_state.STATUS_IN_PROGRESS
        ).exists():
            return response  # the form was shown again with its errors
        messages.success(request, self.result_message(title))
        return response

    def result_message(self, title: str) -> str:
        self.task_state.refresh_from_db()
        workflow_state = self.task_state.workflow_state
        workflow_state.refresh_from_db()
        if self.task_state.status == self.task_state.STATUS_REJECTED:
            return _("“%(title)s” was returned to its author with your notes.") % {"title": title}
        if workflow_state.status == WorkflowState.STATUS_APPROVED:
            return _("“%(title)s” was approved and published.") % {"title": title}
        next_task = workflow_state.current_task_state
        return _("“%(title)s” was approved and moved on to “%(step)s”.") % {
            "title": title,
            "step": next_task.task.name if next_task else "",
        }

    def finish(self):
        if self.request.headers.get("x-requested-with") == "XMLHttpRequest":
            return self.render_modal_json(
                self.request, {"step": "success", "redirect": self.redirect_url}
            )
        return redirect(self.redirect_url)


class ContentPageViewSet(PageViewSet):
    """Content pages' admin views: Wagtail's, with the review action above."""

    workflow_action_view_class = ReviewActionView
