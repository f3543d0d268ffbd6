"""Background work while the worker is stopped: tasks wait in PostgreSQL and run exactly once
when workers return, even with two of them competing for the queue."""

import subprocess
import sys
import time

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from cms import webhooks
from cms.models import WebhookDelivery
from tests.faults.conftest import ROOT, service_env

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def start_worker(receiver_url, worker_id):
    environment = service_env(WEBHOOK_URLS=receiver_url, WEBHOOK_SECRET="s" * 32)
    del environment["TESTING"]  # the real database queue, not the immediate backend
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--batch",
            "--no-startup-delay",
            "--worker-id",
            worker_id,
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_tasks_wait_for_a_stopped_worker_and_run_once_each_when_it_returns(settings, receiver):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.WEBHOOK_URLS = [receiver.url]
    for n in range(12):
        with transaction.atomic():  # queued when the publish commits
            webhooks.notify("page.published", {"id": n, "title": f"Sivu {n}"})

    time.sleep(1)  # no worker runs: nothing is delivered, nothing is lost
    assert receiver.requests == []
    assert DBTaskResult.objects.filter(status="READY").count() == 12

    workers = [start_worker(receiver.url, f"worker-{n}") for n in range(2)]
    for worker in workers:
        output, _ = worker.communicate(timeout=120)
        assert worker.returncode == 0, output

    keys = [request["headers"]["Idempotency-Key"] for request in receiver.requests]
    assert len(keys) == 12
    assert len(set(keys)) == 12  # none twice
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    for worker_ids in DBTaskResult.objects.values_list("worker_ids", flat=True):
        assert len(worker_ids) == 1  # claimed by one worker only
        assert worker_ids[0] in {"worker-0", "worker-1"}
    deliveries = WebhookDelivery.objects.all()
    assert {d.status for d in deliveries} == {WebhookDelivery.Status.DELIVERED}
    assert {d.attempts for d in deliveries} == {1}


def test_a_failed_webhook_waits_out_its_backoff_before_the_next_attempt(settings, receiver):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.WEBHOOK_URLS = [receiver.url]
    receiver.statuses = [503]
    with transaction.atomic():
        webhooks.notify("page.published", {"id": 1})

    first = start_worker(receiver.url, "backoff")
    output, _ = first.communicate(timeout=120)
    assert first.returncode == 0, output

    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.RETRYING
    assert delivery.last_error == "HTTP 503"
    assert len(receiver.requests) == 1
    attempt = DBTaskResult.objects.get(status="SUCCESSFUL")
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.run_after == delivery.next_attempt_at
    delay = (retry.run_after - attempt.finished_at).total_seconds()
    assert 9 <= delay <= 11  # the first of WEBHOOK_RETRY_DELAYS (10 s), not at once
