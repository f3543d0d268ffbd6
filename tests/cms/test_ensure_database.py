"""`make test` with DATABASE_URL creates the database it names only for its own run: one that
was missing is dropped when the run ends, whatever its outcome; one that was there is kept."""

import sys
import uuid

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from cms.database import connection_params

pytestmark = pytest.mark.filterwarnings("ignore:Overriding setting DATABASES:UserWarning")


def _databases(name: str) -> list[str]:
    with psycopg.connect(**connection_params(connection.settings_dict, "postgres")) as conn:
        rows = conn.execute("SELECT datname FROM pg_database WHERE datname = %s", [name])
        return [row[0] for row in rows.fetchall()]


def _run(settings, name: str, *command: str) -> None:
    settings.DATABASES = {"default": {**connection.settings_dict, "NAME": name}}
    call_command("ensure_database", "--while", *command)


def test_a_database_made_for_a_command_is_there_while_it_runs_and_dropped_after_it(settings):
    name = f"ensure_{uuid.uuid4().hex[:10]}"
    params = connection_params(connection.settings_dict, name)
    # The command connects to the new database and fails: its status is the run's.
    probe = f"import psycopg, sys; psycopg.connect(**{params!r}).close(); sys.exit(4)"
    with pytest.raises(SystemExit) as ended:
        _run(settings, name, sys.executable, "-c", probe)
    assert ended.value.code == 4
    assert _databases(name) == []


def test_a_database_that_was_there_before_is_kept(settings):
    name = f"ensure_{uuid.uuid4().hex[:10]}"
    admin = connection_params(connection.settings_dict, "postgres")
    with psycopg.connect(**admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        _run(settings, name, sys.executable, "-c", "pass")
        assert _databases(name) == [name]
    finally:
        with psycopg.connect(**admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
