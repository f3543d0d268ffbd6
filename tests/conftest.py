import pytest
from wagtail.models import Page, Site

from community.factories import StaffUserFactory
from guidance.factories import HomePageFactory, SectionPageFactory, TopicPageFactory


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def home(db):
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "root_page": home}
    )
    return home


@pytest.fixture
def section(home):
    return SectionPageFactory(parent=home, slug="asiakastyohon")


@pytest.fixture
def topic(section):
    return TopicPageFactory(parent=section, slug="urasuunnittelu")


@pytest.fixture
def editor(db):
    return StaffUserFactory(groups=["Editors"])


@pytest.fixture
def translate(db):
    from guidance.services import translate_page

    return translate_page
