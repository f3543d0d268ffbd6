"""Single sign-on for counsellors: the OpenID Connect provider from the environment.

What the provider must assert, and what the CMS does with it (docs/community.md): a verified
email address (``email_verified: true``), else nobody is signed in; a verified address that
belongs to an existing counsellor account signs into that account and connects it (both sides
proved they own the mailbox; an unverified local claim on the address loses its password, so a
squatter is locked out); staff accounts are never opened through single sign-on.
"""

from collections.abc import Mapping
from typing import Any


def oidc_providers(environ: Mapping[str, str]) -> dict[str, Any]:
    """``SOCIALACCOUNT_PROVIDERS`` for the ``OIDC_*`` variables (empty when unset)."""
    server_url = environ.get("OIDC_SERVER_URL")
    if not server_url:
        return {}
    return {
        "openid_connect": {
            "APPS": [
                {
                    "provider_id": environ.get("OIDC_PROVIDER_ID") or "jod",
                    "name": environ.get("OIDC_PROVIDER_NAME") or "JOD",
                    "client_id": environ.get("OIDC_CLIENT_ID", ""),
                    "secret": environ.get("OIDC_CLIENT_SECRET", ""),
                    # PKCE (S256) on top of the client secret: a stolen code is useless.
                    "settings": {"server_url": server_url, "oauth_pkce_enabled": True},
                }
            ]
        }
    }


# Modules the OpenID Connect login needs at its callback (ID token signature checks).
SSO_MODULES = ("jwt", "cryptography", "oauthlib")
