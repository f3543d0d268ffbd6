"""Which content locale a request asks for: ``?locale=``, else Accept-Language, else Finnish."""

from django.conf import settings
from django.utils.translation.trans_real import parse_accept_lang_header

from cms.api_errors import invalid_parameter


def resolve_locale(request, requested=None):
    supported = settings.CONTENT_LOCALES
    if requested is not None and requested != "":
        if requested not in supported:
            raise invalid_parameter("locale", f"must be one of {', '.join(supported)}")
        return requested
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    for language, _quality in parse_accept_lang_header(header[:500]):
        code = language.split("-")[0].lower()
        if code in supported:
            return code
    return settings.LANGUAGE_CODE
