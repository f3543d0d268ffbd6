"""GraphQL execution with the plain data of shapes completed in one pass.

graphql-core completes every field of an answer the same way: a resolve info built, the
resolver called, the value checked for being awaitable and dispatched on its type, a path
made for each list item. A 20-card listing has 143 fields and 61 objects, and that walk was
60 % of its time. But below a resolver that returns a shape's instance (``cms.shapes``), the
fields are validated data that strawberry reads as attributes. ``ShapeExecutor`` completes
such a field and everything under it in one recursive pass, in what graphql-core would make
of it: the same resolvers, the same coercion of scalars and enums, aliases, ``__typename``
and ``@include``/``@skip`` honoured by graphql-core's own field collection.

Anything else takes graphql-core's path: a field with a resolver of its own, an extension or
a permission; an interface or union; an object that is not exactly its shape's instance
(e.g. ``strawberry.cast``); and any value that would be an error (null in a non-null field, a
scalar that does not coerce). That path then reports it as always. The pass has no side
effects (attribute reads and coercions), so starting a field again on that path loses nothing.

An instance its producer shares across requests (``cms.shapes.shared``: a stored card's model)
keeps what the pass made of it for each selection it was asked with, so a listing that shows
it again does not walk its fields again. A selection is its field nodes, from a document that
strawberry's parser cache keeps (the kept completion holds the nodes, so their ids cannot be
reused by another document), and the values of the operation's variables (``@include`` and
``@skip`` may use them).
"""

from typing import Any

import orjson
from graphql import (
    GraphQLField,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    Undefined,
    is_leaf_type,
)
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types.cast import TYPE_CAST_ATTRIBUTE

from cms.shapes import GRAPHQL_SHAPES, made_of

# Selections a shared instance keeps completions for (a frontend asks a few fixed queries).
SELECTIONS_KEPT = 8


class _NotPlain(Exception):
    """A value for graphql-core's path."""


def _plain(field: GraphQLField) -> bool:
    """Whether strawberry resolves ``field`` by reading the attribute (its resolver for a field
    with no resolver, extension or permission)."""
    return getattr(field.resolve, "_is_default", False)


class ShapeExecutor(StrawberryGraphQLCoreExecutionContext):
    """graphql-core's executor (strawberry's), completing shapes' plain fields in one pass."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        middleware = self.middleware_manager
        # An extension that wraps resolvers must see every field: then nothing is skipped.
        self._passes = not (middleware and middleware.middlewares)
        general = self.is_awaitable
        shapes = frozenset(GRAPHQL_SHAPES.values())

        def is_awaitable(value: Any) -> bool:
            # A shape's instance never is; asking it costs pydantic's __getattr__ an exception.
            return type(value) not in shapes and general(value)

        self.is_awaitable = is_awaitable  # type: ignore[assignment]
        self._variables_key: bytes | None = None

    def execute_field(
        self,
        parent_type: GraphQLObjectType,
        source: Any,
        field_details_list: Any,
        path: Any,
        position_context: Any,
    ) -> Any:
        if self._passes and parent_type.name in GRAPHQL_SHAPES:
            name = field_details_list[0].node.name.value
            if name == "__typename":
                return parent_type.name
            field = parent_type.fields.get(name)
            if field is not None and _plain(field):
                try:
                    return self._complete(field.type, field_details_list, field.resolve(source))
                except Exception:  # noqa: BLE001, S110 - graphql-core's path reports it
                    pass
        return super().execute_field(
            parent_type, source, field_details_list, path, position_context
        )

    def _complete(self, type_: GraphQLOutputType, field_details_list: Any, value: Any) -> Any:
        if isinstance(type_, GraphQLNonNull):
            completed = self._complete(type_.of_type, field_details_list, value)
            if completed is None:
                raise _NotPlain
            return completed
        if value is None:
            return None
        if isinstance(type_, GraphQLList):
            if not isinstance(value, list | tuple):
                raise _NotPlain
            item_type = type_.of_type
            return [self._complete(item_type, field_details_list, item) for item in value]
        if isinstance(type_, GraphQLObjectType):
            return self._complete_object(type_, field_details_list, value)
        if is_leaf_type(type_):
            coerced = type_.coerce_output_value(value)  # type: ignore[union-attr]
            if coerced is None or coerced is Undefined:
                raise _NotPlain
            return coerced
        raise _NotPlain  # an interface or a union

    def _complete_object(
        self, type_: GraphQLObjectType, field_details_list: Any, value: Any
    ) -> dict[str, Any]:
        shape = GRAPHQL_SHAPES.get(type_.name)
        if type(value) is not shape or TYPE_CAST_ATTRIBUTE in value.__dict__:
            raise _NotPlain
        store = made_of(value)
        if store is not None:
            key = (tuple(id(details.node) for details in field_details_list), self._variables())
            kept = store.get(key)
            if kept is not None:
                return kept[1]
        result = self._complete_fields(type_, field_details_list, value)
        if store is not None:
            if len(store) >= SELECTIONS_KEPT:
                store.clear()
            # with its nodes, so that no other node can take their ids while it is kept
            store[key] = (tuple(details.node for details in field_details_list), result)
        return result

    def _variables(self) -> bytes:
        """The operation's variable values as a key (once per operation)."""
        if self._variables_key is None:
            coerced = self.variable_values.coerced
            self._variables_key = (
                orjson.dumps(coerced, option=orjson.OPT_SORT_KEYS, default=repr) if coerced else b""
            )
        return self._variables_key

    def _complete_fields(
        self, type_: GraphQLObjectType, field_details_list: Any, value: Any
    ) -> dict[str, Any]:
        grouped_field_set, deferred, _forbidden = self.collect_subfields(type_, field_details_list)
        if deferred:
            raise _NotPlain
        result: dict[str, Any] = {}
        for response_name, sub_fields in grouped_field_set.items():
            name = sub_fields[0].node.name.value
            if name == "__typename":
                result[response_name] = type_.name
                continue
            field = type_.fields[name]
            if not _plain(field):
                raise _NotPlain
            result[response_name] = self._complete(field.type, sub_fields, field.resolve(value))
        return result
