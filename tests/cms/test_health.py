import pytest


@pytest.mark.django_db
def test_healthz_answers_json(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_reports_database_cache_and_search(client):
    response = client.get("/readyz", HTTP_AUTHORIZATION="Bearer test-operator")
    body = response.json()
    assert response.status_code == 200
    assert body["status"] == "ok"
    assert body["checks"]["database"]["ok"] is True
    assert body["checks"]["database"]["vendor"] == "postgresql"
    assert body["checks"]["cache"]["ok"] is True
    assert body["checks"]["search"]["engine"] == "database"


@pytest.mark.django_db
def test_readyz_is_degraded_not_unready_when_the_cache_is_unreachable(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2},
        }
    }
    response = client.get("/readyz", HTTP_AUTHORIZATION="Bearer test-operator")
    assert response.status_code == 200  # reads are still served; keep the instance in
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["cache"]["ok"] is False


@pytest.mark.django_db
def test_readyz_tells_the_public_its_status_and_nothing_else(client):
    for headers in ({}, {"HTTP_AUTHORIZATION": "Bearer guessed"}):
        response = client.get("/readyz", **headers)
        assert response.status_code == 200
        assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_shows_its_checks_to_a_superuser(client):
    from community.factories import SuperuserFactory

    client.force_login(SuperuserFactory())
    assert "checks" in client.get("/readyz").json()


@pytest.mark.django_db
def test_readyz_is_degraded_while_items_fail_to_render(client):
    import uuid

    from guidance.models import ReadItemPending

    ReadItemPending.objects.create(translation_key=uuid.uuid4())  # waiting, not failing
    body = client.get("/readyz", HTTP_AUTHORIZATION="Bearer test-operator").json()
    assert body["status"] == "ok"
    assert body["checks"]["read_model"]["pending"] == 1
    ReadItemPending.objects.create(
        translation_key=uuid.uuid4(), attempts=3, last_error="SourceImageIOError"
    )
    body = client.get("/readyz", HTTP_AUTHORIZATION="Bearer test-operator").json()
    assert body["status"] == "degraded"
    assert body["checks"]["read_model"] | {"ms": 0} == {
        "ok": True,
        "ms": 0,
        "pending": 2,
        "failing": 1,
        "most_attempts": 3,
    }
