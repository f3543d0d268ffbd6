"""Posting under real concurrency: a live server, 20 counsellors posting at once over HTTP.

Transactional (the server's threads need committed data); ``serialized_rollback`` restores the
data migrations created, so later tests in this process still have it."""

import threading

import pytest

from community.factories import CounsellorFactory
from community.models import DiscussionArea, Post, Thread
from tests.faults.conftest import signed_in

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_twenty_concurrent_posters_lose_nothing_and_retries_store_once(live_server):
    author = CounsellorFactory()
    area = DiscussionArea.objects.get(slug="kysy-kollegalta", locale__language_code="fi")
    thread = Thread.objects.create(area=area, title="Yhteinen ketju", author=author)
    Post.objects.create(thread=thread, author=author, body="<p>Aloitus</p>")
    posters = [signed_in(CounsellorFactory(), live_server.url) for _ in range(20)]
    url = f"{live_server.url}/api/v1/discussions/{thread.pk}/posts/"
    barrier = threading.Barrier(len(posters))
    statuses = []

    def post(http, n):
        barrier.wait()
        for attempt in range(2):  # the second is a client retry with the same key
            response = http.post(
                url,
                json={"body": f"Vastaus {n}"},
                headers={"Idempotency-Key": f"retry-{n}"},
                timeout=30,
            )
            statuses.append((attempt, response.status_code))

    workers = [threading.Thread(target=post, args=(http, n)) for n, http in enumerate(posters)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert sorted(s for a, s in statuses if a == 0) == [201] * 20
    assert sorted(s for a, s in statuses if a == 1) == [200] * 20
    assert Post.objects.filter(thread=thread).count() == 21
    bodies = set(Post.objects.filter(thread=thread).values_list("body", flat=True))
    assert bodies == {"<p>Aloitus</p>"} | {f"Vastaus {n}" for n in range(20)}
