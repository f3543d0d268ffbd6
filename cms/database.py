"""Database URLs in one place: read ``DATABASE_URL`` and write one back from settings.

A PostgreSQL server may be reached over TCP (``postgres://user@host:5432/name``) or over a unix
socket, as the embedded development server is (``postgres://user@/name?host=/path/to/dir``).
dj-database-url leaves a socket directory given as ``?host=`` among the connection options;
this module moves it to ``HOST`` so that every consumer (psycopg, pg_dump, the tests' servers)
sees the same settings, and :func:`database_url` writes any settings back as a URL that parses
to them again.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

import dj_database_url


def parse_database_url(url: str, **options: Any) -> dict[str, Any]:
    """Django ``DATABASES`` entry for ``url``; a socket directory in ``?host=`` becomes HOST."""
    config = dj_database_url.parse(url, **options)
    socket_dir = config.get("OPTIONS", {}).pop("host", None)
    if socket_dir:
        config["HOST"], config["PORT"] = str(socket_dir), ""
    if "OPTIONS" in config and not config["OPTIONS"]:
        del config["OPTIONS"]
    return config


def database_url(database: dict[str, Any], name: str | None = None) -> str:
    """A URL for the server in a ``DATABASES`` entry, naming ``name`` (default: its own)."""
    user = quote(database.get("USER") or "", safe="")
    password = database.get("PASSWORD") or ""
    credentials = f"{user}:{quote(password, safe='')}" if password else user
    host, port = database.get("HOST") or "", database.get("PORT") or ""
    path = quote(name or database["NAME"], safe="")
    if host.startswith("/"):
        return f"postgres://{credentials}@/{path}?{urlencode({'host': host})}"
    location = f"{host}:{port}" if port else host
    return f"postgres://{credentials}@{location}/{path}"


def connection_params(database: dict[str, Any], dbname: str | None = None) -> dict[str, Any]:
    """Keyword arguments for ``psycopg.connect`` to the server in a ``DATABASES`` entry."""
    return {
        "host": database.get("HOST") or None,
        "port": database.get("PORT") or None,
        "user": database.get("USER") or None,
        "password": database.get("PASSWORD") or None,
        "dbname": dbname or database["NAME"],
    }
