import pytest
from wagtail.models import Page, Site

from community.factories import StaffUserFactory
from guidance.factories import HomePageFactory, SectionPageFactory, TopicPageFactory


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The cache outlives each test's database rollback; start every test without it."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


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


def pytest_collection_modifyitems(config, items):
    """Refuse files that mix transactional and ordinary database tests.

    pytest-django runs transactional tests last, but ``--dist loadfile`` hands out whole files:
    a mixed file runs its transactional test, which empties the database at the end, and the next
    file's ordinary tests then start without the data migrations created (locales, groups)."""
    kinds = {}
    for item in items:
        marker = item.get_closest_marker("django_db")
        if marker is None:
            continue
        transactional = bool(marker.kwargs.get("transaction") or (marker.args[:1] == (True,)))
        kinds.setdefault(item.path, set()).add(transactional)
    mixed = sorted(str(path) for path, found in kinds.items() if len(found) > 1)
    if mixed:
        raise pytest.UsageError(
            "These files mix transactional and ordinary database tests; move the transactional "
            "ones to a file of their own: " + ", ".join(mixed)
        )
