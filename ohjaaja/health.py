"""Liveness and readiness probes for the load balancer and orchestration."""

import hmac
import logging
import time
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from guidance import read_model
from search.services import search_backend_status

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """The process is up and answering. Does not touch dependencies."""
    return JsonResponse({"status": "ok"})


def _check(name: str, probe: Callable[[], dict[str, Any] | None]) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        detail = probe() or {}
        ok = True
    except Exception as exc:  # a failing dependency is reported, never raised
        logger.warning("readiness check %s failed: %s", name, type(exc).__name__)
        detail, ok = {"error": type(exc).__name__}, False
    return {"ok": ok, "ms": round((time.perf_counter() - started) * 1000, 1), **detail}


def _database() -> dict[str, Any]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"vendor": connection.vendor}


def _cache() -> dict[str, Any]:
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", 5)
    if cache.get(key) != "1":
        raise RuntimeError("cache did not return the value just written")
    cache.delete(key)
    return {"backend": settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]}


def _search() -> dict[str, Any]:
    return search_backend_status()


def _read_model() -> dict[str, Any]:
    return read_model.pending()


@never_cache
@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    """Ready to serve: the database answers; cache, search and the read model (items whose
    rendering keeps failing are served as last rendered) report, degraded when out."""
    checks = {
        "database": _check("database", _database),
        "cache": _check("cache", _cache),
        "search": _check("search", _search),
        "read_model": _check("read_model", _read_model),
    }
    # Without the database nothing can be served. Without the cache or Elasticsearch every
    # request is still answered (cache misses, database search), so the instance stays in the
    # load balancer and says it is degraded: taking every instance out would turn a Redis
    # outage into a full one.
    if not checks["database"]["ok"]:
        status = "unavailable"
    elif (
        all(check["ok"] for check in checks.values())
        and not checks["search"].get("fallback")
        and not checks["read_model"].get("failing")
    ):
        status = "ok"
    else:
        status = "degraded"
    body: dict[str, Any] = {"status": status}
    if _is_operator(request):
        body["checks"] = checks  # versions, backends and timings are for operators only
    return JsonResponse(body, status=503 if status == "unavailable" else 200)


def _is_operator(request: HttpRequest) -> bool:
    """An operator: the READYZ_TOKEN as a bearer token (for monitoring), or a signed-in
    superuser. A load balancer needs only the status code; nobody else gets the internals."""
    token = settings.READYZ_TOKEN
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if token and hmac.compare_digest(header.encode(), f"Bearer {token}".encode()):
        return True
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated and user.is_superuser)
