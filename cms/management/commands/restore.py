"""``manage.py restore DIR``: a backup back into an empty database and the media root."""

from django.core.management.base import BaseCommand, CommandError

from cms.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restore a backup made by `manage.py backup` (see docs/operations.md)."

    def add_arguments(self, parser):
        parser.add_argument("backup", help="The backup directory (backups/ohjaaja-…).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the objects of a database that already has tables.",
        )

    def handle(self, *args, backup, force=False, **options):
        try:
            manifest, counts = restore_backup(backup, force=force, stream=self.stderr)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        for name, expected in manifest["counts"].items():
            self.stdout.write(f"{name}: {counts[name]} (backup had {expected})")
        if counts != manifest["counts"]:
            raise CommandError("The restored database does not hold what the backup counted.")
        self.stdout.write(self.style.SUCCESS(f"Restored {backup}"))
