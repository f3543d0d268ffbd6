from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidanceConfig(AppConfig):
    name = "guidance"
    verbose_name = _("Guidance content")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from guidance import signals
        from guidance.translation_review import (
            refuse_publishing_without_alt_texts,
            require_review_for_translation_updates,
        )

        signals.connect()
        require_review_for_translation_updates()
        refuse_publishing_without_alt_texts()
