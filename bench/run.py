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
"""

import argparse
import contextlib
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
sys.path.insert(0, str(ROOT))

from cms import embedded_postgres  # noqa: E402 - the project root is importable from here on
from cms.database import connection_params, database_url, parse_database_url  # noqa: E402
from cms.local_redis import RedisServer  # noqa: E402

# The server settings a production PostgreSQL for this data would have (docs/operations.md):
# the working set in shared buffers. With PostgreSQL's default 128 MB, 50,000 items' search
# documents (218 MB) and read model (400 MB) no longer fit, and every search read most of its
# pages from the operating system's cache: search at 50,000 items measured PostgreSQL's
# default configuration rather than the application (625 ms p50 against 350 ms with 1 GB).
PRODUCTION_POSTGRES = {"shared_buffers": "1GB"}
JOD_LISTING = "/ohjaaja/cms/o/headless-delivery/v1.0/sites/20117/structured-contents"
SCENARIOS = {
    "floor: trivial JSON (/healthz)": "/healthz",
    "wagtail API v3 pages listing (limit 20)": "/bench/wagtail-api/v3/pages/?limit=20",
    "navigation": "/api/v1/navigation/",
    "listing limit 20": "/api/v1/content/?limit=20",
    "listing limit 100": "/api/v1/content/?limit=100",
    "listing limit 20, filtered": "/api/v1/content/?limit=20&keyword=uraohjaus&type=method,tool",
    "listing limit 20, uncached": "/api/v1/content/?limit=20&nocache={n}",
    "listing limit 20, filtered, uncached": "/api/v1/content/?limit=20&keyword=uraohjaus&type=method,tool&nocache={n}",
    "listing limit 100, uncached": "/api/v1/content/?limit=100&nocache={n}",
    # The JOD frontend's listing (jod/): the same 100 newest items in Liferay's shape, and the
    # 500 a category page asks for.
    "JOD listing 100, uncached": JOD_LISTING + "?pageSize=100&sort=dateCreated%3Adesc&nocache={n}",
    "JOD listing 500, uncached": JOD_LISTING + "?pageSize=500&sort=dateCreated%3Adesc&nocache={n}",
    "detail": "/api/v1/content/by-path/?path=/asiakastyohon/urasuunnittelu/elamanjana/",
    "detail, uncached": "/api/v1/content/by-path/?path=/asiakastyohon/urasuunnittelu/elamanjana/&nocache={n}",
    "graphql listing limit 20": "POST /graphql/",
    "search (Finnish queries, uncached)": "/api/v1/search/?q={q}",
    "search (mistyped queries, uncached)": "/api/v1/search/?q={t}",
    "discussion thread read": "/api/v1/discussions/{thread}/",
    "write mix (posting replies)": "REPLY /api/v1/discussions/{thread}/posts/",
}
# Inflected and compound Finnish queries, picked at random per request.
SEARCH_QUERIES = [
    "ohjaus",
    "nuorille",
    "uraohjauksen menetelmät",
    "työnhakijoille",
    "ryhmäohjauksessa",
    "elämänjana",
    "itsetuntemus harjoitus",
    "etäohjaus",
    "motivoiva haastattelu",
    "kuvakortit",
    "maahanmuuttajille",
    "osaamisen tunnistaminen",
]
# The same kind of queries as typed on a phone or a foreign keyboard: no ä/ö, a typo, a space
# inside a compound. These take the forgiving path (respelling and a second search).
MISTYPED_QUERIES = [
    "tyonhakijoille",
    "ryhmaohjauksessa",
    "uraohajus",
    "itsetuntemsu harjoitus",
    "elamanjana",
    "motivoiva haastatelu",
    "etaohjaus",
    "kuva kortit",
]
GRAPHQL_BODY = json.dumps(
    {
        "query": "{ content(limit: 20) { count items { id title path keywords { name } image { src } } } }"
    }
)
NOT_YET = {}
REPLY_BODY = json.dumps({"body": "<p>Hyvä ajatus, kokeilen tätä ryhmässä.</p>"})


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


WRK_LUA = """
-- Every request of an "uncached" scenario must be new to the server's cache: its {n} is made
-- of this load's own tag (RUN_TAG, new for every wrk run), the wrk thread and a counter. (Two
-- threads counting alike, or a run repeating the last one's numbers, would be served from the
-- cache and measure it instead.) Responses the cache answered are counted and reported.
local threads = {}
local made = 0
setup = function(thread)
  made = made + 1
  thread:set("id", made)
  table.insert(threads, thread)
