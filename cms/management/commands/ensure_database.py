"""Create the configured PostgreSQL database if it does not exist yet (for `make run`), or for
the length of one command only (for `make test`)."""

import subprocess

import psycopg
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from psycopg import sql

from cms.database import connection_params


class Command(BaseCommand):
    help = (
        "Create the PostgreSQL database named in DATABASE_URL when it is missing. With a command "
        "after --while, run it, and drop the database afterwards if it was created here."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--while",
            dest="command",
            nargs="...",
            default=[],
            help="a command to run; a database created for it is dropped when it ends",
        )

    def handle(self, *args, **options):
        database = settings.DATABASES["default"]
        if database["ENGINE"] != "django.db.backends.postgresql":
            raise CommandError("DATABASE_URL must point to PostgreSQL (search needs it).")
        params = connection_params(database, "postgres")
        name = sql.Identifier(database["NAME"])
        try:
            with psycopg.connect(**params, autocommit=True, connect_timeout=5) as connection:
                exists = connection.execute(
                    "SELECT 1 FROM pg_database WHERE datname = %s", [database["NAME"]]
                ).fetchone()
                if not exists:
                    connection.execute(sql.SQL("CREATE DATABASE {}").format(name))
                    self.stdout.write(f"Created database {database['NAME']}.")
        except psycopg.OperationalError as exc:
            raise CommandError(
                f"PostgreSQL is not reachable at {params['host']}:{params['port']} ({exc}). "
                "Start it or set DATABASE_URL."
            ) from exc
        if not options["command"]:
            return
        try:
            status = subprocess.run(options["command"], check=False).returncode  # noqa: S603
        finally:
            if not exists:
                # Only a database this run created, never one that was there before it.
                with psycopg.connect(**params, autocommit=True, connect_timeout=5) as connection:
                    connection.execute(
                        sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name)
                    )
                self.stdout.write(f"Dropped database {database['NAME']}.")
        if status:
            raise SystemExit(status)
