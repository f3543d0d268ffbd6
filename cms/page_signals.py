"""Model signals about pages, received for page models only."""

from collections.abc import Callable
from typing import Any

from django.dispatch import Signal
from wagtail.models import get_page_models


def connect_to_pages(signal: Signal, receiver: Callable[..., Any], dispatch_uid: str) -> None:
    """Connect ``receiver`` to ``signal`` (``pre_delete`` and the like) for each page model,
    never for every model: a receiver of every model's deletes makes Django read each row of any
    deleted queryset before deleting it, so no delete in the project could be one statement.
    Call it from ``AppConfig.ready()``, when every page model is registered."""
    for model in get_page_models():
        signal.connect(receiver, sender=model, dispatch_uid=f"{dispatch_uid}-{model.__name__}")
