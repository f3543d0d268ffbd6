"""The reviewer's form: one outcome and justification per criterion of the current set."""

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from guidance.models import CriterionResult, QualityCriteriaSet, QualityCriterion


def criteria_for_form(language: str | None = None) -> list[QualityCriterion]:
    """The current criteria in the reviewer's admin language (the active one), each criterion
    in Finnish where it has no translation yet."""
    current = QualityCriteriaSet.current()
    if current is None:
        return []
    language = (language or translation.get_language() or settings.LANGUAGE_CODE)[:2]
    rows = QualityCriterion.objects.filter(
        criteria_set=current, locale__language_code__in={language, settings.LANGUAGE_CODE}
    ).select_related("locale")
    chosen = {}
    for criterion in rows:
        if criterion.code not in chosen or criterion.locale.language_code == language:
            chosen[criterion.code] = criterion
    return sorted(chosen.values(), key=lambda c: (c.sort_order, c.code))


class QualityReviewForm(forms.Form):
    action = "approve"
    content_type = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria_for_form()
        # The modal's fieldset names each criterion once (legend, description and guidance);
        # the fields inside it say only what they are.
        for criterion in self.criteria:
            outcome = forms.ChoiceField(
                label=_("Outcome"),
                choices=CriterionResult.Outcome.choices,
                widget=forms.RadioSelect,
                required=False,
            )
            outcome.criterion = criterion
            self.fields[f"outcome_{criterion.code}"] = outcome
            justification = forms.CharField(
                label=_("Justification"),
                widget=forms.Textarea(attrs={"rows": 2}),
                required=False,
                max_length=2000,
            )
            justification.criterion = criterion
            self.fields[f"justification_{criterion.code}"] = justification

    def applicable(self):
        api_type = self.cleaned_data.get("content_type") or ""
        return [c for c in self.criteria if c.applies_to_type(api_type)]

    def clean(self):
        cleaned = super().clean()
        missing_mandatory = []
        for criterion in self.applicable():
            outcome = cleaned.get(f"outcome_{criterion.code}")
            justification = (cleaned.get(f"justification_{criterion.code}") or "").strip()
            if not outcome:
                self.add_error(f"outcome_{criterion.code}", _("Choose an outcome."))
            if not justification:
                self.add_error(f"justification_{criterion.code}", _("Write a justification."))
            if (
                self.action == "approve"
                and criterion.mandatory
                and outcome != CriterionResult.Outcome.MEETS
            ):
                missing_mandatory.append(criterion.title)
        if missing_mandatory:
            raise forms.ValidationError(
                _("Approval is not possible while mandatory criteria are not met: %(titles)s.")
                % {"titles": ", ".join(missing_mandatory)}
            )
        return cleaned


def quality_review_form(action):
    return type("QualityReviewActionForm", (QualityReviewForm,), {"action": action})
