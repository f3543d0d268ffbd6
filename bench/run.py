#!/usr/bin/env python
"""Benchmarks: the API under load, side by side with the framework's floor and stock Wagtail.

    make bench                      # 10,000 items, 3 runs of every scenario
    make bench BENCH_ARGS="--large" # also 50,000 items, for the scale comparison
    python bench/run.py --items 200 --duration 2 --runs 1 --out /tmp/b   # smoke

What one run does, all on this machine:
1. a PostgreSQL database of its own (`BENCH_DATABASE_URL`, or `ohjaaja_bench` on an embedded
   server of the bench's own, sized as in production: `PRODUCTION_POSTGRES`), migrated and
   seeded with `seed_demo --scale N` (timed, including its search indexing and read model), and
   the search index and the read model rebuilt again with `rebuild_search_index` and
   `rebuild_read_model` (timed);
2. gunicorn with 2 workers and the Redis cache, configured as in production, with the task
   worker (`manage.py db_worker`) working the database queue beside it (reply emails and the
   search index of a thread after a new post are its work, as in production);
3. for each scenario, wrk (a separate process) drives `--connections` keep-alive connections for
   `--duration` seconds; throughput, p50/p95/p99 latency and errors come from wrk;
4. SQL queries per request are counted in-process with Django's query capture (cold cache);
5. peak RSS per worker is read from /proc (VmHWM), reset before each scenario so every scenario
   reports its own peak; the overall peak is the highest of those.
Every scenario is reported as a ratio to the trivial JSON endpoint (`/healthz`, the same
middleware stack) and to Wagtail's own API v3 listing of the same pages, measured in the same run.

This module runs the steps; what each scenario asks is in ``bench.scenarios``, the database,
gunicorn and the task worker in ``bench.services``, wrk in ``bench.load`` and the written
results (RESULTS.md with its history, the chart) in ``bench.report``.
"""

import argparse
import contextlib
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import urllib.parse
from pathlib import Path

# The project root is importable from here on.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.load import load  # noqa: E402
from bench.report import report  # noqa: E402
from bench.scenarios import (  # noqa: E402
    GRAPHQL_BODY,
    MISTYPED_QUERIES,
    REPLY_BODY,
    SCENARIOS,
    SEARCH_QUERIES,
)
from bench.services import (  # noqa: E402
    PY,
    ROOT,
    drain_tasks,
    environment,
    peak_rss_mb,
    prepare_database,
    reset_peak_rss,
    start_server,
    worker_pids,
)
from cms import embedded_postgres  # noqa: E402
from cms.database import database_url  # noqa: E402
from cms.local_redis import RedisServer  # noqa: E402

# The server settings a production PostgreSQL for this data would have (docs/operations.md):
# the working set in shared buffers. With PostgreSQL's default 128 MB, 50,000 items' search
# documents (218 MB) and read model (400 MB) no longer fit, and every search read most of its
# pages from the operating system's cache: search at 50,000 items measured PostgreSQL's
# default configuration rather than the application (625 ms p50 against 350 ms with 1 GB).
PRODUCTION_POSTGRES = {"shared_buffers": "1GB"}


def chosen(args):
    """The scenarios to run: all, or those whose name contains one of ``--only``'s words (the
    floor and the Wagtail baseline always, for the ratios)."""
    always = ("floor: trivial JSON (/healthz)", "wagtail API v3 pages listing (limit 20)")
    words = [w.strip() for w in (args.only or "").split(",") if w.strip()]
    return {
        name: path
        for name, path in SCENARIOS.items()
        if not words or name in always or any(word in name for word in words)
    }


