"""The JOD frontend's sign-in link (``/ohjaaja/login``) and sign-out form (``/ohjaaja/logout``),
on this CMS's allauth session.

- Sign-in goes to single sign-on when a provider is configured (``OIDC_*``: allauth's OpenID
  Connect flow with PKCE, the provider-verified email rule of ``community.adapters``), otherwise
  to a small login page here (allauth's login form: its rate limits, email-only accounts, and
  only verified addresses get in). Either way the browser comes back to ``/ohjaaja`` + the
  frontend's ``callback`` path: a path on this origin only, its query and fragment dropped, so
  the link cannot send anyone elsewhere.
- Sign-out is the frontend's form POST with the token in ``_csrf``; ``deletion=true`` erases the
  account first (``community.erasure``: posts stay under "deleted user"). A missing or wrong
  token signs nobody out.
"""

from urllib.parse import urlsplit

from allauth.account.forms import LoginForm
from allauth.decorators import rate_limit
from allauth.socialaccount.adapter import get_adapter as social_adapter
from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from ninja.utils import check_csrf

from community import erasure
from community.people import is_verified_member

LANGUAGES = ("fi", "sv", "en")


class SeeOther(HttpResponseRedirect):
    status_code = 303


def _language(value: str | None) -> str:
    return value if value in LANGUAGES else "fi"


def _callback(value: str) -> str:
    """The frontend path to come back to: only a path on this origin (not ``//host`` or
    ``/\\host``, which browsers read as another host), without query or fragment."""
    if not value.startswith("/") or value.startswith(("//", "/\\")):
        return ""
    path = urlsplit(value).path
    if "\\" in path or any(ord(char) < 0x20 for char in path):
        return ""
    return path


def _argument(request: HttpRequest, name: str) -> str:
    """From the form when it sends one (the login page's hidden fields), else from the link."""
    return request.POST.get(name) or request.GET.get(name) or ""


def frontend_url(path: str = "/") -> str:
    """A path of the frontend, which lives under the same prefix as its API here."""
    return "/" + settings.JOD_USER_PREFIX.rstrip("/") + (path or "/")


@rate_limit(action="login")
@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    language = _language(_argument(request, "lang"))
    callback = _callback(_argument(request, "callback"))
    target = frontend_url(callback)
    if request.user.is_authenticated:
        return SeeOther(target)
    providers = social_adapter().list_providers(request)
    if providers:
        return providers[0].redirect(request, "login", next_url=target, headless=True)
    with translation.override(language):
        form = LoginForm(data=request.POST if request.method == "POST" else None, request=request)
        problem = ""
        if request.method == "POST" and form.is_valid():
            if form.user.is_staff:
                # As with single sign-on: staff sign in at the admin, behind its lockout.
                problem = _("Staff accounts sign in to the admin with their username.")
            elif is_verified_member(form.user):
                response = form.login(request, redirect_url=target)
                return SeeOther(response["Location"]) if response.status_code == 302 else response
            else:
                problem = _(
                    "Confirm your email address first: open the link in the message we sent you."
                )
        return render(
            request,
            "jod/sign_in.html",
            {
                "form": form,
                "problem": problem,
                "language": language,
                "callback": callback,
                "back": frontend_url(f"/{language}"),
            },
            status=400 if request.method == "POST" else 200,
        )


@csrf_exempt  # the token arrives in the frontend's own field, ``_csrf``, checked below
@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    home = frontend_url(f"/{_language(request.POST.get('lang'))}")
    if not request.user.is_authenticated:
        return SeeOther(home)
    request.META[settings.CSRF_HEADER_NAME] = request.POST.get("_csrf", "")
    if check_csrf(request) is not None:
        return SeeOther(f"{home}?error=AUTHENTICATION_FAILURE")
    user = request.user
    logout(request)
    if request.POST.get("deletion") == "true":
        erasure.erase(user, delete_posts=False)
    return SeeOther(home)
