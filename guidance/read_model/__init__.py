"""The read model: every visible item's public card and detail per language, rendered once
per change (publish, unpublish, move, translation, taxonomy, image or review change) and
served from one table.

- ``build``: ``refresh`` (called by ``guidance.signals`` in the change's transaction),
  ``process_pending`` (the task worker's retries), ``rebuild`` and ``check`` (the management
  commands ``rebuild_read_model`` and ``check_read_model``);
- ``serve``: ``listing``, ``detail``, ``cards`` and ``related`` (``listing_json``,
  ``detail_json`` and ``cards_json``: the same as text, for REST; ``card_shapes``: as models,
  for GraphQL).

The names below are the package's interface; import them from here.
"""

from guidance.read_model.build import (
    Drift,
    Outcome,
    all_keys,
    check,
    pending,
    process_pending,
    prune,
    rebuild,
    refresh,
)
from guidance.read_model.rows import finish
from guidance.read_model.serve import (
    card_shapes,
    cards,
    cards_by_page,
    cards_json,
    detail,
    detail_json,
    listing,
    listing_json,
    origin,
    related,
    related_to,
)

__all__ = [
    "Drift",
    "Outcome",
    "all_keys",
    "card_shapes",
    "cards",
    "cards_by_page",
    "check",
    "cards_json",
    "detail",
    "detail_json",
    "finish",
    "listing",
    "listing_json",
    "origin",
    "pending",
    "process_pending",
    "prune",
    "rebuild",
    "refresh",
    "related",
    "related_to",
]
