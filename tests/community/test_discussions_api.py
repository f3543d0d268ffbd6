import datetime

import pytest
from django.core import mail
from django.utils import timezone

from community.factories import CounsellorFactory, NewCounsellorFactory
from community.models import CommunitySettings, Post, Report, Thread
from community.people import public_profile_id

pytestmark = pytest.mark.django_db


def post_json(client, url, payload=None, **headers):
    return client.post(url, payload or {}, content_type="application/json", **headers)


def reply(client, thread_id, body, **headers):
    return post_json(client, f"/api/v1/discussions/{thread_id}/posts/", {"body": body}, **headers)


# --- Reading and the anonymous reader -------------------------------------------------------


def test_anyone_reads_threads_but_only_signed_in_users_post_react_or_report(
    client, counsellor, start
):
    thread = start(counsellor)
    listing = client.get("/api/v1/discussions/?area=kysy-kollegalta").json()
    assert [t["title"] for t in listing["items"]] == ["Miten ohjaan nuorta?"]
    detail = client.get(f"/api/v1/discussions/{thread['id']}/")
    assert detail.status_code == 200
    assert detail["Cache-Control"].startswith("public")
    post_id = detail.json()["posts"][0]["id"]
    attempts = [
        reply(client, thread["id"], "Hei"),
        client.put(f"/api/v1/posts/{post_id}/thanks/"),
        post_json(client, f"/api/v1/posts/{post_id}/report/", {"reason": "spam"}),
        post_json(client, "/api/v1/discussions/", {"title": "Uusi", "body": "x", "area": "x"}),
    ]
    assert [r.status_code for r in attempts] == [401, 401, 401, 401]
    assert attempts[0].json()["error"]["code"] == "not_authenticated"
    assert Post.objects.count() == 1


def test_author_is_a_per_thread_pseudonym_unless_the_profile_is_public(client, counsellor, start):
    first = start(counsellor, title="Ensimmäinen")
    second = start(counsellor, title="Toinen")
    one = client.get(f"/api/v1/discussions/{first['id']}/").json()["posts"][0]["author"]
    two = client.get(f"/api/v1/discussions/{second['id']}/").json()["posts"][0]["author"]
    assert one["profile_id"] is None
    assert one["name"] != two["name"]  # nothing links the two posts to one person
    assert counsellor.display_name not in (one["name"], two["name"])
    counsellor.public_profile = True
    counsellor.save()
    shown = client.get(f"/api/v1/discussions/{first['id']}/").json()["posts"][0]["author"]
    assert shown == {
        "name": counsellor.display_name,
        "profile_id": public_profile_id(counsellor),
        "is_me": False,
    }
    assert str(counsellor.pk) != shown["profile_id"]  # opaque, not the sequential key
    body = client.get(f"/api/v1/discussions/{first['id']}/").content.decode()
    assert counsellor.email not in body


# --- Authors' own posts ---------------------------------------------------------------------


def test_author_edits_with_an_edited_mark_and_others_cannot_touch_the_post(
    client, counsellor, other, start
):
    thread = start(counsellor)
    post_id = thread["posts"][0]["id"]
    client.force_login(other)
    edit = client.patch(
        f"/api/v1/posts/{post_id}/", {"body": "Kaapattu"}, content_type="application/json"
    )
    delete = client.delete(f"/api/v1/posts/{post_id}/")
    assert (edit.status_code, delete.status_code) == (403, 403)
    assert Post.objects.get(pk=post_id).body == "<p>Kaipaan vinkkejä.</p>"
    client.force_login(counsellor)
    edited = client.patch(
        f"/api/v1/posts/{post_id}/", {"body": "<p>Tarkennus</p>"}, content_type="application/json"
    ).json()
    assert edited["edited"] is True
    assert edited["body"] == "<p>Tarkennus</p>"


def test_deleting_a_replied_post_keeps_the_replies(client, counsellor, other, start):
    thread = start(counsellor)
    opening = thread["posts"][0]["id"]
    client.force_login(other)
    assert reply(client, thread["id"], "Vastaus").status_code == 201
    client.force_login(counsellor)
    assert client.delete(f"/api/v1/posts/{opening}/").status_code == 204
    posts = client.get(f"/api/v1/discussions/{thread['id']}/").json()["posts"]
    assert posts[0]["deleted"] is True
    assert posts[0]["body"] == ""
    assert posts[1]["body"] == "Vastaus"


