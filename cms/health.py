"""Liveness and readiness probes for the load balancer and orchestration."""

import logging
import time
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def healthz(request):
    """The process is up and answering. Does not touch dependencies."""
    return JsonResponse({"status": "ok"})


def _check(name, probe):
    started = time.perf_counter()
    try:
        detail = probe() or {}
        ok = True
    except Exception as exc:  # a failing dependency is reported, never raised
        logger.warning("readiness check %s failed: %s", name, type(exc).__name__)
        detail, ok = {"error": type(exc).__name__}, False
    return {"ok": ok, "ms": round((time.perf_counter() - started) * 1000, 1), **detail}


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"vendor": connection.vendor}


def _cache():
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", 5)
    if cache.get(key) != "1":
        raise RuntimeError("cache did not return the value just written")
    cache.delete(key)
    from django.conf import settings

    return {"backend": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]}


def _search():
    from search.services import search_backend_status

    return search_backend_status()


@never_cache
@require_GET
def readyz(request):
    """Ready to serve: database and cache answer; search reports which engine serves."""
    checks = {
        "database": _check("database", _database),
        "cache": _check("cache", _cache),
        "search": _check("search", _search),
    }
    # Search falling back to the database is degraded, not unready.
    ready = checks["database"]["ok"] and checks["cache"]["ok"]
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": checks},
        status=200 if ready else 503,
    )
