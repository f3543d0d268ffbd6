"""The interactive API docs and GraphiQL work on a closed network and under the strict CSP:
every script comes from this site's own static files and none runs inline."""

from urllib.parse import urlsplit

import pytest

from guidance.factories import ArticlePageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def offline_page(page, live_server):
    """The browser page with every request to another host refused, and a record of what was
    refused and of every console error (a CSP violation is one)."""
    own = urlsplit(live_server.url).netloc
    seen = {"blocked": [], "errors": []}

    def route(request_route):
        if urlsplit(request_route.request.url).netloc == own:
            request_route.continue_()
        else:
            seen["blocked"].append(request_route.request.url)
            request_route.abort()

    page.route("**/*", route)
    page.on("console", lambda m: m.type == "error" and seen["errors"].append(m.text))
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    return page, seen


def test_api_docs_list_the_operations_offline_without_csp_violations(offline_page, live_server):
    page, seen = offline_page
    page.goto(f"{live_server.url}/api/v1/docs")
    page.wait_for_selector(".opblock-summary-path")
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any(path.startswith("/api/v1/content/") for path in paths), paths
    assert any(path.startswith("/api/v1/search/") for path in paths), paths
    assert seen == {"blocked": [], "errors": []}


def test_graphiql_answers_a_query_offline_without_csp_violations(offline_page, live_server, topic):
    ArticlePageFactory(parent=topic, title="Urasuunnittelun perusteet")
    page, seen = offline_page
    page.goto(f"{live_server.url}/graphql/")
    page.wait_for_selector(".graphiql-execute-button")
    page.click(".graphiql-execute-button")
    result = page.locator(".graphiql-response")
    result.get_by_text("Urasuunnittelun perusteet").wait_for()
    assert '"count": 1' in result.inner_text()
    assert seen == {"blocked": [], "errors": []}
