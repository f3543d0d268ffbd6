from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Counsellor community")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here: both need the app registry (models) to be ready.
        from community import checks  # noqa: F401 - registers the single sign-on check
        from community.people import on_item_viewed
        from community.search_source import register_source
        from guidance.signals import item_viewed

        register_source()  # discussion threads are found by search
        item_viewed.connect(on_item_viewed, dispatch_uid="community-recent-view")
