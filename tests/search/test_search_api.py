from io import StringIO

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail.models import PageViewRestriction

from guidance.factories import ArticlePageFactory, KeywordFactory, MethodPageFactory
from search.analysis import MAX_QUERY_WORDS, parse_query
from search.models import SearchDocument, SearchQueryStat
from tests.caching import clear_cache
from tests.search.helpers import publish, search, titles

pytestmark = pytest.mark.django_db


@pytest.fixture
def library(topic):
    career = KeywordFactory(name="uraohjaus", slug="uraohjaus")
    group = KeywordFactory(name="ryhmäohjaus", slug="ryhmaohjaus")
    return {
        "topic": topic,
        "career": career,
        "group": group,
        "lifeline": publish(
            MethodPageFactory,
            topic,
            title="Elämänjana uraohjauksen tukena",
            summary="Asiakas piirtää elämänsä tärkeät tapahtumat janalle.",
            keywords=[career],
        ),
        "youth": publish(
            ArticlePageFactory,
            topic,
            title="Nuoret ja nivelvaihe",
            summary="Peruskoulun päättävät nuoret tarvitsevat tukea jatko-opintoihin.",
            keywords=[group],
        ),
        "jobs": publish(
            ArticlePageFactory,
            topic,
            title="Työnhaku verkostojen avulla",
            summary="Piilotyöpaikat löytyvät usein tuttavien kautta.",
        ),
    }


# --- Finnish morphology ---------------------------------------------------------------------


def test_base_form_finds_inflected_compound(client, library):
    body = search(client, q="ohjaus")
    assert "Elämänjana uraohjauksen tukena" in titles(body)
    hit = body["items"][titles(body).index("Elämänjana uraohjauksen tukena")]
    assert hit["highlight"]["title"] == "Elämänjana <mark>uraohjauksen</mark> tukena"
    assert hit["path"] == "/asiakastyohon/urasuunnittelu/" + library["lifeline"].slug + "/"


def test_inflected_query_finds_base_form(client, library):
    assert titles(search(client, q="nuorille"))[0] == "Nuoret ja nivelvaihe"


def test_compound_query_finds_related_compound(client, library):
    assert "Työnhaku verkostojen avulla" in titles(search(client, q="työnhakijoille"))


def test_exact_and_phrase_matches_rank_above_stem_only_matches(client, topic):
    publish(ArticlePageFactory, topic, title="Ryhmien ohjaamisesta", summary="Ohjattu ryhmä.")
    publish(ArticlePageFactory, topic, title="Ohjaus ryhmässä", summary="Käytännön vinkit.")
    publish(ArticlePageFactory, topic, title="Ryhmässä ohjaus", summary="Toinen järjestys.")
    # "ohjaus ryhmässä": exact forms in order beat the same words in another order, which beat
    # inflected forms of them.
    assert titles(search(client, q="ohjaus ryhmässä")) == [
        "Ohjaus ryhmässä",
        "Ryhmässä ohjaus",
        "Ryhmien ohjaamisesta",
    ]


def test_results_have_snippets_with_escaped_text(client, library):
    publish(
        ArticlePageFactory,
        library["topic"],
        title="Turvallisuus",
        summary="Älä liitä <script>-tageja. Kuvakortit auttavat.",
    )
    hit = search(client, q="kuvakortit")["items"][0]
    assert "<mark>Kuvakortit</mark>" in hit["highlight"]["snippet"]
    assert "<script>" not in hit["highlight"]["snippet"]
    assert "&lt;script&gt;" in hit["highlight"]["snippet"]


# --- Visibility -----------------------------------------------------------------------------


def test_draft_changes_are_not_searchable(client, library):
    page = library["youth"]
    page.title = "Salainen luonnosotsikko"
    page.save_revision()  # a draft of a live page: the live row keeps the published title
    assert search(client, q="luonnosotsikko")["count"] == 0
    assert search(client, q="nivelvaihe")["count"] == 1


