"""Who is calling: the client address, derived in one place.

A client can put anything in ``X-Forwarded-For``. Only the proxies this deployment runs (the load
balancer, the CDN) are believed, and only as many of them as ``TRUSTED_PROXY_COUNT`` says: each
appends the address it saw, so the client is the ``TRUSTED_PROXY_COUNT``-th entry from the right.
With the default 0 (development, or a server reached directly) the header is ignored and the
TCP peer is the client. Every rate limit (django-ninja throttles, allauth, django-axes), view
count and log line asks this function.
"""

from __future__ import annotations

import re

from django.conf import settings
from django.http import HttpRequest
from python_ipware import IpWare

_BOT = re.compile(
    r"bot\b|crawl|spider|slurp|headless|preview|monitor|curl/|wget/|python-requests|httpclient",
    re.IGNORECASE,
)


def client_address(request: HttpRequest) -> str:
    """The calling client's IP address as this deployment can vouch for it."""
    peer = request.META.get("REMOTE_ADDR", "") or ""
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return peer
    # python-ipware's proxy_count counts the proxies listed *inside* the header; ours are the
    # hops that appended to it, the nearest of which is also the TCP peer, hence one less.
    ipware = IpWare(precedence=("HTTP_X_FORWARDED_FOR",), proxy_count=proxies - 1, leftmost=True)
    address, _trusted = ipware.get_client_ip(request.META, strict=False)
    return str(address) if address is not None else peer


def looks_like_a_bot(request: HttpRequest) -> bool:
    """Crawlers and scripts that say what they are (views they trigger are not counted). One
    that lies is still held to one view per address by the caller."""
    return bool(_BOT.search(request.META.get("HTTP_USER_AGENT", "")))
