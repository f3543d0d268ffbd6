import pytest
from wagtail.models import PageViewRestriction

import cms.http
from guidance.factories import ArticlePageFactory
from tests.api.conftest import swedish_alt
from tests.caching import clear_cache

pytestmark = pytest.mark.django_db


def get(client, url, **headers):
    return client.get(url, **headers)


# --- Navigation and taxonomies --------------------------------------------------------------


def test_navigation_lists_sections_with_topics(client, catalogue):
    body = get(client, "/api/v1/navigation/").json()
    assert body["locale"] == "fi"
    titles = [node["title"] for node in body["items"]]
    assert titles == ["Asiakastyöhön", "Tietoa ohjaajalle"]
    section = body["items"][0]
    assert section["type"] == "section"
    assert section["path"] == "/asiakastyohon/"
    assert [c["title"] for c in section["children"]] == ["Urasuunnittelu"]
    assert section["children"][0]["path"] == "/asiakastyohon/urasuunnittelu/"


def test_navigation_falls_back_to_finnish_for_untranslated_nodes(client, catalogue, translate):
    translate(catalogue["section"], "sv", {"Asiakastyöhön": "För klientarbetet"})
    body = get(client, "/api/v1/navigation/?locale=sv").json()
    by_key = {n["translation_key"]: n for n in body["items"]}
    section = by_key[str(catalogue["section"].translation_key)]
    assert section["title"] == "För klientarbetet"
    assert section["locale_fallback"] is False
    other = by_key[str(catalogue["other"].translation_key)]
    assert other["title"] == "Tietoa ohjaajalle"
    assert other["locale_fallback"] is True


def test_taxonomy_lists_terms_with_labels_in_the_requested_language(client, catalogue):
    from wagtail.models import Locale

    keyword = catalogue["keywords"][0]
    swedish = keyword.copy_for_translation(Locale.objects.get(language_code="sv"))
    swedish.name = "karriärvägledning"
    swedish.save()
    body = get(client, "/api/v1/taxonomy/keywords/?locale=sv").json()
    names = {t["slug"]: (t["name"], t["locale_fallback"]) for t in body["items"]}
    assert names["uraohjaus"] == ("karriärvägledning", False)
    assert names["ryhmaohjaus"] == ("ryhmäohjaus", True)


def test_unknown_vocabulary_is_a_400(client, catalogue):
    response = get(client, "/api/v1/taxonomy/colours/")
    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["parameter"] == "vocabulary"


# --- Listing --------------------------------------------------------------------------------


def test_listing_returns_cards_with_everything_a_card_renders(client, catalogue):
    body = get(client, "/api/v1/content/?ordering=title").json()
    assert body["count"] == 5
    item = body["items"][0]
    assert item["title"] == "Article 0"
    assert item["type"] == "article"
    assert item["path"] == "/asiakastyohon/urasuunnittelu/article-0/"
    assert [c["title"] for c in item["breadcrumbs"]] == ["Asiakastyöhön", "Urasuunnittelu"]
    assert item["keywords"] == [{"slug": "uraohjaus", "name": "uraohjaus"}]
    assert item["image"]["alt"]
    assert {r["format"] for r in item["image"]["renditions"]} == {"webp"}
    assert item["available_locales"] == ["fi"]
    assert item["locale_fallback"] is False


def test_listing_filters_by_type_keyword_theme_and_section(client, catalogue):
    def titles(query):
        return sorted(i["title"] for i in get(client, f"/api/v1/content/?{query}").json()["items"])

    assert titles("type=method") == ["Method 2"]
    assert titles("type=method,tool") == ["Method 2", "Tool 3"]
    assert titles("keyword=uraohjaus") == ["Article 0", "Method 2", "Training 4"]
    assert titles("keyword=uraohjaus&type=training") == ["Training 4"]
    assert titles("theme=urasuunnittelu") == [
        "Article 0",
        "Material 1",
        "Method 2",
        "Tool 3",
        "Training 4",
    ]
    assert titles(f"section={catalogue['other'].id}") == ["Material 1", "Tool 3"]
    assert titles(f"topic={catalogue['topic'].id}") == ["Article 0", "Method 2", "Training 4"]


