"""Per-client rate limits for API writes (django-ninja's throttling, one bucket per scope)."""

from ninja.throttling import SimpleRateThrottle

from cms.api_errors import ApiError
from cms.clients import client_address


class _ByClient(SimpleRateThrottle):
    def get_ident(self, request):
        # Not ninja's own: it believes X-Forwarded-For from anyone (cms.clients says whom).
        return client_address(request)


class ClientThrottle(_ByClient):
    """``rate`` requests per period for each client address, in its own ``scope``; applies to
    anonymous and signed-in requests alike. Exceeding it answers 429 with Retry-After."""

    def __init__(self, scope, rate):
        self.scope = scope
        super().__init__(rate)

    def get_cache_key(self, request):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class UserThrottle(_ByClient):
    """``rate`` requests per period for each signed-in user (per address when anonymous), and
    the stricter ``new_account_rate`` while the account is new (COMMUNITY_NEW_ACCOUNT_HOURS)."""

    def __init__(self, scope, rate, new_account_rate=None):
        self.scope = scope
        super().__init__(rate)
        self.new_account = (
            UserThrottle(f"{scope}-new", new_account_rate) if new_account_rate else None
        )
        self._failed = None

    def get_cache_key(self, request):
        user = getattr(request, "user", None)
        ident = (
            f"user-{user.pk}"
            if user is not None and user.is_authenticated
            else self.get_ident(request)
        )
        return self.cache_format % {"scope": self.scope, "ident": ident}

    def allow_request(self, request):
        self._failed = None
        user = getattr(request, "user", None)
        new = self.new_account and getattr(user, "is_new_account", False)
        if new and not self.new_account.allow_request(request):
            self._failed = self.new_account
            return False
        return super().allow_request(request)

    def wait(self):
        return self._failed.wait() if self._failed else super().wait()


def enforce(request, throttles) -> None:
    """Count one use against each of ``throttles`` (the same objects the REST endpoints name),
    raising a 429 ``ApiError`` with the wait when one is spent. GraphQL calls it per resolved
    field, so a query with 15 aliased searches counts as 15 searches."""
    for throttle in throttles:
        if not throttle.allow_request(request):
            wait = int(throttle.wait() or 1)
            raise ApiError(
                429,
                "rate_limited",
                f"Too many requests; try again in {wait} seconds.",
                [{"retry_after": wait}],
            )
