import os

import pytest
from hypothesis import settings as hypothesis_settings
from wagtail.models import Page, Site

from community.factories import StaffUserFactory
from guidance.factories import HomePageFactory, SectionPageFactory, TopicPageFactory
from tests.caching import clear_cache

# CI (.ci/run) runs hypothesis derandomized: the same examples every run, so a green main stays
# green; `make test` locally keeps exploring new examples.
hypothesis_settings.register_profile("ci", derandomize=True, database=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Leave no test database behind: connections that live-server threads (and the servers
    some tests start) still hold would make pytest-django's DROP DATABASE fail at the end."""
    yield
    from django.db import DatabaseError, connection

    with django_db_blocker.unblock():
        connection.close()  # the fault tests may have ended this very connection
        try:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
        except DatabaseError:
            pass  # a courtesy for the drop that follows, never a failure of its own


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.READYZ_TOKEN = "test-operator"  # tests read /readyz's checks as an operator


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The cache outlives each test's database rollback; start every test without it."""
    clear_cache()
    yield
    clear_cache()


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


class _Receiver:
    """A real HTTP server on loopback that records requests and answers scripted statuses."""

    def __init__(self):
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        self.requests, self.statuses = [], []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's naming
                length = int(self.headers.get("Content-Length", 0))
                receiver.requests.append(
                    {
                        "path": self.path,
                        "headers": dict(self.headers),
                        "body": self.rfile.read(length),
                    }
                )
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api/revalidate"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    server = _Receiver()
    yield server
    server.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Give the database back its migrated data after a transactional test.

    A transactional test ends by emptying every table; Django restores the migrations' data
    (locales, groups, the root page, the workflow) only when the next *transactional* test
    starts. ``--dist loadfile`` does not keep transactional files last on each worker, so an
    ordinary test could start on an empty database. Restoring here keeps every test's start
    the same, whatever ran before it on the worker."""
    yield
    marker = item.get_closest_marker("django_db")
    if nextitem is None or marker is None or not marker.kwargs.get("transaction"):
        return  # (after the last test the test database is already gone)
    from django.db import connections
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        for alias in connections:
            contents = getattr(connections[alias], "_test_serialized_contents", None)
            if contents:
                connections[alias].creation.deserialize_db_from_string(contents)
