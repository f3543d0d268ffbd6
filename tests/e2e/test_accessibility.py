"""axe-core (WCAG 2.1 A and AA) over every view this project adds to the admin, its reports and
its error pages, in Chromium. Wagtail's own views are Wagtail's to test; the project's panels
inside them (the dashboard's quality panel, the page editor's quality panel) are checked here.

The moderation queue and the quality review dialog are checked in their own flows
(test_moderation_admin.py, test_quality_admin.py).
"""

import os

import pytest
from django.template import loader

from cms.models import WebhookDelivery
from community.factories import CounsellorFactory, StaffUserFactory
from community.models import ContentSuggestion
from guidance.factories import MethodPageFactory
from search.models import SearchQueryStat
from search.statistics import week_start
from tests.e2e.conftest import axe_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def data(topic):
    method = MethodPageFactory(parent=topic, title="Arvioimaton menetelmä")
    SearchQueryStat.objects.create(week=week_start(), language="fi", query="elämänjana", searches=5)
    SearchQueryStat.objects.create(
        week=week_start(), language="sv", query="livslinje", searches=2, zero_results=2
    )
    WebhookDelivery.objects.create(
        event="page.published", url="https://ohjaajat.example.fi/api/revalidate", payload={}
    )
    ContentSuggestion.objects.create(
        user=CounsellorFactory(),
        title="Hyvä työkalu",
        url="https://example.fi/tyokalu",
        description="Käytän tätä ryhmäohjauksessa.",
    )
    return {"method": method}


def test_every_custom_admin_view_and_report_passes_axe(login, page, live_server, data):
    login(StaffUserFactory(groups=["Administrators", "Moderators"]))
    page.goto(f"{live_server.url}/admin/")
    page.get_by_role("heading", name="Kokoelman laatu").wait_for()
    page.screenshot(path=os.environ.get("E2E_SCREENSHOT", "/tmp/dashboard.png"), full_page=True)
    assert axe_violations(page, "section[aria-labelledby='quality-dashboard-heading']") == []

    for path in [
        "/admin/reports/search/",
        "/admin/reports/quality-status/",
        "/admin/reports/translations-out-of-sync/",
        "/admin/reports/training-imports/",
        "/admin/reports/webhooks/",
        "/admin/snippets/community/discussionarea/",
        "/admin/snippets/community/contentsuggestion/",
        "/admin/settings/community/communitysettings/",
    ]:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        assert axe_violations(page, "main") == [], path

    # The project's panel in the page editor (the editor around it is Wagtail's own).
    page.goto(f"{live_server.url}/admin/pages/{data['method'].pk}/edit/")
    panel = "section[aria-labelledby='quality-feedback-heading']"
    page.get_by_role("tab", name="Ylläpito").click()
    page.locator(panel).wait_for(state="visible")  # axe skips what is hidden
    assert axe_violations(page, panel) == []


@pytest.mark.parametrize("status", [400, 403, 404, 500])
def test_error_pages_pass_axe(page, live_server, status):
    if status == 404:
        response = page.goto(f"{live_server.url}/media/ei-ole.jpg")
        assert response.status == 404
    else:  # rendered as Django renders them; the live server cannot be made to fail on cue
        page.set_content(loader.get_template("errors/error.html").render({"status": status}))
    assert page.title()
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_jod_sign_in_page_passes_axe_also_with_an_error(page, live_server, language):
    """The login page the JOD frontend's sign-in link shows when no single sign-on is set up,
    as it first opens and after a failed attempt (the error is announced and named)."""
    page.goto(f"{live_server.url}/ohjaaja/login?lang={language}&callback=/{language}")
    assert page.locator("html").get_attribute("lang") == language
    assert axe_violations(page) == []
    title = page.title()
    page.get_by_label(page.locator("label[for=id_login]").inner_text()).fill("ei@example.fi")
    page.locator("#id_password").fill("väärä-salasana")
    page.locator("button[type=submit]").click()
    page.get_by_role("alert").wait_for()
    assert page.title() != title
    assert page.title().endswith(title)
    assert axe_violations(page) == []
