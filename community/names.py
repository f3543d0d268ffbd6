"""What a counsellor may call themselves, and what counts as a link in a post.

A display name is shown to everyone next to posts, so it is plain text: normalised (NFKC, single
spaces), 2–50 characters, with no markup characters, no control or invisible characters (a
right-to-left override turns "Maija" into something else on screen), and none of the names the
service itself shows: the per-thread pseudonym pattern ("Ohjaaja 4821", in every language), the
deleted-user label, and the staff roles.
"""

from __future__ import annotations

import re
import unicodedata

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
