"""Refuse oversized API bodies before anything reads them."""

from django.conf import settings
from django.http import JsonResponse

from cms.api_errors import error_body

LIMITED_PREFIXES = ("/api/", "/graphql/", "/_allauth/")


class BodySizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(LIMITED_PREFIXES):
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
