"""The Elasticsearch engine: index settings, query building, the rebuild's alias swap (against a
loopback HTTP peer that records the requests), and the database fallback when it is down."""

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from guidance.factories import ArticlePageFactory, KeywordFactory
from search import elasticsearch
from search.analysis import parse_query
from search.models import SearchDocument
from search.services import SearchQuery

pytestmark = pytest.mark.django_db


def closed_port_url():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"  # nothing listens once the socket is closed


# --- Index settings and documents -----------------------------------------------------------


def test_finnish_index_takes_voikko_lexemes_with_a_whitespace_analyser():
    settings = elasticsearch.index_settings("fi")
    analyser = settings["settings"]["analysis"]["analyzer"]["content"]
    assert analyser == {"type": "custom", "tokenizer": "whitespace", "filter": ["lowercase"]}
    properties = settings["mappings"]["properties"]
    assert properties["title"]["analyzer"] == "content"
    assert properties["keyword_keys"] == {"type": "keyword"}
    assert settings["mappings"]["dynamic"] == "strict"


@pytest.mark.parametrize(("language", "analyser"), [("sv", "swedish"), ("en", "english")])
def test_swedish_and_english_indices_use_the_language_analysers(language, analyser):
    settings = elasticsearch.index_settings(language)
    assert settings["settings"]["analysis"]["analyzer"]["content"] == {"type": analyser}


def test_finnish_document_body_holds_base_forms_and_compound_parts():
    doc = SearchDocument(
        object_type="page",
        object_id=7,
        language="fi",
        result_type="method",
        title="Uraohjauksen menetelmät",
        summary="Nuorille",
        text="",
        keyword_names="",
    )
    body = elasticsearch.document_body(doc, {"fi", "sv"})
    assert {"uraohjaus", "ura", "ohjaus", "menetelmä"} <= set(body["title"].split())
    assert body["title_exact"] == "Uraohjauksen menetelmät"
    assert body["available_languages"] == ["fi", "sv"]
    assert set(body) <= set(elasticsearch.index_settings("fi")["mappings"]["properties"])


# --- Query building -------------------------------------------------------------------------


def test_query_matches_every_word_in_any_analysed_form_with_filters_and_facets():
    query = SearchQuery(
        parsed=parse_query("uraohjauksen nuorille", "fi"),
        language="sv",
        types=["method"],
        terms={"keywords": ["6d1f7c1e-0000-4000-8000-000000000001"]},
        restricted_paths=["000100020005"],
        limit=10,
        offset=20,
    )
    body = elasticsearch.build_query(query)
    languages = body["query"]["bool"]["must"][0]["bool"]["should"]
    swedish, finnish_fallback = languages
    assert swedish["bool"]["filter"] == [{"term": {"language": "sv"}}]
    assert finnish_fallback["bool"]["must_not"] == [{"term": {"available_languages": "sv"}}]
    finnish_words = finnish_fallback["bool"]["must"][0]["bool"]["must"]
    assert len(finnish_words) == 2
    assert "ohjaus" in finnish_words[0]["multi_match"]["query"].split()
    assert "nuori" in finnish_words[1]["multi_match"]["query"].split()
    filters = body["query"]["bool"]["filter"]
    assert {"terms": {"result_type": ["method"]}} in filters
    assert {"terms": {"keyword_keys": ["6d1f7c1e-0000-4000-8000-000000000001"]}} in filters
    assert body["query"]["bool"]["must_not"] == [{"prefix": {"tree_path": "000100020005"}}]
    assert set(body["aggs"]) == {
        "type",
        "section",
        "keywords",
        "themes",
        "target_groups",
        "sectors",
        "settings",
    }
    assert (body["from"], body["size"]) == (20, 10)


def test_any_word_query_needs_only_one_word():
    query = SearchQuery(parsed=parse_query("elämänjana kortit", "fi"), language="fi")
    clause = elasticsearch.build_query(query, any_word=True)["query"]["bool"]["must"][0]
    own = clause["bool"]["should"][0]["bool"]["must"][0]
    assert own["bool"]["minimum_should_match"] == 1


# --- Rebuild against a recording HTTP peer --------------------------------------------------


