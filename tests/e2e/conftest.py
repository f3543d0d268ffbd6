"""Browser tests: Debian's Chromium driven by Playwright against a live server."""

import os

import pytest

CHROMIUM = "/usr/bin/chromium"

# Playwright's sync API runs an event loop; Django's async-safety check would refuse ORM calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    from django.db import connections
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    # The test database's serialized contents (for serialized_rollback) live on the connection
    # object; Playwright's sync API switches context, where Django hands out a new connection
    # object. Carry the contents over so later transactional tests can still restore the data.
    serialized = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fi-FI", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    shut(context)


def shut(context):
    """Close a browser context so that nothing more reaches the live server: the test's
    database is emptied next, and a request arriving meanwhile (Wagtail's editing-session ping,
    or the release beacon a closing edit tab sends) deadlocked that flush (CI,
    test_quality_admin)."""
    context.route("**/*", lambda route: route.abort())
    context.close()


def sign_in(tab, live_server, user, password="salasana-testi-123"):
    """Staff sign-in through the admin's login form; the tab ends on the dashboard."""
    tab.goto(f"{live_server.url}/admin/login/")
    tab.fill("input[name=username]", user.username)
    tab.fill("input[name=password]", password)
    tab.click("button[type=submit]")
    tab.wait_for_url(f"{live_server.url}/admin/")
    return tab


def signed_in_tab(browser, live_server, user, *, editing_sessions=True):
    """A browser context of its own for ``user`` (several people at once), signed in.
    ``editing_sessions=False`` drops Wagtail's editing-session pings and the release beacon sent
    when a tab closes (where they are not under test: one arriving while the test database was
    being emptied deadlocked a teardown); the edit view's workflow actions need them."""
    context = browser.new_context(locale="fi-FI", viewport={"width": 1280, "height": 900})
    if not editing_sessions:
        context.route("**/admin/editing-sessions/**", lambda route: route.abort())
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    return sign_in(tab, live_server, user)


@pytest.fixture
def tab_for(browser, live_server):
    """``signed_in_tab`` for several people in one test: ``tab_for(user)`` opens a signed-in
    tab of the user's own. Every tab is shut (``shut``) when the test ends, passed or failed:
    a tab left open on an edit view keeps pinging the live server while the next test's
    database is emptied."""
    contexts = []

    def open_tab(user, *, editing_sessions=True):
        tab = signed_in_tab(browser, live_server, user, editing_sessions=editing_sessions)
        contexts.append(tab.context)
        return tab

    yield open_tab
    for context in contexts:
        shut(context)


@pytest.fixture
def login(page, live_server):
    def _login(user, password="salasana-testi-123"):
        return sign_in(page, live_server, user, password)

    return _login


def axe_violations(page, selector=None):
    """WCAG 2.1 A/AA violations on the page (or inside ``selector``), as readable strings."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    results = Axe().run(page, context=selector, options=options)
    return [
        f"{v['id']}: {v['help']} ({', '.join(n['target'][0] for n in v['nodes'][:3])})"
        for v in results.response["violations"]
    ]
