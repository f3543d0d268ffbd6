"""A stored row as served: the request's origin in media URLs and the fields that change with
the date made from the row's columns."""

import datetime
import json
from typing import Any

from django.utils import timezone

from guidance.models import ReadItem
from guidance.quality import quality_status

# Absolute media URLs are built from the request's scheme and host when served. While
# rendering there is no request: URLs start with this placeholder, which no stored text can
# contain (PostgreSQL refuses NUL in text), and serving swaps in the request's origin.
ORIGIN = "\x00origin"
ORIGIN_JSON = json.dumps(ORIGIN)[1:-1]


def finish_values(
    text: str,
    next_review_due: datetime.date | None,
    last_approved_at: datetime.datetime | None,
    base: str,
    today: datetime.date | None = None,
) -> dict[str, Any]:
    """Stored JSON ``text`` as served now (the row's columns as arguments, for listings that
    read them as tuples; ``today``, the local date, asked once for a whole listing)."""
    today = today or timezone.localdate()
    data = json.loads(text.replace(ORIGIN_JSON, base) if ORIGIN_JSON in text else text)
    status = quality_status(last_approved_at, next_review_due, today)
    data["review_overdue"] = bool(next_review_due and next_review_due < today)
    data["quality_status"] = status
    if "quality" in data:
        data["quality"]["status"] = status
    return data


def finish(row: ReadItem, which: str, base: str) -> dict[str, Any]:
    """A stored row's ``card`` or ``detail`` as served now (``base``: the scheme and host)."""
    return finish_values(getattr(row, which), row.next_review_due, row.last_approved_at, base)
