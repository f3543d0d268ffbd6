"""A live server with the demo content, for calls made as the JOD frontend makes them.

The demo is seeded once for the module and committed (a server thread reads it through its own
connection); afterwards the tables are emptied and the migrations' data restored, as a
transactional test would leave them."""

import io
from urllib.parse import urlencode

import pytest
import requests
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connections
from django.test import override_settings
from django.test.testcases import LiveServerThread, _StaticFilesHandler

from guidance.models import ContentPage, TopicPage

SITE = 20117
BASE = "/ohjaaja/cms/o"
LANGUAGES = {"fi": "fi-FI", "sv": "sv-SE", "en": "en-US"}


class Frontend:
    """Calls as src/services/cms-api.ts makes them: GET, `Accept: application/json`, the
    language only in Accept-Language, the query string as URLSearchParams encodes it."""

    def __init__(self, url: str):
        self.url = url

    def get(self, path, params=None, lang="fi"):
        query = f"?{urlencode(params)}" if params is not None else ""
        return requests.get(
            f"{self.url}{BASE}{path}{query}",
            headers={"Accept": "application/json", "Accept-Language": LANGUAGES[lang]},
            timeout=60,
        )

    def ok(self, path, params=None, lang="fi"):
        response = self.get(path, params, lang)
        assert response.status_code == 200, response.text
        return response.json()

    def contents(self, params, lang="fi"):
        return self.ok(f"/headless-delivery/v1.0/sites/{SITE}/structured-contents", params, lang)


@pytest.fixture(scope="module")
def media_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("jod-media")


@pytest.fixture(autouse=True)
def _media_root(settings, media_dir):
    """The seeded images live for the whole module (the root conftest's is per test)."""
    settings.MEDIA_ROOT = media_dir


@pytest.fixture(scope="module")
def frontend(django_db_setup, django_db_blocker, media_dir):
    media = media_dir
    with override_settings(MEDIA_ROOT=media), django_db_blocker.unblock():
        call_command("seed_demo", stdout=io.StringIO())
        # One topic kept out of "newest and popular": the frontend's carousels exclude it.
        hidden = TopicPage.objects.filter(locale__language_code="fi").order_by("path").last()
        hidden.exclude_from_listings = True
        hidden.save_revision().publish()
        # And a further-reading link on one item (the demo content has none).
        linked = ContentPage.objects.filter(locale__language_code="fi").order_by("path").first()
        linked = linked.specific
        linked.external_links = [
            ("link", {"label": "Opintopolku", "url": "https://opintopolku.fi/"})
        ]
        linked.save_revision().publish()
        server = LiveServerThread("127.0.0.1", _StaticFilesHandler, port=0)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        try:
            yield Frontend(f"http://127.0.0.1:{server.port}")
        finally:
            server.terminate()
            server.join()
            # Every content type in the process cache first: restoring rows must not make
            # get_for_model create one that the restored data then brings again.
            ContentType.objects.get_for_models(*apps.get_models())
            for alias in connections:
                contents = getattr(connections[alias], "_test_serialized_contents", None)
                call_command(  # as TransactionTestCase does: sequences keep counting up
                    "flush",
                    database=alias,
                    interactive=False,
                    verbosity=0,
                    reset_sequences=False,
                    inhibit_post_migrate=bool(contents),
                )
                if contents:
                    connections[alias].creation.deserialize_db_from_string(contents)
