"""The error every discussion rule raises for what a user may not do."""

from cms.api_errors import ApiError


class CommunityError(ApiError):
    """A refused community action: HTTP status, error code, message, offending parameter."""

    def __init__(self, status: int, code: str, message: str, parameter: str | None = None) -> None:
        details = [{"parameter": parameter, "message": message}] if parameter else None
        super().__init__(status, code, message, details)
        self.parameter = parameter
