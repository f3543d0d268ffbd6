"""Counting a view of an item from a request: the one rule for ``/api/v1/`` and the JOD
frontend's adapter.

One view per client address (or account) per item per day, whatever its User-Agent says;
crawlers are not counted; no personal data is stored. A signed-in counsellor's view also puts
the item first on their "recently viewed" list (community listens to ``item_viewed``), but
only with the CSRF token: that is a write to their data, so a forged cross-site POST counts as
an anonymous view.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone
from ninja.throttling import BaseThrottle
from ninja.utils import check_csrf

from cms.clients import client_address, looks_like_a_bot
from cms.throttling import ClientThrottle
from guidance import services, signals

# The limit on counting requests per client address (both surfaces share the bucket).
VIEWING: list[BaseThrottle] = [ClientThrottle("views", "120/min")]


def count_view(request: HttpRequest, translation_key: uuid.UUID) -> bool:
    """Count ``request``'s view of a visible item; True when it counted (not seen today)."""
    today = timezone.localdate()
    if request.user.is_authenticated and check_csrf(request) is None:
        signals.item_viewed.send(sender=None, user=request.user, translation_key=translation_key)
    viewer = f"user-{request.user.pk}" if request.user.is_authenticated else client_address(request)
    seen = "|".join([viewer, str(translation_key), today.isoformat(), settings.SECRET_KEY])
    seen_key = "viewed:" + hashlib.sha256(seen.encode()).hexdigest()
    counted = not looks_like_a_bot(request) and cache.add(seen_key, 1, timeout=60 * 60 * 24)
    if counted:
        services.record_view(translation_key, today)
    return counted
