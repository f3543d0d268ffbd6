"""Run inside the provider's settings: `python -m tests.sso.provider.setup REDIRECT_URI`.
Creates the client application and the test users; prints the client id and secret as JSON."""

import json
import sys

import django

django.setup()

from django.contrib.auth.models import Group, User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from oauth2_provider.models import Application  # noqa: E402

from tests.sso.provider.validator import UNVERIFIED  # noqa: E402

PASSWORD = "provider-password-123"  # noqa: S105 - a throwaway provider's test users

call_command("migrate", verbosity=0)
unverified = Group.objects.get_or_create(name=UNVERIFIED)[0]
for username, email, first, last, verified in [
    ("aila", "aila.ohjaaja@example.fi", "Aila", "Ohjaaja", True),
    ("ville", "ville.vahvistamaton@example.fi", "Ville", "Vahvistamaton", False),
    ("eeva", "eeva.olemassa@example.fi", "Eeva", "Olemassa", True),
    ("sami", "sami.valtaaja@example.fi", "Sami", "Omistaja", True),
    ("toimittaja", "toimittaja@example.fi", "Tiina", "Toimittaja", True),
]:
    user = User.objects.create_user(username, email, PASSWORD, first_name=first, last_name=last)
    if not verified:
        user.groups.add(unverified)
application = Application.objects.create(
    name="Ohjaajan osio",
    client_type=Application.CLIENT_CONFIDENTIAL,
    authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
    redirect_uris=sys.argv[1],
    algorithm=Application.RS256_ALGORITHM,
    skip_authorization=True,
    hash_client_secret=False,
    client_secret="cms-client-secret-for-tests",  # noqa: S106
)
print(json.dumps({"client_id": application.client_id, "secret": application.client_secret}))
