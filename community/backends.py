"""Authentication backends: exactly one way in for each kind of account.

Django's ``authenticate()`` asks every backend in ``AUTHENTICATION_BACKENDS``. Left as they come,
Django's ModelBackend signs in any account by username and allauth's backend any account by the
email address typed into a username field, so the admin login (and anything else built on
Django's AuthenticationForm) would sign counsellors in past allauth's email verification and
rate limits. Here each backend answers only its own path:

- staff (editors, reviewers, moderators, administrators) with username and password, at the
  admin login, behind django-axes' lockout;
- counsellors through allauth's headless login, which calls ``authenticate(email=…)``, and only
  once their address is verified (allauth's mandatory verification stays in force); never staff.
"""

from typing import Any

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth.backends import ModelBackend

from community.models import User
from community.people import with_membership


class _LoadsMembership(ModelBackend):
    """The signed-in user of each request, with whether they may take part (a verified address)
    read in the same query: every write checks it (``people.is_verified_member``)."""

    def get_user(self, user_id: Any) -> User | None:
        user = with_membership(User.objects.all()).filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None


class StaffBackend(_LoadsMembership):
    """Username and password, for staff accounts only; sessions and permissions as Django's."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        user = super().authenticate(request, username=username, password=password, **kwargs)
        return user if user is not None and user.is_staff else None


class CounsellorBackend(_LoadsMembership, AuthenticationBackend):
    """allauth's email login, and nothing else: a username field holding an email address is not
    allauth asking. It signs in counsellors only: a staff account signed in here would get an
    admin session past django-axes' lockout by username, so it is refused as a wrong password
    is (single sign-on refuses staff the same way, ``community.adapters``)."""

    def authenticate(self, request, **credentials):
        if "email" not in credentials:
            return None
        user = super().authenticate(request, **credentials)
        return user if user is not None and not user.is_staff else None
