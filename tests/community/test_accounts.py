"""Counsellor accounts through django-allauth's headless API, as the JOD frontend uses it."""

import re
from urllib.parse import unquote

import pytest
from django.core import mail
from django.test import Client

from community.models import User

pytestmark = pytest.mark.django_db
BASE = "/_allauth/browser/v1"


def post(client, path, payload):
    return client.post(f"{BASE}{path}", payload, content_type="application/json")


def link_key(message, prefix):
    match = re.search(re.escape(prefix) + r"(\S+)", message.body)
    assert match, message.body
    return unquote(match.group(1))


def test_signup_verify_email_login_logout_and_password_reset(client, settings):
    assert client.get(f"{BASE}/config").status_code == 200
    signup = post(
        client, "/auth/signup", {"email": "maija@example.org", "password": "Ohjaus-2026!x"}
    )
    assert signup.status_code == 401  # signed up, email not verified yet
    assert any(f["id"] == "verify_email" for f in signup.json()["data"]["flows"])
    assert "Ohjaajan osio" in mail.outbox[-1].body
    assert mail.outbox[-1].subject.startswith("[Ohjaajan osio] ")  # not "[testserver]"
    user = User.objects.get(email="maija@example.org")
    assert not user.is_staff
    assert not user.is_superuser
    assert user.display_name.startswith("Ohjaaja ")  # pseudonymous by default

    key = link_key(mail.outbox[-1], f"{settings.FRONTEND_URLS[0]}/tili/vahvista/")
    verified = post(client, "/auth/email/verify", {"key": key})
    assert verified.status_code == 200, verified.content
    assert verified.json()["meta"]["is_authenticated"] is True
    me = client.get("/api/v1/me/")
    assert me.status_code == 200
    assert me["Cache-Control"] == "private, no-store"
    assert "email" not in me.json()
    assert "last_login" not in me.json()

    assert client.delete(f"{BASE}/auth/session").status_code == 401
    assert client.get("/api/v1/me/").status_code == 401
    login = post(client, "/auth/login", {"email": "maija@example.org", "password": "Ohjaus-2026!x"})
    assert login.status_code == 200

    client.delete(f"{BASE}/auth/session")
    mail.outbox.clear()
    assert post(client, "/auth/password/request", {"email": "maija@example.org"}).status_code == 200
    reset_key = link_key(mail.outbox[-1], f"{settings.FRONTEND_URLS[0]}/tili/salasana/")
    reset = post(client, "/auth/password/reset", {"key": reset_key, "password": "Uusi-salasana-77"})
    assert reset.status_code in (200, 401)
    relogin = post(
        client, "/auth/login", {"email": "maija@example.org", "password": "Uusi-salasana-77"}
    )
    assert relogin.status_code == 200


def test_writes_without_the_csrf_token_are_refused(counsellor):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        f"{BASE}/auth/login",
        {"email": counsellor.email, "password": "salasana-testi-123"},
        content_type="application/json",
    )
    assert response.status_code == 403
    strict.force_login(counsellor)
    reply = strict.post("/api/v1/discussions/", {"title": "x"}, content_type="application/json")
    assert reply.status_code in (401, 403)


def test_counsellors_never_reach_the_wagtail_admin(client, counsellor):
    client.force_login(counsellor)
    for path in ["/admin/", "/admin/pages/", "/admin/moderation/", "/admin/reports/search/"]:
        response = client.get(path)
        assert response.status_code in (302, 403), path
        if response.status_code == 302:
            assert "/admin/login/" in response["Location"]


def test_staff_cannot_sign_in_through_the_counsellor_login(client):
    """Staff sign in at the admin, behind django-axes' lockout by username. allauth's email login
    would give a staff account a session (an admin session) past that lockout, so it refuses
    them as it refuses a wrong password, with nothing that tells the two apart."""
    from allauth.account.models import EmailAddress

    from community.factories import StaffUserFactory

    editor = StaffUserFactory(groups=["Editors"])
    EmailAddress.objects.create(user=editor, email=editor.email, verified=True, primary=True)
    refused = post(client, "/auth/login", {"email": editor.email, "password": "salasana-testi-123"})
    wrong = post(client, "/auth/login", {"email": editor.email, "password": "väärä-salasana-1"})
    assert refused.status_code == wrong.status_code == 400
    assert refused.json()["errors"] == wrong.json()["errors"]
    assert "_auth_user_id" not in client.session
    assert "/admin/login/" in client.get("/admin/")["Location"]


def test_signup_cannot_create_a_staff_account(client):
    post(
        client,
        "/auth/signup",
        {"email": "hakkeri@example.org", "password": "Ohjaus-2026!x", "is_staff": True},
    )
    assert User.objects.get(email="hakkeri@example.org").is_staff is False


def test_the_frontend_origin_may_call_with_credentials_and_others_may_not(client, settings):
    allowed = client.options(
        f"{BASE}/auth/session",
        HTTP_ORIGIN=settings.FRONTEND_URLS[0],
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
    )
    assert allowed["Access-Control-Allow-Origin"] == settings.FRONTEND_URLS[0]
    assert allowed["Access-Control-Allow-Credentials"] == "true"
    foreign = client.options(
        f"{BASE}/auth/session",
        HTTP_ORIGIN="https://evil.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
    )
    assert "Access-Control-Allow-Origin" not in foreign


def test_repeated_signups_from_one_address_get_429_with_retry_after(client):
    statuses = []
    for n in range(7):
        response = post(
            client, "/auth/signup", {"email": f"u{n}@example.org", "password": "Ohjaus-2026!x"}
        )
        statuses.append(response.status_code)
    assert 429 in statuses
    refused = post(
        client, "/auth/signup", {"email": "u99@example.org", "password": "Ohjaus-2026!x"}
    )
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert not User.objects.filter(email="u99@example.org").exists()


def test_repeated_logins_from_one_address_get_429(client, counsellor):
    # LOGIN_RATE_LIMIT is 20 a minute per address.
    statuses = [
        post(
            client, "/auth/login", {"email": counsellor.email, "password": f"väärin-{n}"}
        ).status_code
        for n in range(21)
    ]
    assert statuses[0] == 400
    assert statuses[-1] == 429
    refused = post(
        client, "/auth/login", {"email": counsellor.email, "password": "salasana-testi-123"}
    )
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
