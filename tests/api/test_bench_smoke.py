"""The benchmark harness must not rot: it runs end to end on a tiny catalogue, its scenarios
answer and its wrk parser reads wrk."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from bench.load import WRK_LUA, parse_wrk
from bench.report import HISTORY_MARKER, svg_chart
from bench.scenarios import GRAPHQL_BODY, REPLY_BODY, SCENARIOS, SEARCH_QUERIES
from cms.database import connection_params, database_url
from cms.local_redis import RedisServer, free_port

WRK_OUTPUT = """Running 2s test @ http://127.0.0.1:8765/api/v1/content/?limit=20
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    25.10ms   10.20ms 120.00ms   80.00%
    Req/Sec   150.00     20.00   200.00     70.00%
  Latency Distribution
     50%   21.35ms
     75%   30.00ms
     90%   45.00ms
     99%    1.20s
  612 requests in 2.00s, 9.10MB read
  Non-2xx or 3xx responses: 3
Requests/sec:    305.87
Transfer/sec:      4.55MB
"""


def test_wrk_output_is_parsed():
    result = parse_wrk(WRK_OUTPUT)
    assert result["rps"] == 305.87
    assert result["p50_ms"] == 21.35
    assert result["p99_ms"] == 1200.0
    assert 45.0 < result["p95_ms"] < 1200.0
    assert result["error_rate"] == round(3 / 612, 4)


def test_chart_is_an_svg_with_every_scenario():
    svg = svg_chart({"a": {"p50_ms": 1.0, "p95_ms": 2.0}, "b": {"p50_ms": 3.0, "p95_ms": 4.0}})
    assert svg.startswith("<svg")
    assert ">a<" in svg
    assert ">b<" in svg


@pytest.mark.django_db
def test_every_bench_scenario_answers_on_a_small_catalogue(client, catalogue):
    from community.factories import CounsellorFactory
    from community.models import DiscussionArea, Post, Thread

    area = DiscussionArea.objects.get(slug="kysy-kollegalta", locale__language_code="fi")
    author = CounsellorFactory()
    thread = Thread.objects.create(area=area, title="Kysymys", author=author)
    Post.objects.create(thread=thread, author=author, body="<p>Hei</p>")
    poster = CounsellorFactory()
    for name, path in SCENARIOS.items():
        if "wagtail API v3" in name:
            continue  # mounted only when BENCH_WAGTAIL_API_V3 is set, in the benchmark's server
        method, _, rest = path.partition(" ")
        url = rest if method in ("POST", "REPLY") else path
        url = url.replace("{n}", "1").replace("{q}", SEARCH_QUERIES[0])
        url = url.replace("{thread}", str(thread.pk))
        url = url.replace(
            "/asiakastyohon/urasuunnittelu/elamanjana/", "/asiakastyohon/urasuunnittelu/method-2/"
        )
        if method == "REPLY":
            client.force_login(poster)
            response = client.post(url, REPLY_BODY, content_type="application/json")
            client.logout()
            assert response.status_code == 201, (name, response.status_code)
            continue
        if method == "POST":
            response = client.post(url, GRAPHQL_BODY, content_type="application/json")
        else:
            response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)


def test_wrk_reports_the_cache_hits():
    result = parse_wrk(WRK_OUTPUT + "cache hits: 306\n")
    assert result["cache_hit_rate"] == 0.5


def test_search_scenario_rotates_url_encoded_finnish_queries():
    assert '"ty%C3%B6nhakijoille"' in WRK_LUA
    assert len(SEARCH_QUERIES) >= 10


def _run_harness(database_url, redis_url, env, out):
    subprocess.run(
        [
            sys.executable,
            "bench/run.py",
            "--items=5",
            "--duration=1",
            "--runs=1",
            "--connections=2",
            "--workers=1",
            f"--port={free_port()}",
            f"--database-url={database_url}",
            f"--redis-url={redis_url}",
            f"--out={out}",
        ],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        check=True,
        capture_output=True,
        timeout=600,
    )


def test_harness_runs_end_to_end_on_a_tiny_catalogue(tmp_path):
    """The real harness (own database, seeding, gunicorn, wrk, in-process query counts, report)
    at 5 generated items, 1 second per scenario: every scenario is measured without errors."""
    # A database and a Redis of the test's own, on whatever server the suite uses.
    name = f"bench_smoke_{uuid.uuid4().hex[:10]}"
    params = connection_params(connection.settings_dict, "postgres")
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    earlier = f"{HISTORY_MARKER}\n\n## An earlier session\n\nIts figures and why.\n"
    (tmp_path / "RESULTS.md").write_text(f"# Benchmark results\n\nlast run's table\n\n{earlier}")
    try:
        with RedisServer() as redis:
            _run_harness(database_url(connection.settings_dict, name), redis.url, env, tmp_path)
    finally:
        with psycopg.connect(**params, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    results = json.loads((tmp_path / "results.json").read_text())
    scenarios = results[0]["scenarios"]
    assert set(scenarios) == set(SCENARIOS)
    for name, row in scenarios.items():
        assert row["rps"] > 0, name
        assert row["error_rate"] == 0, name
        assert row["peak_rss_mb"] > 0, name
        if "uncached" in name:  # each request new to the server's cache, in every thread
            assert row["cache_hit_rate"] == 0, name
    assert scenarios["listing limit 20"]["cache_hit_rate"] > 0.5
    assert results[0]["peak_rss_mb_per_worker"] == max(r["peak_rss_mb"] for r in scenarios.values())
    assert scenarios["listing limit 20"]["sql_queries"] > 0
    assert results[0]["seed_seconds"] > 0
    report = (tmp_path / "RESULTS.md").read_text()
    assert all(f"| {name} |" in report for name in SCENARIOS)
    assert "last run's table" not in report
    assert "gunicorn 1 workers" in report  # --workers: the report says what was measured
    assert report.endswith(earlier)  # the history of measurements is kept under the new table
    assert (tmp_path / "latency.svg").read_text().startswith("<svg")
