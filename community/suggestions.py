"""Counsellors' suggestions of methods and materials: the editors' inbox (Wagtail snippets)."""

from cms.sanitising import plain_text
from community.models import ContentSuggestion, User


def suggest(
    user: User,
    *,
    title: str,
    description: str,
    language: str,
    url: str = "",
    contact_email: str = "",
) -> ContentSuggestion:
    """A suggestion in the editors' inbox; its texts are stored as plain text."""
    return ContentSuggestion.objects.create(
        user=user,
        title=plain_text(title)[:200],
        url=url,
        description=plain_text(description)[:2000],
        language=language,
        contact_email=contact_email,
    )