def test_never_published_page_is_not_searchable(client, library):
    ArticlePageFactory(parent=library["topic"], title="Keskeneräinen kuvakortti", live=False)
    assert search(client, q="kuvakortti")["count"] == 0
    body = client.get("/api/v1/search/suggest/", {"q": "keskeneräi"}).json()
    assert body["titles"] == []


def test_unpublished_page_leaves_results(client, library):
    library["jobs"].unpublish()
    assert search(client, q="piilotyöpaikat")["count"] == 0
    assert not SearchDocument.objects.filter(object_id=library["jobs"].pk).exists()


def test_deleted_page_leaves_index(client, library):
    page_id = library["jobs"].pk
    library["jobs"].delete()
    assert not SearchDocument.objects.filter(object_id=page_id).exists()


def test_private_section_is_absent_from_results_facets_and_suggestions(client, library, home):
    from guidance.factories import SectionPageFactory, TopicPageFactory

    private = SectionPageFactory(parent=home, title="Sisäinen", slug="sisainen")
    hidden_topic = TopicPageFactory(parent=private, title="Luottamuksellinen", slug="luott")
    publish(
        ArticlePageFactory,
        hidden_topic,
        title="Sisäinen elämänjanaohje",
        summary="Vain henkilöstölle.",
        keywords=[library["group"]],
    )
    assert search(client, q="elämänjana")["count"] == 2
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    body = search(client, q="elämänjana")
    assert titles(body) == ["Elämänjana uraohjauksen tukena"]
    assert body["facets"]["keywords"] == [{"value": "uraohjaus", "label": "uraohjaus", "count": 1}]
    suggested = client.get("/api/v1/search/suggest/", {"q": "sisäi"}).json()
    assert suggested["titles"] == []


# --- Facets and filters ---------------------------------------------------------------------


def test_facets_count_every_match_and_filters_narrow(client, library):
    # No item has all three words, so items with any of them are found (match "any").
    everything = search(client, q="tukea tuttavien janalle", limit=1)
    assert everything["match"] == "any"
    assert len(everything["items"]) == 1
    types = {f["value"]: f["count"] for f in everything["facets"]["type"]}
    assert types == {"method": 1, "article": 2}
    assert sum(types.values()) == everything["count"] == 3
    narrowed = search(client, q="tukea tuttavien janalle", type="method")
    assert titles(narrowed) == ["Elämänjana uraohjauksen tukena"]
    by_keyword = search(client, q="tukea tuttavien janalle", keyword="ryhmaohjaus")
    assert titles(by_keyword) == ["Nuoret ja nivelvaihe"]
    # Term counts land in their own taxonomy (all five are counted in one pass).
    keywords = {f["value"]: f["count"] for f in everything["facets"]["keywords"]}
    assert keywords["ryhmaohjaus"] == by_keyword["count"] == 1
    for other in ("themes", "target_groups", "sectors", "settings"):
        assert "ryhmaohjaus" not in {f["value"] for f in everything["facets"][other]}
    sections = everything["facets"]["section"]
    section = library["topic"].get_parent()
    assert sections == [{"value": str(section.pk), "label": section.title, "count": 3}]
    by_section = search(client, q="tukea tuttavien janalle", section=sections[0]["value"])
    assert by_section["count"] == 3


def test_pagination_keeps_order_and_total(client, library):
    first = search(client, q="tukea tuttavien janalle", limit=2)
    second = search(client, q="tukea tuttavien janalle", limit=2, offset=2)
    assert first["count"] == second["count"] == 3
    assert len(first["items"]) == 2
    assert len(second["items"]) == 1
    assert not set(titles(first)) & set(titles(second))


