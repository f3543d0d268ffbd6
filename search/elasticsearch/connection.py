"""Reaching Elasticsearch: the client, the per-language aliases, and remembering for a short
while that it could not be reached, so that every request does not wait for a timeout."""

from django.conf import settings
from django.core.cache import cache

DOWN_KEY = "search:elasticsearch-down"
DOWN_SECONDS = 30
LANGUAGES = ("fi", "sv", "en")


class Unavailable(Exception):
    """Elasticsearch did not answer (connection refused, timeout, cluster error)."""


def client():
    from elasticsearch import Elasticsearch

    return Elasticsearch(
        settings.ELASTICSEARCH_URL,
        request_timeout=settings.ELASTICSEARCH_TIMEOUT,
        max_retries=0,
        retry_on_timeout=False,
    )


def alias(language):
    return f"{settings.ELASTICSEARCH_INDEX_PREFIX}-{language}"


def recently_down():
    return bool(cache.get(DOWN_KEY))


def mark_down():
    cache.set(DOWN_KEY, 1, DOWN_SECONDS)


def call(function):
    """Run ``function(client)``; connection and server errors become ``Unavailable``."""
    from elasticsearch import ApiError, TransportError

    try:
        return function(client())
    except (TransportError, ApiError) as exc:
        mark_down()
        raise Unavailable(str(exc)[:200]) from exc


def ping():
    from elasticsearch import ApiError, TransportError

    try:
        reachable = bool(client().ping())
    except (TransportError, ApiError):
        reachable = False
    if not reachable:
        mark_down()
    else:
        cache.delete(DOWN_KEY)
    return reachable
