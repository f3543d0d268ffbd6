"""What a counsellor may call themselves, how they appear to others (their public profile id,
or a pseudonym per thread), and what counts as a link in a post.

A display name is shown to everyone next to posts, so it is plain text: normalised (NFKC, single
spaces), 2–50 characters, with no markup characters, no control or invisible characters (a
right-to-left override turns "Maija" into something else on screen), and none of the names the
service itself shows: the per-thread pseudonym pattern ("Ohjaaja 4821", in every language), the
deleted-user label, and the staff roles.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from linkify_it import LinkifyIt

MIN_LENGTH, MAX_LENGTH = 2, 50
_PSEUDONYM = re.compile(r"^(ohjaaja|handledare|counsellor|counselor|vägledare)\s*\d+$")
_RESERVED = {
    "deleted user",
    "poistettu käyttäjä",
    "raderad användare",
    "moderaattori",
    "moderator",
    "moderatorn",
    "ylläpito",
    "ylläpitäjä",
    "administrator",
    "admin",
    "administratör",
    "ohjaajan osio",
    "handledarens avdelning",
    "toimitus",
    "redaktionen",
    "editorial team",
}
_linkify = LinkifyIt()


def normalised(text: str) -> str:
    """NFKC (fullwidth and other compatibility forms folded) with runs of spaces as one."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def clean_display_name(value: str) -> str:
    """The display name to store, or ValidationError saying what is wrong with it."""
    if any(unicodedata.category(char) in ("Cc", "Cf", "Co", "Cs") for char in value):
        raise ValidationError(
            _("A name cannot contain control or invisible characters."), code="invalid"
        )
    name = normalised(value)
    if any(char in "<>&\"'`" for char in name):
        raise ValidationError(
            _("A name is plain text: leave out < > & and quotes."), code="invalid"
        )
    if not MIN_LENGTH <= len(name) <= MAX_LENGTH:
        raise ValidationError(
            _("A name is %(min)s to %(max)s characters long.")
            % {"min": MIN_LENGTH, "max": MAX_LENGTH},
            code="invalid",
        )
    folded = name.casefold()
    if folded in _RESERVED or _PSEUDONYM.match(folded) or contains_link(name):
        raise ValidationError(_("This name is reserved; choose another."), code="reserved")
    return name


def contains_link(text: str) -> bool:
    """Whether ``text`` holds anything a reader's device would turn into a link: any scheme or
    letter case, ``www.`` or a bare domain, fullwidth or other compatibility characters."""
    return bool(_linkify.test(normalised(text)))


# --- How an author appears to others --------------------------------------------------------


def public_profile_id(user) -> str:
    """A stable, opaque id for a public profile: it tells posts by the same person apart without
    giving out the account's sequential key (which counts the accounts and can be enumerated)."""
    digest = hmac.new(settings.SECRET_KEY.encode(), f"profile:{user.pk}".encode(), hashlib.sha256)
    return digest.hexdigest()[:20]


def author_label(user, thread_id, viewer=None):
    """How an author appears: their display name only with a public profile; otherwise a
    pseudonym that is stable within one thread and different in every other."""
    if user is None:
        return {"name": _("deleted user"), "profile_id": None, "is_me": False}
    is_me = bool(viewer and viewer.is_authenticated and viewer.pk == user.pk)
    if user.public_profile:
        return {"name": user.display_name, "profile_id": public_profile_id(user), "is_me": is_me}
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"{thread_id}:{user.pk}".encode(), hashlib.sha256
    ).digest()
    number = int.from_bytes(digest[:4], "big") % 9000 + 1000
    return {
        "name": _("Counsellor %(number)s") % {"number": number},
        "profile_id": None,
        "is_me": is_me,
    }
