"""A search's facet counts (search.facet_counts): the matches' own counts, for every filter,
language and page, and never counts kept from an older index."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cms.cache import named_version
from guidance.factories import ArticlePageFactory, KeywordFactory, MethodPageFactory
from search import indexing
from search.documents import IndexedDocument, index_changed, write_documents
from search.facet_counts import FACET_VERSION, INDEX_FACETS
from search.models import SearchDocument
from tests.caching import clear_cache
from tests.search.helpers import publish, search, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(topic):
    """Eight "Ohjaus ja tuki" items (the first restricted to signed-in users, every third a
    method, the even ones also about group guidance) and one item without the word."""
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
    # A row without a vector matches nothing: it is never counted.
    SearchDocument.objects.create(
        object_type="page", object_id=10**9, language="fi", result_type="article", vector=None
    )
    PageViewRestriction.objects.create(page=pages[0], restriction_type="login")
    return {"career": career, "group": group, "pages": pages}


def facet(body, name):
    return {f["value"]: f["count"] for f in body["facets"][name]}


# The visible items are 1–7 (methods 3 and 6, group guidance 2, 4 and 6, "nuorille" the odd
# ones) and the article on job seeking, whose body speaks of guidance.
EXPECTED = [
    ({"q": "ohjaus"}, 8, {"method": 2, "article": 6}, {"uraohjaus": 7, "ryhmaohjaus": 3}),
    ({"q": "ohjaus", "type": "method"}, 2, {"method": 2}, {"uraohjaus": 2, "ryhmaohjaus": 1}),
    (
        {"q": "ohjaus", "keyword": "ryhmaohjaus"},
        3,
        {"method": 1, "article": 2},
        {"uraohjaus": 3, "ryhmaohjaus": 3},
    ),
    ({"q": "ohjaus nuorille"}, 4, {"method": 1, "article": 3}, {"uraohjaus": 4}),
    ({"q": "ohjaus", "limit": 2, "offset": 3}, 8, {"method": 2, "article": 6}, None),
    # Swedish: every match is a Finnish item without a Swedish version.
    ({"q": "ohjaus", "locale": "sv"}, 8, {"method": 2, "article": 6}, None),
    ({"q": "ohjaus", "locale": "en", "type": "article"}, 6, {"article": 6}, None),
    ({"q": "verkostojen"}, 1, {"article": 1}, {}),
]


@pytest.mark.parametrize(("params", "count", "types", "keywords"), EXPECTED)
def test_the_counts_are_those_of_the_visible_matches(
    client, corpus, params, count, types, keywords
):
    body = search(client, **params)
    assert body["count"] == count
    assert facet(body, "type") == types
    if keywords is not None:
        assert facet(body, "keywords") == keywords
    assert "Ohjaus ja tuki 0" not in titles(body)


def test_the_counts_follow_a_publish(client, corpus, topic):
    before = search(client, q="ohjaus")
    publish(MethodPageFactory, topic, title="Ohjaus verkossa", keywords=[corpus["group"]])
    after = search(client, q="ohjaus")
    assert after["count"] == before["count"] + 1
    assert facet(after, "keywords")["ryhmaohjaus"] == facet(before, "keywords")["ryhmaohjaus"] + 1
    assert facet(after, "type")["method"] == facet(before, "type")["method"] + 1


def test_the_counts_follow_a_row_rewritten_in_place(client, corpus):
    """A document written again (the same row, other terms and type) moves the facets'
    version: the worker's bitmaps are built again, not kept."""
    document = IndexedDocument(
        "page", 10**9 + 1, "fi", "article", "Ohjaus", weighted={"A": "ohjaus"}
    )
    write_documents([document])
    before = search(client, q="ohjaus")
    assert facet(before, "type") == {"method": 2, "article": 7}
    row = SearchDocument.objects.get(object_id=10**9 + 1).pk
    document.result_type = "method"
    document.terms = {"keywords": [str(corpus["group"].translation_key)]}
    write_documents([document])
    assert SearchDocument.objects.get(object_id=10**9 + 1).pk == row
    after = search(client, q="ohjaus")
    assert after["count"] == before["count"]
    assert facet(after, "type") == {"method": 3, "article": 6}
    assert facet(after, "keywords")["ryhmaohjaus"] == facet(before, "keywords")["ryhmaohjaus"] + 1


