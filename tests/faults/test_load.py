"""Fifty clients for a minute against gunicorn, PostgreSQL and Redis: reads, searches and posts.

Nothing answers 5xx, the only refusals are 429s where a rate limit applies (each with
Retry-After), and every post the service acknowledged is stored exactly once, including the ones
a client sent twice with the same Idempotency-Key. LOAD_SECONDS shortens the run locally.
"""

import collections
import itertools
import os
import threading
import time

import pytest
import requests

from community.factories import CounsellorFactory
from community.models import DiscussionArea, Post, Thread
from guidance.factories import ArticlePageFactory
from tests.faults.conftest import signed_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CLIENTS, POSTERS = 50, 10
SECONDS = float(os.environ.get("LOAD_SECONDS", "60"))
QUERIES = ["ohjaus", "uraohjauksen", "ryhmäohjaus", "työkirja", "elämänjana", "opiskelu"]


def test_fifty_clients_for_a_minute_lose_nothing(app_server, redis_process, topic):
    pages = []
    for n in range(6):
        page = ArticlePageFactory(parent=topic, title=f"Uraohjauksen työkirja {n}")
        page.save_revision().publish()
        pages.append(page)
    author = CounsellorFactory()
    area = DiscussionArea.objects.get(slug="kysy-kollegalta", locale__language_code="fi")
    thread = Thread.objects.create(area=area, title="Kuormitusketju", author=author)
    Post.objects.create(thread=thread, author=author, body="<p>Aloitus</p>")

    base = app_server(REDIS_URL=redis_process.url)
    reads = itertools.cycle(
        [
            "/api/v1/content/?limit=20",
            f"/api/v1/content/{pages[0].pk}/",
            "/api/v1/navigation/",
            f"/api/v1/discussions/{thread.pk}/",
            "/api/v1/content/?limit=100&type=article",
            f"/api/v1/content/{pages[3].pk}/?locale=sv",
        ]
    )
    lock = threading.Lock()
    statuses = collections.Counter()
    failures, missing_retry_after, acknowledged = [], [], {}
    deadline = time.monotonic() + SECONDS

    def record(kind, response):
        with lock:
            statuses[(kind, response.status_code)] += 1
            if response.status_code >= 500 or response.status_code not in (200, 201, 429):
                failures.append((kind, response.status_code, response.text[:200]))
            if response.status_code == 429 and not response.headers.get("Retry-After"):
                missing_retry_after.append(kind)

    def reader(n):
        http = requests.Session()
        while time.monotonic() < deadline:
            with lock:
                path = next(reads)
            if n % 4 == 0:
                path = f"/api/v1/search/?q={QUERIES[n % len(QUERIES)]}"
            record("read", http.get(base + path, timeout=60))
            if n % 5 == 0:
                query = {"query": "{ content(limit: 10) { items { id title } } }"}
                record("graphql", http.post(f"{base}/graphql/", json=query, timeout=60))

    def poster(http, n):
        sent = 0
        while time.monotonic() < deadline:
            key = f"load-{n}-{sent}"
            body = {"body": f"Kuormitusvastaus {n}-{sent}"}
            url = f"{base}/api/v1/discussions/{thread.pk}/posts/"
            response = http.post(url, json=body, headers={"Idempotency-Key": key}, timeout=60)
            record("post", response)
            if response.status_code in (200, 201):
                with lock:
                    acknowledged[key] = (response.json()["id"], body["body"])
                if sent % 3 == 0:  # the client never saw the answer and sends it again
                    retry = http.post(url, json=body, headers={"Idempotency-Key": key}, timeout=60)
                    record("post", retry)
                    assert retry.json()["id"] == response.json()["id"]
            elif response.status_code == 429:
                time.sleep(min(float(response.headers.get("Retry-After", "1")), 2.0))
            sent += 1

    posters = [signed_in(CounsellorFactory(), base) for _ in range(POSTERS)]
    workers = [threading.Thread(target=poster, args=(http, n)) for n, http in enumerate(posters)]
    workers += [threading.Thread(target=reader, args=(n,)) for n in range(CLIENTS - POSTERS)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=SECONDS + 120)

    assert failures == []
    assert missing_retry_after == []
    assert sum(count for (kind, status), count in statuses.items() if status == 200) > 100
    assert acknowledged, statuses
    stored = dict(
        Post.objects.filter(thread=thread)
        .exclude(idempotency_key="")
        .values_list("idempotency_key", "pk")
    )
    assert {key: pk for key, (pk, _) in acknowledged.items()} == stored  # each exactly once
    bodies = dict(Post.objects.filter(pk__in=stored.values()).values_list("pk", "body"))
    for pk, body in acknowledged.values():
        assert bodies[pk] == body
