"""A counsellor's own data: profile, favourites, interests, recently viewed, recommendations,
export and erasure."""

import uuid
from collections.abc import Iterable
from typing import Any

from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from community.models import (
    ContentSuggestion,
    Favourite,
    Follow,
    Interest,
    Post,
    RecentView,
    Report,
    Thanks,
    Thread,
    User,
)
from community.names import clean_display_name, public_profile_id
from guidance.models import ContentPage, Keyword
from guidance.queries import term_label, visible_content, vocabularies, with_card_relations

# Whoever makes a request: a signed-in account or nobody in particular.
Viewer = User | AnonymousUser

RECENT_KEPT = 50
PROFILE_FIELDS = [
    "display_name",
    "public_profile",
    "sector",
    "workplace_type",
    "notify_replies",
    "daily_digest",
]


def with_membership(users: QuerySet[User]) -> QuerySet[User]:
    """``users``, each with whether allauth has verified an address of theirs, read in the same
    query: the signed-in user is loaded this way on every request (``community.backends``), so
    ``is_verified_member`` asks the database nothing more."""
    verified = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
    return users.annotate(verified_address=Exists(verified))


def is_verified_member(user: User) -> bool:
    """Staff, or a counsellor whose email address allauth has verified: who may take part.
    Remembered on the user object, so a write that checks twice (thanking checks the reader, then
    the poster) asks the database once per request, and not at all for a user loaded
    ``with_membership``."""
    if not hasattr(user, "_verified_member"):
        verified = getattr(user, "verified_address", None)
        if verified is None:
            verified = EmailAddress.objects.filter(user=user, verified=True).exists()
        user._verified_member = bool(user.is_staff) or verified
    return user._verified_member


def profile(user: User) -> dict[str, Any]:
    return {
        "display_name": user.display_name,
        "public_profile": user.public_profile,
        "profile_id": public_profile_id(user) if user.public_profile else None,
        "sector": user.sector,
        "workplace_type": user.workplace_type,
        "notify_replies": user.notify_replies,
        "daily_digest": user.daily_digest,
        "interests": interest_slugs(user),
        "posting_suspended_until": user.posting_suspended_until,
        "new_account": user.is_new_account,
    }


def update_profile(user: User, changes: dict[str, Any]) -> User:
    if changes.get("display_name") is not None:
        try:
            changes = {**changes, "display_name": clean_display_name(changes["display_name"])}
        except ValidationError as exc:
            raise ValidationError({"display_name": exc.messages}) from exc
    for name in PROFILE_FIELDS:
        if name in changes and changes[name] is not None:
            setattr(user, name, changes[name])
    user.full_clean(exclude=["password", "username", "email"])
    user.save(update_fields=PROFILE_FIELDS)
    return user


# --- Favourites, interests, recently viewed ----------------------------------------------------


def favourite_keys(user: User) -> list[uuid.UUID]:
    return list(
        Favourite.objects.filter(user=user)
        .order_by("-created_at")
        .values_list("translation_key", flat=True)
    )


def set_favourite(user: User, translation_key: uuid.UUID, on: bool) -> None:
    if on:
        add_favourite(user, translation_key)
    else:
        Favourite.objects.filter(user=user, translation_key=translation_key).delete()


def favourites(user: User) -> list[Favourite]:
    """The saved items themselves (id, key, when), newest first."""
    return list(Favourite.objects.filter(user=user).order_by("-created_at", "-id"))


def add_favourite(user: User, translation_key: uuid.UUID) -> Favourite:
    """Save an item (saving it again gives the same favourite)."""
    favourite, _created = Favourite.objects.get_or_create(
        user=user, translation_key=translation_key
    )
    return favourite


def remove_favourite(user: User, favourite_id: int) -> bool:
    """Unsave by the favourite's id; False when ``user`` has no such favourite."""
    return Favourite.objects.filter(user=user, pk=favourite_id).delete()[0] > 0


def interests(user: User) -> list[Interest]:
    return list(Interest.objects.filter(user=user).order_by("id"))


def add_interest(user: User, keyword_key: uuid.UUID) -> Interest:
    """Follow one keyword (following it again gives the same interest)."""
    interest, _created = Interest.objects.get_or_create(user=user, keyword_key=keyword_key)
    return interest


def remove_interest(user: User, interest_id: int) -> bool:
    """Stop following by the interest's id; False when ``user`` has no such interest."""
    return Interest.objects.filter(user=user, pk=interest_id).delete()[0] > 0


def interest_slugs(user: User) -> list[str]:
    vocab = vocabularies()["keywords"]
    keys = [
        str(k) for k in Interest.objects.filter(user=user).values_list("keyword_key", flat=True)
    ]
    return sorted(term_label(vocab, key, "fi")["slug"] for key in keys if key in vocab["by_key"])


