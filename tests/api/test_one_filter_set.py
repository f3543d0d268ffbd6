"""The filter set is declared once (guidance.filters.FilterParams): the REST listing, REST
search and GraphQL's content and search fields accept and refuse the same values, with the same
error details."""

import pytest

pytestmark = pytest.mark.django_db

# (REST parameters, GraphQL arguments): each is wrong in the same way for both APIs.
BAD = [
    ({"type": "Article"}, 'types: ["Article"]'),
    ({"section": "0"}, "section: 0"),
    ({"topic": "-5"}, "topic: -5"),
    ({"keyword": "x" * 501}, f'keywords: ["{"x" * 501}"]'),
    ({"theme": "Not A Slug"}, 'themes: ["Not A Slug"]'),
    ({"limit": "0"}, "limit: 0"),
]


def rest_error(client, path, params):
    response = client.get(path, params)
    assert response.status_code == 400
    return response.json()["error"]["details"]


def graphql_error(client, field, arguments):
    response = client.post(
        "/graphql/",
        {"query": f"{{ {field}({arguments}) {{ count }} }}"},
        content_type="application/json",
    )
    errors = response.json()["errors"]
    assert errors[0]["extensions"]["code"] == "invalid_parameter"
    return errors[0]["extensions"]["details"]


@pytest.mark.parametrize(("rest", "graphql"), BAD)
def test_listing_refuses_alike_in_rest_and_graphql(client, catalogue, rest, graphql):
    assert rest_error(client, "/api/v1/content/", rest) == graphql_error(client, "content", graphql)


@pytest.mark.parametrize(("rest", "graphql"), BAD)
def test_search_refuses_alike_in_rest_and_graphql(client, catalogue, rest, graphql):
    assert rest_error(client, "/api/v1/search/", {"q": "ohjaus", **rest}) == graphql_error(
        client, "search", f'q: "ohjaus", {graphql}'
    )


def test_listing_and_search_take_the_same_filter_limits(client, catalogue):
    # A slug list longer than the search allowed was accepted by the listing.
    long_list = ",".join(["a"] * 251)
    assert client.get("/api/v1/content/", {"keyword": long_list}).status_code == 400
    assert client.get("/api/v1/search/", {"q": "x", "keyword": long_list}).status_code == 400