def test_a_query_matching_more_items_than_are_ranked_in_full_still_pages_counts_and_facets(
    client, topic, settings
):
    """Only the best SEARCH_CANDIDATES matches (by a first-pass score) get the full ranking;
    the total, the facets and pages beyond the candidates still cover every match."""
    keyword = KeywordFactory(name="ohjaus", slug="ohjaus")
    for number in range(6):
        publish(
            ArticlePageFactory,
            topic,
            title=f"Ohjaus {number}" if number < 2 else f"Muistiinpanoja {number}",
            summary="Ohjauksen käytäntöjä." if number < 4 else "Ohjaamisesta lyhyesti.",
            keywords=[keyword],
        )
    uncapped = search(client, q="ohjaus", limit=6)
    assert uncapped["count"] == 6
    clear_cache()
    settings.SEARCH_CANDIDATES = 2
    first = search(client, q="ohjaus", limit=2)
    # The word in the title ranks first with or without the cap (the newer of equals first).
    assert titles(first) == titles(uncapped)[:2] == ["Ohjaus 1", "Ohjaus 0"]
    assert first["count"] == 6
    assert {f["value"]: f["count"] for f in first["facets"]["keywords"]} == {"ohjaus": 6}
    assert {f["value"]: f["count"] for f in first["facets"]["type"]} == {"article": 6}
    # A page past the candidates ranks offset + limit of them in full: nothing repeats or is lost.
    deeper = search(client, q="ohjaus", limit=4, offset=2)
    assert len(deeper["items"]) == 4
    assert set(titles(first) + titles(deeper)) == set(titles(uncapped))


def test_unknown_filter_value_is_a_400(client, library):
    response = client.get("/api/v1/search/", {"q": "ohjaus", "keyword": "ei-ole"})
    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["parameter"] == "keyword"
    response = client.get("/api/v1/search/", {"q": "ohjaus", "type": "video"})
    assert response.status_code == 400


def test_untranslated_items_are_searched_in_finnish_for_swedish(client, library, translate):
    translate(
        library["lifeline"],
        "sv",
        {
            "Elämänjana uraohjauksen tukena": "Livslinjen som stöd i karriärvägledning",
            "Asiakas piirtää elämänsä tärkeät tapahtumat janalle.": (
                "Klienten ritar livets viktiga händelser på en linje."
            ),
        },
    )
    swedish = search(client, q="karriärvägledningen", locale="sv")
    assert titles(swedish) == ["Livslinjen som stöd i karriärvägledning"]
    assert swedish["items"][0]["locale"] == "sv"
    assert swedish["items"][0]["locale_fallback"] is False
    fallback = search(client, q="nuorille", locale="sv")
    assert titles(fallback) == ["Nuoret ja nivelvaihe"]
    assert fallback["items"][0]["locale_fallback"] is True
    # The translated item is found in Swedish only, not also through its Finnish original.
    assert search(client, q="elämänjana", locale="sv")["count"] == 0


# --- Hostile and odd input ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("q", "status"),
    [
        ("x" * 10_000, 400),
        ("a " * 5_000, 400),
        ('"uraohjaus', 200),
        ('"""', 200),
        ("&& || ! <-> :* ( ) '", 200),
        ("AND OR NOT", 200),
        ("'; DROP TABLE content_search_searchdocument; --", 200),
    ],
)
def test_hostile_queries_get_a_400_or_a_bounded_answer(
    client, library, q, status, django_assert_max_num_queries
):
    """Bounded by work, not by a clock (a loaded CI machine is slow, not wrong): the text is cut to
    MAX_QUERY_WORDS words and answered with a fixed handful of statements."""
    with django_assert_max_num_queries(9):
        response = client.get("/api/v1/search/", {"q": q})
    assert response.status_code == status
    assert len(parse_query(q).words) <= MAX_QUERY_WORDS
    if status == 400:
        assert response.json()["error"]["details"][0]["parameter"] == "q"
    assert SearchDocument.objects.count() == 3


def test_operator_only_query_returns_an_empty_result(client, library):
    body = search(client, q="AND OR NOT")
    assert body["count"] == 0
    assert body["items"] == []


@given(text=st.text(min_size=1, max_size=200))
@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_query_text_is_answered_without_a_server_error(client, library, text):
    response = client.get("/api/v1/search/", {"q": text})
    assert response.status_code in (200, 400)
    suggestion = client.get("/api/v1/search/suggest/", {"q": text[:100]})
    assert suggestion.status_code in (200, 400)


# --- Cost -----------------------------------------------------------------------------------


