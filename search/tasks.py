"""Background work for search: mirroring index changes to Elasticsearch, attachment text."""

import logging

from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def sync_elasticsearch(objects):
    """Copy changed search documents ([[type, id], …]) to Elasticsearch.

    When Elasticsearch is down the task fails and is logged; the database index is already
    right and the next `rebuild_search_index --elasticsearch` brings Elasticsearch back in step."""
    from search import elasticsearch

    elasticsearch.sync([tuple(item) for item in objects])
    return len(objects)


@task()
def extract_document_text(document_id):
    """Read the text of an uploaded PDF or Office file and reindex the pages that use it."""
    from search.attachments import refresh_document_text

    return refresh_document_text(document_id)
