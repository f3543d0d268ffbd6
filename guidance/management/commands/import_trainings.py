import logging

from django.core.management.base import BaseCommand

from guidance.importers.opintopolku import TrainingImporter


class Command(BaseCommand):
    help = (
        "Import counsellor trainings from Opintopolku (run daily). Creates and updates "
        "TrainingPages, retires vanished ones only after a complete run."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Fetch and compare; change nothing."
        )
        parser.add_argument(
            "--allow-mass-retire",
            action="store_true",
            help="Retire even when more than OPINTOPOLKU_RETIRE_MAX_SHARE of trainings vanished.",
        )

    def handle(self, *args, dry_run, allow_mass_retire, **options):
        logging.getLogger("wagtail").setLevel(logging.WARNING)
        run = TrainingImporter(
            dry_run=dry_run, allow_mass_retire=allow_mass_retire, stdout=self.stdout
        ).run()
        kind = "Dry run" if dry_run else "Import"
        summary = (
            f"{kind} {run.get_status_display()}: fetched {run.fetched}/{run.total}, "
            f"created {run.created}, updated {run.updated}, unchanged {run.unchanged}, "
            f"retired {run.retired}, skipped {run.skipped}, errors {run.errors}."
        )
        for message in run.messages:
            self.stdout.write(f"  [{message['level']}] {message['oid']} {message['message']}")
        style = self.style.SUCCESS if run.status in ("succeeded", "partial") else self.style.WARNING
        self.stdout.write(style(summary))
