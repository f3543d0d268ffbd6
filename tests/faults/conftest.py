"""Fault tests run the application the way production does: gunicorn in its own processes on the
test database, PostgreSQL and Redis for real; a test then stops or blocks one of them."""

import os
import secrets
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from django.db import connection
from django.test import Client

from cms.database import database_url as url_for
from cms.local_redis import RedisServer, free_port

ROOT = Path(__file__).resolve().parents[2]


def wait_for(check, timeout=20.0, message="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {message}")


def database_url():
    """The test database, as a URL for the servers a test starts."""
    return url_for(connection.settings_dict)


def service_env(**extra):
    dropped = ("DEBUG", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")  # the last: browser tests'
    environment = {k: v for k, v in os.environ.items() if k not in dropped}
    environment.update(
        {
            "DATABASE_URL": database_url(),
            "TESTING": "1",  # the immediate task backend, as in the rest of the suite
            "READYZ_TOKEN": "test-operator",
            "ACCESS_LOG": "0",
            "LOG_LEVEL": "ERROR",
            "PYTHONUNBUFFERED": "1",
            **extra,
        }
    )
    return environment


@pytest.fixture
def app_server(tmp_path):
    """Start gunicorn (2 workers) with extra environment; returns its base URL."""
    processes = []

    def start(**extra):
        port = free_port()
        log = open(tmp_path / f"gunicorn-{port}.log", "w")  # noqa: SIM115
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "cms.wsgi:application", "--workers", "2"],
            cwd=ROOT,
            env=service_env(PORT=str(port), **extra),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        processes.append(process)
        base = f"http://127.0.0.1:{port}"
        wait_for(lambda: requests.get(f"{base}/healthz", timeout=1).ok, 30, "gunicorn to answer")
        return base

    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def redis_process():
    """A Redis of the test's own, so stopping it disturbs nothing else."""
    redis = RedisServer().start()
    yield redis
    redis.stop()


def signed_in(user, base_url):
    """A requests session carrying the user's session cookie and a CSRF token."""
    client = Client()
    client.force_login(user)
    token = secrets.token_hex(16)
    http = requests.Session()
    http.cookies.set("sessionid", client.cookies["sessionid"].value)
    http.cookies.set("csrftoken", token)
    http.headers.update({"X-CSRFToken": token, "Referer": base_url + "/"})
    return http
