"""Every image has alt text in the language of the page that shows it, served per language, and
no page is published without it (drafts may be saved, with a warning)."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from cms.factories import ImageFactory
from community.factories import StaffUserFactory, SuperuserFactory
from guidance.factories import MethodPageFactory
from tests.caching import clear_cache

pytestmark = pytest.mark.django_db

GQL = """query($id: Int!, $locale: String) {
  contentItem(id: $id, locale: $locale) {
    locale localeFallback image { alt altLanguage credit }
    body
  }
}"""


@pytest.fixture
def illustrated(topic):
    image = ImageFactory(description="Kuvitus: kompassi", credit="Kuva: Toimitus")
    page = MethodPageFactory(
        parent=topic,
        title="Kompassi",
        slug="kompassi",
        hero_image=image,
        body=[
            ("rich_text", "<p>Ohjauksen suunta.</p>"),
            (
                "image",
                {"image": image, "alt_text": "Kompassin neula", "caption": "", "credit": ""},
            ),
        ],
    )
    page.save_revision().publish()
    return page


SWEDISH = {
    "Kompassi": "Kompass",
    "Kuvitus: kompassi": "Illustration: en kompass",
    "Kompassin neula": "Kompassens nål",
    "kompassi": "kompass",
}


def item(client, page, locale):
    clear_cache()
    response = client.get(f"/api/v1/content/{page.pk}/", {"locale": locale})
    assert response.status_code == 200
    return response.json()


def test_each_language_reads_its_own_alt_text_in_rest_and_graphql(client, illustrated, translate):
    translate(illustrated, "sv", SWEDISH)
    finnish, swedish = item(client, illustrated, "fi"), item(client, illustrated, "sv")
    assert finnish["image"]["alt"] == "Kuvitus: kompassi"
    assert finnish["image"]["alt_language"] == "fi"
    assert swedish["locale_fallback"] is False
    assert swedish["image"]["alt"] == "Illustration: en kompass"
    assert swedish["image"]["alt_language"] == "sv"
    assert swedish["image"]["credit"] == "Kuva: Toimitus"  # the library's, language-neutral
    block = next(b for b in swedish["body"] if b["type"] == "image")
    assert block["value"]["image"]["alt"] == "Kompassens nål"
    assert block["value"]["image"]["alt_language"] == "sv"

    graphql = client.post(
        "/graphql/",
        {"query": GQL, "variables": {"id": illustrated.pk, "locale": "sv"}},
        content_type="application/json",
    ).json()["data"]["contentItem"]
    assert graphql["image"] == {
        "alt": "Illustration: en kompass",
        "altLanguage": "sv",
        "credit": "Kuva: Toimitus",
    }


def test_a_page_without_its_own_alt_text_falls_back_to_the_finnish_library_text_and_says_so(
    client, topic
):
    image = ImageFactory(description="Kuvitus: polku")
    page = MethodPageFactory(parent=topic, slug="polku", hero_image=image, hero_image_alt="")
    page.save_revision().publish()
    data = item(client, page, "fi")["image"]
    assert (data["alt"], data["alt_language"]) == ("Kuvitus: polku", "fi")


def test_a_translation_whose_alt_texts_are_untranslated_is_saved_but_not_published(
    client, illustrated, translate
):
    untranslated = {"Kompassi": "Kompass", "kompassi": "kompass"}  # the alt texts are missing
    draft = translate(illustrated, "sv", untranslated, publish=False)
    assert draft.get_latest_revision() is not None  # the draft is there
    with pytest.raises(ValidationError) as refused:
        draft.get_latest_revision().publish(skip_permission_checks=True)
    message = " ".join(refused.value.messages)
    # the main image and the image in the body are both named
    assert message.count(illustrated.hero_image.title) == 2
    draft.refresh_from_db()
    assert not draft.live
    assert item(client, illustrated, "sv")["locale_fallback"] is True  # readers keep Finnish


def test_translating_the_alt_texts_later_lets_the_translation_be_published(illustrated, translate):
    translate(illustrated, "sv", {"Kompassi": "Kompass"}, publish=False)
    published = translate(illustrated, "sv", SWEDISH, publish=True)
    assert published.live


def test_review_approval_is_refused_while_an_alt_text_is_missing(client, illustrated, translate):
    draft = translate(illustrated, "sv", {"Kompassi": "Kompass"}, publish=False)
    author = StaffUserFactory(groups=["Editors"])
    draft.save_revision(user=author)
    task_state = draft.get_workflow().start(draft, user=author).current_task_state
    client.force_login(StaffUserFactory(groups=["Editors", "Reviews in Swedish"]))
    response = client.post(
        f"/admin/pages/workflow/action/{draft.pk}/approve/{task_state.pk}/",
        {},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    shown = client.get(response.json()["redirect"])
    messages = [str(m).strip() for m in shown.context["messages"]]
    assert len(messages) == 1  # one message: the refusal, naming both images
    assert messages[0].count(illustrated.hero_image.title) == 2
    task_state.refresh_from_db()
    assert task_state.status == "in_progress"


def edit_form(page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "hero_image": page.hero_image_id or "",
        "hero_image_alt": page.hero_image_alt,
        "hero_image_credit": "",
        "review_interval_months": 12,
        "body-count": 0,
        "attachments-count": 0,
        "external_links-count": 0,
        "steps-count": 0,
        "comments-TOTAL_FORMS": 0,
        "comments-INITIAL_FORMS": 0,
        "comments-MIN_NUM_FORMS": 0,
        "comments-MAX_NUM_FORMS": 1000,
    }
    data.update(changes)
    return data


def test_the_editor_cannot_publish_a_swedish_page_without_swedish_alt_text_but_can_save_it(
    client, topic, translate
):
    image = ImageFactory(description="Kuvitus: kartta")
    source = MethodPageFactory(parent=topic, title="Kartta", slug="kartta")
    source.save_revision().publish()
    translate(topic, "sv", {})  # the Swedish parent
    # A Swedish version written in the page editor (not synchronised by wagtail-localize).
    swedish = source.copy_for_translation(Locale.objects.get(language_code="sv"))
    swedish.title = "Karta"
    swedish.save_revision().publish()
    client.force_login(SuperuserFactory())
    url = f"/admin/pages/{swedish.pk}/edit/"

    published = client.post(
        url, edit_form(swedish, hero_image=image.pk, **{"action-publish": "publish"})
    )
    assert published.status_code == 200  # the form again, with the reason
    errors = " ".join(published.context["form"].non_field_errors())
    assert image.title in errors  # the refusal names the image
    swedish.refresh_from_db()
    assert swedish.hero_image_id is None  # nothing was published

    saved = client.post(url, edit_form(swedish, hero_image=image.pk), follow=True)
    assert saved.status_code == 200
    warnings = [str(m) for m in saved.context["messages"] if m.level_tag == "warning"]
    assert len(warnings) == 1
    assert image.title in warnings[0]
    swedish.refresh_from_db()
    assert swedish.get_latest_revision_as_object().hero_image_id == image.pk

    ok = client.post(
        url,
        edit_form(
            swedish,
            hero_image=image.pk,
            hero_image_alt="Illustration: en karta",
            **{"action-publish": "publish"},
        ),
    )
    assert ok.status_code == 302
    swedish.refresh_from_db()
    assert swedish.live
    assert swedish.hero_image_alt == "Illustration: en karta"


def test_a_finnish_page_saved_in_the_admin_takes_the_library_alt_text_for_translators(
    client, topic
):
    image = ImageFactory(description="Kuvitus: silta")
    page = MethodPageFactory(parent=topic, title="Silta", slug="silta")
    client.force_login(SuperuserFactory())
    client.post(
        f"/admin/pages/{page.pk}/edit/",
        edit_form(page, hero_image=image.pk, hero_image_alt="", **{"action-publish": "publish"}),
    )
    page.refresh_from_db()
    assert page.hero_image_alt == "Kuvitus: silta"


def test_table_cells_and_caption_are_translated(client, topic, translate):
    table = {
        "data": [["Vaihe", "Kesto"], ["Aloitus", "10 min"]],
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "table_caption": "Ohjelma",
    }
    page = MethodPageFactory(parent=topic, title="Ohjelma", slug="ohjelma", body=[("table", table)])
    page.save_revision().publish()
    translate(
        page,
        "sv",
        {"Ohjelma": "Program", "Vaihe": "Skede", "Kesto": "Längd", "Aloitus": "Start"},
    )
    body = item(client, page, "sv")["body"]
    value = next(b for b in body if b["type"] == "table")["value"]
    assert value["caption"] == "Program"
    assert value["rows"] == [["Skede", "Längd"], ["Start", "10 min"]]
