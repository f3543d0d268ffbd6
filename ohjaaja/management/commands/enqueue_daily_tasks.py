from typing import Any

from django.core.management.base import BaseCommand

from community.notifications import send_daily_digests_task
from guidance.tasks import import_trainings, refresh_read_model, review_maintenance


class Command(BaseCommand):
    help = (
        "Enqueue the daily background tasks (review maintenance, the Opintopolku import, the "
        "community's daily digest emails, the read model's pending items). "
        "Call it once a day from cron or a Kubernetes CronJob; the task worker "
        "(`manage.py db_worker`) runs them."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        for daily in (
            review_maintenance,
            import_trainings,
            send_daily_digests_task,
            refresh_read_model,
        ):
            result = daily.enqueue()
            self.stdout.write(f"Enqueued {daily.name} ({result.id}).")
