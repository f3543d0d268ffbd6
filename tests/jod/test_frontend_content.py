"""The JOD counsellor frontend's content calls (src/services/cms-*.ts), made as it makes them
against a live server with the demo content, asserting what it reads."""

import io

import pytest
import requests
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from PIL import Image

from tests.jod.conftest import SITE

# The demo content is seeded and committed once for the module (tests/jod/conftest.py); each
# test only reads. serialized_rollback: the module gives the migrations' data back at its end.
pytestmark = pytest.mark.django_db(serialized_rollback=True)

HIDE_FLAGS = (
    "hideFromHomePageNewestCarousel",
    "hideFromHomePageMostViewedCarousel",
    "hideFromMainCategoryPageNewestCarousel",
    "hideFromMainCategoryPageMostViewedCarousel",
)
FINNISH_ORDER = "abcdefghijklmnopqrstuvwxyzåäö"


def walk(items):
    for item in items:
        yield item
        yield from walk(item["children"])


def articles(items):
    return [item for item in walk(items) if item["type"] == "Article"]


def category_filter(op, ids):
    joiner = " and t ne " if op == "ne" else " or t eq "
    return f"taxonomyCategoryIds/any(t:t {op} {joiner.join(str(i) for i in ids)})"


def field(item, name):
    """The first content field of that name, as src/utils/cms.ts findContentValueByName."""
    return next((f for f in item["contentFields"] if f["name"] == name), None)


def finnish_key(title):
    return [FINNISH_ORDER.find(c) if c in FINNISH_ORDER else ord(c) for c in title.lower()]


@pytest.fixture(scope="module")
def navigation(frontend):
    return frontend.ok(f"/jod-navigation/{SITE}")["navigationItems"]


def test_navigation_gives_three_sections_their_tree_and_three_languages(frontend, navigation):
    assert len(navigation) >= 3
    assert {item["type"] for item in navigation} == {"CategoryMain"}
    every = list(walk(navigation))
    assert {"CategoryMain", "CategoryListing", "Article"} <= {item["type"] for item in every}
    for item in every:
        assert set(item["name_i18n"]) == {"fi-FI", "sv-SE", "en-US"}
        assert set(item["description_i18n"]) == {"fi-FI", "sv-SE", "en-US"}
        assert isinstance(item["children"], list)
        assert all(isinstance(item[flag], bool) for flag in HIDE_FLAGS)
        if item["type"] == "Article":
            assert isinstance(item["articleId"], int)
            assert item["categoryId"] is None
        else:
            assert isinstance(item["categoryId"], int)
    # Translated sections carry their own names; the rest fall back to Finnish.
    assert any(i["name_i18n"]["sv-SE"] != i["name_i18n"]["fi-FI"] for i in navigation)
    # Category and article ids never collide (one taxonomyCategoryIds space with the tags).
    tags = frontend.ok(f"/jod-tags/{SITE}")
    category_ids = {i["categoryId"] for i in every if i["categoryId"]}
    assert not category_ids & {tag["id"] for tag in tags}


def test_every_article_in_the_navigation_opens_with_the_same_id_and_reference(frontend, navigation):
    listed = articles(navigation)
    assert len(listed) >= 30
    by_erc = {item["externalReferenceCode"]: item["articleId"] for item in listed}
    ids = ", ".join(f"'{item['articleId']}'" for item in listed)
    batch = frontend.contents(
        {
            "page": "1",
            "pageSize": "500",
            "nestedFields": "embeddedTaxonomyCategory",
            "filter": f"id in ({ids})",
        }
    )
    assert batch["totalCount"] == len(listed)
    assert {item["externalReferenceCode"]: item["id"] for item in batch["items"]} == by_erc
    for lang in ("fi", "sv", "en"):
        one = frontend.ok(
            f"/headless-delivery/v1.0/structured-contents/{listed[0]['articleId']}",
            {"nestedFields": "embeddedTaxonomyCategory"},
            lang,
        )
        assert one["id"] == listed[0]["articleId"]
        assert one["externalReferenceCode"] == listed[0]["externalReferenceCode"]


def test_a_translated_article_answers_in_the_asked_language_and_falls_back_to_finnish(
    frontend, navigation
):
    listed = articles(navigation)
    translated = next(i for i in listed if i["name_i18n"]["sv-SE"] != i["name_i18n"]["fi-FI"])
    path = f"/headless-delivery/v1.0/structured-contents/{translated['articleId']}"
    assert frontend.ok(path, lang="sv")["title"] == translated["name_i18n"]["sv-SE"]
    assert frontend.ok(path, lang="fi")["title"] == translated["name_i18n"]["fi-FI"]
    untranslated = next(i for i in listed if i["name_i18n"]["en-US"] == i["name_i18n"]["fi-FI"])
    path = f"/headless-delivery/v1.0/structured-contents/{untranslated['articleId']}"
    assert frontend.ok(path, lang="en")["title"] == untranslated["name_i18n"]["fi-FI"]


