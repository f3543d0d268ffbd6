"""``manage.py backup``: the database and media into one checked directory."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Back up the PostgreSQL database and the media files (see docs/operations.md)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", default=None, help="Directory for backups (default: BACKUP_DIR)."
        )

    def handle(self, *args, output=None, **options):
        try:
            path = create_backup(output or settings.BACKUP_DIR, stream=self.stderr)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"Backup written to {path}"))
