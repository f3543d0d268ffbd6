import pytest
from django.core import mail
from wagtail.models import ModelLogEntry

from community.factories import CounsellorFactory
from community.models import Post, Report, Thread, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported(client, counsellor, start, settings):
    settings.COMMUNITY_REPORT_HIDE_THRESHOLD = 2
    thread = start(counsellor, title="Kiistelty aihe")
    client.force_login(counsellor)
    post_id = client.post(
        f"/api/v1/discussions/{thread['id']}/posts/",
        {"body": "Loukkaava kommentti"},
        content_type="application/json",
    ).json()["id"]
    for _ in range(2):
        client.force_login(CounsellorFactory())
        client.post(
            f"/api/v1/posts/{post_id}/report/",
            {"reason": "harassment", "details": "asiaton"},
            content_type="application/json",
        )
    client.logout()
    mail.outbox.clear()
    return Post.objects.get(pk=post_id)


def act(client, post, action, **extra):
    return client.post("/admin/moderation/", {"post": post.pk, "action": action, **extra})


def test_queue_lists_reported_posts_with_reasons(client, moderator, reported):
    client.force_login(moderator)
    html = client.get("/admin/moderation/").content.decode()
    assert "Loukkaava kommentti" in html
    assert "asiaton" in html


def test_restoring_a_post_dismisses_reports_logs_and_tells_the_author(
    client, moderator, reported, counsellor
):
    client.force_login(moderator)
    response = act(client, reported, "restore", note="Ei sääntörikkomusta")
    assert response.status_code == 302
    reported.refresh_from_db()
    assert reported.hidden is False
    assert set(Report.objects.values_list("status", flat=True)) == {"dismissed"}
    entry = ModelLogEntry.objects.get(action="community.post.restore")
    assert entry.user_id == moderator.pk
    assert entry.data["note"] == "Ei sääntörikkomusta"
    assert mail.outbox[0].to == [counsellor.email]
    assert "Ei sääntörikkomusta" in mail.outbox[0].body


def test_lock_suspend_and_delete(client, moderator, reported, counsellor):
    client.force_login(moderator)
    act(client, reported, "lock")
    assert Thread.objects.get(pk=reported.thread_id).locked
    act(client, reported, "suspend", days="3")
    assert User.objects.get(pk=counsellor.pk).posting_suspended
    client.force_login(counsellor)
    refused = client.post(
        f"/api/v1/discussions/{reported.thread_id}/posts/",
        {"body": "Vielä"},
        content_type="application/json",
    )
    assert refused.status_code == 403
    client.force_login(moderator)
    act(client, reported, "delete")
    reported.refresh_from_db()
    assert reported.deleted
    assert reported.body == ""
    actions = set(ModelLogEntry.objects.values_list("action", flat=True))
    assert {"community.thread.lock", "community.user.suspend", "community.post.delete"} <= actions


def test_only_moderators_open_the_queue(client, reported, editor):
    client.force_login(editor)
    assert client.get("/admin/moderation/").status_code in (302, 403)
    assert act(client, reported, "restore").status_code in (302, 403)
    reported.refresh_from_db()
    assert reported.hidden is True


def test_moderators_edit_discussion_areas_and_editors_cannot(client, moderator, editor, area):
    url = f"/admin/snippets/community/discussionarea/edit/{area.pk}/"
    client.force_login(moderator)
    response = client.post(
        url,
        {
            "name": "Kysy kollegalta",
            "slug": "kysy-kollegalta",
            "description": "Uusi",
            "sort_order": 1,
        },
    )
    assert response.status_code == 302
    area.refresh_from_db()
    assert area.description == "Uusi"
    client.force_login(editor)
    assert client.get(url).status_code in (302, 403)


@pytest.mark.parametrize(
    ("action", "extra", "words"),
    [
        ("hide", {}, "piilotettu"),
        ("suspend", {"days": "3"}, "kirjoitusoikeus keskeytetty 3 päiväksi"),
    ],
)
def test_the_decision_reaches_the_author_in_words_of_the_discussions_language(
    client, moderator, reported, action, extra, words
):
    """A moderator working in the English admin decides on a Finnish discussion."""
    from wagtail.users.models import UserProfile

    UserProfile.get_for_user(moderator)
    UserProfile.objects.filter(user=moderator).update(preferred_language="en")
    client.force_login(moderator)
    act(client, reported, action, note="", **extra)
    body = mail.outbox[0].body
    assert f"Päätös: {words}" in body
    assert "hidden" not in body
