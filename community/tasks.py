"""Background work for the community: reply emails and the daily digest."""

from django_tasks import task


@task()
def send_reply_notifications(post_id):
    from community.notifications import send_reply_emails

    return send_reply_emails(post_id)


@task()
def send_daily_digests():
    from community.notifications import send_daily_digests as send

    return send()
