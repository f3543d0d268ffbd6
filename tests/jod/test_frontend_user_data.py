"""The JOD frontend's signed-in features on this CMS's community: every call made as its API
client (src/api/*.ts through openapi-fetch) makes it, with the fields it reads.

What the client does (../shared/jod-frontend-user-contract.md §1): JSON bodies with
`Content-Type: application/json` on every write, bodyless ones included; once the profile call
says who is signed in, the CSRF header it names on every request; no token while anonymous.
"""

import json
import re
import uuid

import pytest
from django.test import Client

from community.factories import CounsellorFactory, NewCounsellorFactory, StaffUserFactory
from community.models import CommunitySettings, ContentSuggestion, Post, Report, User
from guidance.factories import ArticlePageFactory, KeywordFactory
from guidance.models import ContentViewDay

pytestmark = pytest.mark.django_db

API = "/ohjaaja/api"
PASSWORD = "salasana-testi-123"
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


class Frontend:
    """One browser tab of the frontend: a cookie jar, its API client and its sign-in link."""

    def __init__(self, address="127.0.0.1"):
        self.http = Client(enforce_csrf_checks=True, REMOTE_ADDR=address)
        self.csrf = None

    def sign_in(self, user, callback="/fi/ohjaajan-profiili/etusivu"):
        link = f"/ohjaaja/login?lang=fi&callback={callback}"
        page = self.http.get(link)
        assert page.status_code == 200
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
        landed = self.http.post(
            link,
            {"login": user.email, "password": PASSWORD, "csrfmiddlewaretoken": token},
        )
        assert landed.status_code == 303, landed.content.decode()[:500]
        assert landed["Location"] == f"/ohjaaja{callback}"
        return self.probe()

    def probe(self):
        """The session manager's raw fetch: no CSRF header, any non-ok means anonymous."""
        response = self.http.get(f"{API}/profiili/ohjaaja")
        self.csrf = response.json()["csrf"] if response.status_code == 200 else None
        return response.json() if self.csrf else None

    def call(self, method, path, body=None, **query):
        headers = {self.csrf["headerName"]: self.csrf["token"]} if self.csrf else {}
        writes = method in ("POST", "PUT", "DELETE", "PATCH")
        url = f"{API}{path}"
        if query:
            url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
        return self.http.generic(
            method,
            url,
            json.dumps(body) if body is not None else "",
            content_type="application/json" if writes else None,
            headers=headers,
        )

    def ok(self, method, path, body=None, **query):
        response = self.call(method, path, body, **query)
        assert 200 <= response.status_code < 300, (response.status_code, response.content[:500])
        assert response["Cache-Control"] == "private, no-store"
        return response.json() if response.content else None


def refused(response, status, code=None):
    """An error the frontend can parse: the status, a JSON body, never cached."""
    assert response.status_code == status, (response.status_code, response.content[:500])
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    if code:
        assert body["errorCode"] == code, body
    return body


@pytest.fixture
def articles(topic):
    career = KeywordFactory(name="uraohjaus", slug="uraohjaus")
    pages = []
    for slug in ("elamanjana", "ryhmaleikit", "urapolku"):
        page = ArticlePageFactory(parent=topic, title=slug.title(), slug=slug)
        page.keywords.set([career])
        page.save_revision().publish()
        pages.append(page)
    return [str(page.translation_key) for page in pages]


@pytest.fixture
def aino():
    return CounsellorFactory(first_name="Aino", last_name="Ohjaaja")


@pytest.fixture
def tab():
    return Frontend()


