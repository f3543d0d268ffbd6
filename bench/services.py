"""The benchmark's services: its own database, gunicorn with the task worker beside it, and the
workers' peak memory."""

import contextlib
import os
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from cms.database import connection_params, parse_database_url

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def run(cmd, env, **kwargs):
    return subprocess.run(cmd, cwd=ROOT, env=env, check=True, **kwargs)


def environment(args):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    env.update(
        DATABASE_URL=args.database_url,
        REDIS_URL=args.redis_url,
        DJANGO_ENV="production",
        SECRET_KEY="bench-only-not-a-secret-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        FRONTEND_URLS="",
        TASKS_IMMEDIATE="1",
        BENCH_WAGTAIL_API_V3="1",
        LOG_LEVEL="WARNING",
        SEARCH_CACHE_TIMEOUT="0",  # search is measured uncached: every request runs its SQL
        # The write scenario measures posting, not the rate limiter; email goes nowhere.
        COMMUNITY_POST_RATE="1000000/min",
        COMMUNITY_NEW_ACCOUNT_HOURS="0",
        SEARCH_RATE="1000000/min",
        COMMUNITY_POST_RATE_PER_ADDRESS="1000000/min",
        EMAIL_URL="locmem:",
        DB_CONN_MAX_AGE="600",
    )
    return env


def recreate_database(database_url):
    """Drop and create the benchmark's own database (never any other)."""
    import psycopg
    from psycopg import sql

    database = parse_database_url(database_url)
    with psycopg.connect(**connection_params(database, "postgres"), autocommit=True) as conn:
        name = sql.Identifier(database["NAME"])
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(name))


def timed_command(env, *command, quiet_errors=True):
    """Seconds a ``manage.py`` command takes (its output is not shown)."""
    started = time.perf_counter()
    stderr = subprocess.DEVNULL if quiet_errors else None
    run([PY, "manage.py", *command], env, stdout=subprocess.DEVNULL, stderr=stderr)
    return round(time.perf_counter() - started, 1)


def prepare_database(args, env, items):
    recreate_database(args.database_url)
    run([PY, "manage.py", "migrate", "--no-input", "-v0"], env)
    timings = {
        "seed_seconds": timed_command(env, "seed_demo", "--scale", str(items), quiet_errors=False),
        "index_seconds": timed_command(env, "rebuild_search_index"),
        "read_model_seconds": "—",
    }
    if (ROOT / "guidance/management/commands/rebuild_read_model.py").exists():  # not before it
        timings["read_model_seconds"] = timed_command(env, "rebuild_read_model")
    return timings


def start_server(env, port, workers=2):
    """gunicorn and the task worker, with the database task queue (seeding and the in-process
    counts run tasks at once instead)."""
    production = {k: v for k, v in env.items() if k != "TASKS_IMMEDIATE"}
    process = subprocess.Popen(
        [
            PY,
            "-m",
            "gunicorn",
            "cms.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env={**production, "ACCESS_LOG": "0"},  # gunicorn.conf.py: no access lines under load
        start_new_session=True,
    )
    worker = subprocess.Popen(
        [PY, "manage.py", "db_worker", "--interval", "0.1", "--no-startup-delay"],
        cwd=ROOT,
        env=production,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return process, worker
        except OSError:
            time.sleep(0.2)
    process.kill()
    worker.kill()
    raise RuntimeError("gunicorn did not start")


def drain_tasks(database_url, timeout=300):
    """Wait until the task worker has done what a scenario queued (the reindexing and emails of
    the replies), so its work is not counted against the next scenario."""
    import psycopg

    database = parse_database_url(database_url)
    deadline = time.monotonic() + timeout
    with psycopg.connect(**connection_params(database, database["NAME"]), autocommit=True) as conn:
        while time.monotonic() < deadline:
            waiting = conn.execute(
                "SELECT count(*) FROM django_tasks_database_dbtaskresult "
                "WHERE status IN ('READY', 'RUNNING')"
            ).fetchone()[0]
            if not waiting:
                return
            time.sleep(0.5)


def worker_pids(master):
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def reset_peak_rss(pids):
    """Start a new peak-RSS window for the workers (Linux: writing 5 to clear_refs resets
    VmHWM), so each scenario's peak is its own."""
    for pid in pids:
        with contextlib.suppress(OSError):
            Path(f"/proc/{pid}/clear_refs").write_text("5")


def peak_rss_mb(pids):
    peaks = []
    for pid in pids:
        status = Path(f"/proc/{pid}/status")
        if status.exists():
            match = re.search(r"VmHWM:\s+(\d+) kB", status.read_text())
            if match:
                peaks.append(int(match.group(1)) / 1024)
    return round(max(peaks), 1) if peaks else None