end
counter = 0
hits = 0
queries = { QUERY_LIST }
mistyped = { MISTYPED_LIST }
request = function()
  counter = counter + 1
  local path = string.gsub(wrk.path, "{n}", "RUN_TAG-" .. tostring(id) .. "-" .. tostring(counter))
  -- "%" starts a capture reference in gsub's replacement: double it (the queries are URL-encoded)
  local query = string.gsub(queries[math.random(1, #queries)], "%%", "%%%%")
  path = string.gsub(path, "{q}", query)
  local typo = string.gsub(mistyped[math.random(1, #mistyped)], "%%", "%%%%")
  path = string.gsub(path, "{t}", typo)
  return wrk.format(nil, path)
end
response = function(status, headers, body)
  if headers["X-Cache"] == "hit" then
    hits = hits + 1
  end
end
done = function(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("hits")
  end
  io.write("cache hits: " .. tostring(total) .. "\\n")
end
""".replace(
    "QUERY_LIST", ", ".join(json.dumps(urllib.parse.quote(q)) for q in SEARCH_QUERIES)
).replace("MISTYPED_LIST", ", ".join(json.dumps(urllib.parse.quote(q)) for q in MISTYPED_QUERIES))
WRK_POST_LUA = """
wrk.method = "POST"
wrk.body = %s
wrk.headers["Content-Type"] = "application/json"
"""


WRK_REPLY_LUA = """
wrk.method = "POST"
wrk.body = %s
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = "sessionid=%s; csrftoken=%s"
wrk.headers["X-CSRFToken"] = "%s"
"""


def load(port, path, args, workdir, fixtures):
    path = path.replace("{thread}", str(fixtures["thread"]))
    method, _, rest = path.partition(" ")
    method_post = method in ("POST", "REPLY")
    url_path = rest if method_post else path
    if method == "REPLY":
        script = workdir / "reply.lua"
        script.write_text(
            WRK_REPLY_LUA
            % (json.dumps(REPLY_BODY), fixtures["session"], fixtures["csrf"], fixtures["csrf"])
        )
    else:
        script = workdir / ("post.lua" if method_post else "get.lua")
        get_lua = WRK_LUA.replace("RUN_TAG", uuid.uuid4().hex[:12])
        script.write_text(WRK_POST_LUA % json.dumps(GRAPHQL_BODY) if method_post else get_lua)
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{args.connections}",
            f"-d{args.duration}s",
            "--latency",
            "-s",
            str(script),
            f"http://127.0.0.1:{port}{url_path}",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return parse_wrk(output)


def parse_wrk(output):
    def millis(value):
        number = float(value[:-2] if value.endswith(("ms", "us")) else value[:-1])
        if value.endswith("us"):
            return number / 1000
        if value.endswith("ms"):
            return number
        return number * 1000  # seconds

    percentiles = dict(re.findall(r"^\s+(50|90|99)%\s+(\S+)", output, re.MULTILINE))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors += int(non_2xx.group(1)) if non_2xx else 0
    # wrk prints p50/p90/p99; p95 is interpolated between p90 and p99.
    p90, p99 = millis(percentiles["90"]), millis(percentiles["99"])
    hits = re.search(r"^cache hits: (\d+)", output, re.MULTILINE)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        # the share of answers the server-side response cache gave (GET scenarios)
        "cache_hit_rate": round(int(hits.group(1)) / max(requests, 1), 4) if hits else 0.0,
        "p50_ms": round(millis(percentiles["50"]), 2),
        "p95_ms": round(p90 + (p99 - p90) * 5 / 9, 2),
        "p99_ms": round(p99, 2),
        "error_rate": round(errors / max(requests, 1), 4),
    }


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


# RESULTS.md's history of measurements begins at this line; a run rewrites only what is above
# it (the latest figures), so `make bench` never erases the earlier sections.
HISTORY_MARKER = (
    "<!-- The sections below are kept by bench/run.py: the history of measurements. -->"
)


def report(results, args, out):
    base = results[0]
    floor = base["scenarios"]["floor: trivial JSON (/healthz)"]
    wagtail = base["scenarios"]["wagtail API v3 pages listing (limit 20)"]
    lines = [
        "# Benchmark results",
        "",
        f"Command: `python bench/run.py {' '.join(sys.argv[1:])}` (via `make bench`).",
        f"Machine: {os.cpu_count()} cores, {round(os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30)} GiB, "
        f"{platform_line()}; PostgreSQL on 127.0.0.1, Redis cache, gunicorn {args.workers} workers, wrk with "
        f"{args.connections} connections for {args.duration} s per scenario; medians of {args.runs} runs.",
        "",
        f"Seeding {base['items']} generated items (plus the demo content): {base['seed_seconds']} s. "
        f"Search index rebuild: {base['index_seconds']} s. "
        f"Read model rebuild: {base.get('read_model_seconds', '—')} s. Peak RSS per worker: {base['peak_rss_mb_per_worker']} MB.",
        "",
        "| scenario | req/s | p50 ms | p95 ms | p99 ms | errors | SQL/request (cold) | peak RSS/worker MB | p50 vs floor | req/s vs floor | p50 vs Wagtail v3 |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, row in base["scenarios"].items():
        lines.append(
            f"| {name} | {row['rps']:.0f} | {row['p50_ms']} | {row['p95_ms']} | {row['p99_ms']} | "
            f"{row['error_rate']:.2%} | {row['sql_queries']} | {row.get('peak_rss_mb')} | "
            f"{row['p50_ms'] / floor['p50_ms']:.1f}× | "
            f"{row['rps'] / floor['rps']:.0%} | {row['p50_ms'] / wagtail['p50_ms']:.2f}× |"
        )
    for name, why in NOT_YET.items():
        lines.append(f"| {name} | — | — | — | — | — | — | — | — | — | {why} |")
    if len(results) > 1:
        large = results[1]
        lines += [
            "",
            f"## {base['items']} vs {large['items']} items",
            "",
            f"Seeding {large['items']}: {large['seed_seconds']} s; index rebuild {large['index_seconds']} s; "
            f"read model rebuild {large.get('read_model_seconds', '—')} s.",
            "",
            "| scenario | p50 ms | p50 ms at scale | ratio |",
            "|---|---|---|---|",
        ]
        for name, row in base["scenarios"].items():
            other = large["scenarios"][name]
            lines.append(
                f"| {name} | {row['p50_ms']} | {other['p50_ms']} | {other['p50_ms'] / row['p50_ms']:.2f}× |"
            )
    lines += ["", "![p50 and p95 latency by scenario](latency.svg)", ""]
    previous = out / "RESULTS.md"
    text = previous.read_text() if previous.exists() else ""
    history = text[text.index(HISTORY_MARKER) :] if HISTORY_MARKER in text else ""
    previous.write_text("\n".join(lines) + "\n" + history)
    (out / "latency.svg").write_text(svg_chart(base["scenarios"]))
    (out / "results.json").write_text(json.dumps(results, indent=2))


def platform_line():
    try:
        model = re.search(r"model name\s+: (.+)", Path("/proc/cpuinfo").read_text()).group(1)
    except (OSError, AttributeError):
        model = "unknown CPU"
    return f"{model}, Python {sys.version.split()[0]}"


def svg_chart(scenarios):
    """Horizontal bars of p50 and p95 latency per scenario (ms), as a standalone SVG."""
    names = list(scenarios)
    top = max(row["p95_ms"] for row in scenarios.values()) or 1
    width, left, row_h = 900, 300, 26
    height = row_h * len(names) + 50
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">',
        "<title>p50 and p95 latency by scenario (ms)</title>",
    ]
    for index, name in enumerate(names):
        y = 20 + index * row_h
        row = scenarios[name]
        p50 = (width - left - 80) * row["p50_ms"] / top
        p95 = (width - left - 80) * row["p95_ms"] / top
        parts.append(f'<text x="{left - 8}" y="{y + 14}" text-anchor="end">{name}</text>')
        parts.append(f'<rect x="{left}" y="{y + 2}" width="{p95:.1f}" height="16" fill="#9ecae1"/>')
        parts.append(f'<rect x="{left}" y="{y + 2}" width="{p50:.1f}" height="16" fill="#08519c"/>')
        parts.append(
            f'<text x="{left + p95 + 6:.1f}" y="{y + 14}">{row["p50_ms"]} / {row["p95_ms"]} ms</text>'
        )
    parts.append(f'<text x="{left}" y="{height - 8}">dark: p50, light: p95</text></svg>')
    return "\n".join(parts)


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