def test_anonymous_visitors_read_comments_and_counts_and_are_told_no_session_otherwise(
    tab, articles
):
    assert tab.probe() is None
    refused(tab.call("GET", "/profiili/ohjaaja"), 403, "AUTHENTICATION_FAILURE")
    page = tab.ok("GET", "/artikkeli/kommentit", artikkeliErc=articles[0], sivu=0, koko=4)
    assert page == {"sisalto": [], "maara": 0, "sivuja": 0}
    assert tab.ok("GET", "/feature/COMMENTS") == {"feature": "COMMENTS", "enabled": True}
    assert tab.ok("GET", "/artikkeli/katselu/katsotuimmat", koko=30)["sisalto"] == []
    for method, path in [
        ("GET", "/profiili/suosikit"),
        ("GET", "/profiili/kiinnostukset"),
        ("GET", "/artikkeli/kommentit/omat"),
        ("GET", "/artikkeli/viimeksi-katsellut"),
        ("GET", "/profiili/ohjaaja/vienti"),
    ]:
        refused(tab.call(method, path), 403, "AUTHENTICATION_FAILURE")
    # Writing needs a counsellor: an anonymous comment or favourite is "no session", and nothing
    # is stored.
    refused(
        tab.call("POST", "/artikkeli/kommentit", {"artikkeliErc": articles[0], "kommentti": "Hei"}),
        403,
        "AUTHENTICATION_FAILURE",
    )
    refused(tab.call("POST", "/profiili/suosikit", {"artikkeliErc": articles[0]}), 403)
    assert not Post.objects.exists()


def test_signing_in_gives_the_profile_with_a_fresh_csrf_token_each_time(tab, aino):
    profile = tab.sign_in(aino)
    assert UUID.match(profile["id"])
    assert profile["etunimi"] == "Aino"
    assert profile["sukunimi"] == "Ohjaaja"
    assert profile["csrf"]["headerName"].lower() == "x-csrftoken"
    assert profile["csrf"]["parameterName"] == "_csrf"
    assert "tyoskentelyPaikka" not in profile  # absent, not null
    first = profile["csrf"]["token"]
    again = tab.probe()
    assert again["id"] == profile["id"]
    assert again["csrf"]["token"] != first  # masked anew, as the Spring service does

    # Either token works; a write without one is refused as "no valid session".
    tab.ok("PUT", "/profiili/ohjaaja", {"tyoskentelyPaikka": "KORKEAKOULU"})
    assert tab.probe()["tyoskentelyPaikka"] == "KORKEAKOULU"
    aino.refresh_from_db()
    assert aino.sector == "higher_education"
    tab.csrf = None
    refused(
        tab.call("PUT", "/profiili/ohjaaja", {"tyoskentelyPaikka": "MUU"}), 403, "ACCESS_DENIED"
    )
    tab.probe()
    refused(tab.call("PUT", "/profiili/ohjaaja", {"tyoskentelyPaikka": "MARS"}), 400)
    tab.ok("PUT", "/profiili/ohjaaja", {"id": profile["id"], "tyoskentelyPaikka": None})
    assert "tyoskentelyPaikka" not in tab.probe()


def test_a_sector_the_frontend_has_no_word_for_survives_its_round_trip(tab, aino):
    aino.sector = "vocational"
    aino.save()
    assert tab.sign_in(aino)["tyoskentelyPaikka"] == "TOINEN_ASTE"
    tab.ok("PUT", "/profiili/ohjaaja", {"tyoskentelyPaikka": "TOINEN_ASTE"})
    aino.refresh_from_db()
    assert aino.sector == "vocational"


def test_favourites_are_saved_by_article_code_and_removed_by_their_id(tab, aino, articles):
    tab.sign_in(aino)
    saved = tab.ok("POST", "/profiili/suosikit", {"artikkeliErc": articles[0]})
    assert isinstance(saved, str)
    assert UUID.match(saved)
    assert tab.ok("POST", "/profiili/suosikit", {"artikkeliErc": articles[0]}) == saved
    [favourite] = tab.ok("GET", "/profiili/suosikit")
    assert favourite["id"] == saved
    assert favourite["artikkeliErc"] == articles[0]
    assert favourite["luotu"].endswith("Z")
    # The same favourite in this CMS's own API.
    own = tab.http.get("/api/v1/me/favourites/").json()["items"]
    assert [item["translation_key"] for item in own] == [articles[0]]

    refused(tab.call("POST", "/profiili/suosikit", {"artikkeliErc": str(uuid.uuid4())}), 404)
    refused(tab.call("POST", "/profiili/suosikit", {}), 400, "VALIDATION_FAILURE")

    other = Frontend()
    other.sign_in(CounsellorFactory())
    refused(other.call("DELETE", "/profiili/suosikit", id=saved), 404, "RESOURCE_NOT_FOUND")
    assert tab.call("DELETE", "/profiili/suosikit", id=saved).status_code == 204
    refused(tab.call("DELETE", "/profiili/suosikit", id=saved), 404)
    assert tab.ok("GET", "/profiili/suosikit") == []