class _RecordingElasticsearch:
    """Answers the few endpoints a rebuild uses, as Elasticsearch 8 would, and records them."""

    def __init__(self):
        self.requests = []
        peer = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self, payload, status=200):
                body = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("X-Elastic-Product", "Elasticsearch")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _handle(self):
                length = int(self.headers.get("Content-Length", 0))
                raw = self.rfile.read(length).decode() if length else ""
                peer.requests.append((self.command, self.path, raw))
                path = self.path.split("?")[0]
                if path.endswith("/_bulk"):
                    lines = [json.loads(line) for line in raw.splitlines() if line.strip()]
                    items = [{"index": {"status": 201}} for line in lines if "index" in line]
                    self._answer({"errors": False, "took": 1, "items": items})
                elif path.startswith("/_alias/"):
                    self._answer({"ohjaaja-fi-old": {"aliases": {"ohjaaja-fi": {}}}})
                else:
                    self._answer({"acknowledged": True})

            do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _handle  # noqa: N815

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def recording_elasticsearch(settings):
    peer = _RecordingElasticsearch()
    settings.ELASTICSEARCH_URL = peer.url
    yield peer
    peer.close()


def test_rebuild_fills_new_indices_and_swaps_aliases_in_one_call(recording_elasticsearch, topic):
    page = ArticlePageFactory(parent=topic, title="Uraohjauksen työkirja")
    page.save_revision().publish()
    copied = elasticsearch.rebuild()
    assert copied == 1
    calls = recording_elasticsearch.requests
    created = [path for method, path, _ in calls if method == "PUT" and "_bulk" not in path]
    assert len(created) == 3
    assert all("-2" in path for path in created)
    bulk = next(raw for method, path, raw in calls if path.startswith("/_bulk"))
    source = json.loads(bulk.splitlines()[1])
    assert "ohjaus" in source["title"].split()
    swaps = [json.loads(raw) for method, path, raw in calls if path.startswith("/_aliases")]
    assert len(swaps) == 1
    actions = swaps[0]["actions"]
    assert {"remove": {"index": "ohjaaja-fi-old", "alias": "ohjaaja-fi"}} in actions
    assert sum("add" in action for action in actions) == 3
    deleted = [path for method, path, _ in calls if method == "DELETE"]
    assert deleted
    assert all("old" in path for path in deleted)


# --- Unreachable Elasticsearch --------------------------------------------------------------


def test_unreachable_elasticsearch_falls_back_to_the_database(client, settings, topic):
    settings.ELASTICSEARCH_URL = closed_port_url()
    keyword = KeywordFactory(name="uraohjaus", slug="uraohjaus")
    page = ArticlePageFactory(parent=topic, title="Uraohjauksen työkirja")
    page.keywords.set([keyword])
    page.save_revision().publish()  # publishing works with Elasticsearch down
    for _ in range(2):  # the second request does not wait for Elasticsearch again
        body = client.get("/api/v1/search/", {"q": "ohjaus"}).json()
        assert body["engine"] == "database"
        assert body["degraded"] is True
        assert [item["title"] for item in body["items"]] == ["Uraohjauksen työkirja"]


def test_readiness_reports_the_search_fallback(client, settings, db):
    settings.ELASTICSEARCH_URL = closed_port_url()
    response = client.get("/readyz", HTTP_AUTHORIZATION="Bearer test-operator")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    search = response.json()["checks"]["search"]
    assert search["engine"] == "database"
    assert search["elasticsearch"] == "unreachable"
    assert search["fallback"] is True


def test_publishing_mirrors_the_document_to_elasticsearch_after_the_commit(
    recording_elasticsearch, topic, django_capture_on_commit_callbacks
):
    page = ArticlePageFactory(parent=topic, title="Etäohjaus")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    bulk = [raw for method, path, raw in recording_elasticsearch.requests if "_bulk" in path]
    assert len(bulk) == 1
    action, source = (json.loads(line) for line in bulk[0].splitlines()[:2])
    assert action["index"]["_index"] == "ohjaaja-fi"
    assert action["index"]["_id"] == f"page-{page.pk}"
    assert source["display_title"] == "Etäohjaus"


def test_publishing_works_when_the_mirroring_to_elasticsearch_fails(
    settings, topic, django_capture_on_commit_callbacks
):
    settings.ELASTICSEARCH_URL = closed_port_url()
    page = ArticlePageFactory(parent=topic, title="Etäohjaus")
    with django_capture_on_commit_callbacks(execute=True):
        revision = page.save_revision()
        revision.publish()
    page.refresh_from_db()
    assert page.live
    assert SearchDocument.objects.filter(object_id=page.pk).exists()
