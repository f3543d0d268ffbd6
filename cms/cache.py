"""Server-side caching of public API responses, invalidated by a content version number.

Any publish, unpublish, move, delete or taxonomy change bumps the version, so every cached
navigation tree, listing and detail built from older content stops being used at once.
"""

import hashlib

from django.core.cache import cache

VERSION_KEY = "content-version"


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, timeout=None)
    return version


def bump_content_version(**_kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def versioned_key(*parts):
    digest = hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:32]
    return f"v{content_version()}:{digest}"


def cached(key_parts, build, timeout=300):
    """Return the cached value for ``key_parts`` at the current content version, or build it."""
    if timeout == 0:
        return build()
    key = versioned_key(*key_parts)
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    return value


def named_version(name):
    """A version counter of its own (e.g. the search index), for caches that must not wait for
    a content change."""
    key = f"version:{name}"
    version = cache.get(key)
    if version is None:
        version = 1
        cache.add(key, version, timeout=None)
    return version


def bump_named_version(name):
    try:
        cache.incr(f"version:{name}")
    except ValueError:
        cache.set(f"version:{name}", 2, timeout=None)