def test_interests_use_the_tag_ids_of_the_content_calls(tab, aino, articles):
    tags = tab.http.get("/ohjaaja/cms/o/jod-tags/20117").json()
    [career] = [tag for tag in tags if tag["name"] == "uraohjaus"]
    tab.sign_in(aino)
    interest = tab.ok("POST", "/profiili/kiinnostukset", {"asiasanaId": career["id"]})
    assert UUID.match(interest)
    assert tab.ok("POST", "/profiili/kiinnostukset", {"asiasanaId": career["id"]}) == interest
    assert tab.ok("GET", "/profiili/kiinnostukset") == [
        {"id": interest, "asiasanaId": career["id"]}
    ]
    assert tab.http.get("/api/v1/me/interests/").json()["keywords"] == ["uraohjaus"]
    refused(tab.call("POST", "/profiili/kiinnostukset", {"asiasanaId": 999}), 404)
    refused(tab.call("POST", "/profiili/kiinnostukset", {}), 400)  # never stored as 0
    assert tab.call("DELETE", "/profiili/kiinnostukset", id=interest).status_code == 204
    assert tab.ok("GET", "/profiili/kiinnostukset") == []


def test_comments_page_newest_first_and_only_the_viewer_sees_their_own_id(tab, aino, articles):
    me = tab.sign_in(aino)
    tab.ok("POST", "/artikkeli/kommentit", {"artikkeliErc": articles[0], "kommentti": "Eka"})
    text = "Hyvä <b>vinkki</b> & toimii\nToinen rivi\n\nUusi kappale"
    tab.ok("POST", "/artikkeli/kommentit", {"artikkeliErc": articles[0], "kommentti": text})
    bea_tab = Frontend("127.0.0.2")
    bea = bea_tab.sign_in(CounsellorFactory())
    bea_tab.ok("POST", "/artikkeli/kommentit", {"artikkeliErc": articles[0], "kommentti": "Kiitos"})
    bea_tab.ok(
        "POST", "/artikkeli/kommentit", {"artikkeliErc": articles[1], "kommentti": "Muualla"}
    )

    first = tab.ok("GET", "/artikkeli/kommentit", artikkeliErc=articles[0], sivu=0, koko=2)
    assert first["maara"] == 3
    assert first["sivuja"] == 2
    assert [c["kommentti"] for c in first["sisalto"]] == ["Kiitos", text]  # as typed, newest first
    second = tab.ok("GET", "/artikkeli/kommentit", artikkeliErc=articles[0], sivu=1, koko=2)
    assert [c["kommentti"] for c in second["sisalto"]] == ["Eka"]
    assert all(UUID.match(c["id"]) for c in first["sisalto"] + second["sisalto"])

    kiitos, mine = first["sisalto"]
    assert mine["ohjaajaId"] == me["id"]  # "own comment": the delete button, not report
    assert kiitos["ohjaajaId"] not in (me["id"], bea["id"])  # a per-thread id, not Bea's own
    elsewhere = tab.ok("GET", "/artikkeli/kommentit", artikkeliErc=articles[1], sivu=0, koko=4)
    assert elsewhere["sisalto"][0]["ohjaajaId"] != kiitos["ohjaajaId"]  # unlinkable across
    # Bea sees her own id on her comment; an anonymous reader sees nobody's own id.
    seen_by_bea = bea_tab.ok(
        "GET", "/artikkeli/kommentit", artikkeliErc=articles[0], sivu=0, koko=4
    )
    assert seen_by_bea["sisalto"][0]["ohjaajaId"] == bea["id"]
    anonymous = Frontend().ok(
        "GET", "/artikkeli/kommentit", artikkeliErc=articles[0], sivu=0, koko=4
    )
    assert {c.get("ohjaajaId") for c in anonymous["sisalto"]}.isdisjoint({me["id"], bea["id"]})

    # The comments are posts of the article's discussion in this CMS's own API too.
    [thread] = tab.http.get(f"/api/v1/discussions/?content={articles[0]}").json()["items"]
    assert thread["post_count"] == 3
    # Unknown or unpublished articles have no comments rather than an error.
    empty = tab.ok("GET", "/artikkeli/kommentit", artikkeliErc="not-a-code", sivu=0, koko=4)
    assert empty == {"sisalto": [], "maara": 0, "sivuja": 0}


