"""Refuse oversized API bodies before anything reads them."""

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import JsonResponse

from cms.api_errors import API_PREFIXES, error_body


class BodySizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(API_PREFIXES):
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0
            if length > settings.API_MAX_BODY_BYTES:
                return JsonResponse(
                    error_body(
                        "payload_too_large",
                        f"The request body is larger than {settings.API_MAX_BODY_BYTES} bytes.",
                    ),
                    status=413,
                )
        return self.get_response(request)


class RetryAfterMiddleware:
    """Every 429 says when to try again: django-allauth's rate-limit answers lack the header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 429 and not response.has_header("Retry-After"):
            response["Retry-After"] = "60"
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy, with the one relaxation the admin needs and nothing more.

    Everything outside ``/admin/`` gets the strict policy from ``CONTENT_SECURITY_POLICY``:
    scripts only from this origin. Wagtail's admin still renders a few inline scripts (inline
    panels, date pickers). The API docs (Swagger UI from django-ninja's static files) and
    GraphiQL (npm assets in cms/static/vendor, started by cms/static/cms/graphiql-init.js) run
    under the strict policy.
    """

    RELAXED = (("/admin/", {"script-src": [UNSAFE_INLINE]}),)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if parts.update is None:
            for prefix, extra in self.RELAXED:
                if request.path_info.startswith(prefix):
                    parts.update = extra
                    break
        return parts
