"""GraphQL answers completed in one pass (cms.graphql_execution) are graphql-core's answers:
the same data, the same errors at the same paths, and every resolver of the project's own still
runs; only the walk over plain shape fields is shorter."""

from typing import NewType

import pytest
import strawberry
from strawberry.extensions import SchemaExtension
from strawberry.schema.config import StrawberryConfig
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from wagtail.models import Page

from cms.graphql_execution import ShapeExecutor
from cms.shapes import Shape, graphql_type
from community.factories import CounsellorFactory
from ohjaaja import schema as project_schema

pytestmark = pytest.mark.django_db

LISTING = """
query($yes: Boolean!, $limit: Int!) {
  content(limit: $limit, ordering: TITLE) {
    __typename count total: count limit offset locale
    items {
      __typename id key: translationKey type title path availableLocales materialLanguages
      firstPublishedAt lastPublishedAt reviewOverdue qualityStatus localeFallback
      ...Terms
      image { __typename alt altLanguage src width height renditions { url width } }
      breadcrumbs { title path }
      shown: summary @include(if: $yes)
      hidden: summary @skip(if: $yes)
    }
  }
}
fragment Terms on ContentCard { keywords { slug name } themes { name } targetGroups { name } }
"""
DETAIL = """
query($path: String!) {
  contentItem(path: $path) {
    id title body fields searchDescription nextReviewDue authorOrganisation
    attachments { title } links { label url } licence { value label }
    related { id title keywords { name } image { alt } }
    quality { status criteriaSetVersion assessedAt criteria { __typename code title mandatory result } }
  }
}
"""
OTHERS = """
{
  navigation { id title path children { id title children { id title } } }
  featured { id title }
  search(q: "menetelmä") { count items { title score highlight { __typename title snippet } image { alt } }
                           facets { type { value label count } keywords { value count } } }
}
"""
SIGNED_IN = """
query($thread: Int!) {
  me { displayName favourites interests newAccount postingSuspendedUntil }
  threads { count items { id title author { name isMe } posts { id } following } }
  thread(id: $thread) { title postCount posts { body thanks thankedByMe author { name isMe } } }
}
"""


def answer(client, query, variables=None):
    return client.post(
        "/graphql/", {"query": query, "variables": variables or {}}, content_type="application/json"
    ).json()


@pytest.fixture
def graphql_core_answer(client, monkeypatch):
    """The answer graphql-core's executor (strawberry's default) gives to the same request."""

    def ask(query, variables=None):
        with monkeypatch.context() as patch:
            for schema in (project_schema.schema, project_schema.closed_schema):
                patch.setattr(
                    schema, "execution_context_class", StrawberryGraphQLCoreExecutionContext
                )
            return answer(client, query, variables)

    return ask


def test_the_project_schemas_complete_shapes_in_one_pass():
    assert project_schema.schema.execution_context_class is ShapeExecutor
    assert project_schema.closed_schema.execution_context_class is ShapeExecutor


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        (LISTING, {"yes": True, "limit": 20}),
        (LISTING, {"yes": False, "limit": 3}),
        (DETAIL, {"path": "/asiakastyohon/urasuunnittelu/method-2/"}),
        (OTHERS, None),
        (LISTING, {"yes": True, "limit": 500}),  # an error the resolver raises
    ],
)
def test_content_answers_are_graphql_cores_own(
    client, catalogue, graphql_core_answer, query, variables
):
    home = catalogue["home"]
    home.featured_items = [("item", catalogue["items"]["tool"])]
    home.save_revision().publish()
    ours = answer(client, query, variables)
    assert ours == graphql_core_answer(query, variables)
    assert ("errors" in ours) == (variables is not None and variables.get("limit") == 500)
    if query is OTHERS:  # the comparison covers answers with something in them
        data = ours["data"]
        assert data["search"]["items"]
        assert data["featured"]
        assert data["navigation"][0]["children"]


def test_signed_in_answers_and_their_own_resolvers_are_graphql_cores(
    client, catalogue, graphql_core_answer
):
    counsellor = CounsellorFactory()
    client.force_login(counsellor)
    method = catalogue["items"]["method"]
    started = answer(
        client,
        'mutation { startThread(title: "Kysymys", body: "Hei", area: "kysy-kollegalta") { id } }',
    )
    thread = started["data"]["startThread"]["id"]
    saved = answer(
        client,
        "mutation($k: UUID!) { saveFavourite(translationKey: $k) }",
        {"k": str(method.translation_key)},
    )
    assert "errors" not in saved
    ours = answer(client, SIGNED_IN, {"thread": thread})
    assert ours == graphql_core_answer(SIGNED_IN, {"thread": thread})
    # Profile.favourites has a resolver of its own: it ran, for the signed-in counsellor.
    assert ours["data"]["me"]["favourites"] == [str(method.translation_key)]
    assert ours["data"]["thread"]["posts"][0]["author"]["isMe"] is True


def test_the_walk_does_not_grow_with_the_fields_of_a_listing(
    client, catalogue, many_items, monkeypatch
):
    """graphql-core builds a resolve info for each field it completes; below the listing's own
    resolver there are none, however many cards and fields."""
    many_items(25)
    built = []
    general = ShapeExecutor.build_resolve_info

    def counted(self, field, nodes, parent_type, path):
        built.append(f"{parent_type.name}.{nodes[0].name.value}")
        return general(self, field, nodes, parent_type, path)

    monkeypatch.setattr(ShapeExecutor, "build_resolve_info", counted)
    for limit in (3, 25):
        built.clear()
        items = answer(client, LISTING, {"yes": True, "limit": limit})["data"]["content"]["items"]
        assert len(items) == limit
        assert built == ["Query.content"], built