def test_comments_are_checked_as_the_frontend_checks_them(tab, aino, articles):
    tab.sign_in(aino)

    def post(text, erc=articles[0]):
        return tab.call("POST", "/artikkeli/kommentit", {"artikkeliErc": erc, "kommentti": text})

    refused(post("   \n "), 400, "VALIDATION_FAILURE")
    assert post("😀" * 1000).status_code == 201  # 2000 UTF-16 units, the frontend's maximum
    refused(post("😀" * 1000 + "a"), 400)
    refused(post("Hei", erc=str(uuid.uuid4())), 404, "RESOURCE_NOT_FOUND")
    refused(tab.call("POST", "/artikkeli/kommentit", "just text"), 400, "MESSAGE_NOT_READABLE")
    malformed = tab.http.generic(
        "POST",
        f"{API}/artikkeli/kommentit",
        "{not json",
        content_type="application/json",
        headers={tab.csrf["headerName"]: tab.csrf["token"]},
    )
    refused(malformed, 400, "MESSAGE_NOT_READABLE")
    script = post("<script>alert(1)</script>Moi")
    assert script.status_code == 201
    stored = Post.objects.latest("id").body
    assert "<script>" not in stored  # escaped when stored, shown back as typed text
    listed = tab.ok("GET", "/artikkeli/kommentit", artikkeliErc=articles[0], sivu=0, koko=1)
    assert listed["sisalto"][0]["kommentti"] == "<script>alert(1)</script>Moi"


def test_a_counsellor_deletes_their_own_comment_and_no_one_elses(tab, aino, articles):
    tab.sign_in(aino)
    mine = tab.ok("POST", "/artikkeli/kommentit", {"artikkeliErc": articles[0], "kommentti": "A"})
    other = Frontend("127.0.0.2")
    other.sign_in(CounsellorFactory())
    theirs = other.ok(
        "POST", "/artikkeli/kommentit", {"artikkeliErc": articles[0], "kommentti": "B"}
    )
    refused(tab.call("DELETE", f"/artikkeli/kommentit/{theirs['id']}"), 404)  # never a 403
    refused(tab.call("DELETE", f"/artikkeli/kommentit/{uuid.uuid4()}"), 404)
    assert tab.call("DELETE", f"/artikkeli/kommentit/{mine['id']}").status_code == 204
    listed = tab.ok("GET", "/artikkeli/kommentit", artikkeliErc=articles[0], sivu=0, koko=4)
    assert [c["kommentti"] for c in listed["sisalto"]] == ["B"]