def test_listing_paginates_with_limit_and_offset(client, catalogue):
    first = get(client, "/api/v1/content/?ordering=title&limit=2").json()
    second = get(client, "/api/v1/content/?ordering=title&limit=2&offset=2").json()
    assert first["count"] == second["count"] == 5
    assert [i["title"] for i in first["items"]] == ["Article 0", "Material 1"]
    assert [i["title"] for i in second["items"]] == ["Method 2", "Tool 3"]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("limit=abc", "limit"),
        ("offset=-1", "offset"),
        ("ordering=random", "ordering"),
        ("locale=de", "locale"),
        ("type=video", "type"),
        ("keyword=not-a-keyword", "keyword"),
        ("keyword=Bad%20Slug", "keyword"),
        ("section=999999", "section"),
        ("updated_since=yesterday", "updated_since"),
    ],
)
def test_invalid_listing_parameters_get_400_naming_the_parameter(
    client, catalogue, query, parameter
):
    response = get(client, f"/api/v1/content/?{query}")
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid_parameter"
    assert parameter in [d["parameter"] for d in error["details"]]


def test_listing_query_count_does_not_grow_with_limit(
    client, catalogue, many_items, django_assert_max_num_queries, settings
):
    settings.API_SERVER_CACHE = False
    many_items(110)
    get(client, "/api/v1/content/?limit=100")  # renditions are created once
    clear_cache()
    with django_assert_max_num_queries(20) as small:
        assert len(get(client, "/api/v1/content/?limit=10").json()["items"]) == 10
    clear_cache()
    with django_assert_max_num_queries(20) as large:
        assert len(get(client, "/api/v1/content/?limit=100").json()["items"]) == 100
    assert len(large.captured_queries) == len(small.captured_queries)


def test_listing_query_count_does_not_grow_with_terms_per_item(
    client, catalogue, many_items, django_assert_max_num_queries, settings
):
    settings.API_SERVER_CACHE = False
    many_items(20, terms=1)
    get(client, "/api/v1/content/?limit=100")
    clear_cache()
    with django_assert_max_num_queries(20) as few:
        get(client, "/api/v1/content/?limit=100")
    many_items(20, terms=8)
    get(client, "/api/v1/content/?limit=100")
    clear_cache()
    with django_assert_max_num_queries(20) as many:
        get(client, "/api/v1/content/?limit=100")
    assert len(many.captured_queries) == len(few.captured_queries)


# --- Detail ---------------------------------------------------------------------------------


def test_detail_by_id_key_and_path_return_the_same_item(client, catalogue):
    method = catalogue["items"]["method"]
    by_id = get(client, f"/api/v1/content/{method.id}/").json()
    by_key = get(client, f"/api/v1/content/by-key/{method.translation_key}/").json()
    by_path = get(
        client, "/api/v1/content/by-path/?path=/asiakastyohon/urasuunnittelu/method-2/"
    ).json()
    assert by_id == by_key == by_path
    assert by_id["type"] == "method"
    assert by_id["fields"]["duration"] == "45 min"
    assert by_id["fields"]["goals"] == "<p>Asiakas tunnistaa vahvuutensa.</p>"
    assert by_id["body"][0]["type"] == "rich_text"
    assert "<p>" in by_id["body"][0]["value"]["html"]


def test_detail_lists_related_items_sharing_keywords_or_themes(client, catalogue):
    method = catalogue["items"]["method"]
    body = get(client, f"/api/v1/content/{method.id}/").json()
    related = [item["title"] for item in body["related"]]
    assert len(related) == 4
    assert "Method 2" not in related
    # Sharing a keyword and the theme ranks above sharing only the theme.
    assert set(related[:2]) == {"Article 0", "Training 4"}


def test_detail_query_count_is_bounded(client, catalogue, django_assert_max_num_queries, settings):
    settings.API_SERVER_CACHE = False
    method = catalogue["items"]["method"]
    get(client, f"/api/v1/content/{method.id}/")
    clear_cache()
    with django_assert_max_num_queries(30):
        assert get(client, f"/api/v1/content/{method.id}/").status_code == 200


