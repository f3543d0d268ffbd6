"""Background tasks for guidance content."""

import datetime

from django.utils import timezone
from django_tasks import task

from guidance import read_model
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


@task()
def refresh_read_model():
    """Render the items the read model left pending (a change touching many items, or a
    rendering that failed and is retried); ``enqueue_daily_tasks`` queues it too."""

    outcome = read_model.process_pending()
    if outcome.pending and refresh_read_model.get_backend().supports_defer:
        # Items that still fail: try again later, waiting longer while they keep failing.
        delay = min(60 * 2 ** read_model.pending()["most_attempts"], 3600)
        later = timezone.now() + datetime.timedelta(seconds=delay)
        refresh_read_model.using(run_after=later).enqueue()
    return {"written": outcome.written, "pending": outcome.pending}