def test_replies_nest_one_level(client, counsellor, other, start):
    thread = start(counsellor)
    opening = thread["posts"][0]["id"]
    client.force_login(other)
    first = post_json(
        client,
        f"/api/v1/discussions/{thread['id']}/posts/",
        {"body": "Samaa mieltä", "reply_to": opening},
    ).json()
    nested = post_json(
        client,
        f"/api/v1/discussions/{thread['id']}/posts/",
        {"body": "Ja minä", "reply_to": first["id"]},
    ).json()
    assert first["reply_to"] == opening
    assert nested["reply_to"] == opening


# --- Sanitising and limits ------------------------------------------------------------------


def test_a_reply_that_commits_after_a_later_one_leaves_the_thread_at_the_later_date(
    client, counsellor, other, start
):
    """Two replies race: the later one's transaction commits first. The thread's last-post date
    (its place in the listing, "latest activity") stays at the later reply."""
    thread = start(counsellor)
    later = timezone.now() + datetime.timedelta(minutes=1)  # a reply stamped after this one
    Thread.objects.filter(pk=thread["id"]).update(last_post_at=later)
    client.force_login(other)
    assert reply(client, thread["id"], "Kiitos vinkistä").status_code == 201
    assert Thread.objects.get(pk=thread["id"]).last_post_at == later


def test_hostile_html_is_removed_and_the_visible_text_survives(client, counsellor, start):
    thread = start(counsellor)
    client.force_login(counsellor)
    body = (
        '<p onclick="steal()">Katso <a href="javascript:alert(1)">tämä</a> '
        '<img src=x onerror="alert(2)"> ja <a href="https://example.org/opas">opas</a>'
        "<script>alert(3)</script></p>"
    )
    stored = reply(client, thread["id"], body).json()["body"]
    assert "<script" not in stored
    assert "onerror" not in stored
    assert "onclick" not in stored
    assert "javascript:" not in stored
    assert "Katso" in stored
    assert "tämä" in stored
    assert "opas" in stored
    assert 'rel="nofollow ugc noopener"' in stored
    assert 'href="https://example.org/opas"' in stored


def test_too_long_or_empty_posts_are_refused_with_the_reason(client, counsellor, start, settings):
    thread = start(counsellor)
    client.force_login(counsellor)
    too_long = reply(client, thread["id"], "a" * (settings.COMMUNITY_POST_MAX_CHARS + 1))
    empty = reply(client, thread["id"], "<script>only()</script>")
    assert too_long.status_code == 400
    assert too_long.json()["error"]["details"][0]["parameter"] == "body"
    assert empty.status_code == 400
    assert Post.objects.count() == 1


def test_new_accounts_cannot_post_links_on_their_first_day(client, start, counsellor):
    thread = start(counsellor)
    newcomer = NewCounsellorFactory()
    client.force_login(newcomer)
    response = reply(client, thread["id"], '<a href="https://kauppa.example">Halpaa!</a>')
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "links_not_allowed_yet"
    assert reply(client, thread["id"], "Kiitos vinkistä").status_code == 201


def test_the_21st_post_in_a_minute_is_refused_and_the_first_20_are_stored(
    client, counsellor, start
):
    thread = start(counsellor)  # (through another client session: not counted here)
    writer = CounsellorFactory()
    client.force_login(writer)
    statuses = [reply(client, thread["id"], f"Viesti {n}").status_code for n in range(21)]
    assert statuses[:20] == [201] * 20
    assert statuses[20] == 429
    refused = reply(client, thread["id"], "Vielä yksi")
    assert int(refused["Retry-After"]) > 0
    assert Post.objects.filter(author=writer).count() == 20


def test_brand_new_accounts_have_a_stricter_posting_limit(client, counsellor, start, settings):
    thread = start(counsellor)
    client.force_login(NewCounsellorFactory())
    statuses = [reply(client, thread["id"], f"Viesti {n}").status_code for n in range(6)]
    assert statuses == [201] * 5 + [429]