def test_unknown_item_is_a_json_404(client, catalogue):
    for url in [
        "/api/v1/content/987654/",
        "/api/v1/content/by-key/6a2f41a3-c54d-4b1f-9c58-1a2b3c4d5e6f/",
        "/api/v1/content/by-path/?path=/ei/ole/",
    ]:
        response = get(client, url)
        assert response.status_code == 404, url
        assert response.json()["error"]["code"] == "not_found"


def test_missing_translation_falls_back_to_finnish_and_says_so(client, catalogue):
    tool = catalogue["items"]["tool"]
    body = get(client, f"/api/v1/content/{tool.id}/?locale=en").json()
    assert body["locale"] == "fi"
    assert body["locale_fallback"] is True
    assert body["available_locales"] == ["fi"]


def test_translation_is_served_in_the_requested_language(client, catalogue, translate):
    method = catalogue["items"]["method"]
    translate(method, "sv", {"Method 2": "Metod 2", **swedish_alt(method)})
    body = get(client, f"/api/v1/content/{method.id}/?locale=sv").json()
    assert body["title"] == "Metod 2"
    assert body["locale"] == "sv"
    assert body["locale_fallback"] is False
    assert body["available_locales"] == ["fi", "sv"]
    listing = get(client, "/api/v1/content/?locale=sv&type=method").json()
    assert [i["title"] for i in listing["items"]] == ["Metod 2"]


def test_accept_language_picks_the_locale_when_no_parameter(client, catalogue, translate):
    method = catalogue["items"]["method"]
    translate(method, "sv", {"Method 2": "Metod 2", **swedish_alt(method)})
    body = get(
        client, f"/api/v1/content/{method.id}/", HTTP_ACCEPT_LANGUAGE="sv-FI,sv;q=0.9,en;q=0.5"
    ).json()
    assert body["title"] == "Metod 2"


# --- Privacy ---------------------------------------------------------------------------------


def test_draft_is_invisible_in_listing_detail_and_related(client, catalogue):
    draft = ArticlePageFactory(
        parent=catalogue["topic"], title="Luonnos", slug="luonnos", live=False
    )
    draft.keywords.set(catalogue["keywords"])
    draft.save_revision()
    method = catalogue["items"]["method"]
    assert "Luonnos" not in [
        i["title"] for i in get(client, "/api/v1/content/?limit=100").json()["items"]
    ]
    assert get(client, f"/api/v1/content/{draft.id}/").status_code == 404
    assert get(client, f"/api/v1/content/by-key/{draft.translation_key}/").status_code == 404
    assert "Luonnos" not in [
        i["title"] for i in get(client, f"/api/v1/content/{method.id}/").json()["related"]
    ]


def test_newer_draft_changes_of_a_live_page_are_not_served(client, catalogue):
    method = catalogue["items"]["method"]
    method.title = "Keskeneräinen muutos"
    method.save_revision()
    body = get(client, f"/api/v1/content/{method.id}/").json()
    assert body["title"] == "Method 2"


def test_unpublished_page_disappears(client, catalogue):
    tool = catalogue["items"]["tool"]
    tool.unpublish()
    assert get(client, f"/api/v1/content/{tool.id}/").status_code == 404
    assert "Tool 3" not in [i["title"] for i in get(client, "/api/v1/content/").json()["items"]]


def test_page_under_a_view_restriction_is_never_served(client, catalogue):
    PageViewRestriction.objects.create(
        page=catalogue["news"], restriction_type=PageViewRestriction.PASSWORD, password="salainen"
    )
    tool = catalogue["items"]["tool"]
    titles = [i["title"] for i in get(client, "/api/v1/content/?limit=100").json()["items"]]
    assert "Tool 3" not in titles
    assert get(client, f"/api/v1/content/{tool.id}/").status_code == 404
    nav = get(client, "/api/v1/navigation/").json()
    assert "Ajankohtaista" not in str(nav)
    method = catalogue["items"]["method"]
    assert "Tool 3" not in [
        i["title"] for i in get(client, f"/api/v1/content/{method.id}/").json()["related"]
    ]


