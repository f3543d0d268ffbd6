"""Editor panels: counsellors' feedback and the quality history, next to the item."""

from wagtail.admin.panels import Panel

from guidance.models import QualityAssessment
from guidance.services import feedback_summary


class QualityPanel(Panel):
    """Read-only: "was this helpful" counts, recent comments and the assessment history."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "guidance/panels/quality_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            key = getattr(self.instance, "translation_key", None)
            context["feedback"] = feedback_summary(key) if key else None
            context["assessments"] = (
                QualityAssessment.objects.filter(translation_key=key)
                .select_related("reviewer", "criteria_set")
                .prefetch_related("results__criterion")[:10]
                if key and self.instance.pk
                else []
            )
            return context