def test_three_counsellors_reports_hide_a_comment_anonymous_ones_only_reach_moderators(
    tab, aino, articles
):
    tab.sign_in(aino)
    comment = tab.ok(
        "POST", "/artikkeli/kommentit", {"artikkeliErc": articles[0], "kommentti": "Osta halvalla"}
    )
    report = f"/artikkeli/kommentit/{comment['id']}/ilmianto"
    # Anonymous visitors may report (the frontend offers it); no token, no hiding, however many.
    for address in ("10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.3"):
        assert Frontend(address).call("POST", report).status_code == 204
    assert Report.objects.filter(anonymous=True).count() == 3  # once per address and day
    assert (
        tab.ok("GET", "/artikkeli/kommentit", artikkeliErc=articles[0], sivu=0, koko=4)["maara"]
        == 1
    )
    for number in range(3):
        reporter = Frontend(f"10.1.0.{number}")
        reporter.sign_in(CounsellorFactory())
        assert reporter.call("POST", report).status_code == 204
        assert reporter.call("POST", report).status_code == 204  # again: no error, one report
    listed = Frontend().ok("GET", "/artikkeli/kommentit", artikkeliErc=articles[0], sivu=0, koko=4)
    assert listed["maara"] == 0  # hidden until a moderator decides
    assert Post.objects.get().hidden
    refused(Frontend().call("POST", f"/artikkeli/kommentit/{uuid.uuid4()}/ilmianto"), 404)


def test_with_comments_switched_off_nothing_is_a_403(tab, aino, articles):
    tab.sign_in(aino)
    tab.ok("POST", "/artikkeli/kommentit", {"artikkeliErc": articles[0], "kommentti": "Ennen"})
    config = CommunitySettings.load()
    config.posting_open = False
    config.save()
    assert tab.ok("GET", "/feature/COMMENTS")["enabled"] is False
    closed = tab.call(
        "POST", "/artikkeli/kommentit", {"artikkeliErc": articles[0], "kommentti": "x"}
    )
    refused(closed, 409)  # the frontend would read a 403 as "signed out"
    assert tab.ok("GET", "/artikkeli/kommentit/omat", sivu=0, koko=50)["maara"] == 1
    refused(tab.call("GET", "/feature/SOMETHING"), 400)


def test_own_commented_articles_newest_comment_first(tab, aino, articles):
    tab.sign_in(aino)
    for erc, text in [(articles[0], "a"), (articles[1], "b"), (articles[0], "c")]:
        tab.ok("POST", "/artikkeli/kommentit", {"artikkeliErc": erc, "kommentti": text})
    page = tab.ok("GET", "/artikkeli/kommentit/omat", sivu=0, koko=50)
    assert page["maara"] == 2
    assert page["sivuja"] == 1
    first, second = page["sisalto"]
    assert (first["artikkeliErc"], first["kommenttiMaara"]) == (articles[0], 2)
    assert first["uusinKommenttiAika"] > first["vanhinKommenttiAika"]
    assert (second["artikkeliErc"], second["kommenttiMaara"]) == (articles[1], 1)
    assert (
        tab.ok("GET", "/artikkeli/kommentit/omat", sivu=1, koko=1)["sisalto"][0]["artikkeliErc"]
        == articles[1]
    )


def test_views_count_once_a_day_feed_most_viewed_and_recently_viewed(tab, aino, articles):
    for address in ("10.0.0.1", "10.0.0.2", "10.0.0.2"):
        response = Frontend(address).call("POST", f"/artikkeli/katselu/{articles[1]}")
        assert response.status_code == 204  # anonymous, no token, no body
    Frontend("10.0.0.3").call("POST", f"/artikkeli/katselu/{articles[2]}")
    assert sum(ContentViewDay.objects.values_list("views", flat=True)) == 3
    top = Frontend().ok("GET", "/artikkeli/katselu/katsotuimmat", koko=30)
    assert top["sisalto"] == [articles[1], articles[2]]
    only = Frontend().ok(
        "GET",
        "/artikkeli/katselu/katsotuimmat",
        filterByArtikkeliErcs=f"{articles[2]},{articles[0]}",
    )
    assert only["sisalto"] == [articles[2]]
    refused(Frontend().call("POST", f"/artikkeli/katselu/{uuid.uuid4()}"), 404)

    tab.sign_in(aino)
    tab.ok("POST", f"/artikkeli/katselu/{articles[0]}")
    tab.ok("POST", f"/artikkeli/katselu/{articles[2]}")
    assert tab.ok("GET", "/artikkeli/viimeksi-katsellut")["sisalto"] == [articles[2], articles[0]]