def test_a_retried_post_with_the_same_idempotency_key_is_stored_once(client, counsellor, start):
    thread = start(counsellor)
    client.force_login(counsellor)
    first = reply(client, thread["id"], "Kerran", HTTP_IDEMPOTENCY_KEY="abc-123")
    again = reply(client, thread["id"], "Kerran", HTTP_IDEMPOTENCY_KEY="abc-123")
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    assert Post.objects.filter(body__contains="Kerran").count() == 1


def test_posting_is_closed_by_the_global_switch(client, counsellor, start):
    thread = start(counsellor)
    config = CommunitySettings.load()
    config.posting_open = False
    config.closed_message = "Keskustelut ovat huoltokatkolla."
    config.save()
    client.force_login(counsellor)
    response = reply(client, thread["id"], "Hei")
    assert response.status_code == 403
    assert response.json()["error"]["message"] == "Keskustelut ovat huoltokatkolla."
    assert client.get(f"/api/v1/discussions/{thread['id']}/").status_code == 200


# --- Thanks, follows, notifications ---------------------------------------------------------


def test_thanks_are_counted_once_per_person(client, counsellor, other, start):
    thread = start(counsellor)
    post_id = thread["posts"][0]["id"]
    client.force_login(other)
    assert client.put(f"/api/v1/posts/{post_id}/thanks/").json() == {"thanks": 1}
    assert client.put(f"/api/v1/posts/{post_id}/thanks/").json() == {"thanks": 1}
    detail = client.get(f"/api/v1/discussions/{thread['id']}/").json()
    assert detail["posts"][0]["thanked_by_me"] is True
    assert detail["posts"][0]["thanks"] == 1
    client.logout()
    anonymous = client.get(f"/api/v1/discussions/{thread['id']}/").json()
    assert (anonymous["posts"][0]["thanks"], anonymous["posts"][0]["thanked_by_me"]) == (1, False)
    client.force_login(other)
    assert client.delete(f"/api/v1/posts/{post_id}/thanks/").json() == {"thanks": 0}
    assert client.get(f"/api/v1/discussions/{thread['id']}/").json()["posts"][0]["thanks"] == 0
    client.force_login(counsellor)
    assert client.put(f"/api/v1/posts/{post_id}/thanks/").status_code == 400  # own post


def test_followers_get_an_email_with_a_one_click_unsubscribe(client, counsellor, other, start):
    thread = start(counsellor)  # the author follows their thread
    mail.outbox.clear()
    client.force_login(other)
    assert reply(client, thread["id"], "Vastaus").status_code == 201
    assert [m.to for m in mail.outbox] == [[counsellor.email]]
    message = mail.outbox[0]
    assert "Miten ohjaan nuorta?" in message.subject
    unsubscribe = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    client.logout()
    path = unsubscribe.split("://", 1)[1].split("/", 1)[1]
    assert client.post("/" + path).status_code == 200
    mail.outbox.clear()
    client.force_login(other)
    reply(client, thread["id"], "Toinen vastaus")
    assert mail.outbox == []


def test_a_forged_unsubscribe_token_is_refused(client):
    response = client.get("/api/v1/notifications/unsubscribe/?token=forged")
    assert response.status_code == 400


def test_daily_digest_lists_new_posts_in_followed_threads(client, counsellor, other, start):
    from community.notifications import send_daily_digests

    thread = start(counsellor)
    counsellor.daily_digest = True
    counsellor.notify_replies = False
    counsellor.save()
    client.force_login(other)
    reply(client, thread["id"], "Uutta")
    mail.outbox.clear()
    assert send_daily_digests() == 1
    assert "Miten ohjaan nuorta? (1)" in mail.outbox[0].body


# --- Reports and hidden posts ---------------------------------------------------------------


def test_a_user_reports_a_post_once(client, counsellor, other, start):
    thread = start(counsellor)
    post_id = thread["posts"][0]["id"]
    client.force_login(other)
    first = post_json(client, f"/api/v1/posts/{post_id}/report/", {"reason": "spam"})
    again = post_json(client, f"/api/v1/posts/{post_id}/report/", {"reason": "other"})
    assert (first.status_code, again.status_code) == (201, 409)
    assert Report.objects.count() == 1


