"""Elasticsearch 8/9 as the scale-out search engine (when ``ELASTICSEARCH_URL`` is set).

The database's ``SearchDocument`` rows stay the source of truth: Elasticsearch holds a copy,
one index per language behind an alias (``<prefix>-fi``, ``-sv``, ``-en``). A rebuild fills new
indices and swaps every alias in one atomic ``_aliases`` call, so searches never see a half-built
index. Finnish text arrives already analysed by Voikko (``search.analysis``) and is indexed with a
whitespace analyser; Swedish and English use Elasticsearch's own language analysers.

When Elasticsearch cannot be reached, ``Unavailable`` is raised, the caller answers from the
database, and this module remembers the failure for a short while so that every request does
not wait for a timeout.

The package is split by concept: ``connection`` (the client, aliases, being down), ``index``
(settings, mappings, documents), ``queries`` (searching) and ``writing`` (sync, rebuild and
the task that mirrors changes).
"""

from search.elasticsearch.connection import (
    LANGUAGES,
    Unavailable,
    alias,
    client,
    ping,
    recently_down,
)
from search.elasticsearch.index import document_body, index_settings
from search.elasticsearch.queries import build_query, search
from search.elasticsearch.writing import after_change, rebuild, sync, sync_elasticsearch

__all__ = [
    "LANGUAGES",
    "Unavailable",
    "after_change",
    "alias",
    "build_query",
    "client",
    "document_body",
    "index_settings",
    "ping",
    "rebuild",
    "recently_down",
    "search",
    "sync",
    "sync_elasticsearch",
]
