"""What every community endpoint shares: the signed-in request, ids in paths, private answers."""

from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse
from ninja import Path

from cms.http import private_response, respond
from community.models import User


class SignedIn(HttpRequest):
    """The request of an endpoint with ``auth=django_auth``: ninja answers 401 before the view
    runs unless a counsellor is signed in."""

    user: User


Id = Annotated[int, Path(ge=1, le=2**62)]


def private(shape: Any, data: Any, status: int = 200) -> HttpResponse:
    """A signed-in answer in its declared shape: never stored by a cache."""
    return private_response(respond(shape, data, status=status))
