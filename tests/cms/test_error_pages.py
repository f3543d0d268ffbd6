"""Errors outside the API's routers: JSON where the frontend calls, an accessible page elsewhere."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/api/v1/ei-ole/", "/api/v2/", "/_allauth/ei-ole/"])
def test_unknown_api_addresses_answer_json(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]["code"] == "not_found"


def test_other_unknown_addresses_get_a_page_in_three_languages(client):
    response = client.get("/media/ei-ole.jpg")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="fi">' in html
    assert "Sivua ei löytynyt" in html
    assert '<section lang="sv">' in html
    assert "Sidan hittades inte" in html
    assert "Page not found" in html


@pytest.mark.parametrize(
    ("path", "expected"),
    [("/jotain/", "Palvelussa on häiriö"), ("/api/v1/content/", '"code": "server_error"')],
)
def test_a_server_error_says_so_without_details(rf, path, expected):
    from django.urls import get_resolver

    handler = get_resolver().resolve_error_handler(500)  # what Django calls on an exception
    response = handler(rf.get(path))
    assert response.status_code == 500
    assert expected in response.content.decode()
    assert "Traceback" not in response.content.decode()
