"""Who reaches what: every admin route and every API route, for each role.

``access_matrix.json`` pins the status each role gets on each route (200, 302, 400, 401, 403,
404, 405). The security properties behind it are asserted separately below, so a change to the
pinned file that breaks one of them fails even if someone regenerates the file. Regenerate after
a deliberate change with ``UPDATE_ACCESS_MATRIX=1 make test PYTEST_ARGS=tests/access`` and review
the diff.
"""

import json
import os
from pathlib import Path

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from community.factories import CounsellorFactory, StaffUserFactory
from community.models import DiscussionArea, Post, Thread
from guidance.factories import ArticlePageFactory, KeywordFactory

MATRIX = Path(__file__).with_name("access_matrix.json")
ROLES = ["anonymous", "counsellor", "editor", "reviewer", "moderator", "admin"]
GROUPS = {
    "editor": "Editors",
    "reviewer": "Quality reviewers",
    "moderator": "Moderators",
    "admin": "Administrators",
}
# Routes that are not pages: Wagtail's deliberate error views, the catch-all, log-out (which
# would end the session mid-run) and the block preview (needs a block to preview).
SKIPPED = {
    "admin/test404/",
    "admin/failwhale/",
    "admin/logout/",
    "admin/block-preview/",
}
PUBLIC_ADMIN = {  # what anyone may open: the login and password-reset pages and their assets
    "admin/login/",
    "admin/password_reset/",
    "admin/password_reset/done/",
    "admin/password_reset/complete/",
    "admin/jsi18n/",
    "admin/sprite/",
    "admin/localize/jsi18n/",
}


def admin_routes():
    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern)

    return sorted(
        route.replace("^", "")
        for route in walk(get_resolver().url_patterns)
        if route.startswith("admin/")
        and "<" not in route
        and "(?P" not in route
        and route not in SKIPPED
        and not route.startswith("admin/^")
    )


@pytest.fixture
def world(topic):
    """One of each thing a route can point at."""
    author = CounsellorFactory()
    area = DiscussionArea.objects.get(slug="kysy-kollegalta", locale__language_code="fi")
    thread = Thread.objects.create(area=area, title="Ketju", author=author)
    post = Post.objects.create(thread=thread, author=author, body="<p>Hei</p>")
    page = ArticlePageFactory(parent=topic, title="Julkaistu", slug="julkaistu")
    page.save_revision().publish()
    draft = ArticlePageFactory(parent=topic, title="Luonnos", slug="luonnos", live=False)
    keyword = KeywordFactory()
    return {
        "thread": thread.pk,
        "post": post.pk,
        "page": page.pk,
        "page_key": page.translation_key,
        "draft": draft.pk,
        "draft_key": draft.translation_key,
        "topic": topic.pk,
        "keyword": keyword.pk,
        "area": area.pk,
    }


def routes():
    """(method, path template) for every API route and every admin route."""
    api = [
        ("GET", "/api/v1/navigation/"),
        ("GET", "/api/v1/featured/"),
        ("GET", "/api/v1/content/"),
        ("GET", "/api/v1/content/{page}/"),
        ("GET", "/api/v1/content/{draft}/"),
        ("GET", "/api/v1/content/by-key/{page_key}/"),
        ("GET", "/api/v1/content/by-key/{draft_key}/"),
        ("GET", "/api/v1/content/by-path/?path=/asiakastyohon/urasuunnittelu/julkaistu/"),
        ("GET", "/api/v1/content/by-path/?path=/asiakastyohon/urasuunnittelu/luonnos/"),
        ("POST", "/api/v1/content/{page}/view/"),
        ("POST", "/api/v1/content/{page}/feedback/"),
        ("GET", "/api/v1/taxonomy/keywords/"),
        ("GET", "/api/v1/preview/"),
        ("GET", "/api/v1/search/?q=ohjaus"),
        ("GET", "/api/v1/search/suggest/?q=oh"),
        ("GET", "/api/v1/me/"),
        ("PATCH", "/api/v1/me/"),
        ("GET", "/api/v1/me/favourites/"),
        ("PUT", "/api/v1/me/favourites/{page_key}/"),
        ("DELETE", "/api/v1/me/favourites/{page_key}/"),
        ("GET", "/api/v1/me/interests/"),
        ("PUT", "/api/v1/me/interests/"),
        ("GET", "/api/v1/me/recent/"),
        ("GET", "/api/v1/me/recommendations/"),
        ("GET", "/api/v1/me/export/"),
        ("POST", "/api/v1/me/erase/"),
        ("GET", "/api/v1/discussions/areas/"),
        ("GET", "/api/v1/discussions/"),
        ("POST", "/api/v1/discussions/"),
        ("GET", "/api/v1/discussions/{thread}/"),
        ("POST", "/api/v1/discussions/{thread}/posts/"),
        ("PUT", "/api/v1/discussions/{thread}/follow/"),
        ("DELETE", "/api/v1/discussions/{thread}/follow/"),
        ("GET", "/api/v1/notifications/unsubscribe/?token=forged"),
        ("PATCH", "/api/v1/posts/{post}/"),
        ("DELETE", "/api/v1/posts/{post}/"),
        ("PUT", "/api/v1/posts/{post}/thanks/"),
        ("DELETE", "/api/v1/posts/{post}/thanks/"),
        ("POST", "/api/v1/posts/{post}/report/"),
        ("POST", "/api/v1/suggestions/"),
        ("GET", "/api/v1/openapi.json"),
        ("POST", "/graphql/"),
        ("GET", "/healthz"),
        ("GET", "/readyz"),
    ]
    admin = [("GET", "/" + route) for route in admin_routes()] + [
        ("GET", "/admin/pages/{page}/"),
        ("GET", "/admin/pages/{page}/edit/"),
        ("GET", "/admin/pages/{draft}/edit/"),
        ("GET", "/admin/pages/{page}/history/"),
        ("GET", "/admin/pages/{page}/unpublish/"),
        ("GET", "/admin/pages/{page}/delete/"),
        ("GET", "/admin/pages/add/guidance/articlepage/{topic}/"),
        ("GET", "/admin/snippets/guidance/keyword/edit/{keyword}/"),
        ("GET", "/admin/snippets/community/discussionarea/edit/{area}/"),
        ("GET", "/admin/settings/community/communitysettings/"),
    ]
    return api + admin


