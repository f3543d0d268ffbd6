"""Background tasks for guidance content."""

from django_tasks import task

from guidance.importers.opintopolku import TrainingImporter
from guidance.quality import run_review_maintenance


@task()
def import_trainings():
    """The nightly Opintopolku import (enqueued by `manage.py enqueue_daily_tasks` from cron)."""

    run = TrainingImporter().run()
    return {"run": run.pk, "status": run.status}


@task()
def review_maintenance():
    """Daily: overdue items notify their owners and start their re-review."""

    return run_review_maintenance()
