"""Accounts: one user model for staff (editors, reviewers, moderators) and counsellors, and what
a counsellor keeps for themself (favourites, interests, recently viewed)."""

import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

SECTOR_CHOICES = [
    ("basic_education", _("basic education")),
    ("upper_secondary", _("upper secondary education")),
    ("vocational", _("vocational education")),
    ("higher_education", _("higher education")),
    ("other_education", _("other educational institution")),
    ("employment_services", _("employment services")),
    ("youth_work", _("youth work")),
    ("social_and_health", _("social and health services")),
    ("third_sector", _("third sector")),
    ("private", _("private sector")),
    ("other", _("other")),
]
WORKPLACE_CHOICES = [
    ("school", _("school or college")),
    ("university", _("university")),
    ("public_service", _("public service")),
    ("organisation", _("organisation or association")),
    ("company", _("company")),
    ("self_employed", _("self-employed")),
    ("other", _("other")),
]


def pseudonym():
    return f"Ohjaaja {secrets.randbelow(9000) + 1000}"


class User(AbstractUser):
    # Not a field: whether the email is verified, remembered for one request (people.py).
    _verified_member: bool

    # Shown next to posts only when the person chooses a public profile.
    display_name = models.CharField(_("display name"), max_length=80, blank=True)
    email = models.EmailField(_("email address"), blank=True)
    public_profile = models.BooleanField(
        _("public profile"),
        default=False,
        help_text=_(
            "Show the display name with posts; otherwise a different pseudonym per thread."
        ),
    )
    sector = models.CharField(_("sector"), max_length=32, choices=SECTOR_CHOICES, blank=True)
    workplace_type = models.CharField(
        _("workplace type"), max_length=32, choices=WORKPLACE_CHOICES, blank=True
    )
    notify_replies = models.BooleanField(_("email me replies in threads I follow"), default=True)
    daily_digest = models.BooleanField(_("daily digest of followed threads"), default=False)
    posting_suspended_until = models.DateTimeField(
        _("posting suspended until"), null=True, blank=True
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.display_name or self.get_full_name() or self.username

    def save(self, *args, **kwargs):
        if not self.display_name and not self.is_staff:
            self.display_name = pseudonym()
        super().save(*args, **kwargs)

    @property
    def is_counsellor(self):
        return not self.is_staff and not self.is_superuser

    @property
    def is_new_account(self):
        age = timezone.now() - self.date_joined
        return age.total_seconds() < settings.COMMUNITY_NEW_ACCOUNT_HOURS * 3600

    @property
    def posting_suspended(self):
        return bool(self.posting_suspended_until and self.posting_suspended_until > timezone.now())


class Favourite(models.Model):
    """A saved content item, by translation key (survives translation and republishing)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    translation_key = models.UUIDField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "translation_key"], name="favourite_unique")
        ]


class Interest(models.Model):
    """A keyword the counsellor follows, by the keyword's translation key."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    keyword_key = models.UUIDField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "keyword_key"], name="interest_unique")
        ]


class RecentView(models.Model):
    """The content a signed-in counsellor opened lately (the last 50 are kept)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    translation_key = models.UUIDField()
    viewed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "translation_key"], name="recent_view_unique")
        ]
        indexes = [models.Index(fields=["user", "-viewed_at"], name="recent_view_user")]