def test_search_request_runs_a_bounded_number_of_queries(
    client, library, django_assert_max_num_queries
):
    search(client, q="ohjaus")  # warm the vocabulary and site structure caches
    # PostgreSQL's estimate (two EXPLAINs, of the matches and of the scope: how to count the
    # facets; kept for a query asked again), hits with facets in one statement, the statistic,
    # and the hits' card images and crumbs (pages with their images, renditions)
    with django_assert_max_num_queries(6):
        search(client, q="nuorille")
    with django_assert_max_num_queries(9):  # + all three again when falling back to any word
        search(client, q="nuorille tuttavien")
    with django_assert_max_num_queries(4):  # cached result; the statistic is still counted
        search(client, q="nuorille tuttavien")


# --- Suggestions ----------------------------------------------------------------------------


def test_suggest_completes_titles_and_keywords(client, library):
    body = client.get("/api/v1/search/suggest/", {"q": "elämänj"}).json()
    assert [t["title"] for t in body["titles"]] == ["Elämänjana uraohjauksen tukena"]
    body = client.get("/api/v1/search/suggest/", {"q": "uraoh"}).json()
    assert {"slug": "uraohjaus", "name": "uraohjaus"} in body["keywords"]
    assert "Elämänjana uraohjauksen tukena" in [t["title"] for t in body["titles"]]


# --- Attachments ----------------------------------------------------------------------------


def test_text_inside_an_attached_word_file_finds_the_item(client, library):
    import io

    import docx
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Harjoituksessa käytetään kompetenssikarttaa ja vahvuuskortteja.")
    document.save(buffer)
    attachment = get_document_model().objects.create(
        title="Työkirja", file=ContentFile(buffer.getvalue(), name="tyokirja.docx")
    )
    attachment.refresh_from_db()
    assert "kompetenssikarttaa" in attachment.extracted_text
    page = library["youth"]
    page.attachments = [("document", {"document": attachment, "title": "Työkirja"})]
    page.save_revision().publish()
    assert titles(search(client, q="kompetenssikartta")) == ["Nuoret ja nivelvaihe"]


def test_broken_attachment_is_skipped_without_failing(client, library):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    attachment = get_document_model().objects.create(
        title="Rikki", file=ContentFile(b"%PDF-1.4 not really", name="rikki.pdf")
    )
    attachment.refresh_from_db()
    assert attachment.extracted_text == ""


# --- Statistics -----------------------------------------------------------------------------


def test_searches_are_counted_by_week_without_user_data(client, library):
    search(client, q="Elämänjana")
    search(client, q="elämänjana")
    search(client, q="avaruusmatkailu 0401234567")
    search(client, q="elämänjana", offset=1)  # paging is not a new search
    rows = {row.query: row for row in SearchQueryStat.objects.all()}
    assert rows["elämänjana"].searches == 2
    assert rows["elämänjana"].zero_results == 0
    assert rows["avaruusmatkailu #"].zero_results == 1
    assert {f.name for f in SearchQueryStat._meta.fields} == {
        "id",
        "week",
        "language",
        "query",
        "searches",
        "zero_results",
        "corrected_query",
    }


# --- Rebuild --------------------------------------------------------------------------------


def test_rebuild_command_restores_a_lost_index_and_shows_progress(client, library, capsys):
    SearchDocument.objects.all().delete()
    assert search(client, q="nuorille")["count"] == 0

    clear_cache()
    call_command("rebuild_search_index")
    captured = capsys.readouterr()
    assert "Search index: 3/3 (100%)" in captured.err
    assert "Indexed 3 documents" in captured.out
    assert search(client, q="nuorille")["count"] == 1


def _row_locations():
    """Where each index row's current version lies in the table (an update moves it)."""
    return dict(SearchDocument.objects.extra(select={"at": "ctid::text"}).values_list("id", "at"))


