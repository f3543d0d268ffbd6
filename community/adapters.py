"""django-allauth adapters: counsellors sign up as plain users (never staff); single sign-on
signs in only provider-verified addresses and never opens a staff account."""

import secrets
from types import SimpleNamespace
from urllib.parse import urlparse

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError

from cms.clients import client_address


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        # Whatever a signup request says, a counsellor account has no admin access.
        user.is_staff = False
        user.is_superuser = False
        if commit:
            user.save()
        return user

    def send_account_already_exists_mail(self, email):
        # A signup for a new address hashes its password; one for a taken address would answer
        # a hash sooner, telling a stopwatch which addresses have accounts. Do the same work.
        make_password(secrets.token_urlsafe(16))
        super().send_account_already_exists_mail(email)

    def get_client_ip(self, request):
        # allauth's rate limits key on the same address as every other limit (cms.clients).
        return client_address(request)

    def send_mail(self, template_prefix, email, context):
        # Emails name the service and the frontend's address, not the API host.
        context["current_site"] = SimpleNamespace(
            name=settings.WAGTAIL_SITE_NAME, domain=urlparse(settings.FRONTEND_BASE_URL).netloc
        )
        return super().send_mail(template_prefix, email, context)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def pre_social_login(self, request, sociallogin):
        """Refuse before anything is created or signed in. In the headless flow a refusal's code
        reaches the frontend as ``?error=<code>`` on its callback URL."""
        if not any(address.verified for address in sociallogin.email_addresses):
            # The provider vouches for nobody's mailbox: signing in would let anyone claim any
            # address (and, through it, an existing account).
            raise ValidationError(
                "The identity provider has not verified this email address.",
                code="email_not_verified",
            )
        if sociallogin.user is not None and sociallogin.user.pk and sociallogin.user.is_staff:
            raise ValidationError(
                "Staff accounts sign in to the admin with their password.", code="staff_account"
            )
        super().pre_social_login(request, sociallogin)

    def save_user(self, request, sociallogin, form=None):
        user = sociallogin.user
        user.is_staff = user.is_superuser = False  # whatever the provider sends
        return super().save_user(request, sociallogin, form)
