"""Moderators' actions. Each is recorded in Wagtail's audit log and the author is told."""

import datetime

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from community.discussions import discussions_changed
from community.models import Post, Report, Thread, User
from community.notifications import decision_text, tell_author
from community.search_source import reindex_threads

ACTIONS = {
    "hide": "community.post.hide",
    "restore": "community.post.restore",
    "delete": "community.post.delete",
    "dismiss": "community.reports.dismiss",
    "lock": "community.thread.lock",
    "unlock": "community.thread.unlock",
    "suspend": "community.user.suspend",
}


def queue():
    """Posts that need a moderator: hidden, or with open reports; most reported first."""

    return (
        Post.objects.filter(Q(hidden=True, deleted=False) | Q(reports__status=Report.Status.OPEN))
        .select_related("thread", "author")
        .annotate(
            open_reports=Count(
                "reports", filter=Q(reports__status=Report.Status.OPEN), distinct=True
            )
        )
        .prefetch_related("reports")
        .distinct()
        .order_by("-open_reports", "-created_at")
    )


def _resolve_reports(post, status):
    Report.objects.filter(post=post, status=Report.Status.OPEN).update(status=status)


def _reindex(thread_id):
    reindex_threads([thread_id])


@transaction.atomic
def moderate(moderator, post, action, note="", days=7):
    """Apply ``action`` to ``post`` (or its thread or author); returns a message for the admin."""
    thread = post.thread
    if action == "hide":
        post.hidden, post.hidden_reason = True, note[:200] or _("Hidden by a moderator.")
        post.save(update_fields=["hidden", "hidden_reason"])
        _resolve_reports(post, Report.Status.ACTIONED)
        told = gettext_lazy("hidden")
    elif action == "restore":
        post.hidden, post.hidden_reason = False, ""
        post.save(update_fields=["hidden", "hidden_reason"])
        _resolve_reports(post, Report.Status.DISMISSED)
        told = gettext_lazy("restored")
    elif action == "delete":
        post.body, post.deleted, post.hidden = "", True, False
        post.save(update_fields=["body", "deleted", "hidden"])
        _resolve_reports(post, Report.Status.ACTIONED)
        told = gettext_lazy("removed")
    elif action == "dismiss":
        _resolve_reports(post, Report.Status.DISMISSED)
        told = None  # nothing changed for the author
    elif action in ("lock", "unlock"):
        Thread.objects.filter(pk=thread.pk).update(locked=action == "lock")
        discussions_changed()
        told = gettext_lazy("discussion locked") if action == "lock" else None
    elif action == "suspend":
        if post.author is None:
            raise ValueError("the author has deleted their account")
        until = timezone.now() + datetime.timedelta(days=max(1, min(int(days), 365)))
        User.objects.filter(pk=post.author_id).update(posting_suspended_until=until)
        _resolve_reports(post, Report.Status.ACTIONED)
        told = (gettext_lazy("posting suspended for %(days)s days"), {"days": days})
    else:
        raise ValueError(f"unknown action {action!r}")
    log(
        instance=post if action not in ("lock", "unlock") else thread,
        action=ACTIONS[action],
        user=moderator,
        data={"post": post.pk, "thread": thread.pk, "note": note[:500], "days": days},
    )
    _reindex(thread.pk)
    if told:
        post.refresh_from_db()
        # The decision is put into words in the author's language when the email is written,
        # not in the moderator's admin language.
        tell_author(post, told, note)
    return decision_text(told) if told else _("done")
