"""What every app's GraphQL fields share: the request's language and the error shape.

The kernel owns them so that content, search and community declare nothing twice and import
nothing private from one another.
"""

from graphql import GraphQLError
from strawberry import Info

from cms.api_errors import ApiError
from cms.locales import resolve_locale


def request_language(info: Info, locale: str | None) -> str:
    """The language a field answers in: its ``locale`` argument, else the request's."""
    return resolve_locale(info.context.request, locale)


def graphql_error(exc: ApiError) -> GraphQLError:
    """An ``ApiError`` as a GraphQL error with the REST error's code and details."""
    return GraphQLError(exc.message, extensions={"code": exc.code, "details": exc.details or []})