def set_interests(user: User, slugs: Iterable[str]) -> None:
    """Replace the interests with the keywords ``slugs``; unknown slugs → ValueError(slug)."""
    vocab = vocabularies()["keywords"]
    keys = []
    for slug in slugs:
        key = vocab["slug_key"].get(slug)
        if key is None:
            raise ValueError(slug)
        keys.append(key)
    with transaction.atomic():
        Interest.objects.filter(user=user).exclude(keyword_key__in=keys).delete()
        for key in keys:
            Interest.objects.get_or_create(user=user, keyword_key=key)


def record_recent_view(user: User, translation_key: uuid.UUID) -> None:
    RecentView.objects.update_or_create(
        user=user, translation_key=translation_key, defaults={"viewed_at": timezone.now()}
    )
    stale = (
        RecentView.objects.filter(user=user)
        .order_by("-viewed_at")
        .values_list("pk", flat=True)[RECENT_KEPT:]
    )
    if stale:
        RecentView.objects.filter(pk__in=list(stale)).delete()


def on_item_viewed(sender: object, user: User, translation_key: uuid.UUID, **kwargs: Any) -> None:
    """``guidance.signals.item_viewed``: the item goes first on the reader's recent list."""
    record_recent_view(user, translation_key)


def recent_keys(user: User, limit: int = 20) -> list[uuid.UUID]:
    return list(
        RecentView.objects.filter(user=user)
        .order_by("-viewed_at")
        .values_list("translation_key", flat=True)[:limit]
    )


def recommendations(user: User, language: str, limit: int = 10) -> list[ContentPage]:
    """Items "for you": sharing keywords with the interests (weight 3), favourites (2) and
    recently viewed items (1); already saved or just seen items are left out; ties go to the
    newest. Counsellors with no signals get the newest items."""
    interest_keys = list(Interest.objects.filter(user=user).values_list("keyword_key", flat=True))
    favourites = favourite_keys(user)
    recent = recent_keys(user, limit=20)
    seen = set(favourites) | set(recent[:5])

    def keyword_ids(translation_keys: Iterable[uuid.UUID]) -> list[int]:
        return list(
            ContentPage.keywords.through.objects.filter(
                contentpage__translation_key__in=translation_keys
            ).values_list("keyword_id", flat=True)
        )

    interest_ids = list(
        Keyword.objects.filter(translation_key__in=interest_keys).values_list("pk", flat=True)
    )
    favourite_ids = keyword_ids(favourites)
    recent_ids = keyword_ids(recent)
    queryset = visible_content(language).exclude(translation_key__in=seen)
    # (An empty id list would make Django drop the whole sum, so only non-empty terms count.)
    terms = [
        Count("keywords", filter=Q(keywords__in=ids), distinct=True) * weight
        for ids, weight in ((interest_ids, 3), (favourite_ids, 2), (recent_ids, 1))
        if ids
    ]
    if terms:
        affinity = terms[0]
        for term in terms[1:]:
            affinity = affinity + term
        queryset = queryset.annotate(affinity=affinity).order_by(
            "-affinity", "-first_published_at", "id"
        )
    else:
        queryset = queryset.order_by("-first_published_at", "id")
    return list(with_card_relations(queryset)[:limit])


# --- Export and erasure --------------------------------------------------------------------------


def export(user: User) -> dict[str, Any]:
    """Everything the service holds about ``user``, as plain JSON-able data."""
    posts = Post.objects.filter(author=user).select_related("thread").order_by("created_at")
    return {
        "account": {
            "username": user.username,
            "email": user.email,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "email_addresses": list(
                EmailAddress.objects.filter(user=user).values("email", "verified", "primary")
            ),
            # What the identity provider told us (names, its account id, the claims it sent).
            "single_sign_on": [
                {
                    "provider": account.provider,
                    "uid": account.uid,
                    "data": account.extra_data,
                    "last_login": account.last_login,
                    "date_joined": account.date_joined,
                }
                for account in SocialAccount.objects.filter(user=user)
            ],
        },
        "profile": profile(user),
        "favourites": [str(k) for k in favourite_keys(user)],
        "interests": interest_slugs(user),
        "recently_viewed": [
            {"translation_key": str(key), "viewed_at": viewed}
            for key, viewed in RecentView.objects.filter(user=user).values_list(
                "translation_key", "viewed_at"
            )
        ],
        "threads_started": list(
            Thread.objects.filter(author=user).values("id", "title", "created_at")
        ),
        "posts": [
            {
                "id": post.pk,
                "thread": post.thread_id,
                "thread_title": post.thread.title,
                "body": post.body,
                "created_at": post.created_at,
                "edited_at": post.edited_at,
                "hidden": post.hidden,
                "deleted": post.deleted,
            }
            for post in posts
        ],
        "thanks_given": list(Thanks.objects.filter(user=user).values("post_id", "created_at")),
        "reports_made": list(
            Report.objects.filter(reporter=user).values(
                "post_id", "reason", "details", "status", "created_at"
            )
        ),
        "following": list(Follow.objects.filter(user=user).values("thread_id", "created_at")),
        "suggestions": list(
            ContentSuggestion.objects.filter(user=user).values(
                "title", "url", "description", "contact_email", "status", "created_at"
            )
        ),
    }