def hidden_ids(navigation, flag):
    """src/utils/navigation.ts getExcludedCategoryIds."""
    found = []
    for item in navigation:
        if item[flag] and item["categoryId"]:
            found.append(item["categoryId"])
        found += hidden_ids(item["children"], flag)
    return found


def test_newest_leaves_out_the_hidden_sections_and_is_newest_first(frontend, navigation):
    hidden = hidden_ids(navigation, "hideFromHomePageNewestCarousel")
    assert hidden  # the fixture hides one topic
    newest = frontend.contents(
        {
            "nestedFields": "embeddedTaxonomyCategory",
            "page": "1",
            "pageSize": "12",
            "sort": "dateCreated:desc",
            "filter": category_filter("ne", hidden),
        }
    )
    assert len(newest["items"]) == 12
    dates = [item["dateCreated"] for item in newest["items"]]
    assert dates == sorted(dates, reverse=True)
    hidden_ercs = {
        a["externalReferenceCode"]
        for item in walk(navigation)
        if item["categoryId"] in hidden
        for a in articles(item["children"])
    }
    assert hidden_ercs
    assert not hidden_ercs & {item["externalReferenceCode"] for item in newest["items"]}
    everything = frontend.contents({"page": "1", "pageSize": "500"})
    assert everything["totalCount"] == newest["totalCount"] + len(hidden_ercs)


@pytest.mark.parametrize(
    ("sort", "key", "reverse"),
    [
        ("title:asc", "title", False),
        ("title:desc", "title", True),
        ("dateCreated:desc", "dateCreated", True),
        ("dateCreated:asc", "dateCreated", False),
    ],
)
def test_a_category_listing_has_its_items_in_each_sort(frontend, navigation, sort, key, reverse):
    topic = next(i for i in walk(navigation) if i["type"] == "CategoryListing" and i["children"])
    listing = frontend.contents(
        {
            "nestedFields": "embeddedTaxonomyCategory",
            "page": "1",
            "pageSize": "500",
            "sort": sort,
            "filter": category_filter("eq", [topic["categoryId"]]),
        }
    )
    expected = {a["externalReferenceCode"] for a in articles(topic["children"])}
    assert {item["externalReferenceCode"] for item in listing["items"]} == expected
    values = [item[key] for item in listing["items"]]
    order = finnish_key if key == "title" else None
    assert values == sorted(values, key=order, reverse=reverse)
    assert listing["totalCount"] == len(expected)
    assert (listing["page"], listing["pageSize"]) == (1, 500)


def test_a_main_category_covers_its_whole_section(frontend, navigation):
    section = navigation[0]
    listing = frontend.contents(
        {
            "nestedFields": "embeddedTaxonomyCategory",
            "page": "1",
            "pageSize": "500",
            "filter": category_filter("eq", [section["categoryId"]]),
        }
    )
    below = {a["externalReferenceCode"] for a in articles(section["children"])}
    assert {item["externalReferenceCode"] for item in listing["items"]} == below
    assert any(child["type"] == "CategoryListing" for child in section["children"])


def test_search_with_keywords_is_either_keyword_and_pages(frontend):
    tags = frontend.ok(f"/jod-tags/{SITE}")
    assert tags
    assert all(
        tag["type"] == "TAG" and set(tag["name_i18n"]) == {"fi-FI", "sv-SE", "en-US"}
        for tag in tags
    )
    counts = {}
    for tag in tags:
        found = frontend.contents(
            {
                "page": "1",
                "pageSize": "1000",
                "nestedFields": "embeddedTaxonomyCategory",
                "search": "",
                "filter": category_filter("eq", [tag["id"]]),
            }
        )
        counts[tag["id"]] = {item["externalReferenceCode"] for item in found["items"]}
    first, second = sorted(counts, key=lambda t: -len(counts[t]))[:2]
    either = frontend.contents(
        {
            "page": "1",
            "pageSize": "1000",
            "nestedFields": "embeddedTaxonomyCategory",
            "search": "",
            "filter": category_filter("eq", [first, second]),
        }
    )
    assert {i["externalReferenceCode"] for i in either["items"]} == counts[first] | counts[second]
    # A text search in relevance order, ten to a page as Search/constants.ts asks.
    query = {
        "page": "1",
        "pageSize": "2",
        "nestedFields": "embeddedTaxonomyCategory",
        "search": "ohjaus",
    }
    page_one = frontend.contents(query)
    page_two = frontend.contents({**query, "page": "2"})
    assert page_one["totalCount"] > 2
    assert page_two["totalCount"] == page_one["totalCount"]
    assert (page_two["page"], page_two["pageSize"]) == (2, 2)
    ones = {i["externalReferenceCode"] for i in page_one["items"]}
    twos = {i["externalReferenceCode"] for i in page_two["items"]}
    assert len(ones) == 2
    assert not ones & twos
    tagged = frontend.contents(
        {**query, "pageSize": "100", "filter": category_filter("eq", [first])}
    )
    assert {i["externalReferenceCode"] for i in tagged["items"]} <= counts[first]


