from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Enqueue the daily background tasks (review maintenance, the Opintopolku import). "
        "Call it once a day from cron or a Kubernetes CronJob; the task worker "
        "(`manage.py db_worker`) runs them."
    )

    def handle(self, *args, **options):
        from guidance.tasks import import_trainings, review_maintenance

        for daily in (review_maintenance, import_trainings):
            result = daily.enqueue()
            self.stdout.write(f"Enqueued {daily.name} ({result.id}).")