def sql_counts(env, fixtures, scenarios):
    """Queries per request for each scenario, cold application cache, in-process."""
    code = r"""
import json, os, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
django.setup()
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
import sys
scenarios, body, query = json.loads(sys.argv[1]), sys.argv[2], sys.argv[3]
fixtures, reply_body, typo = json.loads(sys.argv[4]), sys.argv[5], sys.argv[6]
from community.models import User
client = Client(HTTP_HOST="127.0.0.1")
poster = Client(HTTP_HOST="127.0.0.1")
poster.force_login(User.objects.get(username="bench.poster"))
result = {}
for name, path in scenarios.items():
    path = path.replace("{thread}", str(fixtures["thread"]))
    method, _, rest = path.partition(" ")
    post = method in ("POST", "REPLY")
    url = (rest if post else path).replace("{n}", "x").replace("{q}", query).replace("{t}", typo)
    if method == "REPLY":
        send = lambda: poster.post(url, reply_body, content_type="application/json")
    elif post:
        send = lambda: client.post(url, body, content_type="application/json")
    else:
        send = lambda: client.get(url)
    send()
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        send()
    result[name] = len(queries.captured_queries)
print(json.dumps(result))
"""
    output = subprocess.run(
        [
            PY,
            "-c",
            code,
            json.dumps(scenarios),
            GRAPHQL_BODY,
            urllib.parse.quote(SEARCH_QUERIES[2]),
            json.dumps(fixtures),
            REPLY_BODY,
            urllib.parse.quote(MISTYPED_QUERIES[3]),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def bench_fixtures(env):
    """A demo thread to read and reply to, and a signed-in session for the write scenario."""
    code = r"""
import json, os, secrets, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
django.setup()
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from community.models import Thread, User
thread = Thread.objects.filter(area__slug="kysy-kollegalta").order_by("pk").first()
user, _ = User.objects.get_or_create(username="bench.poster", defaults={"email": "bench@example.invalid"})
from allauth.account.models import EmailAddress
EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "community.backends.CounsellorBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(json.dumps({"thread": thread.pk, "session": session.session_key, "csrf": secrets.token_hex(16)}))
"""
    output = subprocess.run(
        [PY, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def measure(args, env, items, workdir):
    if args.reuse_db:
        timings = {
            "seed_seconds": "not measured (--reuse-db)",
            "index_seconds": "not measured (--reuse-db)",
            "read_model_seconds": "not measured (--reuse-db)",
        }
    else:
        timings = prepare_database(args, env, items)
    fixtures = bench_fixtures(env)
    scenarios = chosen(args)
    queries = sql_counts(env, fixtures, scenarios)
    port = args.port
    server, worker = start_server(env, port, args.workers)
    try:
        pids = worker_pids(server)
        results = {}
        for run_number in range(args.runs):
            for name, path in scenarios.items():
                print(f"  [{items} items, run {run_number + 1}/{args.runs}] {name}", flush=True)
                reset_peak_rss(pids)
                result = load(port, path, args, workdir, fixtures)
                result["peak_rss_mb"] = peak_rss_mb(pids)
                if path.startswith("REPLY"):
                    drain_tasks(args.database_url)
                results.setdefault(name, []).append(result)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        os.killpg(worker.pid, signal.SIGTERM)
        server.wait(timeout=20)
        worker.wait(timeout=20)
    summary = {}
    for name, runs in results.items():
        summary[name] = {
            key: round(statistics.median(r[key] for r in runs), 2 if key != "error_rate" else 4)
            for key in runs[0]
            if key != "peak_rss_mb"
        }
        run_peaks = [r["peak_rss_mb"] for r in runs if r["peak_rss_mb"] is not None]
        summary[name]["peak_rss_mb"] = max(run_peaks, default=None)
        summary[name]["sql_queries"] = queries.get(name)
    peaks = [row["peak_rss_mb"] for row in summary.values() if row["peak_rss_mb"] is not None]
    rss = max(peaks, default=None)
    return {"items": items, **timings, "peak_rss_mb_per_worker": rss, "scenarios": summary}


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--large", action="store_true", help="also measure at 50,000 items")
    parser.add_argument("--duration", type=int, default=15)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--reuse-db", action="store_true", help="skip seeding; reuse the last database"
    )
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL"),
        help="the benchmark's own database (dropped and created); "
        "default: ohjaaja_bench on the embedded PostgreSQL",
    )
    parser.add_argument(
        "--redis-url",
        default=os.environ.get("BENCH_REDIS_URL"),
        help="default: a redis-server of the benchmark's own on a free port",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "bench")
    parser.add_argument(
        "--only",
        help="comma-separated words: run only the scenarios whose names contain one "
        "(e.g. 'thread,posting'; the floor and the Wagtail baseline always run)",
    )
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: `apt-get install wrk` (make bench does it)")
    args.out.mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as services:
        if not args.database_url:
            # An embedded server of the benchmark's own (not the one `make run` and the tests
            # use), sized as production's would be; it stays up while this process holds it.
            os.environ.setdefault("EMBEDDED_POSTGRES_DIR", str(ROOT / ".data" / "bench-postgres"))
            embedded_postgres.configure(PRODUCTION_POSTGRES)
            socket_dir = embedded_postgres.start("ohjaaja_bench")
            args.database_url = database_url(
                {"USER": embedded_postgres.SUPERUSER, "HOST": socket_dir}, "ohjaaja_bench"
            )
        if not args.redis_url:
            args.redis_url = services.enter_context(RedisServer()).url
        bench(args)


def bench(args):
    workdir = args.out / ".work"
    workdir.mkdir(exist_ok=True)
    env = environment(args)
    results = [measure(args, env, args.items, workdir)]
    if args.large:
        results.append(measure(args, env, 50_000, workdir))
    report(results, args, args.out)
    shutil.rmtree(workdir, ignore_errors=True)
    print((args.out / "RESULTS.md").read_text())


if __name__ == "__main__":
    main()
