"""The whole editorial path in a real browser: an editor writes a method in Finnish and submits
it, a colleague checks the content, a quality reviewer assesses the criteria and it is published;
the Swedish translation is served as the Finnish original (a fallback) until a Swedish-speaking
reviewer approves it. The author's own approval is refused, and no review action ends on a
permission error.

One transactional test: the live server needs committed data (see test_quality_admin.py).
"""

import pytest
from django.utils import translation
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from community.factories import StaffUserFactory
from guidance.models import MethodPage, QualityCriteriaSet, QualityCriterion
from guidance.services import translate_page
from tests.caching import clear_cache

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Wagtail's refusal when a view is not the user's to open: it sends them to their dashboard with
# this message, in their admin language.
WAGTAIL_REFUSAL = "Sorry, you do not have permission to access this area."


def in_every_language(text, **values):
    """``text`` as a reader of each admin language sees it."""
    texts = []
    for language in ("fi", "sv", "en"):
        with translation.override(language):
            texts.append(translation.gettext(text) % values)
    return texts


APPROVED_AND_PUBLISHED = "“%(title)s” was approved and published."
MOVED_ON = "“%(title)s” was approved and moved on to “%(step)s”."


def speaking(user, language):
    UserProfile.get_for_user(user)
    UserProfile.objects.filter(user=user).update(preferred_language=language)
    return user


def open_footer_menu(tab):
    tab.locator("footer [data-w-dropdown-target='toggle']").last.click()


def messages_at_top(tab):
    return [m.strip() for m in tab.locator(".messages li").all_inner_texts()]


def assert_no_permission_error(tab):
    body = tab.locator("body").inner_text()
    assert tab.locator("h1", has_text="403").count() == 0
    assert not any(refusal in body for refusal in in_every_language(WAGTAIL_REFUSAL)), (
        tab.url,
        messages_at_top(tab),
    )


def open_editor(tab, live_server, page_id):
    """The page's editor, where the step's reviewer acts (a refusal would land elsewhere)."""
    edit_url = f"{live_server.url}/admin/pages/{page_id}/edit/"
    tab.goto(edit_url)
    assert tab.url == edit_url, (tab.url, messages_at_top(tab))


def wait_for_outcome(tab, outcome):
    """An action posts the edit form and is done when its result is the message at the top of
    the page it lands on. Waiting for "a navigation" or for the dashboard's URL is not enough:
    the first can end on the editor's own change of its URL, the second on a dashboard the tab
    was already on, both while the action is still at work."""
    tab.locator(".messages li", has_text=outcome).wait_for()
    tab.wait_for_load_state("networkidle")


def approve_content_check(tab, live_server, page_id, outcome):
    open_editor(tab, live_server, page_id)
    open_footer_menu(tab)
    tab.locator("button[data-workflow-action-name=approve]").first.click()
    wait_for_outcome(tab, outcome)


def assess_and_approve(tab, live_server, page_id, label, outcome):
    open_editor(tab, live_server, page_id)
    approve = tab.get_by_role("button", name=label).first
    if not approve.is_visible():
        open_footer_menu(tab)
    approve.click()
    modal = tab.locator(".modal-content")
    modal.locator("fieldset").first.wait_for()
    for fieldset in modal.locator("fieldset").all():
        fieldset.locator("input[type=radio][value=meets]").check()
        fieldset.locator("textarea").fill("Tarkistettu / Granskat.")
    modal.get_by_role("button", name=label).click()
    wait_for_outcome(tab, outcome)
    # The reviewer may not edit the published page: they land on their dashboard.
    assert tab.url == f"{live_server.url}/admin/"


def act_on_dashboard(tab, live_server, page_id, action):
    """The reviewer's dashboard lists what awaits them, each with its actions."""
    tab.goto(f"{live_server.url}/admin/")
    button = tab.locator(
        f"button[data-workflow-action-url*='/workflow/action/{page_id}/{action}/']"
    )
    row = tab.locator("tr", has=button.first)
    row.locator("[data-w-dropdown-target='toggle']").click()
    button.first.click()


def api(client, page_id, locale):
    clear_cache()
    return client.get(f"/api/v1/content/{page_id}/", {"locale": locale}).json()


