"""What a reviewer sees after acting on a review step: one message, on a page they may open.

Wagtail's workflow action sends the reviewer back to the page's edit view, which a reviewer who
may review but not edit the page cannot open ("Sorry, you do not have permission…"), and says
nothing about the result; a refused action (an author approving their own revision, an image
without alt text) ends in a bare 403 or 500. Here the action runs in a transaction, the result or
the refusal is one message, and the reviewer lands on the edit view if they may edit the page,
otherwise on their dashboard with its list of pages awaiting review. A save and an approval of
the same page run one after the other (``guidance.locking``).
"""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, WorkflowState

from guidance.edits import has_edits
from guidance.locking import lock_pages

logger = logging.getLogger(__name__)


def _refusal_text(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error) or _("You cannot take this action on this review step.")


def after_review_url(page_id: int, user) -> str:
    """The page's edit view if the reviewer may still edit it (not locked for the next step's
    reviewers), else their dashboard with what else awaits them."""
    page = Page.objects.filter(pk=page_id).first()
    if page is not None and page.specific.permissions_for_user(user).can_edit():
        lock = page.specific.get_lock()
        if lock is None or not lock.for_user(user):
            return reverse("wagtailadmin_pages:edit", args=(page_id,))
    return reverse("wagtailadmin_home")


def result_message(task_state, title: str) -> str:
    """What the action did, in one sentence."""
    task_state.refresh_from_db()
    workflow_state = task_state.workflow_state
    workflow_state.refresh_from_db()
    if task_state.status == task_state.STATUS_REJECTED:
        return _("“%(title)s” was returned to its author with your notes.") % {"title": title}
    if workflow_state.status == WorkflowState.STATUS_APPROVED:
        return _("“%(title)s” was approved and published.") % {"title": title}
    next_task = workflow_state.current_task_state
    return _("“%(title)s” was approved and moved on to “%(step)s”.") % {
        "title": title,
        "step": next_task.task.name if next_task else "",
    }


def _reason(task, page, user, action_name: str, error: Exception) -> str:
    # An action the task does not offer is refused by Wagtail's own check without a reason;
    # the task's rule (guidance.models.quality) says which.
    rule = getattr(task, "refusal_reason", None)
    return (rule(page, user, action_name) if rule else None) or _refusal_text(error)


def refusal_text(task, page, user, action_name: str, error: Exception) -> str:
    """The refusal's reason for the reviewer's message. The operators' log says it too, in
    English: a refused action is a page that cannot be published yet or a forged request."""
    with translation.override("en"):
        logger.warning(
            "review action %r on page %s refused for user %s: %s",
            action_name,
            getattr(page, "pk", None),
            getattr(user, "pk", None),
            _reason(task, page, user, action_name, error),
        )
    return _reason(task, page, user, action_name, error)


class ReviewActionView(WorkflowActionView):
    """The modal's path (actions that collect data, such as the quality review)."""

    def get_redirect_url(self):
        url = super().get_redirect_url()
        if url == reverse(self.redirect_url_name, args=(self.kwargs.get("page_id"),)):
            return after_review_url(self.kwargs.get("page_id"), self.request.user)
        return url

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except (PermissionDenied, ValidationError) as error:
            messages.error(request, self.refusal_text(error))
            return self.finish()

    def refusal_text(self, error: Exception) -> str:
        task = getattr(self, "task", None)
        return refusal_text(task, self.object, self.request.user, self.action_name, error)

    def post(self, request, *args, **kwargs):
        title = self.object.get_admin_display_title()
        with transaction.atomic():
            lock_pages(pk=self.kwargs.get("page_id"))
            response = super().post(request, *args, **kwargs)
        if self.task_state.__class__.objects.filter(
            pk=self.task_state.pk, status=self.task_state.STATUS_IN_PROGRESS
        ).exists():
            return response  # the form was shown again with its errors
        messages.success(request, result_message(self.task_state, title))
        return response

    def finish(self):
        if self.request.headers.get("x-requested-with") == "XMLHttpRequest":
            return self.render_modal_json(
                self.request, {"step": "success", "redirect": self.redirect_url}
            )
        return redirect(self.redirect_url)


class ReviewAwareEditView(EditView):
    """The edit view's path (actions without a form, such as the content check's approve,
    posted with the edit form): Wagtail says "Page updated" and sends the reviewer to the
    parent's listing, which a reviewer may not open."""

    def dispatch(self, request, page_id, **kwargs):
        if request.method != "POST":
            return super().dispatch(request, page_id, **kwargs)
        with transaction.atomic():  # the page is read after its row is locked
            lock_pages(pk=page_id)
            return super().dispatch(request, page_id, **kwargs)

    def form_valid(self, form):
        # Wagtail's, with text the rich text editor only rewrote taken as unchanged
        # (``guidance.edits``): an untouched editor's approval saves no revision.
        self.has_content_changes = has_edits(form)
        return self.action_method()

    def perform_workflow_action(self):
        title = self.page.get_admin_display_title()
        task_state = self.page.current_workflow_task_state
        task = task_state.task.specific
        try:
            with transaction.atomic():
                super().perform_workflow_action()
        except (PermissionDenied, ValidationError) as error:
            messages.error(
                self.request,
                refusal_text(task, self.page, self.request.user, self.workflow_action, error),
            )
        else:
            messages.success(self.request, result_message(task_state, title))
        return redirect(after_review_url(self.page.pk, self.request.user))

    def add_save_confirmation_message(self):
        if self.action_name != "perform_workflow_action":
            super().add_save_confirmation_message()


class ContentPageViewSet(PageViewSet):
    """Content pages' admin views: Wagtail's, with the review actions above."""

    workflow_action_view_class = ReviewActionView
    edit_view_class = ReviewAwareEditView
