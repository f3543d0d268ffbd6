"""A backup restored into an empty database has the content and the media files back."""

import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from cms.backup import read_manifest
from cms.database import connection_params, database_url
from cms.factories import ImageFactory
from guidance.factories import ArticlePageFactory
from tests.faults.conftest import ROOT, service_env

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def empty_database():
    name = f"restore_{uuid.uuid4().hex[:10]}"
    admin = connection.settings_dict
    params = connection_params(admin, "postgres")
    with psycopg.connect(**params, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield database_url(admin, name), params, name
    with psycopg.connect(**params, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def restore(path, database_url, media_root, *extra):
    environment = service_env(DATABASE_URL=database_url, MEDIA_ROOT=str(media_root))
    return subprocess.run(
        [sys.executable, "manage.py", "restore", str(path), *extra],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_backup_restores_into_an_empty_database_with_content_and_media(
    topic, settings, tmp_path, empty_database
):
    image = ImageFactory(title="Ryhmäohjaus kuvana")
    page = ArticlePageFactory(parent=topic, title="Varmuuskopioitu artikkeli", hero_image=image)
    page.save_revision().publish()
    image_file = Path(image.file.path).relative_to(settings.MEDIA_ROOT)

    call_command("backup", output=str(tmp_path / "backups"))
    [backup] = list((tmp_path / "backups").iterdir())
    manifest = read_manifest(backup)
    assert manifest["counts"]["images"] == 1
    assert manifest["media_files"] >= 1

    database_url, params, name = empty_database
    restored_media = tmp_path / "restored-media"
    result = restore(backup, database_url, restored_media)
    assert result.returncode == 0, result.stderr
    assert "Restored" in result.stdout

    with psycopg.connect(**{**params, "dbname": name}) as conn:
        titles = [row[0] for row in conn.execute("SELECT title FROM wagtailcore_page")]
        live = conn.execute(
            "SELECT live FROM wagtailcore_page WHERE title = 'Varmuuskopioitu artikkeli'"
        ).fetchone()
    assert "Varmuuskopioitu artikkeli" in titles
    assert live == (True,)
    assert (restored_media / image_file).read_bytes() == Path(image.file.path).read_bytes()

    # A second restore over the now-filled database is refused, and nothing changes.
    again = restore(backup, database_url, restored_media)
    assert again.returncode != 0
    assert "already has tables" in again.stderr


def test_a_damaged_backup_is_refused_before_anything_is_touched(tmp_path, empty_database):
    call_command("backup", output=str(tmp_path / "backups"))
    [backup] = list((tmp_path / "backups").iterdir())
    with open(backup / "database.dump", "r+b") as dump:
        dump.seek(200)
        dump.write(b"\0" * 64)
    with pytest.raises(CommandError, match="damaged"):
        call_command("restore", str(backup))
    database_url, params, name = empty_database
    result = restore(backup, database_url, tmp_path / "media")
    assert result.returncode != 0
    assert "damaged" in result.stderr
    with psycopg.connect(**{**params, "dbname": name}) as conn:
        tables = conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchone()
    assert tables == (0,)
