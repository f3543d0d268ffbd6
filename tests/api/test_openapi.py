import json
from urllib.parse import urlencode

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

pytestmark = pytest.mark.django_db


def test_openapi_document_is_3_1_and_lists_every_endpoint(client):
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.1")
    paths = set(document["paths"])
    for expected in [
        "/api/v1/navigation/",
        "/api/v1/content/",
        "/api/v1/content/{content_id}/",
        "/api/v1/content/by-key/{translation_key}/",
        "/api/v1/content/by-path/",
        "/api/v1/taxonomy/{vocabulary}/",
        "/api/v1/content/{content_id}/view/",
        "/api/v1/preview/",
    ]:
        assert expected in paths
    # Loading it through schemathesis validates it as an OpenAPI document.
    schemathesis.openapi.from_dict(document)


def test_operation_ids_name_the_app_and_the_function(client):
    """Clients generated from the schema name their calls after the operation ids: they stay
    ``{app}_api_{function}`` wherever in an app's API package an endpoint is declared."""
    document = client.get("/api/v1/openapi.json").json()
    ids = {
        (method, path): operation["operationId"]
        for path, operations in document["paths"].items()
        for method, operation in operations.items()
    }
    assert ids["get", "/api/v1/discussions/{thread_id}/"] == "community_api_thread_detail"
    assert ids["get", "/api/v1/me/favourites/"] == "community_api_favourites"
    assert ids["get", "/api/v1/content/"] == "guidance_api_list_content"
    assert all(id_.split("_api_")[0] in {"guidance", "search", "community"} for id_ in ids.values())
    # Two endpoints never share an id (one function may answer several methods of one path).
    paths_of: dict[str, set[str]] = {}
    for (_method, path), id_ in ids.items():
        paths_of.setdefault(id_, set()).add(path)
    assert all(len(paths) == 1 for paths in paths_of.values())


def test_api_docs_page_is_served(client):
    assert client.get("/api/v1/docs").status_code == 200


def test_oversized_body_is_413_with_a_json_error(client, settings):
    settings.API_MAX_BODY_BYTES = 1000
    response = client.post(
        "/api/v1/content/1/view/", data="x" * 5000, content_type="application/json"
    )
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "payload_too_large"


def test_cors_allows_the_frontend_origin_only(client, settings):
    allowed = client.get("/api/v1/navigation/", HTTP_ORIGIN="http://localhost:3000")
    assert allowed["Access-Control-Allow-Origin"] == "http://localhost:3000"
    other = client.get("/api/v1/navigation/", HTTP_ORIGIN="https://evil.example")
    assert "Access-Control-Allow-Origin" not in other


def _send(client, case):
    # Through Django's test client, which keeps the test's database transaction open.
    query = urlencode(case.query or {}, doseq=True)
    path = case.formatted_path + (f"?{query}" if query else "")
    headers = {
        f"HTTP_{k.upper().replace('-', '_')}": v
        for k, v in (case.headers or {}).items()
        if k.lower() not in ("content-type", "content-length")
    }
    body = case.body
    if isinstance(body, dict | list | str | int | float | bool):
        body = json.dumps(body)
    elif not isinstance(body, bytes):
        body = ""  # no body for this operation
    return client.generic(case.method, path, data=body, content_type="application/json", **headers)


def test_no_server_errors_anywhere_in_the_api(client, catalogue):
    """schemathesis generates requests for every operation from the OpenAPI document."""
    api_schema = schemathesis.openapi.from_dict(client.get("/api/v1/openapi.json").json())
    checked = 0
    for result in api_schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(
            max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
        def check(case):
            response = _send(client, case)
            assert response.status_code < 500, (case.method, case.formatted_path, case.query)
            if response.status_code >= 400 and response.status_code != 405:
                assert "error" in response.json()

        check()
        checked += 1
    assert checked >= 8
