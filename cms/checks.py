"""System checks: what ``manage.py check --deploy`` must refuse before a release."""

from django.conf import settings
from django.core.checks import Error, register


@register(deploy=True)
def external_database_named(app_configs, **kwargs):
    """A deployment names its PostgreSQL; the embedded development server keeps its data in the
    checkout and stops with the last process, so it never serves production."""
    if settings.DATABASE_URL:
        return []
    return [
        Error(
            "DATABASE_URL is not set: this would run on the embedded development database.",
            hint="Set DATABASE_URL to the production PostgreSQL, "
            "e.g. postgres://user:password@db.example:5432/ohjaaja_cms.",
            id="cms.E001",
        )
    ]
