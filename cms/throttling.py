"""Per-client rate limits for API writes (django-ninja's throttling, one bucket per scope)."""

from ninja.throttling import SimpleRateThrottle


class ClientThrottle(SimpleRateThrottle):
    """``rate`` requests per period for each client address, in its own ``scope``; applies to
    anonymous and signed-in requests alike. Exceeding it answers 429 with Retry-After."""

    def __init__(self, scope, rate):
        self.scope = scope
        super().__init__(rate)

    def get_cache_key(self, request):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
