"""The cache between tests."""


def clear_cache():
    """Empty this test process's cache, and nothing else: on a shared Redis (``REDIS_URL``) only
    the keys under the process's own prefix go (django-redis's ``clear`` would flush the whole
    database, a development server's sessions with it)."""
    from django.core.cache import cache

    if hasattr(cache, "delete_pattern"):
        cache.delete_pattern("*")
    else:
        cache.clear()
