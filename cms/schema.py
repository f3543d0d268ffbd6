"""The one GraphQL schema of the project, at /graphql/."""

import strawberry
from django.conf import settings
from django.middleware.csrf import CsrfViewMiddleware
from django.views.decorators.csrf import csrf_exempt
from strawberry.django.views import GraphQLView
from strawberry.extensions import (
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
)

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


def _extensions(introspection):
    # Limits run during validation, before any resolver (or SQL) runs.
    extensions = [
        lambda: QueryDepthLimiter(max_depth=MAX_DEPTH),
        lambda: MaxAliasesLimiter(max_alias_count=MAX_ALIASES),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
    ]
    if not introspection:
        extensions.append(DisableIntrospection)
    return extensions


schema = strawberry.Schema(
    query=Query, mutation=Mutation, extensions=_extensions(introspection=True)
)
closed_schema = strawberry.Schema(
    query=Query, mutation=Mutation, extensions=_extensions(introspection=False)
)


def _csrf_failure(request, reason=""):
    from django.http import JsonResponse

    return JsonResponse(
        {"errors": [{"message": "CSRF check failed.", "extensions": {"code": "forbidden"}}]},
        status=403,
    )


_csrf = CsrfViewMiddleware(lambda request: None)
_views = {
    (introspection, ide): GraphQLView.as_view(
        schema=schema if introspection else closed_schema,
        graphql_ide="graphiql" if ide else None,
        allow_queries_via_get=True,
    )
    for introspection in (True, False)
    for ide in (True, False)
}


@csrf_exempt
def graphql_view(request, *args, **kwargs):
    """Anonymous requests carry no cookie to abuse, so they need no CSRF token; any request
    that carries a session cookie must pass Django's CSRF check (no cookie-authenticated
    mutation is CSRF-exempt)."""
    if settings.SESSION_COOKIE_NAME in request.COOKIES and request.method not in (
        "GET",
        "HEAD",
        "OPTIONS",
    ):
        rejection = _csrf.process_view(request, None, (), {})
        if rejection is not None:
            return _csrf_failure(request)
    view = _views[(settings.GRAPHQL_INTROSPECTION, settings.GRAPHIQL_ENABLED)]
    response = view(request, *args, **kwargs)
    response["Cache-Control"] = "private, no-store" if request.user.is_authenticated else "no-cache"
    return response
