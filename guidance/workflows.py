"""Workflow hooks that Wagtail imports while its models load: keep this module import-light."""


def publish_after_review(workflow_state, user=None):
    """WAGTAIL_FINISH_WORKFLOW_ACTION: a completed Quality review publishes what its last step
    assessed. That is the revision the step began on (the one the assessment names), with the
    approving reviewer's own edits on top when they saved any (Wagtail's editor lets a step's
    reviewers edit, and saves the page as they approve from it). A draft anyone else saved after
    the step began is not published: the workflow's lock keeps other editors out of Wagtail's
    editor, but not superusers, nor wagtail-localize's "Translate this page" with its subtree
    (which saves existing translations below the page again) or a script; such a draft waits
    for a review of its own. Passing the review is the authorisation, so reviewers
    need no publish right of their own (which would let them publish without review)."""
    from wagtail.models import Revision

    from guidance.models.quality import page_revisions

    task_state = workflow_state.current_task_state
    if task_state is None or task_state.revision_id is None:
        workflow_state.content_object.get_latest_revision().publish(
            user=user, skip_permission_checks=True
        )
        return
    revision = task_state.revision
    saved_since = list(
        page_revisions(workflow_state)
        .filter(pk__gt=task_state.revision_id)
        .order_by("pk")
        .values_list("pk", "user_id")
    )
    if saved_since and {author for _pk, author in saved_since} == {getattr(user, "pk", None)}:
        revision = Revision.objects.get(pk=saved_since[-1][0])
    revision.publish(user=user, skip_permission_checks=True)
