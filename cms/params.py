"""Request parameters every app's API shares, declared once.

The language parameter, slug lists, the id bounds, and ``validated``: a parameter model (the
same pydantic model a REST endpoint takes) built from GraphQL arguments, so that both APIs accept
and refuse exactly the same values with the same error.
"""

from typing import Literal, TypeVar

import pydantic

from cms.api_errors import validation_error

LocaleParam = Literal["fi", "sv", "en"] | None
LOCALE_DESCRIPTION = "fi, sv or en; else Accept-Language; else fi"
SLUG_LIST = r"^[a-z0-9-]+(,[a-z0-9-]+)*$"
MAX_ID = 2**31  # PostgreSQL integer keys
MAX_LIST_LENGTH = 500  # characters in one comma-separated parameter

Model = TypeVar("Model", bound=pydantic.BaseModel)


def split_list(value: str | None) -> list[str]:
    """``"a,b"`` → ``["a", "b"]``; nothing → ``[]``."""
    return [part for part in (value or "").split(",") if part]


def join_list(values: list[str] | None) -> str | None:
    """A GraphQL list argument as the comma-separated REST parameter it stands for."""
    return ",".join(values) if values else None


def _without_lone_surrogates(value: object) -> object:
    # JSON can carry lone surrogates ("\ud800"), which a URL's query string cannot: they are
    # dropped, as search drops every character it cannot index, instead of refusing the value.
    if isinstance(value, str):
        return "".join(ch for ch in value if not 0xD800 <= ord(ch) <= 0xDFFF)
    return value


def validated(model: type[Model], /, **values: object) -> Model:
    """``model`` from keyword values; invalid values raise the REST API's ``invalid_parameter``
    error (400, one detail per parameter)."""
    values = {name: _without_lone_surrogates(value) for name, value in values.items()}
    try:
        return model.model_validate(values)
    except pydantic.ValidationError as exc:
        raise validation_error(exc.errors()) from None
