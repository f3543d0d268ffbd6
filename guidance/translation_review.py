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
from django.db import transaction
from wagtail.actions.publish_revision import PublishRevisionAction

from guidance import alt_text
from guidance.locking import lock_pages
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


def keep_live_translations_as_reviewed() -> None:
    """wagtail-localize saves a translation "as a draft" by writing the translated text into the
    page's row and then saving a revision. For a translation already live the row is what
    readers get, so the unreviewed text went out at once. After such a save the row is put back
    to the published revision, in the same transaction; the draft stays the latest revision and
    goes through its review. Its paths: "Translate this page" with its subtree, which saves
    existing translations below the page again, and ``guidance.services.translate_page``.
    The translation's row is locked before wagtail-localize reads it: an approval publishing
    it meanwhile would otherwise be undone by the row written back (``guidance.locking``)."""
    from wagtail_localize.models import TranslationSource

    original = TranslationSource.create_or_update_translation
    if getattr(original, "keeps_live_rows", False):
        return

    def create_or_update_translation(
        self, locale, user=None, publish=True, copy_parent_pages=False, fallback=False
    ):
        with transaction.atomic():
            # The translation's row is read below and written back whole (``guidance.locking``).
            lock_pages(translation_key=self.object_id, locale=locale)
            target, created = original(
                self,
                locale,
                user=user,
                publish=publish,
                copy_parent_pages=copy_parent_pages,
                fallback=fallback,
            )
            if not publish and isinstance(target, ContentPage):
                restore_published_row(target.pk)
        return target, created

    create_or_update_translation.keeps_live_rows = True
    TranslationSource.create_or_update_translation = create_or_update_translation


def restore_published_row(page_id: int) -> None:
    """A live page's row back to its published revision, keeping what the row says about its
    drafts (the latest revision, unpublished changes)."""
    page = ContentPage.objects.select_for_update().get(pk=page_id)
    if not page.live or page.live_revision_id is None:
        return
    published = page.live_revision.as_object()
    published.live_revision_id = page.live_revision_id
    published.last_published_at = page.last_published_at
    published.first_published_at = page.first_published_at
    # Not a publication (``ContentPage.being_published``): what the page serves follows this
    # save, as it follows any save of a live page's row.
    published._made_with_live_revision_id = page.live_revision_id
    published.save(clean=False)
