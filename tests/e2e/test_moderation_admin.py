"""A moderator in a real browser: the report queue, decisions, and accessibility (axe-core).

Transactional with ``serialized_rollback`` (see test_quality_admin.py)."""

import pytest

from community.factories import CounsellorFactory, StaffUserFactory
from community.models import DiscussionArea, Post, Report, Thread
from tests.e2e.conftest import axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_moderator_works_through_the_report_queue(login, page, live_server):
    author = CounsellorFactory(display_name="Kirjoittaja")
    area = DiscussionArea.objects.get(slug="kysy-kollegalta", locale__language_code="fi")
    thread = Thread.objects.create(area=area, title="Ryhmänohjauksen haasteet", author=author)
    fine = Post.objects.create(thread=thread, author=author, body="<p>Asiallinen kysymys</p>")
    spam = Post.objects.create(
        thread=thread, author=author, body="<p>Osta halpoja kelloja</p>", hidden=True
    )
    for post, reason in ((fine, "off_topic"), (spam, "spam"), (spam, "spam")):
        Report.objects.create(post=post, reporter=CounsellorFactory(), reason=reason)
    moderator = StaffUserFactory(groups=["Moderators"])

    login(moderator)
    page.get_by_role("link", name="Moderointi").first.click()
    page.get_by_role("heading", name="Moderointijono").first.wait_for()
    assert axe_violations(page, "main") == []

    spam_card = page.locator("article", has_text="Osta halpoja kelloja")
    spam_card.get_by_label("Viesti kirjoittajalle (valinnainen)").fill("Mainonta on kielletty")
    spam_card.get_by_role("button", name="Poista").click()
    page.get_by_text("Poista: viesti").first.wait_for()
    spam.refresh_from_db()
    assert spam.deleted

    fine_card = page.locator("article", has_text="Asiallinen kysymys")
    fine_card.get_by_role("button", name="Hylkää ilmoitukset").click()
    page.get_by_text("Ei mitään odottamassa moderaattoria.").wait_for()
    assert set(Report.objects.values_list("status", flat=True)) == {"actioned", "dismissed"}
    page.wait_for_timeout(1000)  # Wagtail fades the confirmation message in
    assert axe_violations(page, "main") == []
