"""Search forgives what people type: letters without ä/ö/å, typos, compounds spaced or run
together; "did you mean" in REST and GraphQL; suggestions; analytics; both engines."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community.factories import StaffUserFactory
from guidance.factories import ArticlePageFactory, MethodPageFactory
from search import spelling
from search.models import SearchQueryStat, SearchTerm
from tests.search.helpers import publish, search, titles
from tests.search.test_elasticsearch import _RecordingElasticsearch

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(topic):
    pages = [
        (MethodPageFactory, "Työnhakijan viikkosuunnitelma", "Työnhakija suunnittelee viikkonsa."),
        (ArticlePageFactory, "Ryhmäohjauksen aloitus", "Tutustumisharjoituksia ryhmälle."),
        (ArticlePageFactory, "Uraohjaus aikuisille", "Uraohjauksen menetelmiä aikuisille."),
        (MethodPageFactory, "Itsetuntemus ja vahvuudet", "Harjoituksia itsetuntemukseen."),
        (ArticlePageFactory, "Verkko-ohjauksen käytännöt", "Verkko-ohjaus sopii etäasiakkaille."),
        (MethodPageFactory, "Urasuunnitelma vaiheittain", "Urasuunnitelman pohja."),
    ]
    return {
        title: publish(factory, topic, title=title, summary=summary)
        for factory, title, summary in pages
    }


# --- Letters without their marks ------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "corrected", "found"),
    [
        ("tyonhakija", "työnhakija", "Työnhakijan viikkosuunnitelma"),
        ("ryhmaohjaus", "ryhmäohjaus", "Ryhmäohjauksen aloitus"),
    ],
)
def test_words_typed_without_their_marks_find_the_words_with_them(
    client, library, typed, corrected, found
):
    body = search(client, q=typed)
    assert titles(body)[0] == found
    assert body["corrected_query"] == corrected
    assert body["autocorrected"] is True
    assert body["query"] == typed  # what was typed, for "search instead for …"
    assert "<mark>" in body["items"][0]["highlight"]["title"]


def test_an_exact_match_ranks_above_one_found_without_marks(client, library, topic):
    typo_in_title = publish(ArticlePageFactory, topic, title="Tyonhakija ilman pisteitä")
    body = search(client, q="tyonhakija")
    assert titles(body)[:2] == [typo_in_title.title, "Työnhakijan viikkosuunnitelma"]


def test_swedish_words_typed_without_their_marks_are_found(client, library, translate):
    translate(
        library["Uraohjaus aikuisille"],
        "sv",
        {"Uraohjaus aikuisille": "Vägledning för vuxna"},
    )
    body = search(client, q="vagledning", locale="sv")
    assert titles(body)[0] == "Vägledning för vuxna"
    assert body["corrected_query"] == "vägledning"


# --- Typos ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "corrected", "found"),
    [
        ("uraohajus", "uraohjaus", "Uraohjaus aikuisille"),
        ("itsetuntemsu", "itsetuntemus", "Itsetuntemus ja vahvuudet"),
        ("urasuunitelma", "urasuunnitelma", "Urasuunnitelma vaiheittain"),
    ],
)
def test_a_typo_is_corrected_from_the_index_vocabulary(client, library, typed, corrected, found):
    body = search(client, q=typed)
    assert titles(body)[0] == found
    assert body["corrected_query"] == corrected
    assert body["autocorrected"] is True


def test_two_words_typed_together_are_found(client, library, translate):
    # Finnish: Voikko reads the run-together words as a compound of the two, no correction.
    body = search(client, q="uraohjausaikuisille")
    assert titles(body) == ["Uraohjaus aikuisille"]
    # Swedish has no compound analysis: the spelling step splits the word into two it holds.
    translate(
        library["Uraohjaus aikuisille"], "sv", {"Uraohjaus aikuisille": "Vägledning för vuxna"}
    )
    body = search(client, q="vägledningvuxna", locale="sv")
    assert body["corrected_query"] == "vägledning vuxna"
    assert body["autocorrected"] is True
    assert titles(body)[0] == "Vägledning för vuxna"


def test_autocorrect_false_searches_as_typed_and_only_offers_the_correction(client, library):
    body = search(client, q="uraohajus", autocorrect="false")
    assert body["items"] == []
    assert body["count"] == 0
    assert body["corrected_query"] == "uraohjaus"
    assert body["autocorrected"] is False


def test_a_correctly_typed_query_is_not_corrected_and_costs_no_more_queries(
    client, library, django_assert_max_num_queries
):
    # Warm the vocabulary and site structure caches and the worker's facet bitmaps.
    search(client, q="aikuisille")
    # The hits with the matches' ids, the statistic, the cards' images and crumbs.
    with django_assert_max_num_queries(3):
        body = search(client, q="ohjaus")
    assert body["corrected_query"] is None
    assert body["autocorrected"] is False
    assert len(body["items"]) >= 3


def test_correcting_a_query_is_one_statement_and_cached(client, library):
    search(client, q="aikuisille")
    with CaptureQueriesContext(connection) as first:
        search(client, q="uraohajus")
    with CaptureQueriesContext(connection) as again:
        search(client, q="uraohajus")
    # the search as typed and with any word, the respelling, the search again (each search an
    # estimate and the statement), the statistic, card extras
    assert len(first.captured_queries) <= 9
    assert len(again.captured_queries) <= 4  # both searches and the respelling are cached


def _search_statements(queries):
    """The searches a request ran (each ranks its matches: ``first_score``)."""
    return [q["sql"] for q in queries.captured_queries if "first_score" in q["sql"]]


def test_a_mistyped_word_beside_a_right_one_skips_the_search_with_any_word(client, library):
    # "vahvuudet" alone finds the item, so the typed words would fall back to items with any
    # of them; the correction finds it with every word and is shown, so that broad fallback
    # search is not run at all: the typed words, then the corrected ones.
    with CaptureQueriesContext(connection) as queries:
        body = search(client, q="itsetuntemsu vahvuudet")
    assert body["corrected_query"] == "itsetuntemus vahvuudet"
    assert body["autocorrected"] is True
    assert body["match"] == "all"
    assert titles(body) == ["Itsetuntemus ja vahvuudet"]
    assert len(_search_statements(queries)) == 2


def test_without_autocorrect_the_typed_words_still_fall_back_to_any_of_them(client, library):
    with CaptureQueriesContext(connection) as queries:
        body = search(client, q="itsetuntemsu vahvuudet", autocorrect="false")
    assert body["corrected_query"] == "itsetuntemus vahvuudet"
    assert body["autocorrected"] is False
    assert body["match"] == "any"
    assert "Itsetuntemus ja vahvuudet" in titles(body)  # found by "vahvuudet" alone
    # the typed words with every word (nothing), the corrected ones (an offer only), then the
    # typed words with any of them: the answer
    assert len(_search_statements(queries)) == 3


def test_nothing_close_means_no_correction(client, library):
    body = search(client, q="xqzvyk")
    assert body["count"] == 0
    assert body["corrected_query"] is None


# --- Compounds and spacing ------------------------------------------------------------------


def test_a_compound_spaced_hyphenated_or_run_together_finds_the_same_items(client, library, topic):
    publish(ArticlePageFactory, topic, title="Ohjaus verkossa", summary="Verkko ja ohjaus.")
    found = {q: titles(search(client, q=q)) for q in ["verkkoohjaus", "verkko-ohjaus"]}
    found["verkko ohjaus"] = titles(search(client, q="verkko ohjaus"))
    assert "Verkko-ohjauksen käytännöt" in found["verkko ohjaus"]
    assert "Ohjaus verkossa" in found["verkko ohjaus"]
    assert "Uraohjaus aikuisille" not in found["verkko ohjaus"]  # ohjaus, but no verkko
    assert sorted(found["verkkoohjaus"]) == sorted(found["verkko-ohjaus"])
    assert sorted(found["verkko-ohjaus"]) == sorted(found["verkko ohjaus"])


# --- GraphQL --------------------------------------------------------------------------------


def test_graphql_answers_did_you_mean_like_rest(client, library):
    query = """query($q: String!, $auto: Boolean!) {
        search(q: $q, autocorrect: $auto) { query count correctedQuery autocorrected
                                            items { title } } }"""
    for auto, count in ((True, 1), (False, 0)):
        response = client.post(
            "/graphql/",
            {"query": query, "variables": {"q": "itsetuntemsu", "auto": auto}},
            content_type="application/json",
        )
        data = response.json()["data"]["search"]
        assert data["correctedQuery"] == "itsetuntemus"
        assert data["autocorrected"] is auto
        assert data["count"] == count
        assert data["query"] == "itsetuntemsu"


def test_did_you_mean_is_documented_in_openapi(client):
    schema = client.get("/api/v1/openapi.json").json()
    search_out = schema["components"]["schemas"]["SearchOut"]["properties"]
    assert "Did you mean" in search_out["autocorrected"]["description"]
    assert "corrected_query" in search_out
    parameters = schema["paths"]["/api/v1/search/"]["get"]["parameters"]
    assert "autocorrect" in {parameter["name"] for parameter in parameters}


# --- Suggestions ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("tyonhak", "Työnhakijan viikkosuunnitelma"),  # no marks
        ("ryhmaoh", "Ryhmäohjauksen aloitus"),
        ("itsetunts", "Itsetuntemus ja vahvuudet"),  # a typo in the unfinished word
        ("uraohajus aikui", "Uraohjaus aikuisille"),  # a typo in a finished word
    ],
)
def test_suggestions_tolerate_missing_marks_and_typos(client, library, typed, found):
    body = client.get("/api/v1/search/suggest/", {"q": typed}).json()
    assert found in [title["title"] for title in body["titles"]]


# --- Analytics ------------------------------------------------------------------------------


def test_analytics_record_the_corrected_query_beside_the_typed_one(client, library):
    search(client, q="uraohajus")
    search(client, q="uraohajus", autocorrect="false")
    search(client, q="ohjaus")
    rows = {row.query: row for row in SearchQueryStat.objects.all()}
    assert rows["uraohajus"].corrected_query == "uraohjaus"
    assert rows["uraohajus"].searches == 2
    assert rows["ohjaus"].corrected_query == ""
    client.force_login(StaffUserFactory(groups=["Editors"]))
    html = client.get("/admin/reports/search/").content.decode()
    # The admin speaks Finnish by default: "Misspelled searches".
    assert "Virheellisesti kirjoitetut haut" in html
    misspelled = html.split("Virheellisesti kirjoitetut haut")[1]
    assert "uraohajus" in misspelled
    assert "uraohjaus" in misspelled
    assert "ohjaus<" not in misspelled.replace("uraohjaus<", "")


# --- The vocabulary -------------------------------------------------------------------------


def test_the_vocabulary_follows_publishing_and_the_rebuild_recounts_it(library, topic):
    assert SearchTerm.objects.filter(language="fi", term="työnhakija").exists()
    assert SearchTerm.objects.get(term="työnhakija").folded == "tyonhakija"
    library["Työnhakijan viikkosuunnitelma"].unpublish()
    spelling.refresh_vocabulary()
    assert not SearchTerm.objects.filter(term="työnhakija").exists()
    assert SearchTerm.objects.filter(term="ryhmäohjauksen").exists()


def test_fold_matches_the_sql_folding():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT translate(%s, %s, %s)",
            ["äöåéüšž", spelling.FOLD_FROM, spelling.FOLD_TO],
        )
        assert cursor.fetchone()[0] == spelling.fold("äöåéüšž") == "aoaeusz"


# --- Elasticsearch --------------------------------------------------------------------------


class _SearchingElasticsearch(_RecordingElasticsearch):
    """Answers searches as Elasticsearch would for one document titled ``title``: a hit when
    the request asks for one of ``words``, else none."""

    def __init__(self, words, hit):
        super().__init__()
        self.words, self.hit = words, hit
        handler = self.server.RequestHandlerClass
        original = handler.do_POST
        peer = self

        def do_post(request):
            if not request.path.split("?")[0].endswith("/_search"):
                return original(request)
            length = int(request.headers.get("Content-Length", 0))
            raw = request.rfile.read(length).decode()
            peer.requests.append(("POST", request.path, raw))
            found = any(f'"{word}' in raw or f" {word}" in raw for word in peer.words)
            hits = [{"_score": 1.0, "_source": peer.hit}] if found else []
            payload = {
                "hits": {"total": {"value": len(hits)}, "hits": hits},
                "aggregations": {"type": {"buckets": []}},
            }
            request._answer(payload)
            return None

        handler.do_POST = handler.do_GET = do_post


def test_elasticsearch_gets_the_same_corrections_and_its_own_fuzzy_matching(
    client, library, settings
):
    page = library["Uraohjaus aikuisille"]
    peer = _SearchingElasticsearch(
        ["uraohjaus"],
        {
            "object_type": "page",
            "object_id": page.pk,
            "translation_key": str(page.translation_key),
            "language": "fi",
            "result_type": "article",
            "display_title": page.title,
            "path": "/x/",
        },
    )
    settings.ELASTICSEARCH_URL = peer.url
    try:
        body = search(client, q="uraohajus")
    finally:
        peer.close()
    assert body["engine"] == "elasticsearch"
    assert titles(body) == ["Uraohjaus aikuisille"]  # the peer's one hit
    assert body["corrected_query"] == "uraohjaus"
    searches = [json.loads(raw) for _m, path, raw in peer.requests if "_search" in path]
    assert len(searches) == 2  # as typed, then with the corrections
    retried = json.dumps(searches[1])
    assert '"fuzziness": "AUTO"' in retried
    assert "uraohjaus" in retried
    assert "uraohjaus" not in json.dumps(searches[0])
