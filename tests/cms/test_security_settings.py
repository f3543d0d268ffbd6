"""Production settings pass Django's deployment checks and every response carries the headers."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "cms.example.fi",
    "FRONTEND_URLS": "https://ohjaajat.example.fi,https://preview.example.fi",
    "WEBHOOK_SECRET": "w" * 40,
    "DEBUG": "",
    # Production names its PostgreSQL (never the embedded one); these commands never connect.
    "DATABASE_URL": "postgres://cms@db.example.invalid:5432/ohjaaja_cms",
}


def run_production(*args, code=None, **extra):
    # DJANGO_ALLOW_ASYNC_UNSAFE is set by the browser tests' conftest; production never has it.
    dropped = ("DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE")
    environment = {k: v for k, v in os.environ.items() if k not in dropped}
    environment.update(PRODUCTION_ENV, **extra)
    command = [sys.executable, *(["-c", code] if code else ["manage.py", *args])]
    return subprocess.run(
        command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


SETTINGS_DUMP = """
import json, django
django.setup()
from django.conf import settings
print(json.dumps({name: getattr(settings, name) for name in [
    "DEBUG", "CSRF_TRUSTED_ORIGINS", "CORS_ALLOWED_ORIGINS", "API_DOCS_ENABLED",
    "GRAPHIQL_ENABLED", "GRAPHQL_INTROSPECTION", "SECURE_HSTS_SECONDS", "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE", "SECURE_SSL_REDIRECT"]}))
"""


def test_production_settings_pass_the_deployment_checks():
    result = run_production("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deployment_checks_fail_without_a_database_url():
    """A development environment (which would start the embedded PostgreSQL) is no deployment."""
    result = run_production(
        "check",
        "--deploy",
        DJANGO_ENV="development",
        DATABASE_URL="",
        ALLOWED_HOSTS="cms.example.fi",
    )
    assert result.returncode != 0
    assert "cms.E001" in result.stderr + result.stdout
    assert "DATABASE_URL is not set" in result.stderr + result.stdout


def test_production_without_a_database_url_refuses_to_start():
    result = run_production("check", DATABASE_URL="")
    assert result.returncode != 0
    assert "DATABASE_URL is not set" in result.stderr


def test_production_defaults_are_safe_and_origins_come_from_frontend_urls():
    result = run_production(code=SETTINGS_DUMP)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    frontends = ["https://ohjaajat.example.fi", "https://preview.example.fi"]
    assert values["DEBUG"] is False
    assert values["CSRF_TRUSTED_ORIGINS"] == frontends
    assert values["CORS_ALLOWED_ORIGINS"] == frontends
    assert values["API_DOCS_ENABLED"] is False
    assert values["GRAPHIQL_ENABLED"] is False
    assert values["GRAPHQL_INTROSPECTION"] is False
    assert values["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert values["SESSION_COOKIE_SECURE"]
    assert values["CSRF_COOKIE_SECURE"]
    assert values["SECURE_SSL_REDIRECT"] is True


def test_api_docs_and_graphiql_can_be_turned_on_in_production_by_choice():
    result = run_production(code=SETTINGS_DUMP, API_DOCS_ENABLED="1", GRAPHIQL_ENABLED="1")
    values = json.loads(result.stdout)
    assert values["API_DOCS_ENABLED"]
    assert values["GRAPHIQL_ENABLED"]


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


@pytest.mark.django_db
def test_public_responses_carry_the_security_headers(client):
    response = client.get("/api/v1/navigation/")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]  # no inline script, no eval, no third party
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert "http://localhost:3000" in policy["frame-src"]  # draft preview in the admin


@pytest.mark.django_db
def test_only_the_admin_may_run_its_inline_scripts(client):
    policy = directives(client.get("/admin/login/"))
    assert "'unsafe-inline'" in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert "'unsafe-inline'" not in directives(client.get("/healthz"))["script-src"]


@pytest.mark.django_db
def test_hsts_is_sent_over_https_in_production(client, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get("/healthz", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
