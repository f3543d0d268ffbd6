from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Counsellor community")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from community import checks  # noqa: F401 - registers the single sign-on check
