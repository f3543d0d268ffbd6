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

from django.core.cache import cache

VERSION_KEY = "content-version"
_memo = contextvars.ContextVar("cache_memo", default=None)
_MISSING = object()


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


def _version(key):
    version = _memo_get(key)
    if version is not _MISSING:
        return version
    version = cache.get(key)
    if version is None:
        version = 1
        cache.add(key, version, timeout=None)
    _memo_set(key, version)
    return version


def _bump(key):
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 2, timeout=None)
    _memo_clear()


def content_version():
    return _version(VERSION_KEY)


def bump_content_version(**_kwargs):
    _bump(VERSION_KEY)


def versioned_key(*parts):
    digest = hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:32]
    return f"v{content_version()}:{digest}"


def cached(key_parts, build, timeout=300):
    """Return the cached value for ``key_parts`` at the current content version, or build it."""
    if timeout == 0:
        return build()
    key = versioned_key(*key_parts)
    value = _memo_get(key)
    if value is not _MISSING:
        return value
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    _memo_set(key, value)
    return value


def named_version(name):
    """A version counter of its own (e.g. the search index), for caches that must not wait for
    a content change."""
    return _version(f"version:{name}")


def bump_named_version(name):
    _bump(f"version:{name}")
