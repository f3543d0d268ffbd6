"""System checks for counsellor accounts."""

import importlib

from django.conf import settings
from django.core.checks import Error, register

from community.sso import SSO_MODULES


@register()
def sso_modules_installed(app_configs, **kwargs):
    """With single sign-on configured, the modules its callback needs must import: without them
    every counsellor's sign-in ends in a 500 at the callback, long after `check` passed."""
    if not settings.SOCIALACCOUNT_PROVIDERS:
        return []
    missing = []
    for module in SSO_MODULES:
        try:
            importlib.import_module(module)
        except ImportError:
            missing.append(module)
    if not missing:
        return []
    return [
        Error(
            f"Single sign-on is configured but {', '.join(missing)} cannot be imported.",
            hint="Install the project with its dependencies: django-allauth[socialaccount].",
            id="community.E001",
        )
    ]
