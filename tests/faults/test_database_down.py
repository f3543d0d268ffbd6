"""The database unreachable: readiness says so and GraphQL masks the fault for the client.

Transactional tests live in files of their own: pytest-django runs them after the others, and a
file mixing both kinds would leave the next file's tests without the migrations' data."""

from contextlib import contextmanager

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
UNEXPECTED = "Unexpected error."


@contextmanager
def database_unreachable():
    connection.close()
    real_port = connection.settings_dict["PORT"]
    connection.settings_dict["PORT"] = "1"
    try:
        yield
    finally:
        connection.close()
        connection.settings_dict["PORT"] = real_port


def test_readyz_is_503_when_the_database_is_unreachable(client):
    with database_unreachable():
        response = client.get("/readyz", HTTP_AUTHORIZATION="Bearer test-operator")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["checks"]["database"]["ok"] is False


def test_an_unexpected_fault_is_masked_for_the_client_and_logged(client, settings, caplog):
    """The database going away mid-query: the client learns nothing of the internals."""
    settings.API_SERVER_CACHE = False
    with database_unreachable():
        response = client.post(
            "/graphql/",
            {"query": "{ content(limit: 5) { count items { title } } }"},
            content_type="application/json",
        )
    [error] = response.json()["errors"]
    assert error["message"] == UNEXPECTED
    assert "5432" not in response.content.decode()
    assert "127.0.0.1" not in response.content.decode()
    logged = [r for r in caplog.records if r.name == "cms.graphql"]
    assert logged
    assert "OperationalError" in logged[0].exc_text  # the full story is in the log
