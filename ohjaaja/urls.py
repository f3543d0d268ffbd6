"""The project's URLs: the APIs, the admin, allauth, health checks and the frontend redirects."""

from django.conf import settings
from django.urls import include, path, re_path
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from guidance.views import page_on_frontend
from ohjaaja import health
from ohjaaja.api import api
from ohjaaja.schema import graphql_view

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("api/v1/", api.urls),
    path("graphql/", graphql_view, name="graphql"),
    path("_allauth/", include("allauth.headless.urls")),
    # Provider callbacks for single sign-on (the account views are off: HEADLESS_ONLY).
    path("accounts/", include("allauth.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The JOD counsellor frontend's content calls, under its own base path (docs/jod-frontend.md).
    path(settings.JOD_PREFIX, include("jod.urls")),
    # Its user-data calls, sign-in and sign-out (the community behind its Spring service's API).
    path(settings.JOD_USER_PREFIX, include("jod.user_urls")),
]

if settings.BENCH_WAGTAIL_API_V3:  # the stock-Wagtail baseline for bench/run.py only
    from wagtail.api.v3.urls import api as wagtail_api_v3

    urlpatterns.append(path("bench/wagtail-api/v3/", wagtail_api_v3.urls))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Page URLs (Wagtail reverses "wagtail_serve" for Page.url) lead to the frontend; Wagtail's own
# serve and /_util/ login views are not mounted: the CMS is headless and has one login per kind
# of account (community/backends.py).
urlpatterns += [re_path(r"^((?:[\w\-]+/)*)$", page_on_frontend, name="wagtail_serve")]

handler400 = "cms.errors.bad_request"
handler403 = "cms.errors.permission_denied"
handler404 = "cms.errors.page_not_found"
handler500 = "cms.errors.server_error"
