import pytest

from guidance.factories import ArticlePageFactory
from tests.caching import clear_cache

pytestmark = pytest.mark.django_db

LISTING = """
query($limit: Int!) {
  content(limit: $limit, ordering: TITLE) {
    count
    items { id title type path keywords { slug name } themes { name } breadcrumbs { title }
            image { alt renditions { url width } } availableLocales localeFallback }
  }
}
"""


def gql(client, query, variables=None, **extra):
    return client.post(
        "/graphql/",
        {"query": query, "variables": variables or {}},
        content_type="application/json",
        **extra,
    )


def test_graphql_listing_returns_the_same_items_as_rest(client, catalogue):
    data = gql(client, LISTING, {"limit": 5}).json()["data"]["content"]
    rest = client.get("/api/v1/content/?ordering=title&limit=5").json()
    assert data["count"] == rest["count"] == 5
    assert [i["title"] for i in data["items"]] == [i["title"] for i in rest["items"]]
    assert data["items"][0]["keywords"] == rest["items"][0]["keywords"]


def test_graphql_answers_are_utf8_as_rest_answers_are(client, catalogue):
    """Letters outside ASCII are written as themselves, not as \\u escapes (a smaller
    answer, the bytes REST writes); the values are those REST gives."""
    response = gql(client, LISTING, {"limit": 5})
    rest = client.get("/api/v1/content/?ordering=title&limit=5").json()
    assert "Asiakastyöhön".encode() in response.content  # a breadcrumb
    assert b"\\u00f6" not in response.content
    items = response.json()["data"]["content"]["items"]
    assert items[0]["breadcrumbs"] == [
        {"title": c["title"]} for c in rest["items"][0]["breadcrumbs"]
    ]


def test_graphql_listing_query_count_does_not_grow_with_limit(
    client, catalogue, many_items, django_assert_max_num_queries, settings
):
    many_items(110)
    gql(client, LISTING, {"limit": 100})
    clear_cache()
    with django_assert_max_num_queries(20) as small:
        assert len(gql(client, LISTING, {"limit": 10}).json()["data"]["content"]["items"]) == 10
    clear_cache()
    with django_assert_max_num_queries(20) as large:
        assert len(gql(client, LISTING, {"limit": 100}).json()["data"]["content"]["items"]) == 100
    assert len(large.captured_queries) == len(small.captured_queries)


def test_graphql_item_by_path_with_related(client, catalogue):
    query = """{ contentItem(path: "/asiakastyohon/urasuunnittelu/method-2/") {
        title type fields body related { title } } }"""
    item = gql(client, query).json()["data"]["contentItem"]
    assert item["title"] == "Method 2"
    assert item["fields"]["duration"] == "45 min"
    assert len(item["related"]) == 4


def test_graphql_never_shows_drafts(client, catalogue):
    draft = ArticlePageFactory(parent=catalogue["topic"], title="Luonnos", live=False)
    titles = [
        i["title"] for i in gql(client, LISTING, {"limit": 100}).json()["data"]["content"]["items"]
    ]
    assert "Luonnos" not in titles
    query = "query($id: Int!) { contentItem(id: $id) { title } }"
    assert gql(client, query, {"id": draft.id}).json()["data"]["contentItem"] is None


def test_invalid_limit_is_a_graphql_error_naming_the_parameter(client, catalogue):
    body = gql(client, LISTING, {"limit": 500}).json()
    assert body["errors"][0]["extensions"]["code"] == "invalid_parameter"
    assert body["errors"][0]["extensions"]["details"][0]["parameter"] == "limit"


def test_deep_query_is_refused_before_any_sql(client, django_assert_num_queries):
    nested = "id " + "children { id " * 20 + "}" * 20
    with django_assert_num_queries(0):
        body = gql(client, "{ navigation { " + nested + " } }").json()
    assert "exceeds maximum operation depth" in body["errors"][0]["message"]


def test_a_query_text_seen_before_is_still_held_to_every_limit(client, settings):
    """Parsing and validation are remembered per query text (ohjaaja/schema.py): the answer to
    a repeated text, refusals included, is the first one's, in either schema."""
    deep = "{ navigation { " + "id " + "children { id " * 20 + "}" * 20 + " } }"
    aliased = "{ " + " ".join(f"a{i}: navigation {{ id }}" for i in range(100)) + " }"
    introspection = "{ __schema { queryType { name } } }"
    for _attempt in range(3):
        assert "depth" in gql(client, deep).json()["errors"][0]["message"]
        assert "aliases" in gql(client, aliased).json()["errors"][0]["message"].lower()
        assert gql(client, introspection).json()["data"]["__schema"]
    settings.GRAPHQL_INTROSPECTION = False
    for _attempt in range(2):
        assert "introspection" in gql(client, introspection).json()["errors"][0]["message"]
        assert "depth" in gql(client, deep).json()["errors"][0]["message"]


def test_many_aliases_are_refused_before_any_sql(client, django_assert_num_queries):
    query = "{ " + " ".join(f"a{i}: navigation {{ id }}" for i in range(100)) + " }"
    with django_assert_num_queries(0):
        body = gql(client, query).json()
    assert "aliases" in body["errors"][0]["message"].lower()


def test_introspection_can_be_turned_off(client, settings):
    query = "{ __schema { queryType { name } } }"
    assert gql(client, query).json()["data"]["__schema"]["queryType"]["name"] == "Query"
    settings.GRAPHQL_INTROSPECTION = False
    body = gql(client, query).json()
    assert body.get("data") is None
    assert "introspection" in body["errors"][0]["message"].lower()


def test_cookie_authenticated_post_needs_a_csrf_token(catalogue):
    from django.test import Client

    from community.factories import UserFactory

    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory())
    response = gql(client, "{ navigation { id } }")
    assert response.status_code == 403
    anonymous = Client(enforce_csrf_checks=True)
    assert gql(anonymous, "{ navigation { id } }").status_code == 200


def test_graphql_never_shows_pages_under_a_view_restriction(client, catalogue):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=catalogue["news"], restriction_type=PageViewRestriction.PASSWORD, password="salainen"
    )
    titles = [
        i["title"] for i in gql(client, LISTING, {"limit": 100}).json()["data"]["content"]["items"]
    ]
    assert "Tool 3" not in titles
    query = "query($id: Int!) { contentItem(id: $id) { title } }"
    assert (
        gql(client, query, {"id": catalogue["items"]["tool"].id}).json()["data"]["contentItem"]
        is None
    )
