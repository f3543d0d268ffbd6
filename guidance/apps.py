from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GuidanceConfig(AppConfig):
    name = "guidance"
    verbose_name = _("Guidance content")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Imported here: they need the app registry (models) to be ready.
        from guidance import quality, signals
        from guidance.forms import quality_review_form
        from guidance.models import ContentPage, QualityReviewTask
        from guidance.panels import QualityPanel
        from guidance.translation_review import (
            keep_live_translations_as_reviewed,
            refuse_publishing_without_alt_texts,
            require_review_for_translation_updates,
        )

        # What the models use but must not import (forms, panels, services import the models).
        QualityReviewTask.review_form = staticmethod(quality_review_form)
        QualityReviewTask.record_review = staticmethod(quality.record_review)
        ContentPage.add_maintenance_panel(QualityPanel(heading=_("Quality and feedback")))
        signals.connect()
        require_review_for_translation_updates()
        keep_live_translations_as_reviewed()
        refuse_publishing_without_alt_texts()
