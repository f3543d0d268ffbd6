"""HTTP caching for public GET responses: ETag, Cache-Control, 304, and a server-side cache."""

import functools
import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.http.response import HttpResponseBase
from django.utils.cache import patch_vary_headers
from pydantic import TypeAdapter

from cms.cache import content_version_and, key_digest

PUBLIC_MAX_AGE = 60
STALE_WHILE_REVALIDATE = 300
# The answers a worker has computed once and not stored (``_admit``); the oldest mark leaves
# first, so a flood of one-off URLs costs this worker at most this many short keys.
MISSED_ONCE = 4096
_missed_once: OrderedDict[str, None] = OrderedDict()
_missed_lock = threading.Lock()


def _etag(content: bytes) -> str:
    return '"' + hashlib.blake2b(content, digest_size=16).hexdigest() + '"'


def _matches(request: HttpRequest, etag: str) -> bool:
    header = request.META.get("HTTP_IF_NONE_MATCH", "")
    return any(tag.strip() in (etag, f"W/{etag}", "*") for tag in header.split(",") if tag.strip())


def public_response(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """Mark a public response cacheable with an ETag; answer 304 to a matching If-None-Match."""
    if response.status_code != 200:
        return response
    etag = response.get("ETag") or _etag(response.content)
    if _matches(request, etag):
        not_modified = HttpResponseNotModified()
        not_modified["ETag"] = etag
        not_modified["Cache-Control"] = (
            response["Cache-Control"] if response.has_header("Cache-Control") else _cache_control()
        )
        return not_modified
    response["ETag"] = etag
    response["Cache-Control"] = _cache_control()
    patch_vary_headers(response, ["Accept-Language"])
    return response


def public_file(
    request: HttpRequest, version: str, open_file: Callable[[], HttpResponseBase]
) -> HttpResponseBase:
    """A public file (an image a published item shows) under the public answers' cache rule:
    a shared cache keeps it no longer than the item's own answer, so it stops being served
    soon after the item is unpublished. ``version`` names the file's content (its ETag);
    a client that has it gets a 304 and the file is not opened."""
    etag = _etag(version.encode())
    response = HttpResponseNotModified() if _matches(request, etag) else open_file()
    response["ETag"] = etag
    response["Cache-Control"] = _cache_control()
    return response


def _cache_control() -> str:
    return f"public, max-age={PUBLIC_MAX_AGE}, stale-while-revalidate={STALE_WHILE_REVALIDATE}"


@functools.cache
def _adapter(shape: Any) -> TypeAdapter:
    return TypeAdapter(shape)


def respond(shape: Any, data: Any, *, status: int = 200, omit_none: bool = False) -> HttpResponse:
    """The one way an endpoint answers: ``data`` checked against its declared ``shape`` (a
    ``cms.shapes.Shape``, or a list of one: the declaration that also documents the endpoint and
    types it in GraphQL) and written as JSON. A serializer that drifts from the declaration
    fails here, in the tests, rather than in a client. ``omit_none`` leaves out fields that are
    None, for clients that expect absent fields to be absent."""
    adapter = _adapter(shape)
    return _json_response(
        adapter.dump_json(adapter.validate_python(data), exclude_none=omit_none), status
    )


class StoredJSON(str):
    """JSON text checked against its shape when it was stored (``guidance.read_model``), as
    served now: ``respond_stored`` writes a list of them into the answer as they are."""

    __slots__ = ()


def as_stored(value: Any) -> StoredJSON:
    """``value`` written as ``respond_stored`` writes JSON (compact, UTF-8 unescaped)."""
    return StoredJSON(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def respond_stored(shape: Any, data: Any, *, stored: str | None = None) -> HttpResponse:
    """``respond`` for an answer made of rows the read model checked against their shape when
    it wrote them (``guidance.read_model``): the stored part, ``data[stored]`` (or all of
    ``data`` when ``stored`` is None), is written as it is instead of being checked again on
    every read, which was a fifth of an uncached listing's time; the rest of ``data`` is
    checked against ``shape`` as ``respond`` checks it. The bytes are those ``respond`` would
    write (compact JSON, UTF-8 unescaped, the stored fields in their stored order).
    ``data`` may be ``StoredJSON`` text and ``data[stored]`` a list of them: they are written
    as they are, not parsed."""
    if stored is None:
        return _json_response(_dumps(data))
    adapter = _adapter(shape)
    head = adapter.dump_json(adapter.validate_python({**data, stored: []}))
    marker = f'"{stored}":[]'.encode()
    body = head.replace(marker, f'"{stored}":'.encode() + _dumps(data[stored]), 1)
    return _json_response(body)


def _dumps(value: Any) -> bytes:
    if isinstance(value, StoredJSON):
        return value.encode()
    if isinstance(value, list) and value and all(isinstance(v, StoredJSON) for v in value):
        return ("[" + ",".join(value) + "]").encode()
    return as_stored(value).encode()


def _json_response(body: bytes, status: int = 200) -> HttpResponse:
    return HttpResponse(body, content_type="application/json; charset=utf-8", status=status)


def respond_for(request: HttpRequest, shape: Any, data: Any) -> HttpResponse:
    """Anonymous readers get a public, cacheable answer with an ETag; signed-in readers, whose
    answer may say what is theirs, a private one."""
    response = respond(shape, data)
    if request.user.is_authenticated:
        return private_response(response)
    return public_response(request, response)


def private_response(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    return response


def cache_public_get(
    timeout: int = 300,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """View decorator: serve public GETs from the server-side cache, with ETag and 304.

    The key is the scheme and host (responses carry absolute media URLs built from them), the
    path, the query string and the Accept-Language header, at the current content version. Only
    200 responses are stored, whoever asked: decorate only views whose answer is the same for
    every reader (public content); an answer that depends on the user must not use this. An
    answer is stored when it is asked a second time (``_admit``), not the first.
    """

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if request.method != "GET" or getattr(request, "preview", False):
                return view(request, *args, **kwargs)
            # (content version, content, content type, ETag), under a key without the version:
            # one round trip brings the version and the entry, and an entry of another version
            # is a miss. "resp3": the entries' shape changed with each prefix, and a worker of
            # another release must never read a shape it does not know.
            key = "resp3:" + key_digest(
                request.scheme,
                request.get_host(),
                request.path,
                request.META.get("QUERY_STRING", ""),
                request.META.get("HTTP_ACCEPT_LANGUAGE", "")[:100],
            )
            if settings.API_SERVER_CACHE:
                version, entry = content_version_and(key)
            else:
                version, entry = None, None
            if entry is not None and entry[0] == version:
                _version, content, content_type, etag = entry
                response = HttpResponse(content, content_type=content_type)
                response["ETag"] = etag  # stored with the body: a hit hashes nothing
                response["X-Cache"] = "hit"
                return public_response(request, response)
            response = view(request, *args, **kwargs)
            if response.status_code == 200 and settings.API_SERVER_CACHE:
                response["X-Cache"] = "miss"
                if _admit(f"{version}:{key}"):
                    etag = response.get("ETag") or _etag(response.content)
                    response["ETag"] = etag
                    entry = (version, response.content, response["Content-Type"], etag)
                    cache.set(key, entry, timeout)
            return public_response(request, response)

        return wrapper

    return decorator


def _admit(mark: str) -> bool:
    """Whether a computed answer goes into the shared cache: only at its second miss in this
    worker at this content version. An answer asked once (a one-off query string, a crawler,
    a flood of random parameters) is then never written: no 33 kB write for a listing (an
    eighth of an uncached listing's time in-process) and no Redis memory held for it. An
    answer asked again is stored at once, so a popular listing costs each worker one more
    miss after a publish."""
    with _missed_lock:
        if mark in _missed_once:
            del _missed_once[mark]
            return True
        _missed_once[mark] = None
        while len(_missed_once) > MISSED_ONCE:
            _missed_once.popitem(last=False)
        return False
