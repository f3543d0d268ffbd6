"""The UUIDs the JOD frontend names people and records by.

- A counsellor's own id (``profile_id``): opaque, keyed by the server secret, the same in every
  answer to them and never in an answer to anyone else. The frontend decides "my own comment"
  by comparing a comment's author id with it.
- Everyone else's posts carry the author's per-thread id (``author_id``): stable within one
  discussion, different in every other, so nobody can group a person's comments across articles
  (the Spring service sends the same id everywhere; this one does not).
- Favourites, interests and comments are rows with integer keys here; their UUID
  (``record_uuid``) carries the kind and the key, masked with the server secret, and reads back
  (``record_key``) only for the same kind. A UUID of another kind or a made-up one reads as
  nothing.
"""

import hashlib
import hmac
import uuid

from django.conf import settings

KINDS = {"favourite": 1, "interest": 2, "comment": 3}
_KEY_BITS = 62
_KEY_MASK = (1 << _KEY_BITS) - 1
# RFC 9562 version 8 ("custom") with the RFC variant: a well-formed UUID in every parser.
_LAYOUT = (8 << 76) | (0b10 << 62)


def _digest(message: str) -> bytes:
    return hmac.new(settings.SECRET_KEY.encode(), message.encode(), hashlib.sha256).digest()


def _as_uuid(value: int) -> str:
    value &= ~((0xF << 76) | (0b11 << 62))
    return str(uuid.UUID(int=value | _LAYOUT))


def profile_id(user_pk: int) -> str:
    return _as_uuid(int.from_bytes(_digest(f"jod-profile:{user_pk}")[:16], "big"))


def author_id(thread_id: int, user_pk: int) -> str:
    return _as_uuid(int.from_bytes(_digest(f"jod-author:{thread_id}:{user_pk}")[:16], "big"))


def _mask(kind: str) -> int:
    return int.from_bytes(_digest(f"jod-record:{kind}")[:8], "big") & _KEY_MASK


def record_uuid(kind: str, key: int) -> str:
    return str(uuid.UUID(int=(KINDS[kind] << 96) | _LAYOUT | (key ^ _mask(kind))))


def record_key(kind: str, value: str) -> int | None:
    """The key of a ``kind`` record from its UUID, or None when it is not one."""
    try:
        number = uuid.UUID(value).int
    except (ValueError, AttributeError, TypeError):
        return None
    key = (number & _KEY_MASK) ^ _mask(kind)
    return key if key > 0 and record_uuid(kind, key) == str(uuid.UUID(int=number)) else None