def test_keywords_are_tags_in_every_item(frontend, navigation):
    listing = frontend.contents(
        {"page": "1", "pageSize": "500", "nestedFields": "embeddedTaxonomyCategory"}
    )
    tags = {tag["id"] for tag in frontend.ok(f"/jod-tags/{SITE}")}
    categories = {i["categoryId"] for i in walk(navigation) if i["categoryId"]}
    briefs = [b for item in listing["items"] for b in item["taxonomyCategoryBriefs"]]
    assert {b["embeddedTaxonomyCategory"]["type"] for b in briefs} == {"TAG", "CATEGORY"}
    for brief in briefs:
        embedded = brief["embeddedTaxonomyCategory"]
        assert brief["taxonomyCategoryId"] == embedded["id"]
        assert embedded["id"] in (tags if embedded["type"] == "TAG" else categories)


def test_a_batch_by_id_keeps_to_its_ids_and_an_empty_batch_is_empty(frontend, navigation):
    listed = articles(navigation)[:3]
    hidden = hidden_ids(navigation, "hideFromHomePageMostViewedCarousel")
    ids = ", ".join(f"'{item['articleId']}'" for item in listed)
    batch = frontend.contents(
        {
            "page": "1",
            "pageSize": "500",
            "nestedFields": "embeddedTaxonomyCategory",
            "filter": f"id in ({ids}) and {category_filter('ne', hidden)}",
        }
    )
    assert {i["id"] for i in batch["items"]} <= {i["articleId"] for i in listed}
    empty = frontend.contents(
        {
            "page": "1",
            "pageSize": "500",
            "nestedFields": "embeddedTaxonomyCategory",
            "filter": f"id in () and {category_filter('ne', hidden)}",
        }
    )
    assert (empty["items"], empty["totalCount"]) == ([], 0)


def test_an_article_has_every_content_field_the_frontend_reads(frontend, navigation):
    listing = frontend.contents({"page": "1", "pageSize": "500"})
    ids = [item["id"] for item in listing["items"]]
    full = [
        frontend.ok(
            f"/headless-delivery/v1.0/structured-contents/{i}",
            {"nestedFields": "embeddedTaxonomyCategory"},
        )
        for i in ids
    ]
    for item in full:
        assert [f["name"] for f in item["contentFields"]][:2] == ["ingress", "content"]
        assert all(isinstance(f["nestedContentFields"], list) for f in item["contentFields"])
        assert item["dateCreated"]
        assert item["dateModified"]
    item = next(a for a in full if field(a, "link"))
    assert field(item, "ingress")["contentFieldValue"]["data"]
    assert "<" in field(item, "content")["contentFieldValue"]["data"]
    link = field(item, "link")["nestedContentFields"]
    assert [f["name"] for f in link] == ["linktext", "linkurl"]
    assert link[1]["contentFieldValue"]["data"].startswith("http")
    image = field(next(a for a in full if field(a, "image")), "image")["contentFieldValue"]["image"]
    assert image["description"]  # the alt text (and " Kuva: " credit)
    document = field(next(a for a in full if field(a, "document")), "document")
    downloaded = requests.get(document["contentFieldValue"]["document"]["contentUrl"], timeout=60)
    assert downloaded.status_code == 200
    assert downloaded.content
    # The three image variants the frontend asks for, by the image's id and title.
    sizes = {}
    for variant in ("Article", "Card-Vertical", "Card-Horizontal"):
        response = frontend.get(f"/adaptive-media/image/{image['id']}/{variant}/{image['title']}")
        assert response.status_code == 200
        assert response.headers["Content-Type"] == "image/webp"
        sizes[variant] = Image.open(io.BytesIO(response.content)).size
    assert sizes["Article"][0] <= 386
    assert sizes["Article"][1] <= 217
    assert sizes["Card-Vertical"][1] == 147
    assert sizes["Card-Horizontal"][1] == 143


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        (
            "/headless-delivery/v1.0/sites/{site}/structured-contents",
            {"filter": "title eq 'x'"},
            400,
        ),
        (
            "/headless-delivery/v1.0/sites/{site}/structured-contents",
            {"filter": "taxonomyCategoryIds/any(t:t eq abc)"},
            400,
        ),
        (
            "/headless-delivery/v1.0/sites/{site}/structured-contents",
            {"filter": "taxonomyCategoryIds/any(t:t eq 1 and t eq 2)"},
            400,
        ),
        (
            "/headless-delivery/v1.0/sites/{site}/structured-contents",
            {"filter": "id in ('1') or id in ('2')"},
            400,
        ),
        (
            "/headless-delivery/v1.0/sites/{site}/structured-contents",
            {"sort": "modified:desc"},
            400,
        ),
        (
            "/headless-delivery/v1.0/sites/{site}/structured-contents",
            {"search": "ohjaus", "sort": "title:asc"},
            400,
        ),
        ("/headless-delivery/v1.0/sites/{site}/structured-contents", {"pageSize": "0"}, 400),
        ("/headless-delivery/v1.0/sites/{site}/structured-contents", {"pageSize": "1001"}, 400),
        ("/headless-delivery/v1.0/sites/{site}/structured-contents", {"page": "x"}, 400),
        ("/headless-delivery/v1.0/sites/1/structured-contents", {}, 404),
        ("/jod-navigation/1", None, 404),
        ("/headless-delivery/v1.0/structured-contents/999999999", None, 404),
        ("/headless-delivery/v1.0/structured-contents/99999999999999", None, 404),
        ("/headless-delivery/v1.0/structured-contents/abc", None, 400),
        ("/headless-delivery/v1.0/structured-contents/-1", None, 400),
        ("/adaptive-media/image/999999/Article/x.webp", None, 404),
    ],
)
def test_what_the_adapter_does_not_support_is_refused_in_liferays_shape(
    frontend, path, params, status
):
    response = frontend.get(path.format(site=SITE), params)
    assert response.status_code == status
    body = response.json()
    assert body["status"] == {400: "BAD_REQUEST", 404: "NOT_FOUND"}[status]
    assert body["title"]
    assert response.reason == {400: "Bad Request", 404: "Not Found"}[status]


