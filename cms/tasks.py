"""Background tasks of the project package (django-tasks)."""

from django.db import transaction
from django_tasks import default_task_backend, task

from cms import webhooks


@task()
def deliver_webhook(delivery_id):
    """Deliver one webhook; on failure schedule the next attempt with backoff."""
    from cms.models import WebhookDelivery

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
        webhooks.attempt(delivery)
    if delivery.status == WebhookDelivery.Status.RETRYING:
        if default_task_backend.supports_defer:
            deliver_webhook.using(run_after=delivery.next_attempt_at).enqueue(delivery_id)
        else:  # the immediate backend (tests, quick start): retry at once, bounded by attempts
            deliver_webhook.enqueue(delivery_id)
    return delivery.status
