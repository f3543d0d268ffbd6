"""The attack review's findings, replayed as the attacker would: one login path per kind of
account, limits keyed on an address the client cannot choose, views that cannot be inflated,
page URLs that never answer 5xx, and writes that check the account on their own."""

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.test import Client

from community.factories import CounsellorFactory, StaffUserFactory
from community.models import Follow, Post, RecentView, Report, Thanks, Thread
from guidance.factories import CONTENT_FACTORIES, ArticlePageFactory
from guidance.models import ContentViewDay

pytestmark = pytest.mark.django_db
PASSWORD = "salasana-testi-123"


def signed_in_as(client, path="/api/v1/me/"):
    return client.get(path).status_code == 200


# --- One login path per kind of account -----------------------------------------------------


@pytest.mark.parametrize("verified", [False, True])
@pytest.mark.parametrize("field", ["email", "username"])
def test_the_admin_login_never_signs_a_counsellor_in(client, verified, field):
    counsellor = CounsellorFactory(verified_email=verified)
    client.post("/admin/login/", {"username": getattr(counsellor, field), "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert not signed_in_as(client)


def test_staff_sign_in_at_the_admin_and_are_locked_out_after_repeated_failures(client):
    editor = StaffUserFactory(groups=["Editors"])
    response = client.post("/admin/login/", {"username": editor.username, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)

    attacker = Client()
    for _ in range(5):
        attacker.post("/admin/login/", {"username": editor.username, "password": "arvaus"})
    attacker.post("/admin/login/", {"username": editor.username, "password": PASSWORD})
    assert "_auth_user_id" not in attacker.session  # the right password, too late


def test_wagtails_frontend_login_views_are_not_mounted(client):
    counsellor = CounsellorFactory(verified_email=False)
    for path in ("/_util/login/", "/_util/authenticate_with_password/1/2/"):
        response = client.post(path, {"username": counsellor.email, "password": PASSWORD})
        assert response.status_code == 404, path
    assert not signed_in_as(client)


def test_a_counsellor_without_a_verified_address_cannot_post_report_thank_or_follow(client, topic):
    author = CounsellorFactory()
    thread = Thread.objects.create(
        area_id=_area().pk, title="Kysymys ryhmänohjauksesta", author=author
    )
    post = Post.objects.create(thread=thread, author=author, body="<p>Hei kaikki</p>")
    sockpuppet = CounsellorFactory(verified_email=False)
    client.force_login(sockpuppet)
    attempts = [
        (
            "post",
            "/api/v1/discussions/",
            {"title": "Otsikko", "body": "Teksti", "area": "kysy-kollegalta"},
        ),
        ("post", f"/api/v1/discussions/{thread.pk}/posts/", {"body": "Vastaus"}),
        ("post", f"/api/v1/posts/{post.pk}/report/", {"reason": "spam"}),
        ("put", f"/api/v1/posts/{post.pk}/thanks/", None),
        ("put", f"/api/v1/discussions/{thread.pk}/follow/", None),
    ]
    for method, path, body in attempts:
        response = getattr(client, method)(path, body or {}, content_type="application/json")
        assert response.status_code == 403, (path, response.status_code, response.content)
        assert response.json()["error"]["code"] == "email_not_verified"
    assert Thread.objects.count() == 1
    assert Post.objects.count() == 1
    assert not Report.objects.exists()
    assert not Thanks.objects.exists()
    assert not Follow.objects.filter(user=sockpuppet).exists()


def _area():
    from community.models import DiscussionArea

    return DiscussionArea.objects.get(slug="kysy-kollegalta", locale__language_code="fi")


# --- Client addresses and limits ------------------------------------------------------------


def _feedback(client, page, **headers):
    return client.post(
        f"/api/v1/content/{page.pk}/feedback/",
        {"helpful": True},
        content_type="application/json",
        **headers,
    )


def test_a_forged_forwarded_for_does_not_escape_a_limit(client, topic):
    page = ArticlePageFactory(parent=topic)
    statuses = [
        _feedback(client, page, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code
        for n in range(21)
    ]
    assert statuses[:20] == [201] * 20
    assert statuses[20] == 429


def test_behind_one_trusted_proxy_the_client_is_what_the_proxy_saw(client, topic, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    page = ArticlePageFactory(parent=topic)
    # The attacker rotates what it prepends; the load balancer appends the real address.
    statuses = [
        _feedback(client, page, HTTP_X_FORWARDED_FOR=f"10.9.9.{n}, 198.51.100.7").status_code
        for n in range(21)
    ]
    assert statuses[20] == 429
    # Another real client behind the same balancer has its own allowance.
    assert _feedback(client, page, HTTP_X_FORWARDED_FOR="198.51.100.8").status_code == 201


def test_one_client_counts_one_view_whatever_its_user_agent(client, topic):
    page = ArticlePageFactory(parent=topic)
    for n in range(5):
        client.post(
            f"/api/v1/content/{page.pk}/view/", HTTP_USER_AGENT=f"Mozilla/5.0 (rotated {n})"
        )
    assert ContentViewDay.objects.get(translation_key=page.translation_key).views == 1


def test_crawlers_views_are_not_counted(client, topic):
    page = ArticlePageFactory(parent=topic)
    response = client.post(
        f"/api/v1/content/{page.pk}/view/", HTTP_USER_AGENT="Googlebot/2.1 (+http://g.co/bot)"
    )
    assert response.json() == {"counted": False}
    assert not ContentViewDay.objects.exists()


def test_a_cross_site_view_post_does_not_write_the_recently_viewed_list(topic):
    page = ArticlePageFactory(parent=topic)
    victim = Client(enforce_csrf_checks=True)
    victim.force_login(CounsellorFactory())
    victim.post(f"/api/v1/content/{page.pk}/view/")  # no CSRF token: a forged form post
    assert not RecentView.objects.exists()


# --- Page URLs --------------------------------------------------------------------------------


def test_every_page_url_leads_to_the_frontend_never_to_a_5xx(
    client, home, section, topic, settings
):
    settings.FRONTEND_BASE_URL = "https://ohjaajat.example.fi"
    pages = [home, section, topic] + [
        factory(parent=topic, slug=f"sivu-{kind}") for kind, factory in CONTENT_FACTORIES.items()
    ]
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 302, (page, response.status_code)
        assert response["Location"].startswith("https://ohjaajat.example.fi/")
    draft = ArticlePageFactory(parent=topic, slug="luonnos", live=False)
    assert client.get(f"{topic.url}luonnos/").status_code == 404
    assert client.get("/ei-ole-olemassa/").status_code == 404
    del draft


# --- Names and links --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "<img src=x onerror=alert(1)>",
        "Maija\u202eajiaM",  # right-to-left override
        "Mai\u200bja",  # zero-width space
        "Maija\x07",
        "Ohjaaja 4821",  # someone else's per-thread pseudonym
        "handledare 1234",
        "Counsellor  9999",
        "deleted user",
        "Poistettu käyttäjä",
        "MODERAATTORI",
        "ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ",
        "x",
        "M" * 51,
    ],
)
def test_a_display_name_is_plain_text_and_not_a_name_the_service_uses(client, name):
    counsellor = CounsellorFactory(display_name="Maija M.")
    client.force_login(counsellor)
    response = client.patch("/api/v1/me/", {"display_name": name}, content_type="application/json")
    assert response.status_code == 400, name
    assert response.json()["error"]["details"][0]["parameter"] == "display_name"
    counsellor.refresh_from_db()
    assert counsellor.display_name == "Maija M."


def test_a_display_name_is_stored_normalised(client):
    counsellor = CounsellorFactory()
    client.force_login(counsellor)
    response = client.patch(
        "/api/v1/me/", {"display_name": "  Ｍａｉｊａ   Virtanen "}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["display_name"] == "Maija Virtanen"


@pytest.mark.parametrize(
    "body",
    [
        "Katso HTTPS://EXAMPLE.COM/tarjous",
        "Katso www.example.com",
        "Katso esimerkki.fi nyt",
        "Katso ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ",
    ],
)
def test_a_new_account_cannot_post_a_link_however_it_is_written(client, body):
    from community.factories import NewCounsellorFactory

    author = CounsellorFactory()
    thread = Thread.objects.create(area_id=_area().pk, title="Kysymys", author=author)
    client.force_login(NewCounsellorFactory())
    response = client.post(
        f"/api/v1/discussions/{thread.pk}/posts/", {"body": body}, content_type="application/json"
    )
    assert response.status_code in (400, 403), body
    assert response.json()["error"]["code"] == "links_not_allowed_yet"
    assert not Post.objects.filter(thread=thread).exists()


# --- GraphQL counts every search ---------------------------------------------------------------


def test_aliased_graphql_searches_each_count_against_the_search_limit(client, topic):
    from django.conf import settings

    limit = int(settings.SEARCH_RATE.split("/")[0])
    fields = " ".join(f'h{n}: search(q: "ohjaus{n}") {{ count }}' for n in range(10))

    def ask():
        body = client.post(
            "/graphql/", {"query": f"{{ {fields} }}"}, content_type="application/json"
        )
        return body.json().get("errors") or []

    for _ in range(limit // 10):
        assert ask() == []  # ten searches each
    [error] = ask()[:1]  # the next request is over the limit: the aliases were counted
    assert error["extensions"]["code"] == "rate_limited"


def test_graphql_suggestions_are_limited_like_rest(client):
    fields = " ".join(f'h{n}: suggest(q: "ura{n}") {{ query }}' for n in range(10))
    answers = [
        client.post("/graphql/", {"query": f"{{ {fields} }}"}, content_type="application/json")
        .json()
        .get("errors")
        for _ in range(25)
    ]
    assert answers[:24] == [None] * 24
    assert answers[24][0]["extensions"]["code"] == "rate_limited"


# --- Caches and hosts ----------------------------------------------------------------------------


def test_the_server_cache_keeps_each_host_apart(client, topic, settings):
    settings.ALLOWED_HOSTS = ["cms.example.fi", "other.example.fi"]
    ArticlePageFactory(parent=topic)
    first = client.get("/api/v1/content/", HTTP_HOST="cms.example.fi")
    client.get("/api/v1/content/", HTTP_HOST="cms.example.fi")  # asked again: stored
    again = client.get("/api/v1/content/", HTTP_HOST="cms.example.fi")
    other = client.get("/api/v1/content/", HTTP_HOST="other.example.fi")
    assert (first["X-Cache"], again["X-Cache"], other["X-Cache"]) == ("miss", "hit", "miss")


# --- Signup does not tell which addresses have accounts ----------------------------------------

HASHES = []


class CountedPBKDF2(PBKDF2PasswordHasher):
    """Counts password hashes: the work a stopwatch would see."""

    algorithm = "pbkdf2_counted"
    iterations = 1000

    def encode(self, password, salt, iterations=None):
        HASHES.append(1)
        return super().encode(password, salt, iterations)


def _signup(client, email):
    return client.post(
        "/_allauth/browser/v1/auth/signup",
        {"email": email, "password": "Ohjaus-2026!x"},
        content_type="application/json",
    )


def test_signup_for_a_taken_address_does_the_same_work_and_answers_the_same(client, settings):
    settings.PASSWORD_HASHERS = ["tests.community.test_attacks.CountedPBKDF2"]
    CounsellorFactory(email="varattu@example.fi")
    HASHES.clear()
    fresh = _signup(client, "uusi@example.fi")
    fresh_hashes = len(HASHES)
    HASHES.clear()
    taken = _signup(Client(), "varattu@example.fi")
    assert len(HASHES) == fresh_hashes >= 1
    assert taken.status_code == fresh.status_code
    assert [f["id"] for f in taken.json()["data"]["flows"]] == [
        f["id"] for f in fresh.json()["data"]["flows"]
    ]