def test_posts_reported_by_enough_people_are_hidden_from_everyone_but_moderators(
    client, counsellor, start, moderator, settings
):
    settings.COMMUNITY_REPORT_HIDE_THRESHOLD = 3
    thread = start(counsellor)
    client.force_login(counsellor)
    bad = reply(client, thread["id"], "Mainos: osta nyt").json()["id"]
    for _ in range(3):
        client.force_login(CounsellorFactory())
        post_json(client, f"/api/v1/posts/{bad}/report/", {"reason": "spam"})
    for viewer in (None, counsellor, CounsellorFactory()):
        client.logout() if viewer is None else client.force_login(viewer)
        posts = client.get(f"/api/v1/discussions/{thread['id']}/").json()["posts"]
        assert bad not in [p["id"] for p in posts]
    client.force_login(moderator)
    posts = client.get(f"/api/v1/discussions/{thread['id']}/").json()["posts"]
    assert {"id": bad, "hidden": True} == {
        k: v for k, v in posts[1].items() if k in ("id", "hidden")
    }


def test_hidden_posts_and_threads_are_not_searchable(client, counsellor, start, settings):
    settings.COMMUNITY_REPORT_HIDE_THRESHOLD = 1
    thread = start(counsellor, title="Ryhmäohjauksen aloitus", body="<p>Tutustumisleikit</p>")
    found = client.get("/api/v1/search/", {"q": "ryhmäohjaus", "type": "discussion"}).json()
    assert [i["title"] for i in found["items"]] == ["Ryhmäohjauksen aloitus"]
    assert found["items"][0]["type"] == "discussion"
    client.force_login(counsellor)
    secret = reply(client, thread["id"], "Salasanani on kissa123").json()["id"]
    assert client.get("/api/v1/search/", {"q": "kissa123"}).json()["count"] == 1
    client.force_login(CounsellorFactory())
    post_json(client, f"/api/v1/posts/{secret}/report/", {"reason": "personal_data"})
    assert client.get("/api/v1/search/", {"q": "kissa123"}).json()["count"] == 0
    Thread.objects.filter(pk=thread["id"]).update(hidden=True)
    from community.search_source import reindex_threads

    reindex_threads([thread["id"]])
    body = client.get("/api/v1/search/", {"q": "tutustumisleikit"}).json()
    assert body["count"] == 0
    assert body["facets"]["type"] == []


# --- Query counts ---------------------------------------------------------------------------


def test_thread_read_runs_a_bounded_number_of_queries(
    client, counsellor, start, django_assert_max_num_queries
):
    thread = start(counsellor)
    for _ in range(15):
        client.force_login(CounsellorFactory())
        reply(client, thread["id"], "Hyvä kysymys")
    client.force_login(counsellor)
    with django_assert_max_num_queries(8):
        response = client.get(f"/api/v1/discussions/{thread['id']}/")
    assert len(response.json()["posts"]) == 16
    client.logout()
    # 7 on a cold cache: the visibility rule reads the view restrictions once (then cached).
    with django_assert_max_num_queries(7):
        client.get("/api/v1/discussions/?limit=50")


def test_a_long_thread_reports_its_whole_post_count_while_returning_the_first_page(
    client, counsellor, start
):
    thread = start(counsellor)
    Post.objects.bulk_create(
        Post(thread_id=thread["id"], author=counsellor, body=f"Viesti {n}") for n in range(204)
    )
    body = client.get(f"/api/v1/discussions/{thread['id']}/").json()
    assert len(body["posts"]) == 200
    assert body["post_count"] == 205


def test_thanking_checks_the_verified_address_once(client, counsellor, other, start):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    thread = start(counsellor)
    post_id = thread["posts"][0]["id"]
    client.force_login(other)
    with CaptureQueriesContext(connection) as queries:
        response = client.put(f"/api/v1/posts/{post_id}/thanks/")
    assert response.status_code == 200
    lookups = [q for q in queries.captured_queries if "account_emailaddress" in q["sql"]]
    assert len(lookups) == 1


