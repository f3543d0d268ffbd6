"""The one NinjaAPI of the project: /api/v1/ (OpenAPI 3.1 at /api/v1/openapi.json)."""

from django.conf import settings
from ninja import NinjaAPI
from ninja.operation import Operation

from cms.api_errors import install_error_handlers
from community.api import router as community_router
from guidance.api import router as content_router
from search.api import router as search_router


class ProjectAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation: Operation) -> str:
        """``{app}_api_{function}``: an endpoint's id names its app and its view function,
        wherever in the app's ``api`` module or package the function is declared. Clients
        generated from the schema name their calls after these ids, so moving an endpoint
        between an app's modules must not rename them."""
        app = operation.view_func.__module__.split(".")[0]
        return f"{app}_api_{operation.view_func.__name__}"


api = ProjectAPI(
    title="Ohjaajan osio API",
    version="1.0.0",
    description=(
        "Content of the counsellor section of the JOD service: navigation, guidance content, "
        "taxonomies, search and the counsellor community. Public GETs are cacheable "
        '(`ETag`, `Cache-Control: public`); errors are `{"error": {"code", "message", '
        '"details"}}`. See docs/api.md.'
    ),
    urls_namespace="api-v1",
    docs_url="/docs" if settings.API_DOCS_ENABLED else None,
    openapi_url="/openapi.json" if settings.OPENAPI_ENABLED or settings.API_DOCS_ENABLED else None,
)
install_error_handlers(api)
api.add_router("/", content_router)
api.add_router("/", search_router)
api.add_router("/", community_router)
