"""A broad query counts its facets from the rows it misses (search.database): the same answer
as counting them from its matches, for every filter, language and page, and never a count kept
from an older index."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cms.cache import named_version
from guidance.factories import ArticlePageFactory, KeywordFactory, MethodPageFactory
from search import database, indexing
from search.analysis import parse_query
from search.documents import IndexedDocument, index_changed, write_documents
from search.models import SearchDocument
from search.services import SearchQuery
from tests.caching import clear_cache
from tests.search.helpers import publish, search, titles

pytestmark = pytest.mark.django_db

EVERY_QUERY_BROAD = 0.0  # PostgreSQL never estimates fewer than one match
NO_QUERY_BROAD = 2.0


@pytest.fixture
def corpus(topic):
    career = KeywordFactory(name="uraohjaus", slug="uraohjaus")
    group = KeywordFactory(name="ryhmäohjaus", slug="ryhmaohjaus")
    pages = []
    for n in range(8):
        factory = MethodPageFactory if n % 3 == 0 else ArticlePageFactory
        pages.append(
            publish(
                factory,
                topic,
                title=f"Ohjaus ja tuki {n}",
                summary="Ohjauksen menetelmä nuorille." if n % 2 else "Aikuisten ohjaus.",
                keywords=[career] if n % 2 else [career, group],
            )
        )
    publish(ArticlePageFactory, topic, title="Työnhaku verkostojen avulla", summary="Verkostot.")
    # A row without a vector matches nothing: it is missed, not counted.
    SearchDocument.objects.create(
        object_type="page", object_id=10**9, language="fi", result_type="article", vector=None
    )
    PageViewRestriction.objects.create(page=pages[0], restriction_type="login")
    return {"career": career, "group": group, "pages": pages}


QUERIES = [
    {"q": "ohjaus"},
    {"q": "ohjaus", "type": "method"},
    {"q": "ohjaus", "keyword": "ryhmaohjaus"},
    {"q": "ohjaus nuorille"},
    {"q": "ohjaus", "limit": 2, "offset": 3},
    {"q": "ohjaus", "locale": "sv"},  # every match a Finnish fallback
    {"q": "ohjaus", "locale": "en", "type": "article"},
    {"q": "verkostojen"},
]


def _answers(client, settings, share):
    settings.SEARCH_BROAD_SHARE = share
    clear_cache()
    return [search(client, **params) for params in QUERIES]


def test_broad_and_narrow_counting_give_the_same_answers(client, corpus, settings):
    from_misses = _answers(client, settings, EVERY_QUERY_BROAD)
    from_matches = _answers(client, settings, NO_QUERY_BROAD)
    assert from_misses == from_matches
    # The comparison has something to compare, and the restricted page is left out.
    broad, swedish = from_matches[0], from_matches[5]
    for body in (broad, swedish):
        assert body["count"] >= 7
        assert "Ohjaus ja tuki 0" not in titles(body)
        assert {f["value"] for f in body["facets"]["keywords"]} == {"uraohjaus", "ryhmaohjaus"}


def test_a_broad_count_follows_a_publish(client, corpus, settings, topic):
    settings.SEARCH_BROAD_SHARE = EVERY_QUERY_BROAD
    before = search(client, q="ohjaus")
    publish(
        MethodPageFactory,
        topic,
        title="Ohjaus verkossa",
        summary="Etä.",
        keywords=[corpus["group"]],
    )
    after = search(client, q="ohjaus")
    assert after["count"] == before["count"] + 1

    def group_count(body):
        return {f["value"]: f["count"] for f in body["facets"]["keywords"]}.get("ryhmaohjaus")

    assert group_count(after) == group_count(before) + 1


def test_a_broad_count_follows_a_change_of_the_index_alone(client, corpus, settings):
    """A document written without a publish moves only the index's version: the counts over
    every searchable row are counted again, so a row the query misses is not taken from a
    total it was never in."""
    settings.SEARCH_BROAD_SHARE = EVERY_QUERY_BROAD
    before = search(client, q="ohjaus")
    missed = IndexedDocument("page", 10**9 + 1, "fi", "article", "Verkostot", weighted={"A": "x"})
    write_documents([missed])
    after = search(client, q="ohjaus")
    assert (after["count"], after["facets"]) == (before["count"], before["facets"])


def test_a_rebuild_drops_the_rows_of_objects_gone_and_the_counts_follow(client, corpus, settings):
    """A row of a page that no longer exists (a crash between deleting a page and its row)
    is dropped by the rebuild, and a broad search no longer counts it."""
    settings.SEARCH_BROAD_SHARE = EVERY_QUERY_BROAD
    gone = IndexedDocument("page", 10**9 + 2, "fi", "article", "Ohjaus", weighted={"A": "ohjaus"})
    write_documents([gone])
    with_leftover = search(client, q="ohjaus")["count"]
    indexing.rebuild()
    assert not SearchDocument.objects.filter(object_id__gte=10**9).exists()
    assert search(client, q="ohjaus")["count"] == with_leftover - 1


def test_the_index_version_moves_again_when_a_change_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        index_changed()
        during = named_version("search")
    for callback in callbacks:
        callback()
    assert named_version("search") != during


def test_never_broad_asks_no_estimate(client, corpus, settings):
    settings.SEARCH_BROAD_SHARE = NO_QUERY_BROAD
    with CaptureQueriesContext(connection) as queries:
        search(client, q="ohjaus")
    assert not [q for q in queries.captured_queries if q["sql"].startswith("EXPLAIN")]


def test_a_query_asked_again_is_not_estimated_again(
    client, corpus, settings, django_capture_on_commit_callbacks
):
    """The estimate is kept in the worker until content or the index changes: an uncached
    search asked again plans nothing, and a change asks again."""
    settings.SEARCH_CACHE_TIMEOUT = 0
    settings.SEARCH_BROAD_SHARE = 0.5

    def estimates():
        with CaptureQueriesContext(connection) as queries:
            assert search(client, q="ohjaus")["count"]
        return [q for q in queries.captured_queries if q["sql"].startswith("EXPLAIN")]

    estimates()
    assert estimates() == []
    with django_capture_on_commit_callbacks(execute=True):
        index_changed()
    assert len(estimates()) == 2  # the matches and the scope


def test_the_estimate_picks_broad_for_a_common_word_only(corpus, settings):
    settings.SEARCH_BROAD_SHARE = 0.5  # "ohjaus" is in 9 of the corpus's 10 rows
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {database.TABLE}")

    def broad(text):
        query = SearchQuery(parse_query(text), "fi")
        return database._is_broad(database._clauses(query, any_word=False))

    assert broad("ohjaus")
    assert not broad("verkostojen")


@pytest.mark.parametrize("share", [EVERY_QUERY_BROAD, 0.5])
def test_a_parallel_plan_does_not_break_search(client, corpus, settings, share):
    """PostgreSQL may plan the estimate in parallel (a large or bloated table, or an operator's
    settings): a Gather node then heads the plan. Search must answer as it does otherwise, not
    fail on the plan's shape."""
    settings.SEARCH_BROAD_SHARE = share
    expected = search(client, q="ohjaus")
    clear_cache()
    # Every plan under a Gather, for this test's transaction only (the setting's name before
    # PostgreSQL 16 was force_parallel_mode).
    setting = "debug_parallel_query" if connection.pg_version >= 160000 else "force_parallel_mode"
    with connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL {setting} = on")
    assert search(client, q="ohjaus") == expected
