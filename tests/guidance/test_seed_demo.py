import io

import pytest
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Page, Revision

from cms.models import CustomDocument, CustomImage
from guidance.models import (
    ArticlePage,
    ContentPage,
    Keyword,
    MaterialPage,
    MethodPage,
    ReadItem,
    SectionPage,
    ToolPage,
    TrainingPage,
)

CONTENT_MODELS = [ArticlePage, MethodPage, ToolPage, MaterialPage, TrainingPage]


@pytest.fixture(scope="module")
def media_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("seed-media")


@pytest.fixture(autouse=True)
def _media_root(settings, media_dir):
    """The seeded images live for the whole module, so every test here shares their folder."""
    settings.MEDIA_ROOT = media_dir


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, media_dir):
    """Seed once for this module (it takes tens of seconds) and roll it all back afterwards."""
    from django.test import override_settings

    with override_settings(MEDIA_ROOT=media_dir), django_db_blocker.unblock(), transaction.atomic():
        call_command("seed_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def content_pages(language_code):
    return [
        page
        for model in CONTENT_MODELS
        for page in model.objects.filter(locale__language_code=language_code)
    ]


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": CustomImage.objects.count(),
        "documents": CustomDocument.objects.count(),
        "keywords": Keyword.objects.count(),
    }


def test_seed_demo_has_forty_items_of_every_type_in_three_sections(seeded, db):
    finnish = content_pages("fi")
    assert len(finnish) >= 40
    assert {type(p) for p in finnish} == set(CONTENT_MODELS)
    assert SectionPage.objects.filter(locale__language_code="fi").count() == 3
    assert all(page.live for page in finnish)
    assert all(p.keywords.exists() and p.summary for p in finnish)


def test_seed_demo_translates_a_third_into_swedish_and_english(seeded, db):
    finnish = content_pages("fi")
    for language in ("sv", "en"):
        translated = content_pages(language)
        assert len(translated) * 3 >= len(finnish)
        assert all(page.live for page in translated)
        assert {p.translation_key for p in translated} <= {p.translation_key for p in finnish}


def test_seed_demo_leaves_a_consistent_page_tree(seeded, db):
    # Regression: wagtail-localize's deferred publish once reset numchild on translated parents.
    assert Page.find_problems() == ([], [], [], [], [])


def test_seed_demo_images_have_alt_text_and_items_have_attachments(seeded, db):
    assert CustomImage.objects.count() >= 5
    assert all(image.description and image.credit for image in CustomImage.objects.all())
    assert CustomDocument.objects.count() >= 5
    assert sum(1 for p in content_pages("fi") if p.attachments) >= 5


def test_seed_demo_has_reviewed_overdue_and_unreviewed_items(seeded, db):
    finnish = content_pages("fi")
    assert sum(1 for p in finnish if p.review_overdue) >= 3
    assert sum(1 for p in finnish if p.next_review_due is None) >= 3
    assert sum(1 for p in finnish if p.next_review_due and not p.review_overdue) >= 20


def test_seed_demo_leaves_the_read_model_in_step_with_the_content(seeded, db):
    from guidance import read_model

    assert read_model.check() == []
    assert read_model.pending()["pending"] == 0


def test_seed_demo_twice_changes_nothing(seeded, db):
    before = snapshot()
    call_command("seed_demo", stdout=io.StringIO())
    assert snapshot() == before


def test_seed_demo_scale_adds_generated_items_with_progress(seeded, db):
    before = sum(model.objects.count() for model in CONTENT_MODELS)
    out = io.StringIO()

    call_command("seed_demo", "--scale", "500", stdout=out)

    assert sum(model.objects.count() for model in CONTENT_MODELS) - before == 500
    assert "Generated items: 500/500 (100%)" in out.getvalue()
    generated = Page.objects.filter(slug__startswith="generoitu-").specific()
    assert all(isinstance(p, ContentPage) and p.live for p in generated)
    assert Page.find_problems() == ([], [], [], [], [])
    call_command("seed_demo", "--scale", "500", stdout=io.StringIO())
    assert sum(model.objects.count() for model in CONTENT_MODELS) - before == 500
    # Generated items are inserted in bulk, without signals: the read model has them all.
    assert ReadItem.objects.filter(page__in=generated, language="sv").count() == 500


