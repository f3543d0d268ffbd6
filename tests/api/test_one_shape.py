"""Each response shape is declared once (cms.shapes): REST writes it, GraphQL types it.

These tests hold the three surfaces (REST answer, GraphQL type, OpenAPI document) to that one
declaration, and pin the drifts the single declaration removed."""

import pytest
import strawberry
from django.core.files.base import ContentFile
from pydantic import ValidationError
from strawberry.types.base import StrawberryObjectDefinition
from strawberry.utils.str_converters import to_camel_case
from wagtail.documents import get_document_model

from cms.http import respond
from cms.shapes import Shape
from guidance.schemas import TermOut
from ohjaaja.schema import schema
from tests.caching import clear_cache

ROOT_TYPES = {"Query", "Mutation"}
# Fields GraphQL adds to a shape, each resolved on its own (not part of the REST answer).
GRAPHQL_ONLY = {"Profile": {"favourites"}}


def gql(client, query, variables=None):
    return client.post(
        "/graphql/", {"query": query, "variables": variables or {}}, content_type="application/json"
    ).json()


def test_every_graphql_object_type_is_a_declared_shape_field_for_field():
    object_types = [
        t
        for t in schema.schema_converter.type_map.values()
        if isinstance(t.definition, StrawberryObjectDefinition)
        and t.definition.name not in ROOT_TYPES
    ]
    assert len(object_types) > 25
    for graphql_type in object_types:
        definition = graphql_type.definition
        shape = getattr(definition.origin, "_pydantic_type", None)
        assert shape is not None, definition.name
        assert issubclass(shape, Shape), definition.name
        graphql_fields = {f.graphql_name or to_camel_case(f.python_name) for f in definition.fields}
        declared = {to_camel_case(name) for name in shape.model_fields}
        assert graphql_fields - declared == GRAPHQL_ONLY.get(definition.name, set()), (
            definition.name
        )
        assert declared <= graphql_fields, definition.name


def test_a_graphql_type_knows_its_shape_and_its_own_instances_but_nothing_else():
    # The fast answer for the shape's instances must not make the type accept anything else:
    # a resolver returning another shape (or a dict) is an error, not a silently wrong answer.
    types = schema.schema_converter.type_map
    term_type, card_type = types["Term"].implementation, types["ContentCard"].implementation
    term = TermOut.model_validate({"name": "Ura", "slug": "ura"})
    assert term_type.is_type_of(term, None)
    assert term_type.is_type_of(types["Term"].definition.origin(name="Ura", slug="ura"), None)
    assert not card_type.is_type_of(term, None)
    assert not term_type.is_type_of({"name": "Ura", "slug": "ura"}, None)
    # An instance cast to another type (strawberry.cast) is that type's, not its class's.
    cast_term = strawberry.cast(types["VocabularyTerm"].definition.origin, term.model_copy())
    assert not term_type.is_type_of(cast_term, None)


def test_an_answer_that_drifts_from_its_declaration_is_refused_not_sent():
    assert respond(TermOut, {"slug": "a", "name": "A"}).content == b'{"slug":"a","name":"A"}'
    with pytest.raises(ValidationError):
        respond(TermOut, {"slug": "a", "name": "A", "undeclared": 1})
    with pytest.raises(ValidationError):
        respond(TermOut, {"slug": "a"})


@pytest.mark.django_db
def test_an_attachment_whose_document_was_deleted_is_left_out_in_rest_and_graphql(
    client, catalogue
):
    page = catalogue["items"]["method"]
    documents = get_document_model()
    kept = documents.objects.create(title="Työkirja", file=ContentFile(b"x", name="tyokirja.txt"))
    gone = documents.objects.create(title="Vanha", file=ContentFile(b"x", name="vanha.txt"))
    page.attachments = [
        ("document", {"document": kept, "title": "Työkirja"}),
        ("document", {"document": gone, "title": "Vanha"}),
    ]
    page.save_revision().publish()
    gone.delete()
    clear_cache()
    rest = client.get(f"/api/v1/content/{page.id}/").json()
    assert [a["title"] for a in rest["attachments"]] == ["Työkirja"]
    graphql = gql(
        client,
        "query($id: Int!) { contentItem(id: $id) { attachments { title } } }",
        {"id": page.id},
    )
    assert graphql["data"]["contentItem"]["attachments"] == [{"title": "Työkirja"}]


@pytest.mark.django_db
def test_graphql_listings_say_their_page_as_rest_does(client, catalogue):
    rest = client.get("/api/v1/content/?limit=2&offset=1").json()
    graphql = gql(client, "{ content(limit: 2, offset: 1) { count limit offset } }")
    assert graphql["data"]["content"] == {"count": rest["count"], "limit": 2, "offset": 1}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("rest", "graphql", "parameter"),
    [
        ("/api/v1/discussions/?limit=500", "{ threads(limit: 500) { count } }", "limit"),
        ("/api/v1/discussions/?offset=-1", "{ threads(offset: -1) { count } }", "offset"),
        ("/api/v1/discussions/?area=Ei%20ole", '{ threads(area: "Ei ole") { count } }', "area"),
    ],
)
def test_graphql_thread_listing_refuses_what_rest_refuses(client, rest, graphql, parameter):
    response = client.get(rest)
    assert response.status_code == 400
    assert parameter in [d["parameter"] for d in response.json()["error"]["details"]]
    error = gql(client, graphql)["errors"][0]["extensions"]
    assert error["code"] == "invalid_parameter"
    assert parameter in [d["parameter"] for d in error["details"]]


@pytest.mark.django_db
def test_graphql_posting_refuses_what_rest_refuses(client):
    from community.factories import CounsellorFactory

    client.force_login(CounsellorFactory())
    response = client.post(
        "/api/v1/discussions/",
        {"title": "Hm", "body": "Hei", "area": "kysy-kollegalta"},
        content_type="application/json",
    )
    assert response.status_code == 400
    graphql = gql(
        client, 'mutation { startThread(title: "Hm", body: "Hei", area: "kysy-kollegalta") { id } }'
    )
    error = graphql["errors"][0]["extensions"]
    assert error["code"] == "invalid_parameter"
    assert [d["parameter"] for d in error["details"]] == ["title"]
    reason = gql(client, 'mutation { reportPost(postId: 1, reason: "boring") }')
    assert [d["parameter"] for d in reason["errors"][0]["extensions"]["details"]] == ["reason"]
