"""Emails reach a real SMTP server (aiosmtpd on loopback): a reply's followers and a day's
digests are sent in one SMTP session, not one connection (and one login) per email. And the
digest run's queries do not grow with its readers."""

import socket

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from community.factories import CounsellorFactory
from community.models import Follow, Post, Thread, User
from community.notifications import send_daily_digests, send_reply_emails
from tests.community.test_discussions_api import reply


class Recorder:
    """Keeps every SMTP session that delivered a message, and the messages."""

    def __init__(self):
        self.sessions = []  # held, so no two sessions share an id()
        self.recipients = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.sessions.append(session)
        self.recipients.extend(envelope.rcpt_tos)
        return "250 Message accepted for delivery"

    @property
    def connections(self):
        return len({id(session) for session in self.sessions})


@pytest.fixture
def smtp(settings):
    with socket.socket() as probe:  # a free loopback port
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    recorder = Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield recorder
    controller.stop()


def test_a_replys_followers_are_emailed_in_one_smtp_session(client, counsellor, other, start, smtp):
    thread = start(counsellor)  # the author follows their thread
    followers = [CounsellorFactory() for _ in range(3)]
    Follow.objects.bulk_create(Follow(thread_id=thread["id"], user=user) for user in followers)
    client.force_login(other)
    assert reply(client, thread["id"], "Vastaus kaikille").status_code == 201  # emails sent

    expected = sorted(user.email for user in [counsellor, *followers])
    assert sorted(smtp.recipients) == expected
    assert smtp.connections == 1

    smtp.sessions.clear()
    smtp.recipients.clear()
    post_id = client.get(f"/api/v1/discussions/{thread['id']}/").json()["posts"][-1]["id"]
    assert send_reply_emails(post_id) == 4  # the task's own count, when it runs again
    assert smtp.connections == 1


def test_a_days_digests_go_out_in_one_smtp_session(client, counsellor, other, start, smtp):
    readers = [CounsellorFactory(daily_digest=True, notify_replies=False) for _ in range(3)]
    thread = start(counsellor)
    Follow.objects.bulk_create(Follow(thread_id=thread["id"], user=user) for user in readers)
    client.force_login(other)
    reply(client, thread["id"], "Uutta tänään")
    smtp.sessions.clear()
    smtp.recipients.clear()

    assert send_daily_digests() == 3
    assert sorted(smtp.recipients) == sorted(user.email for user in readers)
    assert smtp.connections == 1


def test_digests_count_others_posts_and_take_the_same_queries_for_one_reader_or_many(
    client, counsellor, other, start
):
    first = start(counsellor, title="Ensimmäinen")
    second = start(other, title="Toinen")
    readers = [CounsellorFactory(daily_digest=True, notify_replies=False) for _ in range(4)]
    Follow.objects.bulk_create(
        Follow(thread_id=thread["id"], user=user) for user in readers for thread in (first, second)
    )
    client.force_login(readers[0])
    reply(client, first["id"], "Oma vastaus")  # not news to its author
    client.force_login(other)
    reply(client, second["id"], "Lisää")

    def digests():
        mail.outbox.clear()
        with CaptureQueriesContext(connection) as queries:
            sent = send_daily_digests()
        return sent, len(queries), {m.to[0]: m.body for m in mail.outbox}

    sent, many_queries, bodies = digests()
    assert sent == 4
    # The threads in the order of their first post by someone else, with those posts counted.
    assert bodies[readers[0].email].index("Ensimmäinen (1)") < bodies[readers[0].email].index(
        "Toinen (2)"
    )
    assert "Ensimmäinen (2)" in bodies[readers[1].email]

    User.objects.filter(pk__in=[user.pk for user in readers[1:]]).update(daily_digest=False)
    sent, one_queries, bodies = digests()
    assert (sent, list(bodies)) == (1, [readers[0].email])
    assert many_queries == one_queries


def test_no_email_tells_of_a_thread_the_public_may_not_see(client, counsellor, other, start):
    """Emails follow the one visibility rule (community.visibility): a thread moderators hid
    is not in a digest, and a moderator's reply there emails nobody."""
    hidden = start(counsellor, title="Piilotettu ketju")
    shown = start(counsellor, title="Näkyvä ketju")
    reader = CounsellorFactory(daily_digest=True, notify_replies=True)
    Follow.objects.bulk_create(Follow(thread_id=t["id"], user=reader) for t in (hidden, shown))
    client.force_login(other)
    reply(client, hidden["id"], "Ennen piilotusta")
    reply(client, shown["id"], "Vastaus")
    Thread.objects.filter(pk=hidden["id"]).update(hidden=True)
    moderator_post = Post.objects.create(
        thread_id=hidden["id"], author=other, body="<p>Moderaattori</p>"
    )
    mail.outbox.clear()

    assert send_reply_emails(moderator_post.pk) == 0
    assert send_daily_digests() == 1
    assert "Näkyvä ketju" in mail.outbox[0].body
    assert "Piilotettu ketju" not in mail.outbox[0].body