def test_a_row_newer_than_the_bitmaps_is_counted(client, corpus, settings):
    """A match the worker's bitmaps do not know (written after they were built, before the
    version move reached the worker) builds them again: no match goes uncounted."""
    settings.SEARCH_CACHE_TIMEOUT = 0
    before = search(client, q="ohjaus")
    with connection.cursor() as cursor:  # a row written without moving any version
        cursor.execute(
            f"INSERT INTO {SearchDocument._meta.db_table} (object_type, object_id, language,"
            " result_type, title, keyword_names, summary, text, path, tree_path, keyword_keys,"
            " theme_keys, target_group_keys, sector_keys, setting_keys, vector, exact_vector)"
            " VALUES ('page', %s, 'fi', 'method', 'Ohjaus', '', '', '', '', '', '{}', '{}',"
            " '{}', '{}', '{}', to_tsvector('simple', 'ohjaus'), to_tsvector('simple', 'ohjaus'))",
            [10**9 + 3],
        )
    after = search(client, q="ohjaus")
    assert after["count"] == before["count"] + 1
    assert facet(after, "type")["method"] == facet(before, "type")["method"] + 1


def test_the_bitmaps_are_read_once_per_version(client, corpus, settings):
    """Only the first uncached search after a write reads the index's facets."""
    settings.SEARCH_CACHE_TIMEOUT = 0

    def reads():
        with CaptureQueriesContext(connection) as queries:
            assert search(client, q="ohjaus")["count"]
        return [q for q in queries.captured_queries if q["sql"] == INDEX_FACETS]

    reads()
    assert reads() == []
    assert search(client, q="verkostojen")["count"] == 1
    assert reads() == []
    write_documents([IndexedDocument("page", 10**9 + 4, "fi", "article", "Muu", weighted={})])
    assert len(reads()) == 1


def test_a_write_moves_both_versions_again_when_it_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        index_changed(facets=True)
        during = named_version("search"), named_version(FACET_VERSION)
    for callback in callbacks:
        callback()
    assert named_version("search") != during[0]
    assert named_version(FACET_VERSION) != during[1]


def test_a_rebuild_drops_the_rows_of_objects_gone_and_the_counts_follow(client, corpus):
    """A row of a page that no longer exists (a crash between deleting a page and its row)
    is dropped by the rebuild, and search no longer counts it."""
    gone = IndexedDocument("page", 10**9 + 2, "fi", "article", "Ohjaus", weighted={"A": "ohjaus"})
    write_documents([gone])
    with_leftover = search(client, q="ohjaus")
    assert facet(with_leftover, "type")["article"] == 7
    indexing.rebuild()
    assert not SearchDocument.objects.filter(object_id__gte=10**9).exists()
    after = search(client, q="ohjaus")
    assert after["count"] == with_leftover["count"] - 1
    assert facet(after, "type")["article"] == 6


def test_a_parallel_plan_does_not_break_search(client, corpus):
    """PostgreSQL may plan a search in parallel (a large or bloated table, or an operator's
    settings): search must answer as it does otherwise."""
    expected = search(client, q="ohjaus")
    clear_cache()
    # Every plan under a Gather, for this test's transaction only (the setting's name before
    # PostgreSQL 16 was force_parallel_mode).
    setting = "debug_parallel_query" if connection.pg_version >= 160000 else "force_parallel_mode"
    with connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL {setting} = on")
    assert search(client, q="ohjaus") == expected


def test_a_match_gone_from_an_empty_index_counts_nothing():
    """The rows a search matched may all be gone before the bitmaps are built (a rebuild or a
    removal in between): the build of an empty index counts nothing instead of failing."""
    from search import facet_counts

    assert not SearchDocument.objects.exists()
    assert facet_counts.count([10**9]) == {"type": {}, "section": {}, "term": {}}
