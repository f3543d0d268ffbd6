"""A stored row as served: the request's origin in media URLs and the fields that change with
the date made from the row's columns."""

import datetime
import json
from typing import Any

from django.utils import timezone

from cms.http import StoredJSON
from guidance.models import ReadItem
from guidance.quality import quality_status

# Absolute media URLs are built from the request's scheme and host when served. While
# rendering there is no request: URLs start with this placeholder, which no stored text can
# contain (PostgreSQL refuses NUL in text), and serving swaps in the request's origin.
ORIGIN = "\x00origin"
ORIGIN_JSON = json.dumps(ORIGIN)[1:-1]
# A card's shape (guidance.schemas.ContentCardOut) declares its two date-dependent fields last,
# so a stored card's text ends with them and a listing can write them again without parsing
# the card (``card_text``). tests/api/test_read_model.py holds the declaration to that.
CARD_DATED_FIELDS = ("review_overdue", "quality_status")
_CARD_TAIL = f',"{CARD_DATED_FIELDS[0]}":'
# A detail (ContentDetailOut) is a card's fields, then its own: the dated pair ends where the
# detail's first own field begins, and the detail ends with related items (stored empty) and
# the quality summary, whose status comes first. Keys in the text are never escaped, and a
# string value's quotes always are, so these markers cannot occur inside a value.
_DETAIL_OWN = ',"search_description":'
_DETAIL_END = ',"related":[],"quality":{"status":"'


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


def card_text(
    text: str,
    next_review_due: datetime.date | None,
    last_approved_at: datetime.datetime | None,
    base: str,
    today: datetime.date,
) -> StoredJSON:
    """``finish_values`` of a stored card, as JSON text and without parsing it: the origin
    swapped in and the date-dependent fields (the card's last two) written again. The bytes
    are those of the parsed, finished and written card."""
    if ORIGIN_JSON in text:
        text = text.replace(ORIGIN_JSON, base)
    cut = text.rfind(_CARD_TAIL)
    if cut < 0:  # not a card as the shape declares it: take the long way
        data = finish_values(text, next_review_due, last_approved_at, base, today)
        return StoredJSON(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    overdue = "true" if next_review_due and next_review_due < today else "false"
    status = quality_status(last_approved_at, next_review_due, today)
    return StoredJSON(
        f'{text[:cut]},"{CARD_DATED_FIELDS[0]}":{overdue},"{CARD_DATED_FIELDS[1]}":"{status}"}}'
    )


def detail_text(
    text: str,
    next_review_due: datetime.date | None,
    last_approved_at: datetime.datetime | None,
    base: str,
    today: datetime.date,
    related: list[StoredJSON],
) -> StoredJSON:
    """``finish_values`` of a stored detail with ``related`` cards, as JSON text and without
    parsing it (the bytes of the parsed, finished and written detail)."""
    if ORIGIN_JSON in text:
        text = text.replace(ORIGIN_JSON, base)
    dated = text.find(_CARD_TAIL)
    own = text.find(_DETAIL_OWN, dated)
    end = text.rfind(_DETAIL_END)
    status_end = text.find('"', end + len(_DETAIL_END))
    if min(dated, own, end, status_end) < 0 or not dated < own < end:
        # not a detail as the shape declares it: take the long way
        data = finish_values(text, next_review_due, last_approved_at, base, today)
        data["related"] = [json.loads(card) for card in related]
        return StoredJSON(json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    overdue = "true" if next_review_due and next_review_due < today else "false"
    status = quality_status(last_approved_at, next_review_due, today)
    return StoredJSON(
        f'{text[:dated]},"{CARD_DATED_FIELDS[0]}":{overdue},"{CARD_DATED_FIELDS[1]}":"{status}"'
        f'{text[own:end]},"related":[{",".join(related)}],"quality":{{"status":"{status}'
        f"{text[status_end:]}"
    )


def finish(row: ReadItem, which: str, base: str) -> dict[str, Any]:
    """A stored row's ``card`` or ``detail`` as served now (``base``: the scheme and host)."""
    return finish_values(getattr(row, which), row.next_review_due, row.last_approved_at, base)
