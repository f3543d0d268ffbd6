"""Accounts: one user model for staff (editors, reviewers, moderators) and counsellors."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    # Shown next to posts; pseudonymous by default so that posts do not reveal a person.
    display_name = models.CharField(_("display name"), max_length=80, blank=True)
    email = models.EmailField(_("email address"), blank=True)

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.display_name or self.get_full_name() or self.username
