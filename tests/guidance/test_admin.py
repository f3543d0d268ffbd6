import pytest
from django.utils import translation

from guidance.models import ContentPage

pytestmark = pytest.mark.django_db

CONTENT_MODELS = ["articlepage", "methodpage", "toolpage", "materialpage", "trainingpage"]


def test_editor_help_texts_are_in_finnish():
    with translation.override("fi"):
        assert str(ContentPage._meta.get_field("summary").help_text).startswith(
            "Yksi tai kaksi selkeää virkettä"
        )
        assert str(ContentPage._meta.get_field("summary").verbose_name) == "tiivistelmä"


@pytest.mark.parametrize("model", CONTENT_MODELS)
def test_editor_can_open_the_create_form_of_every_content_type(client, editor, topic, model):
    client.force_login(editor)
    response = client.get(f"/admin/pages/add/guidance/{model}/{topic.pk}/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Tiivistelmä" in content
    assert "Luokittelu" in content  # the classification tab


def test_content_base_type_cannot_be_created_on_its_own(client, editor, topic):
    client.force_login(editor)
    response = client.get(f"/admin/pages/add/guidance/contentpage/{topic.pk}/")
    # Wagtail refuses with a redirect to the dashboard and a permission message.
    assert response.status_code in (302, 403, 404)
    assert "guidance/contentpage" not in response.get("Location", "")


def test_editor_can_open_the_edit_form_of_a_seeded_style_page(client, editor, topic):
    from guidance.factories import MethodPageFactory

    page = MethodPageFactory(parent=topic)
    client.force_login(editor)
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
