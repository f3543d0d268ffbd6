"""Create the configured PostgreSQL database if it does not exist yet (for `make run`)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Create the PostgreSQL database named in DATABASE_URL when it is missing."

    def handle(self, *args, **options):
        import psycopg
        from psycopg import sql

        database = settings.DATABASES["default"]
        if database["ENGINE"] != "django.db.backends.postgresql":
            raise CommandError("DATABASE_URL must point to PostgreSQL (search needs it).")
        params = {
            "host": database.get("HOST") or None,
            "port": database.get("PORT") or None,
            "user": database.get("USER") or None,
            "password": database.get("PASSWORD") or None,
            "dbname": "postgres",
        }
        try:
            with psycopg.connect(**params, autocommit=True, connect_timeout=5) as connection:
                exists = connection.execute(
                    "SELECT 1 FROM pg_database WHERE datname = %s", [database["NAME"]]
                ).fetchone()
                if not exists:
                    connection.execute(
                        sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database["NAME"]))
                    )
                    self.stdout.write(f"Created database {database['NAME']}.")
        except psycopg.OperationalError as exc:
            raise CommandError(
                f"PostgreSQL is not reachable at {params['host']}:{params['port']} ({exc}). "
                "Start it or set DATABASE_URL."
            ) from exc
