"""How the JOD frontend's user-data calls are answered: the session and CSRF rules, errors in
the Spring service's shape, request bodies and parameters (``jod/user_data.py`` has the calls).

- **403 means exactly "no session, or a bad CSRF token"**: the frontend signs the user out on
  any 403, so every other refusal (a closed discussion, a suspension, someone else's post) is a
  409 or 404, and the community's "sign in" (401) is the 403.
- **CSRF only for signed-in requests** (anonymous views and reports carry no token), checked as
  Django checks it: the token from the profile call in the header it names.
- Every error has a JSON body (``{"errorCode", "errorDetails"}``); every empty success is a 204.
- Every answer is ``private, no-store``: comment lists carry the viewer's own id.
"""

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from ninja.utils import check_csrf
from pydantic import BaseModel

from cms.api_errors import ApiError
from cms.http import respond
from cms.params import validated
from community.models import User
from jod.schemas import ErrorInfo

M = TypeVar("M", bound=BaseModel)

# The Spring service's error codes for our statuses (the frontend reads none of them).
ERROR_CODES = {
    400: "VALIDATION_FAILURE",
    404: "RESOURCE_NOT_FOUND",
    405: "INVALID_REQUEST",
    409: "INVALID_REQUEST",
    413: "INVALID_REQUEST",
    429: "INVALID_REQUEST",
}
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


# --- Answers and errors ---------------------------------------------------------------------------


def answer(shape: Any, data: Any, status: int = 200) -> HttpResponse:
    return respond(shape, data, status=status, omit_none=True)


def no_content() -> HttpResponse:
    return HttpResponse(status=204)


def error(status: int, code: str, *details: str) -> HttpResponse:
    return answer(ErrorInfo, {"errorCode": code, "errorDetails": list(details) or None}, status)


def _refusal(exc: ApiError) -> HttpResponse:
    """A refusal from the services in the frontend's terms (see the module's docstring)."""
    if exc.status == 401:
        return error(403, "AUTHENTICATION_FAILURE", "FORBIDDEN")
    status = 409 if exc.status == 403 else exc.status
    code = "MESSAGE_NOT_READABLE" if exc.code == "not_readable" else ERROR_CODES.get(status)
    details = [d.get("message", "") for d in exc.details or [] if "message" in d]
    response = error(status, code or "UNSPECIFIED_ERROR", *(details or [exc.message]))
    if exc.status == 429:
        response["Retry-After"] = str((exc.details or [{}])[0].get("retry_after", 1))
    return response


@dataclass(frozen=True)
class Handler:
    view: Callable[..., HttpResponse]
    public: bool = False  # anonymous callers allowed


def endpoint(**methods: Handler) -> Callable[..., HttpResponse]:
    """One path's view: its handlers by method, behind the session and CSRF rules above."""

    @csrf_exempt  # checked below, for signed-in requests only
    def dispatch(request: HttpRequest, **kwargs: Any) -> HttpResponse:
        handler = methods.get(request.method or "")
        if handler is None:
            response = error(405, ERROR_CODES[405], f"{request.method} is not allowed here")
            response["Allow"] = ", ".join(methods)
        elif request.user.is_authenticated and (
            request.method not in SAFE_METHODS and check_csrf(request) is not None
        ):
            response = error(403, "ACCESS_DENIED", "CSRF")
        elif not handler.public and not request.user.is_authenticated:
            response = error(403, "AUTHENTICATION_FAILURE", "FORBIDDEN")
        else:
            try:
                response = handler.view(request, **kwargs)
            except ApiError as exc:
                response = _refusal(exc)
        response["Cache-Control"] = "private, no-store"
        return response

    return dispatch


def not_found(request: HttpRequest, rest: str = "") -> HttpResponse:
    response = error(404, "RESOURCE_NOT_FOUND", "no such call")
    response["Cache-Control"] = "private, no-store"
    return response


# --- Reading requests -----------------------------------------------------------------------------


def json_body(request: HttpRequest, model: type[M]) -> M:
    try:
        data = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        data = None
    if not isinstance(data, dict):
        raise ApiError(400, "not_readable", "The body is not a JSON object.")
    return validated(model, **data)


def query_params(request: HttpRequest, model: type[M]) -> M:
    return validated(model, **request.GET.dict())


def paged(items: list[Any], total: int, size: int) -> dict[str, Any]:
    return {"sisalto": items, "maara": total, "sivuja": math.ceil(total / size) if total else 0}


def signed_in(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # endpoint() lets only signed-in users reach non-public views
    return user
