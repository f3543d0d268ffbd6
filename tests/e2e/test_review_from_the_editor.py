"""Approving a review step from the editor without an edit saves nothing in the approver's name."""

import pytest

from community.factories import StaffUserFactory
from guidance.factories import MethodPageFactory
from tests.e2e.test_editorial_path import MOVED_ON, approve_content_check, in_every_language

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.mark.browser
def test_approving_an_imported_page_from_the_editor_saves_no_revision(tab_for, live_server, topic):
    """Imported and generated text has no Draftail block keys, so the editor gives it back
    rewritten. Wagtail took that for an edit and saved a revision in the approver's name, who
    then counted as an author of the round and could not approve the quality review."""
    author = StaffUserFactory(groups=["Editors"])
    method = MethodPageFactory(parent=topic, title="Tuotu menetelmä", live=False)
    method.content_owner = author
    method.save_revision(user=author)
    method.get_workflow().start(method, user=author)
    before = list(method.revisions.values_list("pk", "user__username"))
    colleague = StaffUserFactory(groups=["Editors", "Quality reviewers"])
    tab = tab_for(colleague)
    checked = in_every_language(MOVED_ON, title="Tuotu menetelmä", step="Laatuarviointi")[0]
    approve_content_check(tab, live_server, method.pk, checked)
    assert list(method.revisions.values_list("pk", "user__username")) == before
    # The content check's colleague may still assess the criteria: the work is not theirs.
    method.refresh_from_db()
    quality_review = method.current_workflow_task_state.task.specific
    assert "approve" in [name for name, *_ in quality_review.get_actions(method, colleague)]