def test_rebuilding_an_unchanged_index_writes_no_row_and_a_change_still_lands(client, library):
    before = _row_locations()
    call_command("rebuild_search_index", stdout=StringIO(), stderr=StringIO())
    assert _row_locations() == before  # no dead copies left behind for searches to scan
    page = library["jobs"]
    page.title = "Työnhaku somessa"
    page.save_revision().publish()
    after = _row_locations()
    changed = SearchDocument.objects.get(object_type="page", object_id=page.pk).pk
    assert after[changed] != before[changed]
    assert {k: v for k, v in after.items() if k != changed} == {
        k: v for k, v in before.items() if k != changed
    }
    assert titles(search(client, q="somessa")) == ["Työnhaku somessa"]


# --- GraphQL --------------------------------------------------------------------------------

SEARCH = """
query($q: String!, $types: [String!]) {
  search(q: $q, types: $types, limit: 5) {
    count match engine
    items { title type path localeFallback highlight { title snippet } }
    facets { type { value label count } keywords { value count } }
  }
  suggest(q: "elämänj") { titles { title } keywords { slug } }
}
"""


def test_graphql_search_answers_like_rest(client, library):
    response = client.post(
        "/graphql/",
        {"query": SEARCH, "variables": {"q": "nuorille"}},
        content_type="application/json",
    )
    data = response.json()["data"]
    rest = search(client, q="nuorille", limit=5)
    assert data["search"]["count"] == rest["count"] == 1
    assert [i["title"] for i in data["search"]["items"]] == titles(rest)
    assert data["search"]["facets"]["type"] == [
        {"value": "article", "label": "artikkeli", "count": 1}
    ]
    assert data["suggest"]["titles"] == [{"title": "Elämänjana uraohjauksen tukena"}]


def test_graphql_search_rejects_an_overlong_query(client, library):
    response = client.post(
        "/graphql/",
        {"query": SEARCH, "variables": {"q": "x" * 10_000}},
        content_type="application/json",
    )
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "invalid_parameter"


def test_lone_surrogates_in_a_graphql_query_are_ignored(client, library):
    response = client.post(
        "/graphql/",
        {
            "query": "query($q: String!) { search(q: $q) { count } }",
            "variables": {"q": "nuorille\ud800"},
        },
        content_type="application/json",
    )
    assert response.json()["data"]["search"]["count"] == 1


# --- Hits carry what a card shows -------------------------------------------------------------


def test_content_hits_carry_the_cards_image_breadcrumbs_and_type(client, library):
    from cms.factories import ImageFactory

    image = ImageFactory(description="Kuvitus: kompassi")
    page = library["lifeline"]
    page.hero_image = image
    page.hero_image_alt = "Kuvitus: kompassi ja polku"
    page.save_revision().publish()
    clear_cache()
    hit = next(h for h in search(client, q="elämänjana")["items"] if h["id"] == page.pk)
    assert hit["type"] == "method"
    assert hit["image"]["alt"] == "Kuvitus: kompassi ja polku"
    assert hit["image"]["alt_language"] == "fi"
    assert hit["image"]["renditions"]
    crumbs = [library["topic"].get_parent().title, library["topic"].title]
    assert [c["title"] for c in hit["breadcrumbs"]] == crumbs
    graphql = client.post(
        "/graphql/",
        {
            "query": '{ search(q: "elämänjana") { items { type image { alt } '
            "breadcrumbs { title } } } }"
        },
        content_type="application/json",
    ).json()["data"]["search"]["items"][0]
    assert graphql == {
        "type": "method",
        "image": {"alt": "Kuvitus: kompassi ja polku"},
        "breadcrumbs": [{"title": title} for title in crumbs],
    }


def test_the_discussion_hit_type_is_documented_in_openapi_and_graphql(client):
    schema = client.get("/api/v1/openapi.json").json()
    hit_type = schema["components"]["schemas"]["SearchHitOut"]["properties"]["type"]
    assert "discussion" in hit_type["enum"]
    assert "thread" in hit_type["description"]
    introspection = client.post(
        "/graphql/",
        {"query": '{ __type(name: "SearchHit") { fields { name description } } }'},
        content_type="application/json",
    ).json()["data"]["__type"]["fields"]
    assert "discussion" in next(f["description"] for f in introspection if f["name"] == "type")
