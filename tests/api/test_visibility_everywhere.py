"""One visibility rule on every surface: an item under a view restriction (a password, login or
group restriction on it or an ancestor) is not named, linked, listed or accepted anywhere: not
by REST, GraphQL, search, discussions, personal lists or rich-text links."""

import pytest
from wagtail.models import PageViewRestriction

from community.factories import CounsellorFactory
from community.models import DiscussionArea, Favourite, Post, Thread
from community.search_source import reindex_threads
from search.models import SearchDocument

pytestmark = pytest.mark.django_db


@pytest.fixture
def restricted(catalogue):
    """The tool (under "news") behind a password, with a discussion about it and a counsellor
    who saved it before the restriction."""
    tool = catalogue["items"]["tool"]
    author = CounsellorFactory()
    thread = Thread.objects.create(
        area=DiscussionArea.objects.get(slug="kysy-kollegalta", locale__language_code="fi"),
        content_key=tool.translation_key,
        title="Salainen työkalu",
        author=author,
    )
    Post.objects.create(thread=thread, author=author, body="<p>Salainen työkalu toimii</p>")
    reindex_threads([thread.pk])
    assert SearchDocument.objects.filter(object_type="thread", object_id=thread.pk).exists()
    saver = CounsellorFactory()
    Favourite.objects.create(user=saver, translation_key=tool.translation_key)
    PageViewRestriction.objects.create(
        page=catalogue["news"], restriction_type=PageViewRestriction.PASSWORD, password="salainen"
    )
    return {"tool": tool, "thread": thread, "saver": saver, "author": author}


def test_rest_discussions_neither_list_nor_show_threads_about_a_restricted_item(client, restricted):
    key = restricted["tool"].translation_key
    listing = client.get("/api/v1/discussions/", {"content": str(key)})
    assert listing.status_code == 200
    assert listing.json()["count"] == 0
    everything = client.get("/api/v1/discussions/").json()
    assert restricted["thread"].pk not in [t["id"] for t in everything["items"]]
    assert client.get(f"/api/v1/discussions/{restricted['thread'].pk}/").status_code == 404


def test_no_thread_can_be_started_about_a_restricted_item(client, restricted):
    client.force_login(CounsellorFactory())
    response = client.post(
        "/api/v1/discussions/",
        {"title": "Kysymys", "body": "Hei", "content": str(restricted["tool"].translation_key)},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert Thread.objects.count() == 1


def test_a_restricted_item_cannot_be_saved_and_is_not_in_saved_lists(client, restricted):
    key = restricted["tool"].translation_key
    client.force_login(restricted["saver"])
    assert client.put(f"/api/v1/me/favourites/{key}/").status_code == 404
    saved = client.get("/api/v1/me/favourites/").json()
    assert str(key) not in str(saved)


def test_graphql_refuses_to_save_a_restricted_item_and_hides_its_threads(client, restricted):
    client.force_login(CounsellorFactory())
    key = restricted["tool"].translation_key
    saved = client.post(
        "/graphql/",
        {"query": f'mutation {{ saveFavourite(translationKey: "{key}") }}'},
        content_type="application/json",
    ).json()
    assert saved["errors"], saved
    thread = client.post(
        "/graphql/",
        {"query": f"{{ thread(id: {restricted['thread'].pk}) {{ title }} }}"},
        content_type="application/json",
    ).json()
    assert not (thread.get("data") or {}).get("thread")


def test_search_does_not_index_threads_about_a_restricted_item(client, restricted):
    reindex_threads([restricted["thread"].pk])
    assert not SearchDocument.objects.filter(
        object_type="thread", object_id=restricted["thread"].pk
    ).exists()
    hits = client.get("/api/v1/search/", {"q": "salainen työkalu"}).json()
    assert "Salainen" not in str(hits)


def test_a_rich_text_link_to_a_restricted_page_loses_its_href(client, catalogue, restricted):
    method = catalogue["items"]["method"]
    tool = restricted["tool"]
    method.body = [("rich_text", f'<p>Katso <a linktype="page" id="{tool.id}">työkalu</a>.</p>')]
    method.save_revision().publish()
    html = client.get(f"/api/v1/content/{method.id}/").json()["body"][0]["value"]["html"]
    assert "<a>työkalu</a>" in html
    assert "tool-3" not in html
