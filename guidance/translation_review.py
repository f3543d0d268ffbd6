"""Translations are reviewed before they are published, whichever wagtail-localize path made them;
no page is published with an image that lacks alt text in its language.

"Translate this page" saves a draft (``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False``).
"Update translations" (after the source changed) offers "Publish immediately", which publishes
every translation without a review and without checking the user's publish permission. This
module takes that choice away: updated translations are saved as drafts and go through the
Quality review workflow of their own locale like any other change. wagtail-localize has no
setting for it, so its form class is replaced once at start-up (the view looks the class up by
name at request time).
"""

from django.core.exceptions import ValidationError
from wagtail.actions.publish_revision import PublishRevisionAction

from guidance import alt_text
from guidance.models import ContentPage


def require_review_for_translation_updates() -> None:
    # Deferred: wagtail-localize's views module imports its admin views and forms, which need
    # the app registry; this runs from GuidanceConfig.ready().
    from wagtail_localize.views import update_translations

    original = update_translations.UpdateTranslationsForm
    if getattr(original, "reviewed_only", False):
        return

    class ReviewedUpdateTranslationsForm(original):
        reviewed_only = True

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.fields.pop("publish_translations", None)

        def clean(self):
            cleaned = super().clean()
            cleaned["publish_translations"] = False  # a forged POST cannot ask for it either
            return cleaned

    update_translations.UpdateTranslationsForm = ReviewedUpdateTranslationsForm


def refuse_publishing_without_alt_texts() -> None:
    """The last line of the alt-text rule (``guidance.alt_text``): whatever path publishes a
    content page (wagtail-localize's translation editor, scheduled publishing, a script),
    Wagtail's publish action refuses it. The page form and the review steps refuse earlier,
    with a message where the editor is."""

    # ``execute`` (pages' PublishPageRevisionAction inherits it; it overrides ``check``).
    original = PublishRevisionAction.execute
    if getattr(original, "checks_alt_texts", False):
        return

    def execute(self, skip_permission_checks=False):
        if isinstance(self.object, ContentPage) and (
            missing := alt_text.missing_alt_texts(self.object)
        ):
            raise ValidationError(alt_text.refusal(self.object, missing))
        return original(self, skip_permission_checks=skip_permission_checks)

    execute.checks_alt_texts = True
    PublishRevisionAction.execute = execute
