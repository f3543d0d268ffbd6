import json

import pytest

from cms import webhooks
from cms.models import WebhookDelivery
from guidance.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def hooked(settings, receiver):
    settings.WEBHOOK_URLS = [receiver.url]
    settings.WEBHOOK_SECRET = "testisalaisuus"
    settings.WEBHOOK_RETRY_DELAYS = [0, 0, 0]
    return receiver


def run_worker():
    """Work the database queue with the db_worker's own run_task, inside the test transaction
    (the command itself closes connections between tasks, which would end the transaction)."""
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    while task_result := DBTaskResult.objects.ready().filter(backend_name="default").get_locked():
        task_result.claim(worker.worker_id)
        worker.run_task(task_result)


def test_publishing_sends_a_signed_webhook(topic, hooked, django_capture_on_commit_callbacks):
    page = ArticlePageFactory(parent=topic, title="Uutinen", slug="uutinen", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    [request] = hooked.requests
    headers = request["headers"]
    assert webhooks.verify(
        request["body"],
        headers["X-Webhook-Timestamp"],
        headers["X-Webhook-Signature"],
        "testisalaisuus",
    )
    assert not webhooks.verify(
        request["body"], headers["X-Webhook-Timestamp"], headers["X-Webhook-Signature"], "väärä"
    )
    payload = json.loads(request["body"])
    assert payload["event"] == "page.published"
    assert payload["item"]["translation_key"] == str(page.translation_key)
    assert payload["item"]["path"] == "/asiakastyohon/urasuunnittelu/uutinen/"
    delivery = WebhookDelivery.objects.get()
    assert headers["Idempotency-Key"] == str(delivery.pk)
    assert delivery.status == WebhookDelivery.Status.DELIVERED
    assert delivery.attempts == 1


def test_receiver_500_is_retried_with_the_same_key_and_page_stays_published(
    topic, hooked, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DB_TASKS
    hooked.statuses = [500, 502]
    page = ArticlePageFactory(parent=topic, title="Uutinen", slug="uutinen", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()
    assert page.live
    run_worker()

    assert len(hooked.requests) == 3
    assert len({r["headers"]["Idempotency-Key"] for r in hooked.requests}) == 1
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.DELIVERED
    assert delivery.attempts == 3


def test_unreachable_receiver_fails_after_retries_without_breaking_publishing(
    topic, settings, django_capture_on_commit_callbacks
):
    settings.WEBHOOK_URLS = ["http://127.0.0.1:9/unreachable"]
    settings.WEBHOOK_RETRY_DELAYS = [0, 0]
    settings.TASKS = DB_TASKS
    page = ArticlePageFactory(parent=topic, live=False)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    run_worker()

    page.refresh_from_db()
    assert page.live
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.FAILED
    assert delivery.attempts == 3
    assert delivery.last_error == "ConnectionError"


def test_unpublish_move_and_delete_send_their_events(
    topic, section, hooked, django_capture_on_commit_callbacks
):
    page = ArticlePageFactory(parent=topic, slug="siirrettava")
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
        page.save_revision().publish()
        page.move(section, pos="last-child")
        page.refresh_from_db()
        page.delete()
    events = [json.loads(r["body"])["event"] for r in hooked.requests]
    assert events[:3] == ["page.unpublished", "page.published", "page.moved"]
    # Deleting a live page also unpublishes it; both are announced.
    assert sorted(events[3:]) == ["page.deleted", "page.unpublished"]
    moved = json.loads(hooked.requests[2]["body"])["item"]
    assert moved["previous_path"] == "/asiakastyohon/urasuunnittelu/siirrettava/"
    assert moved["path"] == "/asiakastyohon/siirrettava/"


def test_no_webhook_is_recorded_when_none_is_configured(
    topic, settings, django_capture_on_commit_callbacks
):
    settings.WEBHOOK_URLS = []
    page = ArticlePageFactory(parent=topic, live=False)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert not WebhookDelivery.objects.exists()
