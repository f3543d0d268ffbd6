"""A counsellor's own data: profile, favourites, interests, recently viewed, "for you", export
and erasure."""

import json

import pytest
from django.apps import apps
from django.db import models

from community.models import Post, Thread, User
from community.people import public_profile_id
from guidance.factories import ArticlePageFactory, KeywordFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(topic):
    career = KeywordFactory(name="uraohjaus", slug="uraohjaus")
    groups = KeywordFactory(name="ryhmäohjaus", slug="ryhmaohjaus")
    pages = {}
    for slug, keyword in [("elamanjana", career), ("ryhmaleikit", groups), ("urapolku", career)]:
        page = ArticlePageFactory(parent=topic, title=slug.title(), slug=slug)
        page.keywords.set([keyword])
        page.save_revision().publish()
        pages[slug] = page
    return pages


def test_profile_changes_and_refuses_bad_values(client, counsellor):
    client.force_login(counsellor)
    changed = client.patch(
        "/api/v1/me/",
        {"display_name": "Maija O.", "public_profile": True, "sector": "higher_education"},
        content_type="application/json",
    ).json()
    assert changed["display_name"] == "Maija O."
    assert changed["profile_id"] == public_profile_id(counsellor)
    bad = client.patch("/api/v1/me/", {"sector": "mars"}, content_type="application/json")
    assert bad.status_code == 400
    assert User.objects.get(pk=counsellor.pk).sector == "higher_education"


def test_favourites_are_kept_by_translation_key_across_languages(
    client, counsellor, items, translate
):
    page = items["elamanjana"]
    client.force_login(counsellor)
    assert client.put(f"/api/v1/me/favourites/{page.translation_key}/").status_code == 204
    translate(page, "sv", {"Elamanjana": "Livslinjen"})
    swedish = client.get("/api/v1/me/favourites/?locale=sv").json()
    assert [i["title"] for i in swedish["items"]] == ["Livslinjen"]
    finnish = client.get("/api/v1/me/favourites/").json()
    assert [i["title"] for i in finnish["items"]] == ["Elamanjana"]
    client.delete(f"/api/v1/me/favourites/{page.translation_key}/")
    assert client.get("/api/v1/me/favourites/").json()["items"] == []


def test_unknown_item_cannot_be_saved(client, counsellor):
    client.force_login(counsellor)
    response = client.put("/api/v1/me/favourites/00000000-0000-4000-8000-000000000000/")
    assert response.status_code == 404


def test_views_fill_recently_viewed_and_recommendations_follow_interests(client, counsellor, items):
    client.force_login(counsellor)
    client.put(
        "/api/v1/me/interests/", {"keywords": ["ryhmaohjaus"]}, content_type="application/json"
    )
    for_you = client.get("/api/v1/me/recommendations/").json()["items"]
    assert for_you[0]["title"] == "Ryhmaleikit"
    client.post(f"/api/v1/content/{items['urapolku'].pk}/view/")
    recent = client.get("/api/v1/me/recent/").json()["items"]
    assert [i["title"] for i in recent] == ["Urapolku"]
    bad = client.put(
        "/api/v1/me/interests/", {"keywords": ["ei-ole"]}, content_type="application/json"
    )
    assert bad.status_code == 400


def test_personal_endpoints_need_sign_in(client):
    for path in ["/api/v1/me/", "/api/v1/me/favourites/", "/api/v1/me/export/"]:
        assert client.get(path).status_code == 401


