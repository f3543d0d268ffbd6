"""When a cached thread read is stale: one version for every thread's rendering."""

from collections.abc import Iterable
from typing import Any

from django.db import transaction

from cms.cache import bump_named_version
from community.models import User

# The version of every thread's rendering: anonymous thread reads are cached per this version
# (community.api.discussions.thread_detail), so any change a reader could see bumps it, once
# committed.
DISCUSSIONS_VERSION = "discussions"


def discussions_changed(**_kwargs: Any) -> None:
    """A post, thread, thanks, area or author's name changed: every cached thread is stale now,
    and again once the change commits (a reader in between would have cached the old state
    under the new version)."""
    bump_named_version(DISCUSSIONS_VERSION)
    transaction.on_commit(lambda: bump_named_version(DISCUSSIONS_VERSION))


def on_model_change(
    sender: type, update_fields: Iterable[str] | None = None, **_kwargs: Any
) -> None:
    """``post_save``/``post_delete`` of what a thread shows (connected in ``CommunityConfig``);
    a user's save counts only when it may change how they are named (not a login's timestamp)."""
    if sender is User and update_fields is not None and not AUTHOR_SHOWN & set(update_fields):
        return
    discussions_changed()


AUTHOR_SHOWN = {"display_name", "public_profile"}
