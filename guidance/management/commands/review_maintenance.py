from django.core.management.base import BaseCommand

from guidance.quality import run_review_maintenance


class Command(BaseCommand):
    help = (
        "Daily: notify owners of items past their review date (once) and start their re-review "
        "(once). Nothing is unpublished."
    )

    def handle(self, *args, **options):
        counts = run_review_maintenance()
        self.stdout.write(
            f"Owners notified: {counts['emailed']}, re-reviews started: {counts['started']}."
        )