def test_a_listing_costs_a_fixed_number_of_queries_whatever_its_size(frontend, django_db_blocker):
    client = Client(HTTP_ACCEPT="application/json", HTTP_ACCEPT_LANGUAGE="fi-FI")
    url = f"/ohjaaja/cms/o/headless-delivery/v1.0/sites/{SITE}/structured-contents"
    counts = []
    with django_db_blocker.unblock():
        # the catalogue and the total, kept per content version; the collation, per process
        client.get(url, {"pageSize": "1", "page": "3", "sort": "title:asc"})
        for size in ("5", "500"):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url, {"pageSize": size, "sort": "title:asc"})
            assert response.status_code == 200
            counts.append(len(queries.captured_queries))
    assert counts[0] == counts[1]
    assert counts[1] <= 2  # the page's keys from the read model's rows, then their cards


def test_an_unpublished_item_is_gone_from_every_call(frontend, navigation):
    """In-process (the change stays inside this test's transaction, which the live server
    cannot see): the adapter shows what guidance's visibility rule shows, nothing more."""
    from guidance.models import ContentPage

    client = Client(HTTP_ACCEPT="application/json", HTTP_ACCEPT_LANGUAGE="fi-FI")
    base = "/ohjaaja/cms/o"
    item = next(  # an item with no translation: unpublishing it takes its only live version
        i for i in articles(navigation) if len(set(i["name_i18n"].values())) == 1
    )
    page = ContentPage.objects.get(pk=item["articleId"])
    assert page.get_translations().live().count() == 0
    page.unpublish()
    detail = client.get(f"{base}/headless-delivery/v1.0/structured-contents/{page.pk}")
    assert detail.status_code == 404
    assert detail.json()["status"] == "NOT_FOUND"
    tree = client.get(f"{base}/jod-navigation/{SITE}").json()["navigationItems"]
    assert item["externalReferenceCode"] not in {a["externalReferenceCode"] for a in articles(tree)}
    batch = client.get(
        f"{base}/headless-delivery/v1.0/sites/{SITE}/structured-contents",
        {"filter": f"id in ('{page.pk}')"},
    ).json()
    assert batch["items"] == []


def test_a_search_counts_against_the_search_limit_even_when_answered_from_the_cache(frontend):
    """The same limit as /api/v1/search/ (SEARCH_RATE, 60 a minute), counted before the cache:
    repeating one search cannot dodge it."""
    client = Client(HTTP_ACCEPT="application/json", HTTP_ACCEPT_LANGUAGE="fi-FI")
    url = f"/ohjaaja/cms/o/headless-delivery/v1.0/sites/{SITE}/structured-contents"
    statuses = [client.get(url, {"search": "ohjaus"}).status_code for _ in range(61)]
    assert statuses[:60] == [200] * 60
    refused = client.get(url, {"search": "ohjaus"})
    assert statuses[60] == refused.status_code == 429
    assert refused.json()["status"] == "TOO_MANY_REQUESTS"
    assert int(refused["Retry-After"]) >= 1
    assert client.get(url, {"pageSize": "1"}).status_code == 200  # listing is not a search