def test_a_suggestion_lands_in_the_editors_inbox(tab, aino):
    tab.sign_in(aino)
    suggestion = {
        "sisalto": "Uraohjauksen korttipeli",
        "kuvaus": "Toimii ryhmissä.",
        "sahkoposti": "",
        "linkki": "",
        "kieli": "sv",
    }
    assert tab.call("POST", "/sisaltoehdotus", suggestion).status_code == 204
    stored = ContentSuggestion.objects.get()
    assert (stored.user, stored.title, stored.url, stored.language) == (
        aino,
        suggestion["sisalto"],
        "",
        "sv",
    )
    refused(tab.call("POST", "/sisaltoehdotus", {**suggestion, "sahkoposti": "ei-osoite"}), 400)
    refused(
        tab.call("POST", "/sisaltoehdotus", {**suggestion, "linkki": "javascript:alert(1)"}), 400
    )
    with_contact = {**suggestion, "sahkoposti": "aino@example.fi", "linkki": "https://example.fi/"}
    assert tab.call("POST", "/sisaltoehdotus", with_contact).status_code == 204
    assert ContentSuggestion.objects.filter(contact_email="aino@example.fi").exists()


def test_the_export_has_the_spring_keys_and_everything_else(tab, aino, articles):
    tab.sign_in(aino)
    tab.ok("POST", "/profiili/suosikit", {"artikkeliErc": articles[0]})
    tab.ok("POST", "/artikkeli/kommentit", {"artikkeliErc": articles[1], "kommentti": "Hei\nvaan"})
    tab.ok("POST", f"/artikkeli/katselu/{articles[2]}")
    download = tab.call("GET", "/profiili/ohjaaja/vienti")
    assert download.status_code == 200
    assert download["Content-Disposition"] == "attachment; filename=profiili.json"
    data = json.loads(download.content)
    assert data["id"] == tab.probe()["id"]
    assert [f["artikkeliErc"] for f in data["suosikit"]] == [articles[0]]
    assert [(c["artikkeliErc"], c["kommentti"]) for c in data["kommentit"]] == [
        (articles[1], "Hei\nvaan")
    ]
    # What the Spring service leaves out: recently viewed, the account, the posts' threads.
    assert [v["translation_key"] for v in data["recently_viewed"]] == [articles[2]]
    assert data["account"]["email"] == aino.email


def test_signing_out_needs_the_token_and_deletion_erases_the_account(tab, aino, articles):
    tab.sign_in(aino)
    tab.ok("POST", "/artikkeli/kommentit", {"artikkeliErc": articles[0], "kommentti": "Jää"})
    wrong = tab.http.post("/ohjaaja/logout", {"_csrf": "forged", "lang": "sv"})
    assert (wrong.status_code, wrong["Location"]) == (
        303,
        "/ohjaaja/sv?error=AUTHENTICATION_FAILURE",
    )
    assert tab.probe() is not None  # still signed in

    out = tab.http.post("/ohjaaja/logout", {"_csrf": tab.csrf["token"], "lang": "sv"})
    assert (out.status_code, out["Location"]) == (303, "/ohjaaja/sv")
    assert tab.probe() is None

    tab.sign_in(aino)
    gone = tab.http.post(
        "/ohjaaja/logout", {"_csrf": tab.csrf["token"], "lang": "fi", "deletion": "true"}
    )
    assert (gone.status_code, gone["Location"]) == (303, "/ohjaaja/fi")
    assert not User.objects.filter(pk=aino.pk).exists()
    [kept] = Frontend().ok("GET", "/artikkeli/kommentit", artikkeliErc=articles[0], sivu=0, koko=4)[
        "sisalto"
    ]
    assert kept["kommentti"] == "Jää"
    assert "ohjaajaId" not in kept
    assert Frontend().http.post("/ohjaaja/logout", {"lang": "en"})["Location"] == "/ohjaaja/en"


