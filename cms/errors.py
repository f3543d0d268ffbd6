"""Error responses outside the API's own handlers.

Paths the frontend calls (``/api/``, ``/graphql/``, ``/_allauth/``) get the API's JSON error
shape, so a client never has to parse HTML. Everything else (the admin's neighbours, media,
mistyped addresses) gets a small accessible page in Finnish, Swedish and English: the error
pages cannot know the reader's language, and they must work without a database (500).
"""

from django.http import HttpResponse, JsonResponse
from django.template import loader

from cms.api_errors import API_PREFIXES, error_body

ERRORS = {
    400: ("bad_request", "The request could not be understood."),
    403: ("forbidden", "You do not have access to this."),
    404: ("not_found", "Nothing was found at this address."),
    500: ("server_error", "Something went wrong on our side; it has been logged."),
}


def _respond(request, status):
    code, message = ERRORS[status]
    if request.path.startswith(API_PREFIXES):
        return JsonResponse(error_body(code, message), status=status)
    body = loader.get_template("errors/error.html").render({"status": status})
    return HttpResponse(body, status=status, content_type="text/html; charset=utf-8")


def bad_request(request, exception=None):
    return _respond(request, 400)


def permission_denied(request, exception=None):
    return _respond(request, 403)


def page_not_found(request, exception=None):
    return _respond(request, 404)


def server_error(request):
    return _respond(request, 500)
