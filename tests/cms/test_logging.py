"""Logs are JSON lines and carry no personal data."""

import io
import json
import logging

import pytest
from django.test import RequestFactory

from cms.logging import RedactPersonalData


@pytest.fixture
def log_lines():
    """What the configured console handler writes, one parsed JSON object per line."""
    handler = next(
        h
        for h in logging.getLogger().handlers
        if any(isinstance(f, RedactPersonalData) for f in h.filters)
    )
    stream = io.StringIO()
    previous = handler.setStream(stream)
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.INFO)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        handler.setStream(previous)
        root.setLevel(level)


def test_a_request_error_is_one_json_line_without_personal_data(log_lines):
    request = RequestFactory().post(
        "/api/v1/me/favourites/?token=s3cr3t-value",
        data={"email": "maija.meikalainen@example.fi"},
        REMOTE_ADDR="192.0.2.44",
    )
    logging.getLogger("django.request").error(
        "Internal Server Error: %s for %s from %s",
        request.get_full_path(),
        "maija.meikalainen@example.fi",
        "2001:db8::7334",
        extra={"status_code": 500, "request": request},
    )
    [line] = log_lines()
    assert line["level"] == "ERROR"
    assert line["logger"] == "django.request"
    assert line["status_code"] == 500
    assert line["request"] == {"method": "POST", "path": "/api/v1/me/favourites/"}
    assert "timestamp" in line
    text = json.dumps(line)
    for personal in ["maija", "192.0.2.44", "2001:db8", "s3cr3t"]:
        assert personal not in text
    assert "[email]" in line["message"]
    assert "token=[redacted]" in line["message"]


@pytest.mark.django_db
def test_a_failing_readiness_check_is_logged_as_json(client, settings, log_lines):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2},
        }
    }
    assert (
        client.get("/readyz", HTTP_AUTHORIZATION="Bearer test-operator").json()["status"]
        == "degraded"
    )
    warnings = [line for line in log_lines() if line["logger"] == "ohjaaja.health"]
    assert warnings
    assert warnings[0]["level"] == "WARNING"
    assert "readiness check cache failed" in warnings[0]["message"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("signup by Äijä.Öberg+jod@kunta.example.fi failed", "signup by [email] failed"),
        ("client 10.1.2.3 and ::1 and fe80::1ff:fe23:4567:890a", "client [ip] and [ip] and [ip]"),
        (
            "/notifications/unsubscribe/?token=abc.def&x=1",
            "/notifications/unsubscribe/?token=[redacted]&x=1",
        ),
        ("digest at 12:30:45 for 3 counsellors", "digest at 12:30:45 for 3 counsellors"),
        ("page 1234 published", "page 1234 published"),
    ],
)
def test_redaction_keeps_what_is_not_personal(text, expected):
    from cms.logging import redact

    assert redact(text) == expected


def test_exception_text_is_redacted_too(log_lines):
    try:
        raise ValueError("Key (email)=(maija.meikalainen@example.fi) already exists.")
    except ValueError:
        logging.getLogger("community").exception("could not save the profile")
    [line] = log_lines()
    assert "maija" not in json.dumps(line)
    assert "ValueError: Key (email)=([email]) already exists." in line["exc_info"]


SECRET_POST = "Asiakkaani Matti kertoi minulle luottamuksellisesti velkaongelmistaan"


@pytest.mark.django_db
def test_graphql_client_errors_are_warnings_without_the_query_or_its_variables(client, log_lines):
    from community.factories import CounsellorFactory

    client.force_login(CounsellorFactory())
    mutations = [
        # a validation error (unknown argument) with the post text in the query itself
        f'mutation {{ reply(threadId: 999999, body: "{SECRET_POST}", nosuch: 1) {{ id }} }}',
        # a refused call (no such thread) with the post text in a variable
        "mutation($b: String!) { reply(threadId: 999999, body: $b) { id } }",
    ]
    for query in mutations:
        client.post(
            "/graphql/",
            {"query": query, "variables": {"b": SECRET_POST}},
            content_type="application/json",
            HTTP_X_CSRFTOKEN="x",
        )
    lines = [
        line for line in log_lines() if line["logger"].startswith(("cms.graphql", "strawberry"))
    ]
    assert lines
    assert all(line["level"] == "WARNING" for line in lines), lines
    assert "Matti" not in json.dumps(log_lines())


@pytest.mark.django_db
def test_without_introspection_graphql_suggests_no_field_names(client, settings):
    settings.GRAPHQL_INTROSPECTION = False
    body = client.post(
        "/graphql/", {"query": "{ contnet { count } }"}, content_type="application/json"
    ).json()
    assert body["errors"][0]["message"] == "Cannot query field 'contnet' on type 'Query'."
    settings.GRAPHQL_INTROSPECTION = True
    body = client.post(
        "/graphql/", {"query": "{ contnet { count } }"}, content_type="application/json"
    ).json()
    assert "Did you mean" in body["errors"][0]["message"]