# A valid body for each write, so the matrix shows the access decision, not a validation error.
# (Erasing an account is sent unconfirmed: the session must live on for the next routes.)
BODIES = {
    "POST /api/v1/content/{page}/feedback/": {"helpful": True},
    "PATCH /api/v1/me/": {"notify_replies": False},
    "PUT /api/v1/me/interests/": {"keywords": []},
    "POST /api/v1/discussions/": {
        "title": "Uusi ketju",
        "body": "Kysymys kollegoille",
        "area": "kysy-kollegalta",
    },
    "POST /api/v1/discussions/{thread}/posts/": {"body": "Vastaus"},
    "PATCH /api/v1/posts/{post}/": {"body": "Muokattu"},
    "POST /api/v1/posts/{post}/report/": {"reason": "spam"},
    "POST /api/v1/suggestions/": {
        "title": "Hyvä työkalu",
        "url": "https://example.fi/tyokalu",
        "description": "Käytän tätä ryhmäohjauksessa.",
    },
    "POST /graphql/": {"query": "{ __typename }"},
}


def status_of(client, method, template, path):
    body = json.dumps(BODIES.get(f"{method} {template}", {}))
    response = client.generic(method, path, data=body, content_type="application/json")
    if response.status_code != 302:
        return response.status_code
    # A redirect says which: to log in, refused (Wagtail sends those to the dashboard), or on.
    target = response["Location"].split("?")[0]
    if target == "/admin/login/":
        return "302 login"
    if target == "/admin/":
        return "302 refused"
    followed = client.get(response["Location"])
    return f"302 to {followed.status_code}"


def client_for(role):
    client = Client()
    if role == "counsellor":
        client.force_login(CounsellorFactory())
    elif role != "anonymous":
        client.force_login(StaffUserFactory(groups=[GROUPS[role]]))
    return client


@pytest.mark.django_db
def test_every_role_gets_the_pinned_status_on_every_route(world):
    table = {}
    for role in ROLES:
        client = client_for(role)
        for method, template in routes():
            path = template.format(**world)
            table.setdefault(f"{method} {template}", {})[role] = status_of(
                client, method, template, path
            )
    if os.environ.get("UPDATE_ACCESS_MATRIX"):
        MATRIX.write_text(json.dumps(table, indent=1, sort_keys=True) + "\n")
    pinned = json.loads(MATRIX.read_text())
    differences = {
        route: {"pinned": pinned.get(route), "now": statuses}
        for route, statuses in table.items()
        if pinned.get(route) != statuses
    }
    missing = sorted(set(pinned) - set(table))
    assert not differences, json.dumps(differences, indent=1)
    assert not missing

    check_security_properties(table)


def check_security_properties(table):
    admin = {k: v for k, v in table.items() if " /admin/" in k}
    for route, statuses in admin.items():
        path = route.split(" ", 1)[1].lstrip("/")
        if path in PUBLIC_ADMIN:
            continue
        # Nobody without an admin role gets an admin page; they are sent to log in.
        assert statuses["anonymous"] == "302 login", route
        assert statuses["counsellor"] == "302 login", route
    for route, statuses in table.items():
        if " /api/v1/me/" in route or route.startswith(("PUT", "PATCH", "DELETE")):
            assert statuses["anonymous"] == 401, route  # personal data and writes need sign-in
        if ("{draft" in route or "luonnos" in route) and "/api/" in route:
            assert set(statuses.values()) == {404}, route  # drafts never leak, to anyone
    # Staff configuration is for administrators only.
    for route in ["GET /admin/users/", "GET /admin/groups/", "GET /admin/sites/"]:
        assert {r for r, s in table[route].items() if s == 200} <= {"admin"}, route
    assert {r for r, s in table["GET /admin/moderation/"].items() if s == 200} == {
        "moderator",
        "admin",
    }
    # Only moderators and administrators may close posting (the community settings).
    settings_page = table["GET /admin/settings/community/communitysettings/"]
    assert {r for r, s in settings_page.items() if s in (200, "302 to 200")} == {
        "moderator",
        "admin",
    }
