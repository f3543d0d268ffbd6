"""Translations are reviewed before they are published, whichever wagtail-localize path made them.

"Translate this page" saves a draft (``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False``).
"Update translations" (after the source changed) offers "Publish immediately", which publishes
every translation without a review and without checking the user's publish permission. This
module takes that choice away: updated translations are saved as drafts and go through the
Quality review workflow of their own locale like any other change. wagtail-localize has no
setting for it, so its form class is replaced once at start-up (the view looks the class up by
name at request time).
"""


def require_review_for_translation_updates() -> None:
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
