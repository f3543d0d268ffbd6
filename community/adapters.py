"""django-allauth adapter: counsellors sign up as plain users (never staff)."""

from types import SimpleNamespace
from urllib.parse import urlparse

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        # Whatever a signup request says, a counsellor account has no admin access.
        user.is_staff = False
        user.is_superuser = False
        if commit:
            user.save()
        return user

    def send_mail(self, template_prefix, email, context):
        # Emails name the service and the frontend's address, not the API host.
        context["current_site"] = SimpleNamespace(
            name=settings.WAGTAIL_SITE_NAME, domain=urlparse(settings.FRONTEND_BASE_URL).netloc
        )
        return super().send_mail(template_prefix, email, context)
