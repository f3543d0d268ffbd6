"""A stored row as served: the request's origin in media URLs and the fields that change with
the date made from the row's columns."""

import datetime
import functools
import json
import re
from typing import Any

import orjson
from django.utils import timezone

from cms.http import StoredJSON, as_stored
from cms.shapes import shared
from guidance.models import ReadItem
from guidance.quality import quality_status
from guidance.schemas import ContentCardOut

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
_DATED_PAIR = re.compile(
    rf'"{CARD_DATED_FIELDS[0]}":(?:true|false),"{CARD_DATED_FIELDS[1]}":"[a-z_]*"'
)
_DETAIL_END = ',"related":[],"quality":{"status":"'


def finish_values(
    text: str,
    next_review_due: datetime.date | None,
    last_approved_at: datetime.datetime | None,
    base: str,
    today: datetime.date | None = None,
) -> dict[str, Any]:
    """Stored JSON ``text`` as served now (the row's columns as arguments, for listings that
    read them as tuples; ``today``, the local date, asked once for a whole listing). Parsed
    with orjson: a quarter of the standard parser's time, for the same values."""
    today = today or timezone.localdate()
    data = orjson.loads(str(_with_origin(text, base)))  # orjson takes no str subclass
    data["review_overdue"], status = _dated(next_review_due, last_approved_at, today)
    data["quality_status"] = status
    if "quality" in data:
        data["quality"]["status"] = status
    return data


# Cards read into their model, by their stored text (the origin swapped in) and the two
# date-dependent fields: a card that GraphQL listings show again is validated once per worker,
# not on every listing (20 cards were 10 % of a listing's time), and is the same instance every
# time, so GraphQL's executor keeps what it made of it (``cms.shapes.shared``). The text is the
# key, so an entry cannot go stale; a changed card is a new text. Bounded: about 7 kB a card.
CARD_MODELS_KEPT = 512


@functools.lru_cache(maxsize=CARD_MODELS_KEPT)
def _card_model(text: str, overdue: bool, status: str) -> ContentCardOut:
    card = ContentCardOut.model_validate_json(text)
    return shared(card.model_copy(update={"review_overdue": overdue, "quality_status": status}))


def card_shape(
    text: str,
    next_review_due: datetime.date | None,
    last_approved_at: datetime.datetime | None,
    base: str,
    today: datetime.date,
) -> ContentCardOut:
    """``finish_values`` of a stored card as its shape's model, for GraphQL's resolvers:
    pydantic reads the stored text in one pass, with no dict built on the way, and a card read
    before (the same text and dated fields) is the model made then, shared and never changed."""
    return _card_model(_with_origin(text, base), *_dated(next_review_due, last_approved_at, today))


def _with_origin(text: str, base: str) -> str:
    return text.replace(ORIGIN_JSON, base) if ORIGIN_JSON in text else text


def _dated(
    next_review_due: datetime.date | None,
    last_approved_at: datetime.datetime | None,
    today: datetime.date,
) -> tuple[bool, str]:
    """(whether the review is overdue, the quality status) on ``today``: the card's two
    date-dependent fields, parsed or written as text."""
    overdue = bool(next_review_due and next_review_due < today)
    return overdue, quality_status(last_approved_at, next_review_due, today)


def _dated_pair(
    next_review_due: datetime.date | None,
    last_approved_at: datetime.datetime | None,
    today: datetime.date,
) -> tuple[str, str]:
    """(the card's dated pair as JSON members, the quality status), as ``finish_values``
    makes them."""
    overdue, status = _dated(next_review_due, last_approved_at, today)
    members = (
        f'"{CARD_DATED_FIELDS[0]}":{"true" if overdue else "false"},'
        f'"{CARD_DATED_FIELDS[1]}":"{status}"'
    )
    return members, status


def card_text(
    text: str,
    next_review_due: datetime.date | None,
    last_approved_at: datetime.datetime | None,
    base: str,
    today: datetime.date,
) -> StoredJSON:
    """``finish_values`` of a stored card, as JSON text and without parsing it: the origin
    swapped in and the date-dependent fields (the card's last two) written again. The bytes
    are those of the parsed, finished and written card; a text not laid out that way (its
    dated pair not last) takes the long way."""
    text = _with_origin(text, base)
    cut = text.rfind(_CARD_TAIL)  # -1: no match below (the pair starts with a quote)
    if not text.endswith("}") or not _DATED_PAIR.fullmatch(text, cut + 1, len(text) - 1):
        return as_stored(finish_values(text, next_review_due, last_approved_at, base, today))
    pair, _status = _dated_pair(next_review_due, last_approved_at, today)
    return StoredJSON(f"{text[: cut + 1]}{pair}}}")


def detail_text(
    text: str,
    next_review_due: datetime.date | None,
    last_approved_at: datetime.datetime | None,
    base: str,
    today: datetime.date,
    related: list[StoredJSON],
) -> StoredJSON:
    """``finish_values`` of a stored detail with ``related`` cards, as JSON text and without
    parsing it (the bytes of the parsed, finished and written detail); a text not laid out as
    the shape declares takes the long way."""
    text = _with_origin(text, base)
    dated = text.find(_CARD_TAIL)
    own = text.find(_DETAIL_OWN, dated)
    end = text.rfind(_DETAIL_END)
    status_end = text.find('"', end + len(_DETAIL_END))
    if (
        min(dated, own, end, status_end) < 0
        or not dated < own < end
        or not _DATED_PAIR.fullmatch(text, dated + 1, own)
    ):
        data = finish_values(text, next_review_due, last_approved_at, base, today)
        data["related"] = [json.loads(card) for card in related]  # StoredJSON: a str subclass
        return as_stored(data)
    pair, status = _dated_pair(next_review_due, last_approved_at, today)
    return StoredJSON(
        f'{text[: dated + 1]}{pair}{text[own:end]},"related":[{",".join(related)}],'
        f'"quality":{{"status":"{status}{text[status_end:]}'
    )


def finish(row: ReadItem, which: str, base: str) -> dict[str, Any]:
    """A stored row's ``card`` or ``detail`` as served now (``base``: the scheme and host)."""
    return finish_values(getattr(row, which), row.next_review_due, row.last_approved_at, base)
