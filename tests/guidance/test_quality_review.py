import datetime
import io

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone, translation

from community.factories import StaffUserFactory
from guidance.factories import MethodPageFactory
from guidance.models import (
    CriterionResult,
    MethodPage,
    QualityAssessment,
    QualityCriteriaSet,
    QualityCriterion,
    ReviewReminder,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer(db):
    return StaffUserFactory(groups=["Quality reviewers"], username="riikka")


@pytest.fixture
def submitted(topic, editor):
    """A new method submitted to the Quality review workflow and past the editors' check."""
    page = MethodPageFactory(parent=topic, title="Elämänjana", slug="elamanjana", live=False)
    page.content_owner = editor
    page.save_revision(user=editor)
    workflow = page.get_workflow()
    assert workflow.name == "Quality review"
    workflow_state = workflow.start(page, user=editor)
    task_state = workflow_state.current_task_state
    # The editors' content check, by another editor (the author may not approve their own).
    task_state.approve(user=StaffUserFactory(groups=["Editors"]))
    workflow_state.refresh_from_db()
    return page, workflow_state.current_task_state


def criteria(api_type="method"):
    current = QualityCriteriaSet.current()
    return [
        c
        for c in QualityCriterion.objects.filter(criteria_set=current, locale__language_code="fi")
        if c.applies_to_type(api_type)
    ]


def review_form(outcome_for=lambda c: "meets"):
    data = {"content_type": "method"}
    for criterion in criteria():
        data[f"outcome_{criterion.code}"] = outcome_for(criterion)
        data[f"justification_{criterion.code}"] = f"Perustelu: {criterion.title}"
    return data


def act(client, page, task_state, action, data):
    return client.post(
        f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/",
        data,
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )


def own_approval_refused():
    with translation.override("fi"):  # the admin's language in these tests
        return translation.gettext("You cannot approve your own revision.")


def refusal_shown(client, response):
    """A refused review action answers the modal with a redirect to a page the user may open,
    where the refusal is the message at the top (not a bare 403 page)."""
    assert response.status_code == 200
    step = response.json()
    assert step["step"] == "success"
    page = client.get(step["redirect"])
    assert page.status_code == 200
    return [str(m).strip() for m in page.context["messages"]]


def test_seeded_criteria_set_has_a_dozen_translated_criteria():
    current = QualityCriteriaSet.current()
    assert current.version == 1
    finnish = QualityCriterion.objects.filter(criteria_set=current, locale__language_code="fi")
    assert 10 <= finnish.count() <= 14
    assert finnish.filter(mandatory=True).count() >= 8
    for criterion in finnish:
        assert criterion.get_translations().count() == 2


def test_approval_is_refused_while_a_mandatory_criterion_is_not_met(client, reviewer, submitted):
    page, task_state = submitted
    client.force_login(reviewer)
    data = review_form(lambda c: "does_not_meet" if c.code == "accuracy" else "meets")

    response = act(client, page, task_state, "approve", data)

    assert response.status_code == 200
    assert "Hyväksyntä ei ole mahdollinen" in response.json()["html"]
    page.refresh_from_db()
    assert not page.live
    assert not QualityAssessment.objects.exists()


def test_approval_with_all_mandatory_criteria_met_publishes_and_records(
    client, reviewer, editor, submitted
):
    page, task_state = submitted
    client.force_login(reviewer)
    data = review_form(lambda c: "meets" if c.mandatory else "not_applicable")

    act(client, page, task_state, "approve", data)

    page.refresh_from_db()
    assert page.live
    assessment = QualityAssessment.objects.get()
    assert assessment.result == "approved"
    assert assessment.reviewer == reviewer
    assert assessment.revision_id == task_state.revision_id
    assert assessment.criteria_set.version == 1
    assert assessment.results.count() == len(criteria())
    assert page.next_review_due == page.compute_next_review_due()  # 12 months from today
    # The assessment history is visible on the page in the admin.
    client.force_login(editor)
    history = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Laatuarvioinnit" in history
    assert "hyväksytty" in history
    assert "v1" in history


def test_forged_content_type_cannot_approve_an_unmet_criterion(client, reviewer, submitted):
    page, task_state = submitted
    client.force_login(reviewer)
    data = review_form(lambda c: "meets")
    # Pretend the page is a training, to which "instructions" does not apply, and leave it out.
    data["content_type"] = "training"
    data["outcome_open-free"] = ""
    data["justification_open-free"] = ""
    act(client, page, task_state, "approve", data)
    page.refresh_from_db()
    assert not page.live
    assert QualityAssessment.objects.get().result == "rejected"


def test_rejection_returns_the_page_with_per_criterion_notes(client, reviewer, submitted):
    page, task_state = submitted
    client.force_login(reviewer)
    data = review_form(lambda c: "does_not_meet" if c.code == "sources" else "meets")
    data["justification_sources"] = "Lähteet puuttuvat kokonaan."

    act(client, page, task_state, "reject", data)

    task_state.refresh_from_db()
    assert task_state.status == "rejected"
    assert "Lähteet puuttuvat kokonaan." in task_state.comment
    page.refresh_from_db()
    assert not page.live
    assessment = QualityAssessment.objects.get()
    assert assessment.result == "rejected"
    assert (
        assessment.results.get(criterion__code="sources").outcome
        == CriterionResult.Outcome.DOES_NOT_MEET
    )


def test_the_author_sees_the_notes_in_the_editor(client, reviewer, editor, submitted):
    page, task_state = submitted
    client.force_login(reviewer)
    data = review_form(lambda c: "does_not_meet" if c.code == "sources" else "meets")
    data["justification_sources"] = "Lähteet puuttuvat kokonaan."
    act(client, page, task_state, "reject", data)
    client.force_login(editor)
    assert (
        "Lähteet puuttuvat kokonaan."
        in client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    )


def test_assessments_are_immutable(client, reviewer, submitted):
    page, task_state = submitted
    client.force_login(reviewer)
    act(client, page, task_state, "approve", review_form())
    assessment = QualityAssessment.objects.get()
    assessment.result = "rejected"
    with pytest.raises(ValidationError):
        assessment.save()
    with pytest.raises(ValidationError):
        assessment.delete()
    result = assessment.results.first()
    result.outcome = "does_not_meet"
    with pytest.raises(ValidationError):
        result.save()


def test_editor_without_publish_permission_cannot_bypass_the_workflow(client, editor, topic):
    from wagtail.actions.publish_page_revision import PublishPagePermissionError

    page = MethodPageFactory(parent=topic, title="Ohitus", slug="ohitus", live=False)
    revision = page.save_revision(user=editor)
    assert not page.permissions_for_user(editor).can_publish()
    with pytest.raises(PublishPagePermissionError):
        revision.publish(user=editor)
    client.force_login(editor)
    edit_page = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'name="action-publish"' not in edit_page
    assert 'name="action-submit"' in edit_page
    page.refresh_from_db()
    assert not page.live
    # Copying with "publish copies" needs publish permission too.
    client.post(
        f"/admin/pages/{page.pk}/copy/",
        {
            "new_title": "Kopio",
            "new_slug": "kopio",
            "new_parent_page": topic.pk,
            "publish_copies": "on",
        },
    )
    assert not MethodPage.objects.filter(slug="kopio", live=True).exists()


def test_edits_after_approval_need_reapproval(client, reviewer, editor, submitted):
    page, task_state = submitted
    client.force_login(reviewer)
    act(client, page, task_state, "approve", review_form())
    page.refresh_from_db()
    page.title = "Muokattu otsikko"
    page.save_revision(user=editor)
    assert client.get(f"/api/v1/content/{page.pk}/").json()["title"] == "Elämänjana"


def test_approval_publishes_the_revision_under_review_not_a_later_draft(
    client, reviewer, submitted
):
    """A draft saved while the review is under way is not what the reviewer assessed: the
    workflow's lock keeps other editors out of Wagtail's editor, but not superusers, nor
    wagtail-localize's "Translate this page" with its subtree, nor a script. The approval
    publishes the revision the assessment names; the later draft waits for a review of its
    own."""
    page, task_state = submitted
    later = MethodPage.objects.get(pk=page.pk)
    later.title = "Elämänjana (tarkistamaton muutos)"
    later.save_revision(user=StaffUserFactory(groups=["Translators"]))
    client.force_login(reviewer)
    act(client, page, task_state, "approve", review_form())
    page.refresh_from_db()
    assert page.live
    assessment = QualityAssessment.objects.get(page=page)
    assert page.live_revision_id == assessment.revision_id == task_state.revision_id
    assert page.title == "Elämänjana"
    assert page.has_unpublished_changes
    assert client.get(f"/api/v1/content/{page.pk}/").json()["title"] == "Elämänjana"


def test_the_reviewers_own_edit_during_their_step_is_published_with_the_approval(
    client, reviewer, submitted
):
    """Wagtail's editor lets a step's reviewers edit, and saves the page as they approve from it:
    what they approve is what they saw, their edit included."""
    page, task_state = submitted
    edited = MethodPage.objects.get(pk=page.pk)
    edited.title = "Elämänjana (arvioijan korjaus)"
    edited.save_revision(user=reviewer)
    client.force_login(reviewer)
    act(client, page, task_state, "approve", review_form())
    page.refresh_from_db()
    assert page.live
    assert page.title == "Elämänjana (arvioijan korjaus)"
    assert not page.has_unpublished_changes


def test_public_quality_summary_hides_reviewers_and_justifications(client, reviewer, submitted):
    page, task_state = submitted
    client.force_login(reviewer)
    act(client, page, task_state, "approve", review_form())
    client.logout()
    body = client.get(f"/api/v1/content/{page.pk}/?locale=sv").json()
    quality = body["quality"]
    assert quality["status"] == "approved"
    assert quality["criteria_set_version"] == 1
    assert quality["next_review_due"]
    titles = {c["code"]: c["title"] for c in quality["criteria"]}
    assert titles["accuracy"] == "Korrekthet och aktualitet"
    assert {c["result"] for c in quality["criteria"]} == {"meets"}
    text = str(body)
    assert "Perustelu" not in text
    assert "riikka" not in text
    assert body["quality_status"] == "approved"


def test_never_reviewed_item_says_so(client, topic):
    page = MethodPageFactory(parent=topic)
    body = client.get(f"/api/v1/content/{page.pk}/").json()
    assert body["quality"]["status"] == "not_reviewed"
    assert body["quality"]["criteria"] == []


@pytest.fixture
def overdue(topic, editor):
    page = MethodPageFactory(parent=topic, title="Vanheneva", slug="vanheneva")
    page.content_owner = editor
    page.next_review_due = timezone.localdate() - datetime.timedelta(days=3)
    page.save()
    return page


def test_overdue_item_is_flagged_in_the_api(client, overdue):
    body = client.get(f"/api/v1/content/{overdue.pk}/").json()
    assert body["review_overdue"] is True
    assert body["quality"]["status"] == "review_overdue"


def test_overdue_item_emails_its_owner_once_and_starts_the_rereview(overdue, editor):
    def reminders():  # Wagtail also mails the workflow's reviewers; count only ours
        return [m for m in mail.outbox if m.subject.startswith("Tarkistus erääntynyt")]

    call_command("review_maintenance", stdout=io.StringIO())
    assert len(reminders()) == 1
    assert reminders()[0].to == [editor.email]
    assert "Vanheneva" in reminders()[0].subject
    overdue.refresh_from_db()
    assert overdue.workflow_in_progress
    assert overdue.live  # nothing is unpublished

    call_command("review_maintenance", stdout=io.StringIO())
    assert len(reminders()) == 1
    assert ReviewReminder.objects.count() == 1


def test_feedback_is_stored_sanitised_and_shown_to_reviewers(client, topic, editor):
    page = MethodPageFactory(parent=topic, title="Palautettava", slug="palautettava")
    response = client.post(
        f"/api/v1/content/{page.pk}/feedback/",
        {
            "helpful": True,
            "comment": 'Toimi hyvin <script>alert(1)</script><img src=x onerror="x()">ryhmässä',
        },
        content_type="application/json",
    )
    assert response.status_code == 201
    client.post(
        f"/api/v1/content/{page.pk}/feedback/", {"helpful": False}, content_type="application/json"
    )
    from guidance.models import ContentFeedback

    stored = ContentFeedback.objects.get(helpful=True)
    assert "<" not in stored.comment
    assert "alert" not in stored.comment
    assert stored.comment.startswith("Toimi hyvin")
    page.save_revision()
    workflow_state = page.get_workflow().start(page, user=None)
    client.force_login(editor)  # the editors' content check is the workflow's first step
    editor_html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Toimi hyvin" in editor_html
    assert "Hyödyllinen: 1 · Ei hyödyllinen: 1" in editor_html
    assert workflow_state.current_task_state is not None


def test_feedback_validates_its_body(client, topic):
    page = MethodPageFactory(parent=topic)
    too_long = client.post(
        f"/api/v1/content/{page.pk}/feedback/",
        {"helpful": True, "comment": "x" * 501},
        content_type="application/json",
    )
    assert too_long.status_code == 400
    assert too_long.json()["error"]["details"][0]["parameter"] == "comment"
    missing = client.post(
        f"/api/v1/content/{page.pk}/feedback/", {}, content_type="application/json"
    )
    assert missing.status_code == 400


def test_feedback_is_rate_limited_with_retry_after(client, topic):
    page = MethodPageFactory(parent=topic)
    codes = [
        client.post(
            f"/api/v1/content/{page.pk}/feedback/",
            {"helpful": True},
            content_type="application/json",
        ).status_code
        for _ in range(21)
    ]
    assert codes[:20] == [201] * 20
    last = client.post(
        f"/api/v1/content/{page.pk}/feedback/", {"helpful": True}, content_type="application/json"
    )
    assert last.status_code == 429
    assert int(last["Retry-After"]) >= 1
    assert last.json()["error"]["code"] == "rate_limited"


def test_feedback_on_a_draft_is_404(client, topic):
    draft = MethodPageFactory(parent=topic, live=False)
    assert (
        client.post(
            f"/api/v1/content/{draft.pk}/feedback/",
            {"helpful": True},
            content_type="application/json",
        ).status_code
        == 404
    )


def test_quality_status_report_filters_and_exports(client, editor, overdue, topic):
    MethodPageFactory(parent=topic, title="Arvioimaton")
    client.force_login(editor)
    html = client.get(
        "/admin/reports/quality-status/?quality_status=review_overdue"
    ).content.decode()
    assert "Vanheneva" in html
    assert "Arvioimaton" not in html
    export = client.get("/admin/reports/quality-status/?export=xlsx")
    assert export.status_code == 200
    assert "spreadsheetml" in export["Content-Type"]
    csv = client.get("/admin/reports/quality-status/?export=csv")
    content = b"".join(csv.streaming_content) if csv.streaming else csv.content
    assert b"Vanheneva" in content


def test_translation_out_of_sync_is_reported(client, editor, topic, translate):
    page = MethodPageFactory(parent=topic, title="Lähde", slug="lahde")
    page.save_revision().publish()
    translate(page, "sv", {"Lähde": "Källa"})
    client.force_login(editor)
    assert "Källa" not in client.get("/admin/reports/translations-out-of-sync/").content.decode()
    page.refresh_from_db()
    page.title = "Lähde päivitetty"
    page.save_revision().publish()
    assert "Källa" in client.get("/admin/reports/translations-out-of-sync/").content.decode()


def test_dashboard_shows_counts_and_overdue_owners(client, editor, overdue):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "Kokoelman laatu" in html
    assert "Vanheneva" in html  # listed under its owner
    assert "<svg" in html  # the chart
    assert "<table" in html  # and its figures as a table


def test_editor_cannot_publish_by_copying(client, editor, topic):
    page = MethodPageFactory(parent=topic, title="Alkuperäinen", slug="alkuperainen")
    client.force_login(editor)
    response = client.post(
        f"/admin/pages/{page.pk}/copy/",
        {
            "new_title": "Kopio",
            "new_slug": "kopio",
            "new_parent_page": topic.pk,
            "publish_copies": "on",
        },
    )
    assert response.status_code in (200, 302)
    copy = MethodPage.objects.get(slug="kopio")
    assert not copy.live


def test_the_author_cannot_approve_their_own_content_check(client, editor, topic, caplog):
    page = MethodPageFactory(parent=topic, title="Oma menetelmä", slug="oma", live=False)
    page.save_revision(user=editor)
    task_state = page.get_workflow().start(page, user=editor).current_task_state
    assert task_state.task.specific.__class__.__name__ == "ContentCheckTask"
    actions = [name for name, *_ in task_state.task.specific.get_actions(page, editor)]
    assert "approve" not in actions  # the admin does not offer it
    client.force_login(editor)
    with caplog.at_level("WARNING", logger="guidance.review_views"):
        refused = act(client, page, task_state, "approve", {})
    # and the server refuses a forged request, saying why, to the author and in the log
    assert refusal_shown(client, refused) == [own_approval_refused()]
    assert [r.getMessage() for r in caplog.records if r.name == "guidance.review_views"] == [
        f"review action 'approve' on page {page.pk} refused for user {editor.pk}: "
        "You cannot approve your own revision."
    ]
    task_state.refresh_from_db()
    assert task_state.status == "in_progress"

    colleague = StaffUserFactory(groups=["Editors"])
    client.force_login(colleague)
    assert "approve" in [n for n, *_ in task_state.task.specific.get_actions(page, colleague)]
    act(client, page, task_state, "approve", {})
    task_state.refresh_from_db()
    assert task_state.status == "approved"


def test_a_reviewer_cannot_approve_the_quality_review_of_their_own_revision(client, topic):
    both = StaffUserFactory(groups=["Editors", "Quality reviewers"], username="kaksoisrooli")
    page = MethodPageFactory(parent=topic, title="Oma arvio", slug="oma-arvio", live=False)
    page.save_revision(user=both)
    workflow_state = page.get_workflow().start(page, user=both)
    workflow_state.current_task_state.approve(user=StaffUserFactory(groups=["Editors"]))
    workflow_state.refresh_from_db()
    task_state = workflow_state.current_task_state
    client.force_login(both)
    refused = act(client, page, task_state, "approve", review_form())
    assert refusal_shown(client, refused) == [own_approval_refused()]
    page.refresh_from_db()
    assert not page.live
    assert not QualityAssessment.objects.exists()


def test_the_author_cannot_approve_the_quality_review_after_a_colleague_touched_it(client, topic):
    """The content check's colleague fixes a typo as they approve: the quality review then
    starts on the colleague's revision, but the work under review is still the author's, and an
    author who is also a quality reviewer may not approve it."""
    both = StaffUserFactory(groups=["Editors", "Quality reviewers"], username="kaksoisrooli")
    colleague = StaffUserFactory(groups=["Editors"], username="kollega")
    page = MethodPageFactory(parent=topic, title="Oma menetelmä", slug="oma-menetelma", live=False)
    page.save_revision(user=both)
    workflow_state = page.get_workflow().start(page, user=both)
    page.title = "Oma menetelmä (korjattu)"
    page.save_revision(user=colleague)
    # As the edit view does: the step is approved in the request that saved the revision.
    MethodPage.objects.get(pk=page.pk).current_workflow_task_state.approve(user=colleague)
    workflow_state.refresh_from_db()
    task_state = workflow_state.current_task_state
    assert task_state.revision.user == colleague
    task = task_state.task.specific
    assert "approve" not in [name for name, *_ in task.get_actions(page, both)]
    assert "approve" not in [name for name, *_ in task.get_actions(page, colleague)]
    client.force_login(both)
    refused = act(client, page, task_state, "approve", review_form())
    assert refusal_shown(client, refused) == [own_approval_refused()]
    page.refresh_from_db()
    assert not page.live
    # Someone who saved nothing in this round approves it.
    client.force_login(StaffUserFactory(groups=["Quality reviewers"]))
    act(client, page, task_state, "approve", review_form())
    page.refresh_from_db()
    assert page.live


def test_only_staff_can_be_chosen_as_content_owner(client, editor, topic):
    from community.factories import CounsellorFactory

    counsellor = CounsellorFactory(display_name="Neuvoja")
    page = MethodPageFactory(parent=topic, title="Omistaja", slug="omistaja")
    client.force_login(editor)
    form = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert f'<option value="{editor.pk}"' in form
    assert f'<option value="{counsellor.pk}"' not in form
    from django.forms.models import apply_limit_choices_to_to_formfield

    field = type(page)._meta.get_field("content_owner").formfield()
    apply_limit_choices_to_to_formfield(field)  # as every model form does
    assert not field.queryset.filter(pk=counsellor.pk).exists()


def test_workflow_emails_link_to_the_configured_site_url(settings, client, topic):
    """Wagtail's own review notifications use the one configured address (scheme, host and
    port), as ours do."""
    settings.WAGTAILADMIN_BASE_URL = "https://cms.example.test:8443"
    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = False
    reviewer = StaffUserFactory(groups=["Editors"], email="arvioija@example.test")
    author = StaffUserFactory(groups=["Editors"], email="kirjoittaja@example.test")
    page = MethodPageFactory(parent=topic, title="Linkkitesti", slug="linkkitesti", live=False)
    page.save_revision(user=author)
    mail.outbox.clear()
    page.get_workflow().start(page, user=author)
    to_reviewer = [m for m in mail.outbox if reviewer.email in m.to]
    assert to_reviewer, [m.to for m in mail.outbox]
    links = [
        word
        for message in to_reviewer
        for word in message.body.split()
        if word.startswith(("http://", "https://"))
    ]
    assert links
    assert all(link.startswith("https://cms.example.test:8443/admin/") for link in links), links


def test_a_translation_is_reviewed_by_someone_who_reads_its_language(client, topic, translate):
    source = MethodPageFactory(parent=topic, title="Kielitesti", slug="kielitesti")
    source.save_revision().publish()
    author = StaffUserFactory(groups=["Editors", "Reviews in Swedish"])
    swedish = translate(source, "sv", {"Kielitesti": "Språktest"}, publish=False)
    swedish.save_revision(user=author)
    task_state = swedish.get_workflow().start(swedish, user=author).current_task_state
    task = task_state.task.specific

    finnish_only = StaffUserFactory(groups=["Editors"])
    assert task.get_actions(swedish, finnish_only) == []  # not offered
    client.force_login(finnish_only)
    refused = refusal_shown(client, act(client, swedish, task_state, "approve", {}))
    with translation.override("fi"):
        expected = translation.gettext("This step is for reviewers who read %(language)s.")
    assert refused == [expected % {"language": "Svenska"}]
    task_state.refresh_from_db()
    assert task_state.status == "in_progress"

    reads_swedish = StaffUserFactory(groups=["Editors", "Reviews in Swedish"])
    assert "approve" in [name for name, *_ in task.get_actions(swedish, reads_swedish)]
    client.force_login(reads_swedish)
    act(client, swedish, task_state, "approve", {})
    task_state.refresh_from_db()
    assert task_state.status == "approved"
    # Finnish pages stay open to every member of the step's groups.
    assert "approve" in [
        name for name, *_ in task.get_actions(source, StaffUserFactory(groups=["Editors"]))
    ]


def edit_form_data(client, page):
    """The page's edit form as the browser would post it unchanged (every input, textarea and
    select of Wagtail's form, with their current values), and "save draft"."""
    from bs4 import BeautifulSoup

    html = client.get(f"/admin/pages/{page.pk}/edit/").content
    form = BeautifulSoup(html, "html.parser").find("form", id="page-edit-form")
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file"):
            continue
        if field.get("type") in ("checkbox", "radio") and not field.has_attr("checked"):
            continue
        if field.name == "textarea":
            data[name] = field.text
        elif field.name == "select":
            chosen = field.find_all("option", selected=True)
            data[name] = [option.get("value", "") for option in chosen]
        else:
            data[name] = field.get("value", "")
    # Stream fields are drawn by the editor's script, not as inputs: posted empty.
    from wagtail.fields import StreamField

    for model_field in type(page)._meta.get_fields():
        if isinstance(model_field, StreamField):
            data[f"{model_field.name}-count"] = "0"
    return data


def approve_while_a_write_is_held(write, hold_point, approve):
    """A write held between its read of the page and its write of the row while ``approve``
    runs: ``write`` runs in a thread of its own, ``hold_point(hold)`` installs ``hold`` where
    that write has read the page (a context manager), and ``approve`` starts once it is held.
    The write is let go after the approval has finished or waited 2 s for it (with the row
    locked, it waits until the write is done); both are then awaited."""
    import threading

    read, go = threading.Event(), threading.Event()

    def hold(*args, **kwargs):
        if threading.current_thread().name == "writing":
            read.set()
            go.wait(10)

    with hold_point(hold):
        writing = threading.Thread(target=write, name="writing")
        writing.start()
        assert read.wait(10)  # the write has read the page (not yet published)
        approving = threading.Thread(target=approve)
        approving.start()
        approving.join(2)  # it publishes now, or waits for the write to end
        go.set()
        writing.join(10)
        approving.join(10)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_save_under_way_while_the_approval_publishes_does_not_unpublish_the_page(
    reviewer, submitted
):
    """A save reads the page, then writes its whole row back (a page never published keeps its
    draft there). A reviewer's approval that published the page in between, from the dashboard
    while their editor saved (Wagtail 8's editor saves by itself as text changes), was undone:
    the approval said "published" and the page stayed off the air."""
    from django.test import Client
    from wagtail import hooks

    page, task_state = submitted
    editor_client, approver = Client(), Client()
    editor_client.force_login(reviewer)
    approver.force_login(reviewer)
    data = edit_form_data(editor_client, page)
    answers = {}

    def save():
        answers["save"] = editor_client.post(f"/admin/pages/{page.pk}/edit/", data)

    def approve():
        answers["approval"] = act(approver, page, task_state, "approve", review_form())

    approve_while_a_write_is_held(
        save, lambda hold: hooks.register_temporarily("before_edit_page", hold), approve
    )
    assert answers["save"].status_code == 302
    assert answers["approval"].status_code == 200
    page.refresh_from_db()
    assert page.live
    assert QualityAssessment.objects.filter(page=page).count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_translation_saved_again_while_its_approval_publishes_stays_published(topic, translate):
    """wagtail-localize saves a translation by reading the page, then writing its whole row back
    ("Translate this page" with its subtree saves the translations below the page again). Its
    approval publishing the translation in between was undone, as with the admin's editor (the
    test above): the reviewer read "published" and the Swedish page stayed off the air."""
    import contextlib

    from django.db import connection
    from django.db.models.signals import pre_save
    from django.test import Client
    from wagtail_localize.models import Translation

    source = MethodPageFactory(parent=topic, title="Kielitesti", slug="kielitesti")
    source.save_revision().publish()
    author = StaffUserFactory(groups=["Editors", "Reviews in Swedish"])
    swedish = translate(source, "sv", {"Kielitesti": "Språktest"}, user=author, publish=False)
    swedish.content_owner = author
    swedish.save_revision(user=author)
    workflow_state = swedish.get_workflow().start(swedish, user=author)
    workflow_state.current_task_state.approve(
        user=StaffUserFactory(groups=["Editors", "Reviews in Swedish"])
    )
    workflow_state.refresh_from_db()
    task_state = workflow_state.current_task_state
    approver = Client()
    approver.force_login(StaffUserFactory(groups=["Quality reviewers", "Reviews in Swedish"]))
    answers = {}

    def save_the_translation_again():
        try:
            Translation.objects.get(
                source__object_id=source.translation_key, target_locale__language_code="sv"
            ).save_target(user=author, publish=False)
        finally:
            connection.close()

    def approve():
        answers["approval"] = act(approver, swedish, task_state, "approve", review_form())

    @contextlib.contextmanager
    def before_saving_the_translation(hold):
        def receiver(sender, instance, **kwargs):
            if instance.pk == swedish.pk:
                hold()

        pre_save.connect(receiver, sender=MethodPage)
        try:
            yield
        finally:
            pre_save.disconnect(receiver, sender=MethodPage)

    approve_while_a_write_is_held(
        save_the_translation_again, before_saving_the_translation, approve
    )
    assert answers["approval"].status_code == 200
    assert task_state.__class__.objects.get(pk=task_state.pk).status == "approved"
    swedish.refresh_from_db()
    assert swedish.live
    assert swedish.title == "Språktest"