def test_the_sign_in_link_returns_only_to_a_path_here(tab, aino):
    page = tab.http.get("/ohjaaja/login?lang=sv&callback=//evil.example/x")
    assert page.status_code == 200
    assert '<html lang="sv">' in page.content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
    for callback in ("//evil.example/x", "/\\evil.example", "https://evil.example/"):
        landed = tab.http.post(
            "/ohjaaja/login",
            {
                "login": aino.email,
                "password": PASSWORD,
                "csrfmiddlewaretoken": token,
                "callback": callback,
            },
        )
        assert landed["Location"] == "/ohjaaja/"
        tab.http.post("/ohjaaja/logout", {"_csrf": token})
        tab.http.logout()
        token = re.search(
            r'name="csrfmiddlewaretoken" value="([^"]+)"',
            tab.http.get("/ohjaaja/login").content.decode(),
        )[1]
    tab.sign_in(aino)
    again = tab.http.get("/ohjaaja/login?lang=fi&callback=/fi/suosikit?tab=2")
    assert (again.status_code, again["Location"]) == (303, "/ohjaaja/fi/suosikit")


def test_only_verified_counsellors_sign_in_on_the_login_page(tab):
    unverified = CounsellorFactory(verified_email=False)
    staff = StaffUserFactory()
    for user in (unverified, staff):
        page = tab.http.get("/ohjaaja/login?lang=en")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]
        answer = tab.http.post(
            "/ohjaaja/login",
            {"login": user.email, "password": PASSWORD, "csrfmiddlewaretoken": token},
        )
        assert answer.status_code == 400
        assert 'role="alert"' in answer.content.decode()
        assert tab.probe() is None
    wrong = tab.http.post(
        "/ohjaaja/login",
        {"login": "nobody@example.fi", "password": "x", "csrfmiddlewaretoken": token},
    )
    assert wrong.status_code == 400
    assert tab.probe() is None


def test_limits_answer_429_with_retry_after_never_403(tab, articles):
    tab.sign_in(NewCounsellorFactory())  # new accounts: the stricter posting limit
    answers = [
        tab.call("POST", "/artikkeli/kommentit", {"artikkeliErc": articles[0], "kommentti": f"{n}"})
        for n in range(7)
    ]
    assert [a.status_code for a in answers].count(201) == 5
    limited = refused(answers[-1], 429)
    assert int(answers[-1]["Retry-After"]) > 0
    assert limited["errorDetails"]


def test_bad_calls_get_json_errors(tab, aino):
    refused(tab.call("GET", "/no/such/call"), 404)
    refused(tab.call("PATCH", "/profiili/suosikit"), 405)
    refused(Frontend().call("GET", "/artikkeli/kommentit", sivu=0, koko=4), 400)  # no article
    refused(Frontend().call("GET", "/artikkeli/kommentit", artikkeliErc="x", sivu=-1, koko=4), 400)
    tab.sign_in(aino)
    huge = {"artikkeliErc": "x", "kommentti": "a" * 100_000}
    refused(tab.call("POST", "/artikkeli/kommentit", huge), 413)


def test_a_comment_page_costs_the_same_few_queries_however_many_authors(
    tab, articles, django_assert_max_num_queries
):
    for number in range(6):
        writer = Frontend(f"10.2.0.{number}")
        writer.sign_in(CounsellorFactory())
        writer.ok("POST", "/artikkeli/kommentit", {"artikkeliErc": articles[0], "kommentti": "Moi"})
    reader = Frontend()
    with django_assert_max_num_queries(4):
        page = reader.ok("GET", "/artikkeli/kommentit", artikkeliErc=articles[0], sivu=0, koko=4)
    assert len(page["sisalto"]) == 4
