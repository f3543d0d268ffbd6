"""Whether a page's edit form holds an edit, or only what the rich text editor rewrote.

Draftail gives every paragraph a block key (``<p data-block-key="…">``) and writes the text back
in its own form. Text that never went through it (imported, generated, written by a script)
therefore comes back from an untouched editor different from what is stored, and Wagtail's edit
view took that for an edit: approving a review step from the editor saved a revision in the
approver's name, who then counted as an author of the round (``revision_authors``) and could
not approve the next step. Here the stored text goes through the same editor's conversion, and
the block keys are left out, before the two are compared.
"""

import re
from typing import Any

from django import forms
from wagtail import blocks
from wagtail.blocks.base import BlockField

_BLOCK_KEY = re.compile(r'\sdata-block-key="[^"]*"')


def has_edits(form: forms.BaseForm) -> bool:
    """``form.has_changed()``, except that a rich text field or a stream whose only difference
    is the editor's rewriting of its text is unchanged."""
    formsets = getattr(form, "formsets", {})
    if any(formset.has_changed() for formset in formsets.values()):
        return True
    for name in form.changed_data:
        field = form.fields[name]
        initial = form.get_initial_for_field(field, name)
        posted = form.cleaned_data.get(name)
        if isinstance(field, BlockField):
            block = field.block
            initial, posted = block.get_prep_value(initial), block.get_prep_value(posted)
            if _comparable(block, initial) != _comparable(block, posted):
                return True
        elif _converter(field.widget) is not None:
            if _as_edited(field.widget, initial) != _as_edited(field.widget, posted):
                return True
        else:
            return True
    return False


def _converter(widget: Any) -> Any:
    return getattr(widget, "converter", None)  # Draftail's: database HTML ↔ its content state


def _as_edited(widget: Any, html: Any) -> str:
    """``html`` as the editor would save it untouched, without its block keys."""
    converter = _converter(widget)
    text = str(getattr(html, "source", html) or "")
    if converter is None:
        return text
    return _BLOCK_KEY.sub("", converter.to_database_format(converter.from_database_format(text)))


def _comparable(block: blocks.Block, value: Any) -> Any:
    """A stream's stored form (``get_prep_value``) with each rich text as the editor saves it."""
    if isinstance(block, blocks.RichTextBlock):
        return _as_edited(block.field.widget, value)
    if isinstance(block, blocks.StreamBlock) and isinstance(value, list):
        return [
            (
                child.get("type"),
                child.get("id"),
                _comparable(block.child_blocks[child["type"]], child.get("value"))
                if child.get("type") in block.child_blocks
                else child.get("value"),
            )
            for child in value
        ]
    if isinstance(block, blocks.ListBlock) and isinstance(value, list):
        return [
            (item.get("id"), _comparable(block.child_block, item.get("value")))
            if isinstance(item, dict) and item.get("type") == "item"
            else _comparable(block.child_block, item)
            for item in value
        ]
    if isinstance(block, blocks.StructBlock) and isinstance(value, dict):
        children = block.child_blocks
        return {
            name: _comparable(children[name], item) if name in children else item
            for name, item in value.items()
        }
    return value
