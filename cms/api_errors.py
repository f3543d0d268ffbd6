"""The API's error shape: ``{"error": {"code", "message", "details"}}`` with the right status."""

import logging
import math
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

logger = logging.getLogger(__name__)


# The paths the frontends call: they answer JSON errors and have a body size limit.
API_PREFIXES = ("/api/", "/graphql/", "/_allauth/", f"/{settings.JOD_USER_PREFIX}api/")


class ApiError(Exception):
    """Raise from services and endpoints for a client error with a clear code and message."""

    def __init__(
        self, status: int, code: str, message: str, details: list[dict[str, Any]] | None = None
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details


def invalid_parameter(parameter: str, message: str) -> ApiError:
    return ApiError(
        400,
        "invalid_parameter",
        f"{parameter}: {message}",
        [{"parameter": parameter, "message": message}],
    )


def validation_error(errors: Iterable[Any]) -> ApiError:
    """Pydantic's (or ninja's) validation errors as one ``invalid_parameter`` error naming each
    parameter: the REST and GraphQL APIs refuse bad parameters alike."""
    details = []
    for error in errors:
        location = [str(part) for part in error.get("loc", [])]
        # ("query", "limit") → "limit"; ("body", "payload", "comment") → "comment"
        if location[:1] in (["query"], ["path"]):
            location = location[1:]
        elif location[:1] == ["body"]:
            location = location[2:] or location[1:]
        parameter = ".".join(location)
        details.append({"parameter": parameter, "message": error.get("msg", "invalid")})
    names = ", ".join(sorted({d["parameter"] for d in details})) or "request"
    return ApiError(400, "invalid_parameter", f"Invalid value for {names}.", details)


def error_body(
    code: str, message: str, details: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "details": details or []}}


def install_error_handlers(api: NinjaAPI) -> None:
    def respond(
        request: HttpRequest,
        status: int,
        code: str,
        message: str,
        details: list[dict[str, Any]] | None = None,
    ) -> HttpResponse:
        return api.create_response(request, error_body(code, message, details), status=status)

    @api.exception_handler(ApiError)
    def _api_error(request: HttpRequest, exc: ApiError) -> HttpResponse:
        return respond(request, exc.status, exc.code, exc.message, exc.details)

    @api.exception_handler(ValidationError)
    def _validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        error = validation_error(exc.errors)
        return respond(request, error.status, error.code, error.message, error.details)

    @api.exception_handler(Http404)
    def _not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
        return respond(request, 404, "not_found", str(exc) or "Not found.")

    @api.exception_handler(Throttled)
    def _throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
        wait = max(1, math.ceil(exc.wait or 1))
        response = respond(
            request, 429, "rate_limited", f"Too many requests; try again in {wait} seconds."
        )
        response["Retry-After"] = str(wait)
        return response

    def _database_unavailable(request: HttpRequest, exc: Any) -> HttpResponse:
        # A dropped or refused database connection: the transaction rolled back, nothing was
        # stored, and the next request reconnects. Retrying (with the same Idempotency-Key for
        # writes) is safe.
        logger.error("database unavailable: %s", type(exc).__name__)
        response = respond(
            request, 503, "unavailable", "The service is briefly unavailable; try again shortly."
        )
        response["Retry-After"] = "5"
        return response

    api.add_exception_handler(OperationalError, _database_unavailable)
    api.add_exception_handler(InterfaceError, _database_unavailable)

    @api.exception_handler(AuthenticationError)
    def _unauthenticated(request: HttpRequest, exc: Exception) -> HttpResponse:
        return respond(request, 401, "not_authenticated", "Sign in to do this.")

    @api.exception_handler(HttpError)
    def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        codes = {
            401: "not_authenticated",
            403: "forbidden",
            404: "not_found",
            405: "method_not_allowed",
            413: "payload_too_large",
        }
        return respond(request, exc.status_code, codes.get(exc.status_code, "error"), exc.message)
