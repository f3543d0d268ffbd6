"""Erasing a counsellor's account (GDPR art. 17): personal data goes, posts stay anonymous or go,
the search index forgets them."""

from axes.models import AccessAttempt
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from community.discussions import remove_post
from community.models import ContentSuggestion, Post, Report, User
from community.search_source import reindex_threads


@transaction.atomic
def erase(user, delete_posts=False):
    """Remove the person: personal data goes; their posts stay under "deleted user" (or go,
    ``delete_posts``), and other people's replies stay intact either way."""
    thread_ids = list(
        Post.objects.filter(author=user).values_list("thread_id", flat=True).distinct()
    )
    if delete_posts:
        for post in (
            Post.objects.filter(author=user).select_related("thread").order_by("-created_at")
        ):
            remove_post(post)
    Post.objects.filter(author=user).update(idempotency_key="")
    # Failed sign-in records name the account (django-axes).
    AccessAttempt.objects.filter(username__in=[user.username, user.email]).delete()
    # Reports they made stay for the moderators, without the reporter; free-text details go.
    Report.objects.filter(reporter=user).update(details="")
    ContentSuggestion.objects.filter(user=user).update(user=None, contact_email="")
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            session.delete()
    User.objects.filter(
        pk=user.pk
    ).delete()  # favourites, interests, views, thanks, follows cascade
    reindex_threads(thread_ids)
