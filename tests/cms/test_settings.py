import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_django_setup(**env):
    environment = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    environment.update(env, DJANGO_SETTINGS_MODULE="cms.settings")
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_without_secret_key_refuses_to_start():
    result = run_django_setup(DJANGO_ENV="production", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_with_secret_key_starts():
    result = run_django_setup(
        DJANGO_ENV="production",
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="cms.example",
        DATABASE_URL="postgres://cms@db.example.invalid:5432/ohjaaja_cms",
    )
    assert result.returncode == 0, result.stderr


def test_development_defaults_start_without_configuration():
    result = run_django_setup(DJANGO_ENV="development")
    assert result.returncode == 0, result.stderr
