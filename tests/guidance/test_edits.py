"""An edit form holds an edit, or only the rich text editor's rewriting of stored text."""

from django import forms
from wagtail.blocks.base import BlockField
from wagtail.fields import RichTextField
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from guidance.blocks import RICH_TEXT_FEATURES, ContentStreamBlock
from guidance.edits import has_edits

# As imported or generated: no Draftail block keys.
STORED_GOALS = "<p>Asiakas tunnistaa vahvuutensa.</p>"
STORED_BODY = "<p>Ohjauksen menetelmä, jota voi käyttää <b>ryhmässä</b>.</p><ul><li>Yksi</li></ul>"


class MethodForm(forms.Form):
    title = forms.CharField()
    goals = RichTextField(features=RICH_TEXT_FEATURES).formfield()
    body = BlockField(block=ContentStreamBlock())


def posted(title="Menetelmä", goals=STORED_GOALS, body=STORED_BODY):
    """The form as the editor posts it: each rich text converted to Draftail's content state
    (what the browser's editor holds), the stream block keeping its id."""
    data = nested_form_data(
        {
            "title": title,
            "goals": rich_text(goals, features=RICH_TEXT_FEATURES),
            "body": streamfield([("rich_text", rich_text(body, features=RICH_TEXT_FEATURES))]),
        }
    )
    data["body-0-id"] = "b1"
    stored_body = ContentStreamBlock().to_python(
        [{"type": "rich_text", "value": STORED_BODY, "id": "b1"}]
    )
    form = MethodForm(
        data, initial={"title": "Menetelmä", "goals": STORED_GOALS, "body": stored_body}
    )
    assert form.is_valid(), form.errors
    return form


def test_an_untouched_editor_holds_no_edit_although_its_text_came_back_rewritten():
    form = posted()
    assert set(form.changed_data) == {"goals", "body"}  # what Wagtail's view took as edits
    assert 'data-block-key="' in form.cleaned_data["goals"]
    assert not has_edits(form)


def test_an_edited_rich_text_is_an_edit():
    assert has_edits(posted(goals="<p>Asiakas tunnistaa vahvuutensa ja toiveensa.</p>"))


def test_an_edited_text_in_the_stream_is_an_edit():
    assert has_edits(posted(body=STORED_BODY.replace("Yksi", "Kaksi")))


def test_an_edited_plain_field_is_an_edit():
    assert has_edits(posted(title="Uusi nimi"))
