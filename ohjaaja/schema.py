"""The one GraphQL schema of the project, at /graphql/."""

import json
import logging
import re
from collections.abc import Iterator
from typing import Any

import orjson
import strawberry
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.middleware.csrf import CsrfViewMiddleware
from django.views.decorators.csrf import csrf_exempt
from graphql import GraphQLError, StringValueNode, ValidationRule
from strawberry.django.views import GraphQLView
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaskErrors,
    MaxTokensLimiter,
    ParserCache,
    SchemaExtension,
    ValidationCache,
    max_aliases,
    query_depth_limiter,
)
from strawberry.types import ExecutionContext

from cms.api_errors import ApiError
from cms.graphql_execution import ShapeExecutor
from community.graphql import CommunityMutation, CommunityQuery
from guidance.graphql import ContentQuery
from search.graphql import SearchQueryType

MAX_DEPTH = 10
MAX_ALIASES = 15
MAX_TOKENS = 2000


@strawberry.type
class Query(ContentQuery, SearchQueryType, CommunityQuery):
    pass


@strawberry.type
class Mutation(CommunityMutation):
    pass


UNEXPECTED_ERROR = "Unexpected error."


def _is_unexpected(error: GraphQLError) -> bool:
    """Errors the API means to give (validation, ApiError with its code) pass; anything else
    is a fault whose message may hold internals: the client gets a fixed message, the log
    gets the exception."""
    original = error.original_error
    return original is not None and not isinstance(original, ApiError | GraphQLError)


NUL_MESSAGE = "Text may not contain NUL characters (U+0000)."


class NoNulCharacters(ValidationRule):
    """PostgreSQL cannot store U+0000 in text; refuse it in string literals as a client error
    (variables are checked in ``graphql_view``) instead of failing in the database."""

    def enter_string_value(self, node: StringValueNode, *_args: Any) -> None:
        if "\x00" in node.value:
            self.report_error(GraphQLError(NUL_MESSAGE, node))


def _error_response(message: str, code: str, status: int) -> JsonResponse:
    return JsonResponse(
        {"errors": [{"message": message, "extensions": {"code": code}}]}, status=status
    )


def _nul_in_variables(request: HttpRequest) -> bool:
    """JSON spells U+0000 only as the escape ``\\u0000``, so the variables are parsed here only in
    the rare request that holds one (the POST body, or the ``variables`` parameter of a GET)."""
    post = request.method == "POST"
    raw = request.body if post else request.GET.get("variables", "").encode()
    if b"\\u0000" not in raw:
        return False
    try:
        data = json.loads(raw)
    except ValueError:
        return False  # strawberry answers malformed requests itself
    if post:
        data = data.get("variables") if isinstance(data, dict) else None
    return _contains_nul(data)


def _contains_nul(value: object) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_contains_nul(k) or _contains_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_contains_nul(v) for v in value)
    return False


logger = logging.getLogger("cms.graphql")
_SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?$")


class NoFieldSuggestions(SchemaExtension):
    """Without introspection, "Did you mean …?" would hand out the schema a field at a time."""

    def on_validate(self) -> Iterator[None]:
        yield
        for error in self.execution_context.pre_execution_errors or []:
            error.message = _SUGGESTION.sub("", error.message)


class Schema(strawberry.Schema):
    """Logs what went wrong without the query or its variables: they carry what counsellors
    write. A client's mistake (validation, a refused parameter, a limit) is a WARNING with its
    message; a fault is an ERROR with the exception, for the operators."""

    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        for error in errors:
            if _is_unexpected(error):
                logger.error("GraphQL fault at %s", error.path, exc_info=error.original_error)
            else:
                logger.warning("GraphQL client error at %s: %s", error.path, error.message)


# The depth and alias limits as validation rules made once: strawberry's limiter extensions make
# a new rule class for every request, which would make every validation a cache miss.
DEPTH_RULE = query_depth_limiter.create_validator(MAX_DEPTH, None, None)
ALIAS_RULE = max_aliases.create_validator(MAX_ALIASES)
# Distinct query texts remembered, parsed and validated (a frontend sends a few fixed queries
# with variables); bounded, so unique texts cannot grow memory.
DOCUMENT_CACHE_SIZE = 256


def _extensions(introspection: bool) -> list[Any]:
    # Limits run during parsing and validation, before any resolver (or SQL) runs. A query text
    # seen before is neither parsed nor validated again (the result, errors included, depends
    # only on the text, the schema and these rules).
    extensions = [
        lambda: AddValidationRules([NoNulCharacters, DEPTH_RULE, ALIAS_RULE]),
        lambda: MaskErrors(should_mask_error=_is_unexpected, error_message=UNEXPECTED_ERROR),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: ParserCache(maxsize=DOCUMENT_CACHE_SIZE),
        lambda: ValidationCache(maxsize=DOCUMENT_CACHE_SIZE),
    ]
    if not introspection:
        extensions += [DisableIntrospection, NoFieldSuggestions]
    return extensions


schema, closed_schema = (
    Schema(
        query=Query,
        mutation=Mutation,
        extensions=_extensions(introspection),
        execution_context_class=ShapeExecutor,
    )
    for introspection in (True, False)
)


def _csrf_failure(request: HttpRequest, reason: str = "") -> JsonResponse:
    return _error_response("CSRF check failed.", "forbidden", 403)


def _no_response(request: HttpRequest) -> HttpResponse:
    raise AssertionError("only CsrfViewMiddleware.process_view is used")  # pragma: no cover


_csrf = CsrfViewMiddleware(_no_response)
_django_json = DjangoJSONEncoder().default


class _View(GraphQLView):
    """strawberry's view writing answers with orjson, UTF-8 as REST writes them: the standard
    encoder was about 4 % of a 20-card listing query's time in-process. Values orjson does not
    write itself (dates and times, lazy translations, decimals) are written as strawberry's
    Django encoder writes them."""

    def encode_json(self, data: object) -> bytes:
        return orjson.dumps(data, default=_django_json, option=orjson.OPT_PASSTHROUGH_DATETIME)


_views = {
    (introspection, ide): _View.as_view(
        schema=schema if introspection else closed_schema,
        graphql_ide="graphiql" if ide else None,
        allow_queries_via_get=True,
    )
    for introspection in (True, False)
    for ide in (True, False)
}


@csrf_exempt
def graphql_view(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
    """Anonymous requests carry no cookie to abuse, so they need no CSRF token; any request
    that carries a session cookie must pass Django's CSRF check (no cookie-authenticated
    mutation is CSRF-exempt)."""
    if settings.SESSION_COOKIE_NAME in request.COOKIES and request.method not in (
        "GET",
        "HEAD",
        "OPTIONS",
    ):
        # (a callback that is not csrf_exempt, so the check runs)
        rejection = _csrf.process_view(request, _no_response, (), {})
        if rejection is not None:
            return _csrf_failure(request)
    if _nul_in_variables(request):
        return _error_response(NUL_MESSAGE, "bad_request", 400)
    view = _views[(settings.GRAPHQL_INTROSPECTION, settings.GRAPHIQL_ENABLED)]
    response = view(request, *args, **kwargs)
    if response.status_code >= 400 and response.get("Content-Type", "").startswith("text/plain"):
        # strawberry answers a body it cannot read in plain text; clients get JSON everywhere.
        text = response.content.decode() if isinstance(response, HttpResponse) else ""
        response = _error_response(text, "bad_request", response.status_code)
    response["Cache-Control"] = "private, no-store" if request.user.is_authenticated else "no-cache"
    return response
