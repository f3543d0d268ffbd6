import pytest
from django.core.exceptions import ValidationError
from wagtail.images.forms import get_image_form
from wagtail.models import Locale

from cms.factories import ImageFactory
from cms.models import CustomImage
from guidance.blocks import ImageBlock
from guidance.factories import CONTENT_FACTORIES, KeywordFactory, ThemeFactory
from guidance.models import ContentPage, Keyword


@pytest.mark.django_db
@pytest.mark.parametrize("kind", sorted(CONTENT_FACTORIES))
def test_content_type_can_be_created_translated_and_published(kind, topic, translate):
    page = CONTENT_FACTORIES[kind](parent=topic, title="Elämänjana", slug="elamanjana", live=False)
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.live
    assert page.first_published_at is not None

    swedish = translate(page, "sv", {"Elämänjana": "Livslinjen", "elamanjana": "livslinjen"})

    assert swedish.live
    assert swedish.title == "Livslinjen"
    assert swedish.slug == "livslinjen"
    assert swedish.locale.language_code == "sv"
    assert swedish.translation_key == page.translation_key
    assert isinstance(swedish, ContentPage)
    assert swedish.api_type == kind


@pytest.mark.django_db
def test_untranslated_strings_keep_the_finnish_text(topic, translate):
    page = CONTENT_FACTORIES["article"](parent=topic, title="Ohjaus", summary="Suomeksi")
    english = translate(page, "en", {"Ohjaus": "Guidance"})
    assert english.title == "Guidance"
    assert english.summary == "Suomeksi"


@pytest.mark.django_db
def test_image_cannot_be_saved_without_alt_text():
    form_class = get_image_form(CustomImage)
    image = ImageFactory.build()
    form = form_class(
        data={"title": "Kuva", "description": "", "collection": image.collection.pk},
        files={"file": image.file},
    )
    assert not form.is_valid()
    assert "description" in form.errors


@pytest.mark.django_db
def test_image_model_rejects_empty_alt_text():
    image = ImageFactory(description="")
    with pytest.raises(ValidationError) as error:
        image.full_clean()
    assert "description" in error.value.message_dict


@pytest.mark.django_db
def test_image_block_requires_alt_text():
    image = ImageFactory()
    block = ImageBlock()
    with pytest.raises(ValidationError):
        block.clean(
            block.to_python({"image": image.pk, "alt_text": "", "caption": "", "credit": ""})
        )
    cleaned = block.clean(
        block.to_python(
            {"image": image.pk, "alt_text": "Kaksi ohjaajaa", "caption": "", "credit": ""}
        )
    )
    assert cleaned["alt_text"] == "Kaksi ohjaajaa"


@pytest.mark.django_db
def test_taxonomies_attach_and_follow_the_page_into_translations(topic, translate):
    keyword = KeywordFactory(name="uraohjaus", slug="uraohjaus")
    theme = ThemeFactory(name="Urasuunnittelu", slug="urasuunnittelu")
    keyword_sv = keyword.copy_for_translation(Locale.objects.get(language_code="sv"))
    keyword_sv.name = "karriärvägledning"
    keyword_sv.save()
    page = CONTENT_FACTORIES["method"](parent=topic)
    page.keywords.set([keyword])
    page.themes.set([theme])
    page.save_revision().publish()

    page.refresh_from_db()
    assert list(page.keywords.all()) == [keyword]
    assert list(page.themes.all()) == [theme]

    swedish = translate(page, "sv", {})
    # The translation keeps the canonical term; its Swedish label is found by translation_key.
    assert [k.translation_key for k in swedish.keywords.all()] == [keyword.translation_key]
    assert (
        Keyword.objects.get(
            translation_key=keyword.translation_key, locale__language_code="sv"
        ).name
        == "karriärvägledning"
    )


@pytest.mark.django_db
def test_page_form_offers_only_finnish_canonical_terms(topic):
    keyword = KeywordFactory(name="uraohjaus", slug="uraohjaus")
    keyword.copy_for_translation(Locale.objects.get(language_code="en")).save()
    page_class = CONTENT_FACTORIES["article"]._meta.model
    form_class = page_class.get_edit_handler().get_form_class()
    form = form_class(instance=page_class(), for_user=None, parent_page=topic)
    assert list(form.fields["keywords"].queryset) == [keyword]


@pytest.mark.django_db
def test_training_end_date_cannot_precede_start(topic):
    import datetime

    page = CONTENT_FACTORIES["training"].build(
        starts_on=datetime.date(2027, 2, 1), ends_on=datetime.date(2027, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "ends_on" in error.value.message_dict
