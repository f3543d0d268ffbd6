"""Emails to counsellors: new replies in followed threads (with one-click unsubscribe), the
daily digest, and moderation decisions about their posts."""

import datetime
from collections import defaultdict

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from community.models import Follow, Post, Thread, User
from community.names import author_label
from community.visibility import visible_threads

UNSUBSCRIBE_SALT = "community.unsubscribe"


def unsubscribe_token(user_id, thread_id):
    return signing.dumps({"u": user_id, "t": thread_id}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token):
    """(user id, thread id) from a token; raises ``signing.BadSignature``. Tokens do not expire:
    an old email's link must still work."""
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    return data["u"], data["t"]


def unsubscribe_url(user_id, thread_id):

    path = reverse("api-v1:unsubscribe")
    return f"{settings.WAGTAILADMIN_BASE_URL}{path}?token={unsubscribe_token(user_id, thread_id)}"


def thread_url(thread):
    return f"{settings.FRONTEND_BASE_URL}/keskustelut/{thread.pk}/"


def _message(user, subject, template, context, unsubscribe=None) -> EmailMessage:
    with translation.override(context.get("language", settings.LANGUAGE_CODE)):
        body = render_to_string(template, {**context, "user": user})
    headers = {}
    if unsubscribe:
        headers["List-Unsubscribe"] = f"<{unsubscribe}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return EmailMessage(subject, body, to=[user.email], headers=headers)


def _deliver(messages: list[EmailMessage]) -> int:
    """Send ``messages`` over one connection to the mail server: one SMTP session for a
    reply's followers or a day's digests, not a handshake (and a login) per email. Returns the
    number sent; a failure raises (the task fails and says so)."""
    return get_connection(fail_silently=False).send_messages(messages)


def send_reply_emails(post_id):
    post = (
        Post.objects.select_related("thread", "author")
        .filter(pk=post_id, thread__in=visible_threads(None))
        .first()
    )
    if post is None or post.hidden or post.deleted:
        return 0  # nothing the public may not see goes out by email (community.visibility)
    thread = post.thread
    followers = (
        Follow.objects.filter(thread=thread, user__notify_replies=True, user__is_active=True)
        .exclude(user_id=post.author_id)
        .exclude(user__email="")
        .select_related("user")
    )
    messages = []
    for follow in followers:
        user = follow.user
        link = unsubscribe_url(user.pk, thread.pk)
        with translation.override(thread.language):
            subject = translation.gettext("New reply: %(title)s") % {"title": thread.title}
        messages.append(
            _message(
                user,
                subject,
                "community/email/reply.txt",
                {
                    "thread": thread,
                    "author": author_label(post.author, thread.pk)["name"],
                    "url": thread_url(thread),
                    "unsubscribe_url": link,
                    "language": thread.language,
                },
                unsubscribe=link,
            )
        )
    return _deliver(messages)


def send_daily_digests(now=None):
    """One email per counsellor who asked for a digest: how many posts others wrote in the last
    day in each thread they follow, the threads in the order of their first such post. Returns
    the number of emails sent. Four queries however many readers (the readers, their follows,
    the day's posts in those threads, the threads), not one per reader."""
    now = now or timezone.now()
    since = now - datetime.timedelta(days=1)
    readers = User.objects.filter(daily_digest=True, is_active=True).exclude(email="")
    followed = defaultdict(list)  # reader id → the threads they follow
    for user_id, thread_id in Follow.objects.filter(user__in=readers).values_list(
        "user_id", "thread_id"
    ):
        followed[user_id].append(thread_id)
    # Each thread's posts of the day as (position in the day, author id), oldest first.
    posts = defaultdict(list)
    day = Post.objects.filter(
        thread__in=visible_threads(None),
        thread__follows__user__in=readers,
        created_at__gte=since,
        hidden=False,
        deleted=False,
    ).distinct()
    for position, (thread_id, author_id) in enumerate(
        day.order_by("created_at", "id").values_list("thread_id", "author_id")
    ):
        posts[thread_id].append((position, author_id))
    threads = Thread.objects.in_bulk(list(posts))
    messages = []
    with translation.override(settings.LANGUAGE_CODE):
        subject = translation.gettext("New in the discussions you follow")
    for user in readers.filter(pk__in=list(followed)).order_by("pk"):
        news = []  # (position of the first post by someone else, thread, count)
        for thread_id in followed[user.pk]:
            others = [position for position, author in posts[thread_id] if author != user.pk]
            if others:
                news.append((others[0], threads[thread_id], len(others)))
        if not news:
            continue
        messages.append(
            _message(
                user,
                subject,
                "community/email/digest.txt",
                {
                    "threads": [
                        {"title": thread.title, "count": count, "url": thread_url(thread)}
                        for _first, thread, count in sorted(news, key=lambda item: item[0])
                    ],
                    "language": settings.LANGUAGE_CODE,
                },
            )
        )
    return _deliver(messages)


def decision_text(decision) -> str:
    """A moderation decision in the active language: a lazy string, or (lazy string, params)."""
    text, params = decision if isinstance(decision, tuple) else (decision, None)
    return str(text) % params if params else str(text)


def tell_author(post, action, note=""):
    """Tell a post's author what a moderator did, and why (``action``: see decision_text)."""
    user = post.author
    if user is None or not user.email:
        return False
    with translation.override(post.thread.language):
        subject = translation.gettext("About your post in “%(title)s”") % {
            "title": post.thread.title
        }
        action = decision_text(action)
    message = _message(
        user,
        subject,
        "community/email/moderation.txt",
        {
            "thread": post.thread,
            "action": action,
            "note": note,
            "url": thread_url(post.thread),
            "language": post.thread.language,
        },
    )
    return _deliver([message]) == 1


# --- Background tasks (django-tasks) --------------------------------------------------------


@task()
def send_daily_digests_task():
    """The daily digest run (``manage.py enqueue_daily_tasks`` queues it)."""
    return send_daily_digests()
