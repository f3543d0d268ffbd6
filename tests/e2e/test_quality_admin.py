"""Editors and reviewers in a real browser: the quality review flow and accessibility.

The live server needs a committed database, so these run as one transactional test: the data
that migrations create (locales, groups, criteria, the workflow) is flushed after a
transactional test, and a second one in the same process would start without it.
"""

import pytest

from community.factories import StaffUserFactory
from guidance.factories import MethodPageFactory
from tests.e2e.conftest import axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def in_review(topic, editor):
    page = MethodPageFactory(parent=topic, title="Elämänjana", slug="elamanjana", live=False)
    page.save_revision(user=editor)
    workflow_state = page.get_workflow().start(page, user=editor)
    workflow_state.current_task_state.approve(user=editor)
    return page


def test_reviewer_cannot_approve_with_an_unmet_mandatory_criterion_then_can(
    login, page, live_server, in_review
):
    reviewer = StaffUserFactory(groups=["Quality reviewers"])
    login(reviewer)
    page.goto(f"{live_server.url}/admin/pages/{in_review.pk}/edit/")
    approve = page.get_by_role("button", name="Hyväksy kriteerien perusteella").first
    if not approve.is_visible():
        # The action sits in the footer's action menu.
        page.locator("[data-w-dropdown-target='toggle'], .w-dropdown__toggle").last.click()
    approve.click()
    modal = page.locator(".modal-content")
    modal.get_by_text("Arvioi").first.wait_for()
    assert axe_violations(page, ".modal-content") == []

    # Everything meets, except the mandatory "accuracy" criterion.
    for fieldset in modal.locator("fieldset").all():
        fieldset.locator("input[type=radio][value=meets]").check()
        fieldset.locator("textarea").fill("Tarkistettu.")
    modal.locator("fieldset", has_text="Paikkansapitävyys").locator(
        "input[value=does_not_meet]"
    ).check()
    modal.get_by_role("button", name="Hyväksy kriteerien perusteella").click()
    modal.get_by_text("Hyväksyntä ei ole mahdollinen").wait_for()
    in_review.refresh_from_db()
    assert not in_review.live

    modal.locator("fieldset", has_text="Paikkansapitävyys").locator("input[value=meets]").check()
    modal.get_by_role("button", name="Hyväksy kriteerien perusteella").click()
    for _ in range(50):  # the approval redirects the editor; wait for it to land
        in_review.refresh_from_db()
        if in_review.live:
            break
        page.wait_for_timeout(200)
    assert in_review.live