def test_a_reply_is_indexed_by_the_task_worker_and_a_delete_leaves_search_at_once(
    client, counsellor, start, settings
):
    """Posting does not wait for the thread's search document: the worker rebuilds it after
    the reply has committed. Taking text away (a delete) does not wait for anyone."""
    from tests.cms.test_webhooks import DB_TASKS, run_worker

    thread = start(counsellor, title="Ryhmäohjauksen aloitus", body="<p>Tutustumisleikit</p>")
    settings.TASKS = DB_TASKS
    client.force_login(counsellor)
    new = reply(client, thread["id"], "Kokeilin kuvakorttimenetelmää").json()["id"]
    assert client.get("/api/v1/search/", {"q": "kuvakorttimenetelmä"}).json()["count"] == 0
    run_worker()
    assert client.get("/api/v1/search/", {"q": "kuvakorttimenetelmä"}).json()["count"] == 1
    assert client.delete(f"/api/v1/posts/{new}/").status_code == 204
    assert client.get("/api/v1/search/", {"q": "kuvakorttimenetelmä"}).json()["count"] == 0


# --- Cached anonymous thread reads ------------------------------------------------------------


def test_anonymous_thread_reads_are_cached_and_every_change_shows_at_once(
    client, counsellor, other, moderator, start, django_assert_num_queries
):
    """Every anonymous reader gets the same answer, built once (no SQL when nothing changed);
    anything a reader could see change (a reply, an edit, thanks, an author's name, a report
    that hides, a lock, an erased author, an area's name) shows on the very next read."""
    from community import erasure
    from community.models import DiscussionArea
    from community.moderation import moderate

    thread = start(counsellor, body="<p>Alku</p>")
    url = f"/api/v1/discussions/{thread['id']}/"
    client.logout()
    client.get(url)
    with django_assert_num_queries(0):
        assert client.get(url).json()["posts"][0]["body"] == "<p>Alku</p>"

    def read():
        client.logout()
        return client.get(url).json()

    client.force_login(other)
    answer = reply(client, thread["id"], "Vastaus").json()
    assert [p["body"] for p in read()["posts"]] == ["<p>Alku</p>", "Vastaus"]
    client.force_login(other)
    client.patch(f"/api/v1/posts/{answer['id']}/", {"body": "Muokattu"}, "application/json")
    assert read()["posts"][1]["body"] == "Muokattu"
    client.force_login(counsellor)
    client.put(f"/api/v1/posts/{answer['id']}/thanks/")
    assert read()["posts"][1]["thanks"] == 1
    client.force_login(other)
    client.patch(
        "/api/v1/me/", {"display_name": "Olli O.", "public_profile": True}, "application/json"
    )
    assert read()["posts"][1]["author"]["name"] == "Olli O."
    moderate(moderator, Post.objects.get(pk=answer["id"]), "lock")
    assert read()["locked"] is True
    area = DiscussionArea.objects.get(pk=Thread.objects.get(pk=thread["id"]).area_id)
    area.name = "Kysy kollegoilta"
    area.save()
    assert read()["area"]["name"] == "Kysy kollegoilta"
    erasure.erase(other)
    assert read()["posts"][1]["author"]["name"] != "Olli O."
    # A signed-in reader's own answer is never the shared one.
    client.force_login(counsellor)
    mine = client.get(url)
    assert mine["Cache-Control"] == "private, no-store"
    assert mine.json()["posts"][0]["author"]["is_me"] is True
    assert read()["posts"][0]["author"]["is_me"] is False


def test_a_report_that_hides_a_post_takes_it_out_of_the_cached_read(
    client, counsellor, start, settings
):
    settings.COMMUNITY_REPORT_HIDE_THRESHOLD = 1
    thread = start(counsellor, body="<p>Puhelinnumeroni 040 123</p>")
    url = f"/api/v1/discussions/{thread['id']}/"
    client.logout()
    assert len(client.get(url).json()["posts"]) == 1
    post_id = client.get(url).json()["posts"][0]["id"]
    client.force_login(CounsellorFactory())
    post_json(client, f"/api/v1/posts/{post_id}/report/", {"reason": "personal_data"})
    client.logout()
    assert client.get(url).json()["posts"] == []
