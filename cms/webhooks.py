"""Signed webhooks to the frontend when content is published, unpublished, moved or deleted.

The body is JSON; the signature is ``sha256=HMAC(WEBHOOK_SECRET, "<timestamp>.<body>")`` in the
``X-Webhook-Signature`` header, the timestamp in ``X-Webhook-Timestamp`` and a stable
``Idempotency-Key`` (the same on every retry). Delivery runs as a background task with retries
and backoff; the publish that caused it never fails because of it.
"""

import datetime
import hashlib
import hmac
import json
import logging
import time

import requests
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

from cms.models import WebhookDelivery

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Webhook-Signature"
TIMESTAMP_HEADER = "X-Webhook-Timestamp"


def sign(body: bytes, timestamp: str, secret: str | None = None) -> str:
    key = (secret if secret is not None else settings.WEBHOOK_SECRET).encode()
    digest = hmac.new(key, f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def verify(body: bytes, timestamp: str, signature: str, secret: str | None = None) -> bool:
    """What a receiver does: compare in constant time."""
    return hmac.compare_digest(sign(body, timestamp, secret), signature)


def encode(payload) -> bytes:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str).encode()


def notify(event, item):
    """Record one delivery per frontend URL and enqueue them after the transaction commits."""
    if not settings.WEBHOOK_URLS:
        return []
    payload = {"event": event, "occurred_at": timezone.now().isoformat(), "item": item}
    deliveries = [
        WebhookDelivery.objects.create(event=event, url=url, payload=payload)
        for url in settings.WEBHOOK_URLS
    ]

    def enqueue():
        for delivery in deliveries:
            try:
                deliver_webhook.enqueue(str(delivery.pk))
            except Exception:  # the queue being down must not break publishing
                logger.exception("could not enqueue webhook delivery %s", delivery.pk)

    transaction.on_commit(enqueue)
    return deliveries


def attempt(delivery):
    """Send one attempt; update the log. Returns True when delivered."""
    body = encode(delivery.payload)
    timestamp = str(int(time.time()))
    delivery.attempts += 1
    try:
        response = requests.post(
            delivery.url,
            data=body,
            timeout=settings.WEBHOOK_TIMEOUT,
            headers={
                "Content-Type": "application/json",
                SIGNATURE_HEADER: sign(body, timestamp),
                TIMESTAMP_HEADER: timestamp,
                "Idempotency-Key": str(delivery.pk),
                "X-Webhook-Event": delivery.event,
                "User-Agent": "ohjaaja-cms-webhooks/1",
            },
            allow_redirects=False,
        )
        delivery.last_status_code = response.status_code
        delivery.last_error = "" if response.ok else f"HTTP {response.status_code}"
        delivered = 200 <= response.status_code < 300
    except requests.RequestException as exc:
        delivery.last_status_code = None
        delivery.last_error = type(exc).__name__
        delivered = False
    if delivered:
        delivery.status = WebhookDelivery.Status.DELIVERED
        delivery.delivered_at = timezone.now()
        delivery.next_attempt_at = None
    elif delivery.attempts >= len(settings.WEBHOOK_RETRY_DELAYS) + 1:
        delivery.status = WebhookDelivery.Status.FAILED
        delivery.next_attempt_at = None
        logger.warning(
            "webhook %s to %s failed after %s attempts",
            delivery.pk,
            delivery.url,
            delivery.attempts,
        )
    else:
        delivery.status = WebhookDelivery.Status.RETRYING
        delay = settings.WEBHOOK_RETRY_DELAYS[delivery.attempts - 1]
        delivery.next_attempt_at = timezone.now() + datetime.timedelta(seconds=delay)
    delivery.save()
    return delivered


@task()
def deliver_webhook(delivery_id):
    """Deliver one webhook; on failure schedule the next attempt with backoff."""
    with transaction.atomic():
        delivery = (
            WebhookDelivery.objects.select_for_update(skip_locked=True)
            .filter(pk=delivery_id)
            .first()
        )
        if delivery is None or delivery.status in (
            WebhookDelivery.Status.DELIVERED,
            WebhookDelivery.Status.FAILED,
        ):
            return delivery.status if delivery else "missing"
        attempt(delivery)
    if delivery.status == WebhookDelivery.Status.RETRYING:
        if default_task_backend.supports_defer:
            deliver_webhook.using(run_after=delivery.next_attempt_at).enqueue(delivery_id)
        else:  # the immediate backend (tests, quick start): retry at once, bounded by attempts
            deliver_webhook.enqueue(delivery_id)
    return delivery.status
