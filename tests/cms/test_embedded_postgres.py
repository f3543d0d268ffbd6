"""The embedded PostgreSQL's server settings (``cms.embedded_postgres.configure``, which the
bench uses to size its own server as production's): a setting that takes effect only at start
is in force afterwards, and the server is restarted only when a value changes."""

import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CONFIGURE_TWICE = """
import psycopg
from cms import embedded_postgres

def state(socket_dir):
    with psycopg.connect(host=socket_dir, user="postgres", dbname="postgres") as connection:
        return connection.execute(
            "SELECT current_setting('shared_buffers'), pg_postmaster_start_time()"
        ).fetchone()

socket_dir = embedded_postgres.start("postgres")
before, started = state(socket_dir)
embedded_postgres.configure({"shared_buffers": "48MB"})
configured, restarted = state(socket_dir)
embedded_postgres.configure({"shared_buffers": "48MB"})
again, restarted_again = state(socket_dir)
print(before, configured, again, restarted > started, restarted_again == restarted)
"""


def test_a_start_only_setting_is_in_force_and_an_unchanged_one_restarts_nothing():
    # Inside the checkout, not pytest's private temporary folder: as root the server runs as
    # another system user, who must reach the data directory.
    data = ROOT / ".data" / f"test-configure-{secrets.token_hex(4)}"
    env = {**os.environ, "EMBEDDED_POSTGRES_DIR": str(data), "PYTHONPATH": str(ROOT)}
    try:
        result = subprocess.run(
            [sys.executable, "-c", CONFIGURE_TWICE],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr[-2000:]
        assert result.stdout.split() == ["128MB", "48MB", "48MB", "True", "True"]
    finally:
        shutil.rmtree(data, ignore_errors=True)  # the server stopped when the process exited
