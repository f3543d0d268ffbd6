import pytest

pytestmark = pytest.mark.django_db


def preview_url(page, token):
    return f"/api/v1/preview/?content_type={page.get_content_type_str()}&token={token}"


def test_editor_preview_shows_unpublished_changes_and_is_not_cached(client, catalogue):
    method = catalogue["items"]["method"]
    method.title = "Luonnoksen otsikko"
    preview = method.create_page_preview()

    response = client.get(preview_url(method, preview.token))

    assert response.status_code == 200
    assert response.json()["title"] == "Luonnoksen otsikko"
    assert response["Cache-Control"] == "private, no-store"
    # The published version is untouched.
    assert client.get(f"/api/v1/content/{method.id}/").json()["title"] == "Method 2"


def test_preview_of_a_page_never_published(client, catalogue):
    from guidance.models import ArticlePage

    draft = ArticlePage(title="Uusi luonnos", slug="uusi", summary="Kesken")
    catalogue["topic"].add_child(instance=draft)
    draft.live = False
    draft.save()
    token = draft.create_page_preview().token
    assert client.get(preview_url(draft, token)).json()["title"] == "Uusi luonnos"
    assert client.get(f"/api/v1/content/{draft.id}/").status_code == 404


def test_tampered_token_reveals_nothing(client, catalogue):
    method = catalogue["items"]["method"]
    token = method.create_page_preview().token
    response = client.get(preview_url(method, token[:-2] + "xx"))
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_expired_token_reveals_nothing(client, catalogue, settings):
    method = catalogue["items"]["method"]
    token = method.create_page_preview().token
    settings.PREVIEW_TOKEN_MAX_AGE = -1
    assert client.get(preview_url(method, token)).status_code == 404


def test_preview_needs_a_token(client, catalogue):
    response = client.get("/api/v1/preview/?content_type=guidance.methodpage")
    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["parameter"] == "token"
