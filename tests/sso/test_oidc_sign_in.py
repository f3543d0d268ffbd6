"""Single sign-on end to end over HTTP against a real OpenID Connect provider on loopback:
the frontend's form POST, the provider's login, the CMS's callback (code exchange with PKCE, RS256
ID token checked against the provider's JWKS, userinfo), the session, a signed-in action,
sign-out and a second sign-in; and the ways it must refuse."""

import os
import subprocess
import sys
from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.core import mail

from community.factories import CounsellorFactory, StaffUserFactory
from community.models import User
from tests.faults.conftest import ROOT
from tests.sso.conftest import CALLBACK, PROVIDER_ID

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def query(url):
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def test_a_counsellor_signs_in_acts_signs_out_and_comes_back_as_the_same_account(
    sso, browser_client
):
    landed = browser_client.sign_in(sso, "aila")
    assert landed == CALLBACK  # back at the frontend, no error
    authorize = next(u for u in browser_client.hops if "/o/authorize/" in u)
    assert query(authorize)["code_challenge_method"] == "S256"  # PKCE
    session = browser_client.session()
    assert session.status_code == 200
    assert session.json()["data"]["user"]["email"] == "aila.ohjaaja@example.fi"
    user = User.objects.get(email="aila.ohjaaja@example.fi")
    assert not user.is_staff
    assert not user.has_usable_password()
    assert EmailAddress.objects.get(user=user).verified

    changed = browser_client.http.patch(
        f"{browser_client.cms}/api/v1/me/",
        json={"notify_replies": False},
        headers=browser_client.headers(),
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["notify_replies"] is False

    out = browser_client.http.delete(
        f"{browser_client.cms}/_allauth/browser/v1/auth/session",
        headers=browser_client.headers(),
    )
    assert out.status_code == 401  # allauth headless: signed out
    assert browser_client.session().status_code == 401
    assert browser_client.http.get(f"{browser_client.cms}/api/v1/me/").status_code in (401, 403)

    assert browser_client.sign_in(sso, "aila") == CALLBACK
    assert browser_client.session().json()["data"]["user"]["id"] == user.pk
    assert User.objects.filter(email="aila.ohjaaja@example.fi").count() == 1
    assert SocialAccount.objects.get(user=user).provider == PROVIDER_ID


def test_a_provider_that_has_not_verified_the_email_signs_nobody_in(sso, browser_client):
    landed = browser_client.sign_in(sso, "ville")
    assert urlsplit(landed).path == urlsplit(CALLBACK).path
    assert query(landed)["error"] == "email_not_verified"
    assert browser_client.session().status_code == 401
    assert not User.objects.filter(email="ville.vahvistamaton@example.fi").exists()


def test_a_forged_callback_signs_nobody_in(sso, browser_client, live_server):
    browser_client.start_sign_in()  # a real pending state in this browser, then a forged return
    response = browser_client.http.get(
        f"{live_server.url}/accounts/oidc/{PROVIDER_ID}/login/callback/",
        params={"code": "forged-code", "state": "forged-state"},
        allow_redirects=False,
    )
    assert response.status_code < 500
    landed = browser_client.follow(response, sso, "aila")
    assert "error" in query(landed if isinstance(landed, str) else landed.url)
    assert browser_client.session().status_code == 401
    assert not User.objects.filter(email="aila.ohjaaja@example.fi").exists()


def test_an_existing_password_account_with_the_verified_email_is_connected(sso, browser_client):
    """Both sides proved they own the mailbox (the account by our verification link, the provider
    by its own): the counsellor lands in the account they already have, password intact."""
    existing = CounsellorFactory(email="eeva.olemassa@example.fi", verified_email=False)
    existing.set_password("oma-salasana-123")
    existing.save()
    EmailAddress.objects.create(user=existing, email=existing.email, verified=True, primary=True)
    assert browser_client.sign_in(sso, "eeva") == CALLBACK
    assert browser_client.session().json()["data"]["user"]["id"] == existing.pk
    existing.refresh_from_db()
    assert existing.check_password("oma-salasana-123")
    assert SocialAccount.objects.get(user=existing).provider == PROVIDER_ID
    assert User.objects.filter(email__iexact="eeva.olemassa@example.fi").count() == 1
    assert not [m for m in mail.outbox if "already" in m.body.lower()]


def test_an_unverified_squatter_account_goes_to_the_verified_owner_and_loses_its_password(
    sso, browser_client
):
    """Someone signed up with another person's address and never verified it: when the owner
    signs in through the provider, the squatter's password stops working."""
    squatter = CounsellorFactory(email="sami.valtaaja@example.fi", verified_email=False)
    squatter.set_password("valtaajan-salasana-1")
    squatter.save()
    EmailAddress.objects.create(user=squatter, email=squatter.email, verified=False, primary=True)
    assert browser_client.sign_in(sso, "sami") == CALLBACK
    squatter.refresh_from_db()
    assert not squatter.has_usable_password()


def test_single_sign_on_never_opens_a_staff_account(sso, browser_client):
    staff = StaffUserFactory(email="toimittaja@example.fi", groups=["Editors"])
    EmailAddress.objects.create(user=staff, email=staff.email, verified=True, primary=True)
    landed = browser_client.sign_in(sso, "toimittaja")
    assert query(landed)["error"] == "staff_account"
    assert browser_client.session().status_code == 401
    assert not SocialAccount.objects.filter(user=staff).exists()


def test_the_data_export_includes_what_the_provider_gave(sso, browser_client):
    browser_client.sign_in(sso, "aila")
    export = browser_client.http.get(f"{browser_client.cms}/api/v1/me/export/").json()
    [account] = export["account"]["single_sign_on"]
    assert account["provider"] == PROVIDER_ID
    assert account["data"]["userinfo"]["given_name"] == "Aila"
    assert account["data"]["userinfo"]["email"] == "aila.ohjaaja@example.fi"


def test_the_jod_frontends_sign_in_link_goes_through_the_provider_and_back_to_its_page(
    sso, browser_client
):
    """The JOD frontend's link (/ohjaaja/login?lang&callback) starts the same single sign-on
    and brings the browser back to the frontend's page on this origin, signed in for its API."""
    cms = browser_client.cms
    start = browser_client.http.get(
        f"{cms}/ohjaaja/login",
        params={"lang": "fi", "callback": "/fi/ohjaajan-profiili/etusivu"},
        allow_redirects=False,
    )
    assert start.status_code == 302
    assert "/o/authorize/" in start.headers["Location"]
    landed = browser_client.follow(start, sso, "aila", landing=f"{cms}/ohjaaja/")
    assert landed == f"{cms}/ohjaaja/fi/ohjaajan-profiili/etusivu"
    profile = browser_client.http.get(f"{cms}/ohjaaja/api/profiili/ohjaaja")
    assert profile.status_code == 200
    assert profile.json()["etunimi"] == "Aila"  # the provider's given name
    # Signed in already: the link goes straight back.
    again = browser_client.http.get(
        f"{cms}/ohjaaja/login", params={"callback": "/sv"}, allow_redirects=False
    )
    assert (again.status_code, again.headers["Location"]) == (303, "/ohjaaja/sv")


def test_a_missing_sso_module_fails_the_system_check_loudly():
    code = (
        "import sys; sys.modules['jwt'] = None\n"  # as if PyJWT were not installed
        "import django; django.setup()\n"
        "from django.core.management import call_command; call_command('check')\n"
    )
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST")}
    environment.update(
        DJANGO_SETTINGS_MODULE="cms.settings",
        OIDC_SERVER_URL="https://tunnistus.example.fi",
        OIDC_CLIENT_ID="cms",
        OIDC_CLIENT_SECRET="s",
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert result.returncode != 0
    assert "community.E001" in result.stderr
    assert "jwt" in result.stderr