def test_seed_demo_items_have_quality_statuses_for_the_dashboard(seeded, db, client):
    from guidance.models import QualityAssessment

    assert QualityAssessment.objects.filter(result="approved").count() >= 20
    statuses = {
        item["quality_status"] for item in client.get("/api/v1/content/?limit=100").json()["items"]
    }
    assert statuses == {"approved", "review_overdue", "not_reviewed"}


def test_seed_demo_has_discussions_with_a_report_waiting_and_a_search_index(seeded, db, client):
    from community.models import Report, Thread

    assert Thread.objects.count() >= 4
    assert Thread.objects.filter(content_key__isnull=False).exists()
    assert Report.objects.filter(status="open").count() == 2
    areas = client.get("/api/v1/discussions/?area=kysy-kollegalta").json()
    assert areas["items"][0]["post_count"] == 4
    found = client.get("/api/v1/search/", {"q": "uraohjaus"}).json()
    assert found["count"] >= 3
    discussions = client.get("/api/v1/search/", {"q": "etäohjaus", "type": "discussion"}).json()
    assert discussions["items"][0]["type"] == "discussion"


def test_seed_demo_shows_every_block_type_in_every_language_it_is_translated_into(seeded, db):
    from guidance.blocks import ContentStreamBlock

    every = set(ContentStreamBlock().child_blocks)
    for language in ("fi", "sv", "en"):
        pages = ContentPage.objects.live().filter(locale__language_code=language).specific()
        shown = {block.block_type for page in pages for block in page.body}
        assert shown == every, language
    # A Swedish table and image are in Swedish, not copied Finnish.
    swedish = [
        page
        for page in ContentPage.objects.live().filter(locale__language_code="sv").specific()
        if any(block.block_type == "table" for block in page.body)
    ]
    table = next(b for b in swedish[0].body if b.block_type == "table").value
    assert table["table_caption"] == "Vägledningstjänster i olika skeden av livet"
    assert swedish[0].hero_image_alt.startswith("Illustration: ")


def test_seed_demo_review_dates_follow_the_interval_and_give_the_status_shown(seeded, db):
    from dateutil.relativedelta import relativedelta
    from django.utils import timezone

    from guidance.models import QualityAssessment

    today = timezone.localdate()
    checked = 0
    for assessment in QualityAssessment.objects.select_related("page"):
        page = ContentPage.objects.get(pk=assessment.page_id)
        expected = assessment.created_at.date() + relativedelta(months=page.review_interval_months)
        assert page.next_review_due == expected, page.title
        assert page.review_overdue == (expected < today)
        checked += 1
    assert checked > 40


def test_the_api_examples_in_the_docs_return_results_on_the_demo(seeded, db, client):
    """Every GET example in docs/api.md answers with something on the demo content (the topic
    id is the demo's “Ryhmäohjaus”, whose id depends on what else this database holds)."""
    import re
    from pathlib import Path

    from django.conf import settings

    from guidance.models import TopicPage
    from tests.caching import clear_cache

    group_guidance = TopicPage.objects.get(slug="ryhmaohjaus", locale__language_code="fi")
    docs = (Path(settings.BASE_DIR) / "docs" / "api.md").read_text()
    examples = re.findall(r"^GET (/api/v1/(?:content|search)[^\s]*)", docs, re.MULTILINE)
    assert len(examples) >= 5
    for example in examples:
        url = re.sub(r"topic=11\b", f"topic={group_guidance.pk}", example)
        clear_cache()
        response = client.get(url)
        assert response.status_code == 200, example
        body = response.json()
        found = body.get("count", len(body.get("items") or body.get("titles") or []))
        if "by-path" in url:
            found = 1 if body.get("title") else 0
        assert found, example
