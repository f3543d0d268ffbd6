"""A translation is content like any other: made as a draft, published only through review.
Until then readers of that language get the Finnish original, marked as a fallback."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from community.factories import SuperuserFactory
from tests.api.conftest import swedish_alt
from tests.caching import clear_cache

pytestmark = pytest.mark.django_db


def swedish(client, page):
    clear_cache()
    return client.get(f"/api/v1/content/{page.id}/", {"locale": "sv"}).json()


def translate_this_page(client, page, capture_on_commit, *, subpages):
    """An administrator's "Translate this page" into Swedish (wagtail-localize does its work
    when the request's transaction commits)."""
    client.force_login(SuperuserFactory())
    sv = Locale.objects.get(language_code="sv")
    with capture_on_commit(execute=True):
        response = client.post(
            f"/admin/localize/submit/page/{page.pk}/",
            {"locales": [sv.pk], "include_subtree": "on" if subpages else ""},
        )
    assert response.status_code == 302


def test_translate_this_page_makes_a_draft_and_readers_keep_the_finnish_original(
    client, catalogue, django_capture_on_commit_callbacks
):
    method = catalogue["items"]["method"]
    translate_this_page(client, method, django_capture_on_commit_callbacks, subpages=False)
    translation = method.get_translation(Locale.objects.get(language_code="sv"))
    translation.refresh_from_db()
    assert not translation.live  # not published: nobody has reviewed it
    client.logout()
    body = swedish(client, method)
    assert body["title"] == method.title
    assert body["locale"] == "fi"
    assert body["locale_fallback"] is True


def test_updating_translations_from_a_changed_source_cannot_publish_them(
    client, catalogue, translate
):
    method = catalogue["items"]["method"]
    translated = translate(
        method, "sv", {"Method 2": "Metod 2", **swedish_alt(method)}
    )  # reviewed and published
    reviewed_revision = translated.live_revision_id
    method.title = "Method 2, uudistettu"
    method.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(method)
    client.force_login(SuperuserFactory())
    form = client.get(f"/admin/localize/update/{source.pk}/").content.decode()
    assert "publish_translations" not in form
    client.post(f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"})
    client.logout()
    assert swedish(client, method)["title"] == "Metod 2"  # the reviewed text stays live
    translated.refresh_from_db()
    assert translated.live_revision_id == reviewed_revision  # nothing published unreviewed


def test_a_translation_reports_its_own_review_not_its_sources(client, catalogue, translate):
    from guidance.models import QualityAssessment, QualityCriteriaSet

    method = catalogue["items"]["method"]
    QualityAssessment.objects.create(
        translation_key=method.translation_key,
        page=method,
        revision=method.live_revision,
        criteria_set=QualityCriteriaSet.current(),
        result=QualityAssessment.Result.APPROVED,
    )
    translate(method, "sv", {"Method 2": "Metod 2", **swedish_alt(method)})
    clear_cache()
    finnish = client.get(f"/api/v1/content/{method.id}/").json()
    assert finnish["quality"]["assessed_at"] is not None
    body = swedish(client, method)
    assert body["locale"] == "sv"
    assert body["quality"]["status"] == "not_reviewed"  # the Swedish text has not been reviewed
    assert body["quality"]["assessed_at"] is None
    listing = client.get("/api/v1/content/", {"locale": "sv", "type": "method"}).json()
    assert listing["items"][0]["quality_status"] == "not_reviewed"


def live_translation_with_an_edited_string(client, catalogue, translate):
    """A method whose reviewed Swedish translation ("Metod 2") is live, and whose title a
    translator has since edited in wagtail-localize (a string, not yet in any revision)."""
    method = catalogue["items"]["method"]
    translated = translate(method, "sv", {"Method 2": "Metod 2", **swedish_alt(method)})
    assert swedish(client, method)["title"] == "Metod 2"
    edited = StringTranslation.objects.get(data="Metod 2", locale__language_code="sv")
    edited.data = "Metod 2 (ogranskad)"
    edited.save()
    return method, translated


def test_a_draft_of_a_live_translation_is_not_served_until_it_is_reviewed(
    client, catalogue, translate
):
    """wagtail-localize saves a translation "as a draft" by writing the translated text into the
    page's row, which for a live translation is what readers get. Here a translator's edited
    string is saved as a draft (as "Translate this page" with its subtree does): readers keep the
    reviewed text, and the draft waits, as the latest revision, for its review."""
    method, translated = live_translation_with_an_edited_string(client, catalogue, translate)
    source = TranslationSource.objects.get_for_instance(method)
    Translation.objects.get(source=source, target_locale__language_code="sv").save_target(
        user=SuperuserFactory(), publish=False
    )
    assert swedish(client, method)["title"] == "Metod 2"
    translated.refresh_from_db()
    assert translated.live
    assert translated.title == "Metod 2"
    assert translated.has_unpublished_changes
    assert translated.get_latest_revision().content["title"] == "Metod 2 (ogranskad)"
    # Its review publishes it.
    translated.get_latest_revision().publish()
    assert swedish(client, method)["title"] == "Metod 2 (ogranskad)"


def test_translating_a_section_with_its_subpages_keeps_a_live_translation_as_reviewed(
    client, catalogue, translate, django_capture_on_commit_callbacks
):
    """The path a user takes: "Translate this page" on a topic, with its subpages, saves the
    Swedish translations below it again, a live one included, as drafts. The reviewed text
    stays what readers get."""
    method, translated = live_translation_with_an_edited_string(client, catalogue, translate)
    translate_this_page(
        client, catalogue["topic"], django_capture_on_commit_callbacks, subpages=True
    )
    client.logout()
    assert swedish(client, method)["title"] == "Metod 2"
    translated.refresh_from_db()
    assert translated.get_latest_revision().content["title"] == "Metod 2 (ogranskad)"
