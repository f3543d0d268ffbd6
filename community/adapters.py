"""django-allauth adapter: counsellors sign up as plain users (never staff)."""

from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        # Whatever a signup request says, a counsellor account has no admin access.
        user.is_staff = False
        user.is_superuser = False
        if commit:
            user.save()
        return user
