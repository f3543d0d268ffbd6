"""The one NinjaAPI of the project: /api/v1/ (OpenAPI 3.1 at /api/v1/openapi.json)."""

from django.conf import settings
from ninja import NinjaAPI

from cms.api_errors import install_error_handlers
from community.api import router as community_router
from guidance.api import router as content_router
from search.api import router as search_router

api = NinjaAPI(
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
