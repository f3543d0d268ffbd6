from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Enqueue the daily background tasks (the Opintopolku import). Call it once a day from "
        "cron or a Kubernetes CronJob; the task worker (`manage.py db_worker`) runs them."
    )

    def handle(self, *args, **options):
        from guidance.tasks import import_trainings

        result = import_trainings.enqueue()
        self.stdout.write(f"Enqueued import_trainings ({result.id}).")
