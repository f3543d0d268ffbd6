import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

CREDENTIALS_FILE = Path(settings.BASE_DIR) / ".dev-admin"


class Command(BaseCommand):
    help = "Development only: create the admin user once and print its credentials."

    def handle(self, *args, **options):
        if settings.PRODUCTION:
            raise CommandError("ensure_dev_admin refuses to run with DJANGO_ENV=production.")
        User = get_user_model()
        username = "admin"
        if CREDENTIALS_FILE.exists() and User.objects.filter(username=username).exists():
            password = CREDENTIALS_FILE.read_text().strip()
        else:
            password = secrets.token_urlsafe(12)
            user, _ = User.objects.get_or_create(
                username=username, defaults={"email": "admin@example.invalid"}
            )
            user.is_staff = user.is_superuser = True
            user.set_password(password)
            user.save()
            CREDENTIALS_FILE.write_text(password + "\n")
            CREDENTIALS_FILE.chmod(0o600)
        self.stdout.write(
            self.style.WARNING(
                f"Development admin: username '{username}', password '{password}' "
                f"(stored in {CREDENTIALS_FILE.name}; development only)"
            )
        )
