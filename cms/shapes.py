"""The base of every response shape, and how one shape serves REST and GraphQL.

Each response is declared once, as a ``Shape`` (a plain pydantic model) in its app's
``schemas.py``. That one declaration

- generates the OpenAPI document (django-ninja reads it as the endpoint's ``response``),
- checks and writes every REST answer (``cms.http.respond``: pydantic validates and dumps in
  Rust, which is faster than ``json.dumps`` of the same dict), and
- becomes the GraphQL type (``graphql_type``), whose resolvers return the validated models.

A plain pydantic model rather than ``ninja.Schema``: ninja's wraps every nested object in its
``DjangoGetter`` in Python, seven times slower on a 20-card listing, for ORM attribute lookups
the serializers (which build dicts) do not need.
"""

import datetime
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from django.core.serializers.json import DjangoJSONEncoder
from pydantic import BaseModel, ConfigDict, PlainSerializer, WithJsonSchema
from strawberry.experimental.pydantic import type as pydantic_type
from strawberry.types.base import get_object_definition
from strawberry.types.cast import TYPE_CAST_ATTRIBUTE


def _open_for_additions(schema: dict[str, Any], _model: type) -> None:
    # "Unknown keys are an error" holds for our serializers, not a promise to clients: a field
    # added later must not break a client that validates answers against the OpenAPI document.
    schema.pop("additionalProperties", None)


class Shape(BaseModel):
    """A response shape. Unknown keys are an error: a serializer that grows a field must
    declare it here, so REST, GraphQL and the OpenAPI document cannot drift apart."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=_open_for_additions)


# The format the content API has always written, Django's JSON encoder's: milliseconds, and "Z"
# for UTC.
Timestamp = Annotated[
    datetime.datetime,
    PlainSerializer(DjangoJSONEncoder().default, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "format": "date-time"}),
]


# The types ``graphql_type`` made, by GraphQL name: plain validated data, which
# ``cms.graphql_execution.ShapeExecutor`` completes in one pass.
GRAPHQL_SHAPES: dict[str, type["Shape"]] = {}


def graphql_type(
    shape: type[Shape], name: str, description: str | None = None
) -> Callable[[type], type]:
    """Class decorator: the GraphQL object type of ``shape``, with every field of it.

    Fields the class annotates itself keep that type (e.g. a free-form ``dict`` as ``JSON``).
    A resolver may return the validated ``shape`` instance itself (strawberry accepts it).

    GraphQL asks every returned object whether it is of its type (61 objects in a 20-card
    listing). strawberry's own answer first looks for a ``strawberry.cast`` marker, a lookup a
    pydantic model misses through its ``__getattr__`` and an exception (7.5 % of the listing's
    time in-process). The shape's own instances are answered by their class, unless they carry
    that marker (read from the instance's ``__dict__``, where ``strawberry.cast`` puts it)."""
    decorate = pydantic_type(model=shape, all_fields=True, name=name, description=description)
    GRAPHQL_SHAPES[name] = shape

    def decorator(cls: type) -> type:
        graphql_cls = decorate(cls)
        definition = get_object_definition(graphql_cls, strict=True)
        general = definition.is_type_of
        assert general is not None  # strawberry's pydantic types always define one

        def is_type_of(obj: Any, info: Any) -> bool:
            if type(obj) is shape and TYPE_CAST_ATTRIBUTE not in obj.__dict__:
                return True
            return general(obj, info)

        definition.is_type_of = is_type_of
        return graphql_cls

    return decorator


def as_shape(shape: type[BaseModel], data: Any) -> Any:
    """``data`` (a serializer's dict) checked and turned into ``shape``, for a GraphQL resolver."""
    return None if data is None else shape.model_validate(data)


# Instances their producer shares across requests (``shared``), by id: each with what requests
# have made of it (``made_of``). An entry holds its instance, so the id cannot be reused while
# the entry lives; the least recently used leaves first.
SHARED_KEPT = 1024
_shared: OrderedDict[int, tuple[Shape, dict[Any, Any]]] = OrderedDict()
_shared_lock = threading.Lock()
ShapeT = TypeVar("ShapeT", bound=Shape)


def shared(instance: ShapeT) -> ShapeT:
    """``instance``, marked as one its producer keeps and hands to many requests, and that no
    one changes (e.g. a stored card's model, ``guidance.read_model.rows.card_shape``): what a
    request makes of it may then be kept with it for the next request (``made_of``)."""
    with _shared_lock:
        _shared[id(instance)] = (instance, {})
        while len(_shared) > SHARED_KEPT:
            _shared.popitem(last=False)
    return instance


def made_of(instance: Any) -> dict[Any, Any] | None:
    """The store of what requests made of a ``shared`` instance (keyed as its user chooses),
    or None for an instance that is not shared."""
    entry = _shared.get(id(instance))
    if entry is None or entry[0] is not instance:
        return None
    with _shared_lock:
        if id(instance) in _shared:
            _shared.move_to_end(id(instance))
    return entry[1]