def test_suggestion_reaches_the_editors_inbox(client, counsellor, editor):
    client.force_login(counsellor)
    response = client.post(
        "/api/v1/suggestions/",
        {
            "title": "Arvokorttipeli",
            "url": "https://example.org/arvokortit",
            "description": "Toimii hyvin ryhmissä <b>nuorten</b> kanssa.",
        },
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["status"] == "new"
    client.force_login(editor)
    inbox = client.get("/admin/snippets/community/contentsuggestion/")
    assert inbox.status_code == 200
    assert "Arvokorttipeli" in inbox.content.decode()


def _everything_mentioning(values):
    """(model, field) pairs whose text contains any of ``values``, across every table."""
    found = []
    for model in apps.get_models():
        if model._meta.proxy or not model._meta.managed:
            continue
        for field in model._meta.concrete_fields:
            if isinstance(
                field, (models.CharField, models.TextField, models.EmailField, models.JSONField)
            ):
                for value in values:
                    if model._default_manager.filter(
                        **{f"{field.name}__icontains": value}
                    ).exists():
                        found.append((model._meta.label, field.name, value))
    return found


@pytest.fixture
def active_counsellor(client, counsellor, other, items, start):
    """A counsellor with a thread, a reply, thanks, a report, favourites and interests."""
    counsellor.display_name = "Maija Mehiläinen"
    counsellor.email = "maija.mehilainen@example.org"
    counsellor.save()
    own = start(counsellor, title="Oma kysymys", body="<p>Mietin urapolkuja</p>")
    theirs = start(other, title="Toisen kysymys", body="<p>Auttakaa</p>")
    client.force_login(counsellor)
    client.post(
        f"/api/v1/discussions/{theirs['id']}/posts/",
        {"body": "Vastaan tähän"},
        content_type="application/json",
    )
    client.put(f"/api/v1/posts/{theirs['posts'][0]['id']}/thanks/")
    client.post(
        f"/api/v1/posts/{theirs['posts'][0]['id']}/report/",
        {"reason": "other", "details": "Maija Mehiläinen huomautti"},
        content_type="application/json",
    )
    client.put(f"/api/v1/me/favourites/{items['elamanjana'].translation_key}/")
    client.put(
        "/api/v1/me/interests/", {"keywords": ["uraohjaus"]}, content_type="application/json"
    )
    client.force_login(other)
    client.post(
        f"/api/v1/discussions/{own['id']}/posts/",
        {"body": "Toisen vastaus omaan"},
        content_type="application/json",
    )
    client.force_login(counsellor)
    return {"own": own, "theirs": theirs}


def test_export_contains_every_post_reaction_report_favourite_and_interest(
    client, counsellor, active_counsellor, items
):
    response = client.get("/api/v1/me/export/")
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["email"] == "maija.mehilainen@example.org"
    assert sorted(p["body"] for p in data["posts"]) == ["<p>Mietin urapolkuja</p>", "Vastaan tähän"]
    assert len(data["thanks_given"]) == 1
    assert data["reports_made"][0]["details"] == "Maija Mehiläinen huomautti"
    assert data["favourites"] == [str(items["elamanjana"].translation_key)]
    assert data["interests"] == ["uraohjaus"]
    assert {t["title"] for t in data["threads_started"]} == {"Oma kysymys"}


def test_erasure_keeps_posts_anonymised_and_leaves_no_personal_data(
    client, counsellor, active_counsellor
):
    user_id = counsellor.pk
    response = client.post(
        "/api/v1/me/erase/", {"confirm": "erase my account"}, content_type="application/json"
    )
    assert response.status_code == 204
    assert not User.objects.filter(pk=user_id).exists()
    assert (
        _everything_mentioning(["maija.mehilainen", "Maija Mehiläinen", counsellor.username]) == []
    )
    own = client.get(f"/api/v1/discussions/{active_counsellor['own']['id']}/").json()
    assert own["posts"][0]["author"] == {
        "name": "poistettu käyttäjä",
        "profile_id": None,
        "is_me": False,
    }
    assert own["posts"][1]["body"] == "Toisen vastaus omaan"
    assert client.get("/api/v1/me/").status_code == 401


def test_erasure_with_posts_deletes_them_but_keeps_other_peoples_replies(
    client, counsellor, active_counsellor
):
    client.post(
        "/api/v1/me/erase/",
        {"confirm": "erase my account", "delete_posts": True},
        content_type="application/json",
    )
    own = client.get(f"/api/v1/discussions/{active_counsellor['own']['id']}/").json()
    assert own["posts"][0]["deleted"] is True
    assert own["posts"][0]["body"] == ""
    assert own["posts"][1]["body"] == "Toisen vastaus omaan"
    theirs = Thread.objects.get(pk=active_counsellor["theirs"]["id"])
    assert not Post.objects.filter(thread=theirs, body__contains="Vastaan tähän").exists()
    assert _everything_mentioning(["Mietin urapolkuja", "Vastaan tähän"]) == []


def test_erasure_needs_the_confirmation_phrase(client, counsellor):
    client.force_login(counsellor)
    response = client.post("/api/v1/me/erase/", {}, content_type="application/json")
    assert response.status_code == 400
    assert User.objects.filter(pk=counsellor.pk).exists()


def test_text_with_lone_surrogates_is_refused_or_cleaned_never_a_server_error(
    client, counsellor, start
):
    thread = start(counsellor)
    client.force_login(counsellor)
    profile = client.patch(
        "/api/v1/me/", '{"display_name": "Maija\\ud800"}', content_type="application/json"
    )
    post = client.post(
        f"/api/v1/discussions/{thread['id']}/posts/",
        '{"body": "Hei\\ud800 kaikki"}',
        content_type="application/json",
    )
    assert profile.status_code in (200, 400), profile.content
    assert post.status_code in (201, 400), post.content
    if post.status_code == 201:
        assert post.json()["body"] == "Hei kaikki"
    else:
        assert post.json()["error"]["code"] == "invalid_parameter"