def test_the_whole_editorial_path(tab_for, live_server, topic, client):
    author = StaffUserFactory(groups=["Editors"], username="kirjoittaja")
    colleague = StaffUserFactory(groups=["Editors"], username="kollega")
    reviewer = StaffUserFactory(groups=["Quality reviewers"], username="arvioija")
    swedish_reviewer = speaking(
        StaffUserFactory(groups=["Quality reviewers", "Reviews in Swedish"], username="granskare"),
        "sv",
    )
    swedish_colleague = speaking(
        StaffUserFactory(groups=["Editors", "Reviews in Swedish"], username="kollega-sv"), "sv"
    )

    # 1. The editor writes a method in Finnish and submits it for review.
    editor_tab = tab_for(author)
    editor_tab.goto(f"{live_server.url}/admin/pages/add/guidance/methodpage/{topic.pk}/")
    editor_tab.fill("#id_title", "Kuvakävely urapohdinnan tukena")
    editor_tab.fill("#id_summary", "Asiakas valitsee kuvia, jotka kertovat hänen toiveistaan.")
    open_footer_menu(editor_tab)
    editor_tab.locator("button[name=action-submit]").click()
    editor_tab.wait_for_load_state("networkidle")
    method = MethodPage.objects.get(title="Kuvakävely urapohdinnan tukena")
    assert method.workflow_in_progress
    assert not method.live

    # 2. The author may not approve their own content check: not offered, refused if forged.
    editor_tab.goto(f"{live_server.url}/admin/pages/{method.pk}/edit/")
    assert editor_tab.locator("button[data-workflow-action-name=approve]").count() == 0
    task_state = method.current_workflow_task_state
    forged = editor_tab.request.post(
        f"{live_server.url}/admin/pages/workflow/action/{method.pk}/approve/{task_state.pk}/",
        headers={
            "X-CSRFToken": next(
                c["value"] for c in editor_tab.context.cookies() if c["name"] == "csrftoken"
            ),
            "Referer": f"{live_server.url}/admin/",
        },
    )
    assert forged.status == 200  # redirected to the edit view with the refusal on top
    with translation.override("fi"):
        refusal = translation.gettext("You cannot approve your own revision.")
    assert refusal in forged.text()
    task_state.refresh_from_db()
    assert task_state.status == "in_progress"

    # 3. A colleague checks the content; a quality reviewer assesses the criteria and the
    #    method is published. Each action ends with one message and no permission error.
    title = "Kuvakävely urapohdinnan tukena"
    colleague_tab = tab_for(colleague)
    checked = in_every_language(MOVED_ON, title=title, step="Laatuarviointi")[0]
    approve_content_check(colleague_tab, live_server, method.pk, checked)
    assert_no_permission_error(colleague_tab)
    assert messages_at_top(colleague_tab) == [checked]
    reviewer_tab = tab_for(reviewer)
    published = in_every_language(APPROVED_AND_PUBLISHED, title=title)[0]
    assess_and_approve(
        reviewer_tab, live_server, method.pk, "Hyväksy kriteerien perusteella", published
    )
    assert_no_permission_error(reviewer_tab)
    assert messages_at_top(reviewer_tab) == [published]
    method.refresh_from_db()
    assert method.live
    finnish = api(client, method.pk, "fi")
    assert finnish["quality"]["status"] == "approved"

    # 4. The editor has it translated into Swedish: a draft. Swedish readers get the Finnish
    #    original, marked as a fallback.
    editor_tab.goto(f"{live_server.url}/admin/localize/submit/page/{method.pk}/")
    editor_tab.locator(
        f"input[name=locales][value='{Locale.objects.get(language_code='sv').pk}']"
    ).check()
    editor_tab.locator("form:has(input[name=locales]) [type=submit]").click()
    editor_tab.wait_for_load_state("networkidle")
    swedish = method.get_translation(Locale.objects.get(language_code="sv"))
    assert not swedish.live
    # The translator's text (wagtail-localize's editor is a React app; the strings go in
    # through its PO import, as a translation agency's file would).
    translate_page(
        method,
        "sv",
        {
            "Kuvakävely urapohdinnan tukena": "Bildpromenad som stöd för karriärreflektion",
            "Asiakas valitsee kuvia, jotka kertovat hänen toiveistaan.": (
                "Klienten väljer bilder som berättar om hennes önskemål."
            ),
        },
        user=author,
        publish=False,
    )
    waiting = api(client, method.pk, "sv")
    assert waiting["locale_fallback"] is True
    assert waiting["title"] == "Kuvakävely urapohdinnan tukena"

    # 5. The translation goes through its own review, in Swedish.
    swedish = swedish.specific
    swedish.get_workflow().start(swedish, user=author)
    # Only reviewers who read Swedish are offered the Swedish page's review.
    colleague_tab.goto(f"{live_server.url}/admin/")
    assert (
        colleague_tab.locator(
            f"button[data-workflow-action-url*='/workflow/action/{swedish.pk}/approve/']"
        ).count()
        == 0
    )
    colleague_sv_tab = tab_for(swedish_colleague)
    act_on_dashboard(colleague_sv_tab, live_server, swedish.pk, "approve")
    colleague_sv_tab.wait_for_load_state("networkidle")
    assert_no_permission_error(colleague_sv_tab)
    still_waiting = api(client, method.pk, "sv")
    assert still_waiting["locale_fallback"] is True
    swedish_tab = tab_for(swedish_reviewer)
    act_on_dashboard(swedish_tab, live_server, swedish.pk, "approve")
    modal = swedish_tab.locator(".modal-content")
    modal.locator("fieldset").first.wait_for()
    # The criteria are listed once each, in the reviewer's language.
    swedish_titles = set(
        QualityCriterion.objects.filter(
            criteria_set=QualityCriteriaSet.current(), locale__language_code="sv"
        ).values_list("title", flat=True)
    )
    legends = [text.split(" (")[0] for text in modal.locator("legend").all_inner_texts()]
    assert legends
    assert set(legends) <= swedish_titles
    assert len(legends) == len(set(legends))
    for fieldset in modal.locator("fieldset").all():
        fieldset.locator("input[type=radio][value=meets]").check()
        fieldset.locator("textarea").fill("Granskat.")
    modal.get_by_role("button", name="Godkänn mot kriterierna").click()
    for _ in range(50):  # the approval publishes and reloads the dashboard
        swedish.refresh_from_db()
        if swedish.live:
            break
        swedish_tab.wait_for_timeout(200)
    swedish_tab.wait_for_load_state("networkidle")
    assert_no_permission_error(swedish_tab)
    served = api(client, method.pk, "sv")
    assert served["locale_fallback"] is False
    assert served["title"] == "Bildpromenad som stöd för karriärreflektion"
    assert served["quality"]["status"] == "approved"
    assert served["quality"]["assessed_at"] != finnish["quality"]["assessed_at"]
