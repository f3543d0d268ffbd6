"""A real OpenID Connect identity provider on loopback (tests/sso/provider: django-oauth-toolkit,
RS256, PKCE required) and an HTTP client that walks the whole sign-in as a browser does."""

import json
import os
import re
import subprocess
import sys
from urllib.parse import urljoin

import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from cms.local_redis import free_port
from tests.faults.conftest import ROOT, wait_for

PROVIDER_ID = "jod"
PASSWORD = "provider-password-123"
FRONTEND = "http://localhost:3000"  # FRONTEND_URLS in tests: a trusted callback origin
CALLBACK = f"{FRONTEND}/tili/kirjautunut"


class Provider:
    def __init__(self, url, client_id, secret):
        self.url, self.client_id, self.secret = url, client_id, secret
        self.server_url = f"{url}/o"


@pytest.fixture(scope="session")
def identity_provider(live_server, tmp_path_factory):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO", "PYTEST"))}
    environment.update(
        DJANGO_SETTINGS_MODULE="tests.sso.provider.settings",
        IDP_DATABASE=str(tmp_path_factory.mktemp("idp") / "idp.sqlite3"),
        IDP_RSA_PRIVATE_KEY=pem,
    )
    callback = f"{live_server.url}/accounts/oidc/{PROVIDER_ID}/login/callback/"
    created = subprocess.run(
        [sys.executable, "-m", "tests.sso.provider.setup", callback],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    client = json.loads(created.stdout.strip().splitlines()[-1])
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "tests.sso.provider.wsgi:application"]
        + ["--bind", f"127.0.0.1:{port}", "--workers", "1", "--threads", "4"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    discovery = f"{url}/o/.well-known/openid-configuration"
    wait_for(lambda: requests.get(discovery, timeout=1).ok, 30, "the identity provider")
    yield Provider(url, client["client_id"], client["secret"])
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def sso(settings, identity_provider):
    """The CMS configured from OIDC_* as production would be, pointing at the provider."""
    from community.sso import oidc_providers

    settings.SOCIALACCOUNT_PROVIDERS = oidc_providers(
        {
            "OIDC_SERVER_URL": identity_provider.server_url,
            "OIDC_CLIENT_ID": identity_provider.client_id,
            "OIDC_CLIENT_SECRET": identity_provider.secret,
            "OIDC_PROVIDER_ID": PROVIDER_ID,
        }
    )
    return identity_provider


class Browser:
    """requests with a cookie jar, following redirects one hop at a time like a browser, and
    signing in at the provider's login form when it is shown."""

    def __init__(self, cms_url):
        self.cms = cms_url
        self.http = requests.Session()
        self.hops = []

    def csrf(self):
        """The CSRF cookie's value, as the frontend reads it (allauth's session GET sets it)."""
        if "csrftoken" not in self.http.cookies:
            self.session()
        return self.http.cookies["csrftoken"]

    def start_sign_in(self, callback=CALLBACK):
        """The frontend's form POST that sends the browser to the provider."""
        return self.http.post(
            f"{self.cms}/_allauth/browser/v1/auth/provider/redirect",
            data={
                "provider": PROVIDER_ID,
                "process": "login",
                "callback_url": callback,
                "csrfmiddlewaretoken": self.csrf(),
            },
            allow_redirects=False,
        )

    def follow(self, response, provider, username, password=PASSWORD, landing=None):
        """Follow redirects until the browser leaves the CMS and the provider (or reaches
        ``landing``, a frontend served from the CMS's origin); returns the URL it lands on.
        Any 5xx on the way fails the test."""
        while True:
            assert response.status_code < 500, (response.url, response.text[:2000])
            if response.status_code not in (301, 302, 303):
                return response
            url = urljoin(response.url, response.headers["Location"])
            self.hops.append(url)
            if not url.startswith((self.cms, provider.url)) or (
                landing and url.startswith(landing)
            ):
                return url
            if url.startswith(f"{provider.url}/login/"):
                form = self.http.get(url)
                token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)[1]
                response = self.http.post(
                    url,
                    data={
                        "username": username,
                        "password": password,
                        "csrfmiddlewaretoken": token,
                        "next": re.search(r'name="next" value="([^"]*)"', form.text)[1].replace(
                            "&amp;", "&"
                        ),
                    },
                    allow_redirects=False,
                )
            else:
                response = self.http.get(url, allow_redirects=False)

    def sign_in(self, provider, username, password=PASSWORD, callback=CALLBACK):
        response = self.start_sign_in(callback)
        assert response.status_code == 302, response.text[:2000]
        return self.follow(response, provider, username, password)

    def session(self):
        return self.http.get(f"{self.cms}/_allauth/browser/v1/auth/session")

    def headers(self):
        return {"X-CSRFToken": self.http.cookies.get("csrftoken", "")}


@pytest.fixture
def browser_client(live_server):
    return Browser(live_server.url)
