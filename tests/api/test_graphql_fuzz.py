"""schemathesis over the GraphQL schema: generated queries and mutations (anonymous and signed
in) never meet an unexpected error, which GraphQL reports as a 200 with a masked message."""

import pytest
import schemathesis
from graphql import get_introspection_query
from hypothesis import HealthCheck, given, settings

from community.factories import CounsellorFactory

pytestmark = pytest.mark.django_db

UNEXPECTED = "Unexpected error."


def graphql_schema(client):
    result = client.post(
        "/graphql/", {"query": get_introspection_query()}, content_type="application/json"
    ).json()
    return schemathesis.graphql.from_dict(result["data"])


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "counsellor"])
def test_no_generated_query_or_mutation_meets_an_unexpected_error(client, catalogue, signed_in):
    if signed_in:
        client.force_login(CounsellorFactory())
    checked = 0
    for result in graphql_schema(client).get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(
            max_examples=15, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
        def check(case):
            body = {"query": case.body} if isinstance(case.body, str) else case.body
            response = client.post(
                "/graphql/", body, content_type="application/json", HTTP_X_CSRFTOKEN="t"
            )
            assert response.status_code < 500, case.body
            if not response["Content-Type"].startswith("application/json"):
                raise AssertionError((case.body, response.status_code, response.content[:300]))
            for error in response.json().get("errors") or []:
                assert error["message"] != UNEXPECTED, (case.body, error)

        check()
        checked += 1
    assert checked >= 10


def test_nul_characters_are_a_client_error_not_a_database_failure(client, catalogue):
    """Found by the test above: PostgreSQL cannot store U+0000, and a NUL in an argument
    reached the database as an unexpected error."""
    literal = client.post(
        "/graphql/",
        {"query": '{ threads(area: "\\u0000") { count } }'},
        content_type="application/json",
    ).json()
    assert literal["errors"][0]["message"].startswith("Text may not contain NUL")
    variable = client.post(
        "/graphql/",
        {
            "query": "query($area: String) { threads(area: $area) { count } }",
            "variables": {"area": "kysy\x00"},
        },
        content_type="application/json",
    )
    assert variable.status_code == 400
    assert variable.json()["errors"][0]["message"].startswith("Text may not contain NUL")
    by_get = client.get(
        "/graphql/",
        {
            "query": "query($area: String) { threads(area: $area) { count } }",
            "variables": '{"area": "kysy\\u0000"}',
        },
    )
    assert by_get.status_code == 400
