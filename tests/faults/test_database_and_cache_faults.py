"""PostgreSQL connections killed and Redis stopped under a running gunicorn: the service keeps
answering, and a write cut off mid-way is stored exactly once when the client retries."""

import threading

import psycopg
import pytest
import requests
from django.db import connection

from community.factories import CounsellorFactory
from community.models import DiscussionArea, Post, Thread
from tests.faults.conftest import database_url, signed_in, wait_for

OPERATOR = {"Authorization": "Bearer test-operator"}

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def app_backends(waiting_for_lock=False):
    """The application's PostgreSQL backends: everything on the test database but this test."""
    sql = (
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
        "AND pid <> pg_backend_pid()"
    )
    if waiting_for_lock:
        sql += " AND wait_event_type = 'Lock'"
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return [row[0] for row in cursor.fetchall()]


def terminate(pids):
    with connection.cursor() as cursor:
        for pid in pids:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])


@pytest.fixture
def thread():
    author = CounsellorFactory()
    area = DiscussionArea.objects.get(slug="kysy-kollegalta", locale__language_code="fi")
    thread = Thread.objects.create(area=area, title="Vikasietoisuus", author=author)
    Post.objects.create(thread=thread, author=author, body="<p>Aloitus</p>")
    return thread


def test_killed_database_connections_are_replaced_on_the_next_request(app_server):
    base = app_server(API_SERVER_CACHE="0")  # every read reaches PostgreSQL
    for _ in range(6):  # both workers open their persistent connections
        assert requests.get(f"{base}/api/v1/navigation/", timeout=10).status_code == 200
    killed = app_backends()
    assert killed
    terminate(killed)

    for locale in ["fi", "sv", "en", "fi", "sv", "en"]:
        response = requests.get(f"{base}/api/v1/navigation/?locale={locale}", timeout=10)
        assert response.status_code == 200
    assert not set(app_backends()) & set(killed)


def test_a_post_cut_off_by_a_killed_connection_is_stored_once_when_retried(app_server, thread):
    base = app_server()
    http = signed_in(CounsellorFactory(), base)
    url = f"{base}/api/v1/discussions/{thread.pk}/posts/"
    outcome = {}

    # Hold the thread row so the reply's transaction stops half-way, then kill its connection.
    with psycopg.connect(database_url()) as locker:
        locker.execute("SELECT id FROM community_thread WHERE id = %s FOR UPDATE", [thread.pk])
        sender = threading.Thread(
            target=lambda: outcome.update(
                response=http.post(
                    url, json={"body": "Kokeilin tätä"}, headers={"Idempotency-Key": "k-1"}
                )
            )
        )
        sender.start()
        wait_for(lambda: app_backends(waiting_for_lock=True), message="the reply to block")
        terminate(app_backends(waiting_for_lock=True))
        sender.join(timeout=30)
        locker.rollback()

    cut_off = outcome["response"]
    assert cut_off.status_code == 503
    assert cut_off.json()["error"]["code"] == "unavailable"
    assert cut_off.headers["Retry-After"]
    assert Post.objects.filter(thread=thread).count() == 1  # nothing half-written

    retried = http.post(url, json={"body": "Kokeilin tätä"}, headers={"Idempotency-Key": "k-1"})
    assert retried.status_code == 201
    again = http.post(url, json={"body": "Kokeilin tätä"}, headers={"Idempotency-Key": "k-1"})
    assert again.status_code == 200
    assert again.json()["id"] == retried.json()["id"]
    assert Post.objects.filter(thread=thread, body="Kokeilin tätä").count() == 1


def test_with_redis_down_reads_answer_sessions_survive_and_posts_are_kept(
    app_server, redis_process, thread
):
    base = app_server(REDIS_URL=redis_process.url)
    http = signed_in(CounsellorFactory(), base)
    assert requests.get(f"{base}/api/v1/content/?limit=5", timeout=10).status_code == 200
    assert http.get(f"{base}/api/v1/me/", timeout=10).status_code == 200
    assert (
        requests.get(f"{base}/readyz", timeout=10, headers=OPERATOR).json()["checks"]["cache"]["ok"]
        is True
    )

    redis_process.stop()

    for path in ["/api/v1/content/?limit=5", "/api/v1/navigation/", "/api/v1/search/?q=ohjaus"]:
        assert requests.get(base + path, timeout=10).status_code == 200, path
    assert requests.post(f"{base}/graphql/", json={"query": "{ __typename }"}).status_code == 200
    # Sessions live in PostgreSQL: signed-in counsellors stay signed in.
    me = http.get(f"{base}/api/v1/me/", timeout=10)
    assert me.status_code == 200
    # Writes degrade: accepted and stored once (rate limits are not counted meanwhile).
    posted = http.post(
        f"{base}/api/v1/discussions/{thread.pk}/posts/",
        json={"body": "Redis on alhaalla"},
        headers={"Idempotency-Key": "redis-down-1"},
        timeout=10,
    )
    assert posted.status_code == 201
    assert Post.objects.filter(body="Redis on alhaalla").count() == 1
    # Readiness stays 200 (reads are served) but says the cache is out.
    ready = requests.get(f"{base}/readyz", timeout=10, headers=OPERATOR)
    assert ready.status_code == 200
    assert ready.json()["status"] == "degraded"
    assert ready.json()["checks"]["cache"]["ok"] is False

    redis_process.start()  # and it comes back without a restart
    wait_for(
        lambda: (
            requests.get(f"{base}/readyz", timeout=10, headers=OPERATOR).json()["status"] == "ok"
        )
    )
