"""Search service: which engine answers, and (later) queries, facets and suggestions."""

from django.conf import settings
from wagtail.search.backends import get_search_backend


def search_backend_status():
    """Which search engine is configured and whether it answers."""
    backend = get_search_backend()
    return {
        "engine": "elasticsearch" if settings.ELASTICSEARCH_URL else "database",
        "backend": type(backend).__module__.rsplit(".", 1)[-1],
    }
