"""A translation is content like any other: made as a draft, published only through review.
Until then readers of that language get the Finnish original, marked as a fallback."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from community.factories import SuperuserFactory
from tests.api.conftest import swedish_alt
from tests.caching import clear_cache

pytestmark = pytest.mark.django_db


def swedish(client, page):
    clear_cache()
    return client.get(f"/api/v1/content/{page.id}/", {"locale": "sv"}).json()


def test_translate_this_page_makes_a_draft_and_readers_keep_the_finnish_original(
    client, catalogue, django_capture_on_commit_callbacks
):
    method = catalogue["items"]["method"]
    admin = SuperuserFactory()
    client.force_login(admin)
    sv = Locale.objects.get(language_code="sv")
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes there
        response = client.post(
            f"/admin/localize/submit/page/{method.pk}/",
            {"locales": [sv.pk], "include_subtree": ""},
        )
    assert response.status_code == 302
    translation = method.get_translation(sv)
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
