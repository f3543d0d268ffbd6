"""The suite keeps to what it creates: on a Redis that a development server also uses, a test run
leaves the server's cache and sessions alone and leaves none of its own keys behind."""

import os
import subprocess
import sys
import uuid

import psycopg
import redis
from django.db import connection

from cms.database import connection_params, database_url
from cms.local_redis import RedisServer
from tests.faults.conftest import ROOT

DEV_KEYS = {
    b"cms:1:django.contrib.sessions.cache_abc": b"a development session",
    b"cms:1:resp3:content-listing": b"a cached listing",
}


def test_a_test_run_on_a_shared_redis_leaves_the_development_servers_keys_alone():
    name = f"isolation_{uuid.uuid4().hex[:10]}"
    with RedisServer() as server:
        shared = redis.Redis.from_url(server.url)
        shared.mset(DEV_KEYS)
        environment = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_XDIST")}
        environment.update(
            REDIS_URL=server.url, DATABASE_URL=database_url(connection.settings_dict, name)
        )
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-p", "no:xdist", "-q", "-k", "cache or etag"]
            + ["tests/api/test_content_api.py", "tests/api/test_graphql.py"],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        assert " passed" in result.stdout
        assert {key: shared.get(key) for key in DEV_KEYS} == DEV_KEYS
        assert set(shared.keys("*")) == set(DEV_KEYS)  # the run left nothing of its own
    with psycopg.connect(**connection_params(connection.settings_dict, "postgres")) as conn:
        leftovers = conn.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s", [f"%{name}%"]
        ).fetchall()
    assert leftovers == []  # and dropped the test database it made