# --- Caching ----------------------------------------------------------------------------------


def test_public_get_carries_etag_and_public_cache_control(client, catalogue):
    response = get(client, "/api/v1/content/")
    assert response.status_code == 200
    assert response["ETag"]
    assert response["Cache-Control"].startswith("public, max-age=")
    assert "stale-while-revalidate" in response["Cache-Control"]
    stored = get(client, "/api/v1/content/")  # asked again: now stored
    assert (stored["X-Cache"], stored["ETag"]) == ("miss", response["ETag"])
    hit = get(client, "/api/v1/content/")
    assert (hit["X-Cache"], hit["ETag"], hit.content) == ("hit", response["ETag"], response.content)
    again = get(client, "/api/v1/content/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert again.content == b""


def test_server_cache_is_invalidated_on_publish(client, catalogue):
    method = catalogue["items"]["method"]
    first = get(client, f"/api/v1/content/{method.id}/")
    get(client, f"/api/v1/content/{method.id}/")  # asked again: stored
    assert get(client, f"/api/v1/content/{method.id}/")["X-Cache"] == "hit"
    method.title = "Uusi otsikko"
    method.save_revision().publish()
    refreshed = get(client, f"/api/v1/content/{method.id}/")
    assert refreshed.json()["title"] == "Uusi otsikko"
    assert refreshed["ETag"] != first["ETag"]


# --- Views and popularity ---------------------------------------------------------------------


def test_view_is_counted_once_per_client_per_day(client, catalogue):
    method = catalogue["items"]["method"]
    first = client.post(f"/api/v1/content/{method.id}/view/")
    second = client.post(f"/api/v1/content/{method.id}/view/")
    assert first.status_code == second.status_code == 202
    assert first.json() == {"counted": True}
    assert second.json() == {"counted": False}
    from guidance.models import ContentViewDay

    assert ContentViewDay.objects.get(translation_key=method.translation_key).views == 1


def test_popular_and_trending_order_by_views(client, catalogue):
    tool, method = catalogue["items"]["tool"], catalogue["items"]["method"]
    for address in ("10.0.0.1", "10.0.0.2", "10.0.0.3"):
        client.post(f"/api/v1/content/{tool.id}/view/", REMOTE_ADDR=address)
    client.post(f"/api/v1/content/{method.id}/view/", REMOTE_ADDR="10.0.0.1")
    popular = [i["title"] for i in get(client, "/api/v1/content/?ordering=popular").json()["items"]]
    assert popular[:2] == ["Tool 3", "Method 2"]
    trending = [
        i["title"] for i in get(client, "/api/v1/content/?ordering=trending").json()["items"]
    ]
    assert trending[:2] == ["Tool 3", "Method 2"]


def test_items_kept_out_of_listings_are_not_newest_but_still_in_their_topic(client, catalogue):
    catalogue["news"].exclude_from_listings = True
    catalogue["news"].save_revision().publish()
    newest = [
        i["title"] for i in get(client, "/api/v1/content/?ordering=-published").json()["items"]
    ]
    assert "Tool 3" not in newest
    in_topic = [
        i["title"]
        for i in get(
            client, f"/api/v1/content/?topic={catalogue['news'].id}&ordering=-published"
        ).json()["items"]
    ]
    assert "Tool 3" in in_topic


def test_view_of_unknown_item_is_404(client, catalogue):
    assert client.post("/api/v1/content/9999999/view/").status_code == 404


def test_featured_items_come_in_the_editors_order(client, catalogue):
    home = catalogue["home"]
    items = catalogue["items"]
    home.featured_items = [("item", items["tool"]), ("item", items["article"])]
    home.save_revision().publish()
    body = get(client, "/api/v1/featured/").json()
    assert [i["title"] for i in body["items"]] == ["Tool 3", "Article 0"]
    assert graphql_featured(client, "{ featured { title reviewOverdue } }") == [
        {"title": "Tool 3", "reviewOverdue": False},
        {"title": "Article 0", "reviewOverdue": False},
    ]
    section = catalogue["section"]
    section.featured_items = [("item", items["method"])]
    section.save_revision().publish()
    assert [
        i["title"] for i in get(client, f"/api/v1/featured/?section={section.id}").json()["items"]
    ] == ["Method 2"]
    query = f"{{ featured(section: {section.id}) {{ title }} }}"
    assert graphql_featured(client, query) == [{"title": "Method 2"}]


def graphql_featured(client, query):
    response = client.post("/graphql/", {"query": query}, content_type="application/json")
    return response.json()["data"]["featured"]


def test_featured_draft_is_not_shown(client, catalogue):
    home = catalogue["home"]
    tool = catalogue["items"]["tool"]
    home.featured_items = [("item", tool)]
    home.save_revision().publish()
    tool.unpublish()
    assert get(client, "/api/v1/featured/").json()["items"] == []
    assert graphql_featured(client, "{ featured { title } }") == []


def test_internal_links_in_rich_text_become_frontend_paths_in_the_readers_language(
    client, catalogue, translate
):
    tool, method = catalogue["items"]["tool"], catalogue["items"]["method"]
    method.body = [("rich_text", f'<p>Katso <a linktype="page" id="{tool.id}">työkalu</a>.</p>')]
    method.save_revision().publish()
    html = get(client, f"/api/v1/content/{method.id}/").json()["body"][0]["value"]["html"]
    assert f'href="/tietoa/ajankohtaista/tool-3/" data-content-key="{tool.translation_key}"' in html
    translate(catalogue["other"], "sv", {"tietoa": "information"})
    translate(tool, "sv", {"tool-3": "verktyg-3", **swedish_alt(tool)})
    html = get(client, f"/api/v1/content/{method.id}/?locale=sv").json()["body"][0]["value"]["html"]
    assert 'href="/information/ajankohtaista/verktyg-3/"' in html


def test_link_to_an_unpublished_page_loses_its_href(client, catalogue):
    tool, method = catalogue["items"]["tool"], catalogue["items"]["method"]
    method.body = [("rich_text", f'<p>Katso <a linktype="page" id="{tool.id}">työkalu</a>.</p>')]
    method.save_revision().publish()
    tool.unpublish()
    html = get(client, f"/api/v1/content/{method.id}/").json()["body"][0]["value"]["html"]
    assert "<a>työkalu</a>" in html


@pytest.mark.parametrize(
    ("url", "bound"),
    [
        ("/api/v1/navigation/?locale=sv", 8),
        ("/api/v1/taxonomy/keywords/?locale=en", 8),
        ("/api/v1/featured/", 22),
        ("/api/v1/content/?limit=100&keyword=uraohjaus&ordering=popular", 22),
        ("/api/v1/content/?limit=100&locale=sv&ordering=trending", 22),
        ("/api/v1/content/by-path/?path=/asiakastyohon/urasuunnittelu/method-2/", 30),
        ("/api/v1/content/by-key/{key}/", 30),
    ],
)
def test_every_public_endpoint_has_a_pinned_query_count(
    client, catalogue, url, bound, settings, django_assert_max_num_queries
):
    settings.API_SERVER_CACHE = False
    url = url.format(key=catalogue["items"]["method"].translation_key)
    assert get(client, url).status_code == 200  # renditions are created on first use
    clear_cache()  # cold application caches: the worst case
    with django_assert_max_num_queries(bound):
        assert get(client, url).status_code == 200


def test_an_answer_is_stored_when_it_is_asked_again(client, catalogue):
    """One-off URLs (random query strings, a crawler) are never written to the shared cache,
    so they cost no write and push out nothing that is asked again."""
    urls = [f"/api/v1/content/?limit=5&q{n}=1" for n in range(20)]
    first = [get(client, url)["X-Cache"] for url in urls]
    second = [get(client, url)["X-Cache"] for url in urls]
    third = [get(client, url)["X-Cache"] for url in urls]
    assert (set(first), set(second), set(third)) == ({"miss"}, {"miss"}, {"hit"})
    assert len({get(client, url).content for url in urls}) == 1


def test_a_flood_of_one_off_urls_forgets_the_oldest_first(client, catalogue, monkeypatch):
    monkeypatch.setattr(cms.http, "MISSED_ONCE", 3)
    get(client, "/api/v1/content/?limit=5&first=1")
    for n in range(3):
        get(client, f"/api/v1/content/?limit=5&flood={n}")
    # The first URL's mark was let go: asked again it counts as asked once, and is stored now.
    again = [get(client, "/api/v1/content/?limit=5&first=1")["X-Cache"] for _ in range(3)]
    assert again == ["miss", "miss", "hit"]
    # The newest marks are kept: asked again, stored at once.
    assert [get(client, "/api/v1/content/?limit=5&flood=2")["X-Cache"] for _ in range(2)] == [
        "miss",
        "hit",
    ]


def test_cached_response_needs_no_queries(client, catalogue, django_assert_num_queries):
    get(client, "/api/v1/content/?limit=20")
    get(client, "/api/v1/content/?limit=20")  # asked again: stored
    with django_assert_num_queries(0):
        assert get(client, "/api/v1/content/?limit=20")["X-Cache"] == "hit"


def test_responses_match_their_documented_schemas(client, catalogue):
    """What a client receives validates against the OpenAPI document's shapes (cms.http.respond
    checks on the way out; this checks from the client's side, after JSON)."""
    from guidance.schemas import ContentDetailOut, ContentListOut, FeaturedOut, NavigationOut

    item = catalogue["items"]["method"]
    for url, schema in [
        ("/api/v1/content/?limit=5", ContentListOut),
        (f"/api/v1/content/{item.pk}/", ContentDetailOut),
        ("/api/v1/navigation/", NavigationOut),
        ("/api/v1/featured/", FeaturedOut),
    ]:
        body = client.get(url).json()
        validated = schema.model_validate(body).model_dump(mode="json")
        assert set(validated) == set(body), url


def test_updated_since_with_an_unusual_offset_is_answered_not_a_server_error(client, catalogue):
    # Found by schemathesis: PostgreSQL refuses offsets beyond ±15:59, ISO 8601 allows them.
    response = client.get("/api/v1/content/", {"updated_since": "0403-06-06T05:45:54-18:17"})
    assert response.status_code == 200
    assert response.json()["count"] == 5
    extreme = client.get("/api/v1/content/", {"updated_since": "0001-01-01T00:00:00+23:59"})
    assert extreme.status_code == 400
    assert extreme.json()["error"]["details"][0]["parameter"] == "updated_since"


def test_listing_total_follows_publishing_and_unpublishing(client, catalogue, settings):
    """The total is cached per filter set; a publish or unpublish must change it at once."""
    settings.API_SERVER_CACHE = False  # the stored count, not the response cache, is under test
    before = client.get("/api/v1/content/", {"type": "article", "nocache": 1}).json()["count"]
    page = ArticlePageFactory(parent=catalogue["topic"], title="Uusi artikkeli", live=False)
    page.save_revision().publish()
    after = client.get("/api/v1/content/", {"type": "article", "nocache": 2}).json()["count"]
    assert after == before + 1
    page.refresh_from_db()
    page.unpublish()
    again = client.get("/api/v1/content/", {"type": "article", "nocache": 3}).json()["count"]
    assert again == before


# --- Fallback paths and lookups across languages ---------------------------------------------


def test_a_fallback_items_path_and_breadcrumbs_are_both_finnish(client, catalogue, translate):
    translate(catalogue["section"], "sv", {"Asiakastyöhön": "För klientarbetet"})
    translate(catalogue["topic"], "sv", {"Urasuunnittelu": "Karriärplanering"})
    method = catalogue["items"]["method"]  # not translated: served in Finnish
    for body in (
        get(client, f"/api/v1/content/{method.id}/?locale=sv").json(),
        next(
            item
            for item in get(client, "/api/v1/content/?locale=sv&type=method").json()["items"]
            if item["id"] == method.id
        ),
    ):
        assert body["locale_fallback"] is True
        assert body["path"] == "/asiakastyohon/urasuunnittelu/method-2/"
        assert [c["title"] for c in body["breadcrumbs"]] == ["Asiakastyöhön", "Urasuunnittelu"]
        assert [c["path"] for c in body["breadcrumbs"]] == [
            "/asiakastyohon/",
            "/asiakastyohon/urasuunnittelu/",
        ]


def test_a_path_in_another_language_finds_the_item_through_its_translation(
    client, catalogue, translate
):
    tool = catalogue["items"]["tool"]
    translate(catalogue["other"], "sv", {"Tietoa ohjaajalle": "Information", "tietoa": "info"})
    translate(catalogue["news"], "sv", {"Ajankohtaista": "Aktuellt", "ajankohtaista": "aktuellt"})
    image_alt = {tool.hero_image_alt: "Illustration: färgglada cirklar"}
    translate(tool, "sv", {"Tool 3": "Verktyg 3", "tool-3": "verktyg-3", **image_alt})
    swedish_path = "/info/aktuellt/verktyg-3/"
    finnish_path = "/tietoa/ajankohtaista/tool-3/"
    in_finnish = get(client, f"/api/v1/content/by-path/?path={swedish_path}&locale=fi").json()
    assert (in_finnish["title"], in_finnish["path"]) == ("Tool 3", finnish_path)
    in_swedish = get(client, f"/api/v1/content/by-path/?path={finnish_path}&locale=sv").json()
    assert (in_swedish["title"], in_swedish["path"]) == ("Verktyg 3", swedish_path)


def test_an_item_missing_in_the_language_answers_404_with_the_languages_it_has(
    client, catalogue, translate
):
    tool = catalogue["items"]["tool"]
    swedish = translate(
        tool, "sv", {"Tool 3": "Verktyg 3", tool.hero_image_alt: "Illustration: cirklar"}
    )
    tool.unpublish()  # only the Swedish version is left: there is no Finnish to fall back to
    for url in (
        f"/api/v1/content/{swedish.id}/?locale=en",
        f"/api/v1/content/by-key/{tool.translation_key}/?locale=en",
    ):
        response = get(client, url)
        assert response.status_code == 404, url
        error = response.json()["error"]
        assert error["code"] == "not_in_language"
        assert error["details"][0]["available_locales"] == ["sv"]
    assert get(client, f"/api/v1/content/{swedish.id}/?locale=sv").json()["title"] == "Verktyg 3"


def test_a_restricted_language_version_is_not_listed_as_available(client, catalogue, translate):
    method = catalogue["items"]["method"]
    swedish = translate(method, "sv", {"Method 2": "Metod 2", **swedish_alt(method)})
    PageViewRestriction.objects.create(page=swedish, restriction_type="login")
    clear_cache()
    body = get(client, f"/api/v1/content/{method.id}/").json()
    assert body["available_locales"] == ["fi"]  # the Swedish version is not served, so not named


def test_a_cached_public_answer_costs_one_read_of_the_cache(client, catalogue, monkeypatch):
    """The content version and the stored answer come in one round trip; an answer stored
    before a change is a miss after it."""
    from django.core.cache import cache

    from guidance.models import ContentPage

    reads = []
    inside = []  # LocMemCache's get_many calls its own get: count the outer call only

    def counting(name, original):
        def read(*args, **kwargs):
            if not inside:
                reads.append(name)
            inside.append(name)
            try:
                return original(*args, **kwargs)
            finally:
                inside.pop()

        return read

    for name in ("get", "get_many"):
        monkeypatch.setattr(cache, name, counting(name, getattr(cache, name)))
    first = client.get("/api/v1/content/?limit=5")
    assert first["X-Cache"] == "miss"
    assert client.get("/api/v1/content/?limit=5")["X-Cache"] == "miss"  # asked again: stored
    reads.clear()
    again = client.get("/api/v1/content/?limit=5")
    assert again["X-Cache"] == "hit"
    assert again.content == first.content
    assert reads == ["get_many"]
    page = ContentPage.objects.live().first().specific
    page.title = "Uusi otsikko"
    page.save_revision().publish()
    after = client.get("/api/v1/content/?limit=5")
    assert after["X-Cache"] == "miss"
    assert "Uusi otsikko" in after.content.decode()
