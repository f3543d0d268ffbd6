from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Counsellor community")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here: both need the app registry (models) to be ready.
        from django.db.models.signals import post_delete, post_save

        from community import checks  # noqa: F401 - registers the single sign-on check
        from community.discussions import on_model_change
        from community.models import DiscussionArea, Post, Thanks, Thread, User
        from community.people import on_item_viewed
        from community.search_source import register_source
        from guidance.signals import item_viewed

        register_source()  # discussion threads are found by search
        item_viewed.connect(on_item_viewed, dispatch_uid="community-recent-view")
        # Whatever a thread shows, changed by any path (the API, the admin, an erasure's cascade),
        # makes the cached thread reads stale.
        for model in (Post, Thread, Thanks, DiscussionArea, User):
            for signal in (post_save, post_delete):
                signal.connect(on_model_change, sender=model, dispatch_uid=f"threads-{model}")