def test_a_card_shown_again_is_not_walked_again(client, catalogue, monkeypatch):
    """A listing's cards are the read model's shared models (``cms.shapes.shared``): the next
    listing that shows them with the same selection takes what the first made of them."""
    walked = []
    general = ShapeExecutor._complete_fields

    def counted(self, type_, field_details_list, value):
        walked.append(type_.name)
        return general(self, type_, field_details_list, value)

    monkeypatch.setattr(ShapeExecutor, "_complete_fields", counted)
    first = answer(client, LISTING, {"yes": True, "limit": 3})
    assert walked.count("ContentCard") == 3
    walked.clear()
    assert answer(client, LISTING, {"yes": True, "limit": 3}) == first
    assert walked.count("ContentCard") == 0, walked


def test_what_is_kept_of_a_card_follows_its_selection_variables_and_content(
    client, catalogue, graphql_core_answer
):
    """What a request made of a shared card never answers another selection, other values of
    the variables (``@include``/``@skip``) or a card changed since."""
    asked = [
        (LISTING, {"yes": True, "limit": 3}),
        (LISTING, {"yes": False, "limit": 3}),  # the same nodes, other variables
        ("{ content(limit: 3, ordering: TITLE) { items { id title } } }", None),
        ("{ content(limit: 3, ordering: TITLE) { items { title: path path: title } } }", None),
        (LISTING, {"yes": True, "limit": 3}),
    ]
    for query, variables in asked:
        ours = answer(client, query, variables)
        assert "errors" not in ours
        assert ours == graphql_core_answer(query, variables)
    items = answer(client, LISTING, {"yes": True, "limit": 3})["data"]["content"]["items"]
    assert "shown" in items[0]
    assert "hidden" not in items[0]
    page = Page.objects.get(pk=items[0]["id"]).specific
    page.title = "Aakkosissa ensin, uusi nimi"
    page.save_revision().publish()
    again = answer(client, LISTING, {"yes": True, "limit": 3})["data"]["content"]["items"]
    assert {item["id"]: item["title"] for item in again}[page.pk] == "Aakkosissa ensin, uusi nimi"


# Values graphql-core refuses: a shape built without validation (model_construct) can hold them.
class ProbeOut(Shape):
    name: str
    size: int
    note: str = "huomio"


# A scalar that writes nothing for an empty value: graphql-core refuses that answer.
Blank = NewType("Blank", str)
BLANK = strawberry.scalar(name="Blank", serialize=lambda value: value or None, parse_value=str)


@graphql_type(ProbeOut, "ExecutionProbe")
class Probe:
    note: Blank | None


@strawberry.type
class ProbeQuery:
    @strawberry.field
    def good(self) -> Probe | None:
        return ProbeOut(name="hyvä", size=1)  # type: ignore[return-value]

    @strawberry.field
    def null_name(self) -> Probe | None:
        return ProbeOut.model_construct(name=None, size=1)  # type: ignore[return-value]

    @strawberry.field
    def too_big(self) -> list[Probe | None]:
        return [ProbeOut(name="a", size=1), ProbeOut(name="b", size=2**40)]  # type: ignore[list-item]

    @strawberry.field
    def blank_note(self) -> Probe | None:
        return ProbeOut(name="c", size=1, note="")  # type: ignore[return-value]

    @strawberry.field
    def not_a_probe(self) -> Probe | None:
        return {"name": "sanakirja", "size": 1}  # type: ignore[return-value]


class CountResolves(SchemaExtension):
    seen: list[str] = []

    def resolve(self, _next, root, info, *args, **kwargs):
        CountResolves.seen.append(f"{info.parent_type.name}.{info.field_name}")
        return _next(root, info, *args, **kwargs)


def test_an_extension_that_wraps_resolvers_still_sees_every_field():
    query = "{ good { name size note } tooBig { name } }"
    seen = []
    for executor in (ShapeExecutor, StrawberryGraphQLCoreExecutionContext):
        CountResolves.seen = []
        schema = strawberry.Schema(
            query=ProbeQuery,
            execution_context_class=executor,
            extensions=[CountResolves],
            config=StrawberryConfig(scalar_map={Blank: BLANK}),
        )
        assert schema.execute_sync(query).data["good"]["name"] == "hyvä"
        seen.append(CountResolves.seen)
    assert seen[0] == seen[1]
    assert "ExecutionProbe.size" in seen[0]


def test_values_graphql_core_refuses_are_refused_with_the_same_errors():
    query = """{ good { name size note } nullName { name size } tooBig { name size }
                 blankNote { name note } notAProbe { name } }"""
    answers = [
        strawberry.Schema(
            query=ProbeQuery,
            execution_context_class=executor,
            config=StrawberryConfig(scalar_map={Blank: BLANK}),
        ).execute_sync(query)
        for executor in (ShapeExecutor, StrawberryGraphQLCoreExecutionContext)
    ]
    ours, theirs = (
        {"data": a.data, "errors": [e.formatted for e in a.errors or []]} for a in answers
    )
    assert ours == theirs
    assert ours["data"] == {
        "good": {"name": "hyvä", "size": 1, "note": "huomio"},
        "nullName": None,
        "tooBig": [{"name": "a", "size": 1}, None],
        "blankNote": {"name": "c", "note": None},
        "notAProbe": None,
    }
    assert sorted(e["path"][0] for e in ours["errors"]) == [
        "blankNote",
        "notAProbe",
        "nullName",
        "tooBig",
    ]
