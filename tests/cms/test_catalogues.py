"""Every string the project shows is in Finnish and Swedish: the catalogues have no untranslated
or fuzzy entries (a fuzzy guess is ignored by gettext, so the reader would get English)."""

from pathlib import Path

import polib
import pytest
from django.conf import settings


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_catalogue_is_complete(language):
    po = polib.pofile(
        str(Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po")
    )
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    assert len(po.translated_entries()) > 300


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_compiled_catalogue_is_up_to_date(language):
    folder = Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES"
    compiled = polib.mofile(str(folder / "django.mo"))
    source = polib.pofile(str(folder / "django.po"))
    assert {e.msgid: e.msgstr for e in compiled if e.msgid} == {
        e.msgid: e.msgstr for e in source.translated_entries() if not e.msgid_plural
    } | {e.msgid: e.msgstr for e in compiled if e.msgid_plural}
