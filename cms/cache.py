"""Server-side caching of public API responses, invalidated by a content version number.

Any publish, unpublish, move, delete or taxonomy change bumps the version, so every cached
navigation tree, listing and detail built from older content stops being used at once.

Within one request, values fetched from the cache (and the version itself) are also kept in a
request-local memo (``RequestMemoMiddleware``): a listing of 20 cards asks for the site structure
dozens of times, and each Redis round trip and unpickling would otherwise be paid again.
"""

import contextlib
import contextvars
import hashlib
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache

VERSION_KEY = "content-version"
LOCAL_ENTRIES = 512  # per content version
LOCAL_VERSIONS = 2  # a request that began before a publish still finds its version's values
_local: OrderedDict[str, OrderedDict[str, Any]] = OrderedDict()  # version → key → value
_local_lock = threading.Lock()
_memo = contextvars.ContextVar("cache_memo", default=None)
_MISSING = object()
T = TypeVar("T")


class RequestMemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)


@contextlib.contextmanager
def memo_scope():
    """The request-local memo for work outside a request (a rebuild, a task); inside a request,
    the request's memo stays in use."""
    if _memo.get() is not None:
        yield
        return
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def _memo_get(key):
    memo = _memo.get()
    return _MISSING if memo is None else memo.get(key, _MISSING)


def _memo_set(key, value):
    memo = _memo.get()
    if memo is not None:
        memo[key] = value


def _memo_clear():
    memo = _memo.get()
    if memo is not None:
        memo.clear()


def _first_version() -> int:
    """A version counter starts at a number no earlier counter of the same name used: after the
    cache is emptied (a Redis restart), values a worker keeps in memory under the old
    counter's numbers (``cached(local=True)``) can never match again."""
    return secrets.randbelow(2**52) + 1


def _version(key):
    version = _memo_get(key)
    if version is not _MISSING:
        return version
    version = cache.get(key)
    if version is None:
        first = _first_version()
        cache.add(key, first, timeout=None)
        # another worker's add may have won; a cache that keeps nothing keeps nothing local
        version = cache.get(key) or first
    _memo_set(key, version)
    return version


def _bump(key):
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, _first_version(), timeout=None)
    _memo_clear()


def content_version():
    return _version(VERSION_KEY)


def content_version_and(key: str) -> tuple[int, Any]:
    """(the content version, the cached value at ``key``) in one round trip to the cache: a
    public GET needs both before anything else (``cms.http.cache_public_get``). The version is
    then remembered for the rest of the request, as ``content_version`` remembers it."""
    version = _memo_get(VERSION_KEY)
    if version is not _MISSING:
        return version, cache.get(key)
    found = cache.get_many([VERSION_KEY, key])
    if VERSION_KEY not in found:
        return _version(VERSION_KEY), found.get(key)
    _memo_set(VERSION_KEY, found[VERSION_KEY])
    return found[VERSION_KEY], found.get(key)


def bump_content_version(**_kwargs):
    _bump(VERSION_KEY)


def key_digest(*parts: object) -> str:
    """A short, fixed-length cache key made of ``parts`` (any text, any length)."""
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:32]


def versioned_key(*parts):
    return f"v{content_version()}:{key_digest(*parts)}"


def cached(key_parts, build, timeout=300, *, local=False):
    """Return the cached value for ``key_parts`` at the current content version, or build it.

    ``local``: keep it in this worker's memory too, for values nearly every request needs (the
    site structure, the vocabularies, the JOD catalogue, a listing's total): a request then pays
    the version read it pays anyway, not a Redis round trip and an unpickling per value. The key
    holds the content version, so a change makes the old value unreachable at once in every
    worker, and only the last ``LOCAL_VERSIONS`` versions' values are kept (``LOCAL_ENTRIES``
    each at most, the least recently used leaving first). Such a value is shared by every
    request of the worker: never change it in place."""
    if timeout == 0:
        return build()
    key = versioned_key(*key_parts)
    value = _memo_get(key)
    if value is not _MISSING:
        return value
    version = key.partition(":")[0]
    if local:
        value = _local_get(version, key)
        if value is not _MISSING:
            _memo_set(key, value)
            return value
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    _memo_set(key, value)
    if local:
        _keep_local(version, key, value)
    return value


def cached_locally(key_parts: list[Any], build: Callable[[], T]) -> T:
    """``cached(local=True)`` without the shared cache: the value is kept in this worker's
    memory only, at the current content version, and never read back from Redis. For values
    a worker must trust because it built them itself (a compiled SQL statement: whoever could
    write to the cache must not thereby choose what the database runs) and that are cheaper to
    build than to fetch. Shared by every request of the worker: never change it in place."""
    key = versioned_key(*key_parts)
    version = key.partition(":")[0]
    value = _local_get(version, key)
    if value is _MISSING:
        value = build()
        _keep_local(version, key, value)
    return value


def _local_get(version: str, key: str) -> Any:
    with _local_lock:
        values = _local.get(version)
        value = values.get(key, _MISSING) if values is not None else _MISSING
        if value is not _MISSING:
            values.move_to_end(key)
    return value


def _keep_local(version: str, key: str, value: Any) -> None:
    """Keep ``value`` in this worker's memory under its content version; a new version's
    first value lets the oldest version's values go, all at once."""
    with _local_lock:
        values = _local.get(version)
        if values is None:
            values = _local[version] = OrderedDict()
            while len(_local) > LOCAL_VERSIONS:
                _local.popitem(last=False)
        values[key] = value
        while len(values) > LOCAL_ENTRIES:
            values.popitem(last=False)


def named_version(name):
    """A version counter of its own (e.g. the search index), for caches that must not wait for
    a content change."""
    return _version(f"version:{name}")


def bump_named_version(name):
    _bump(f"version:{name}")
