"""What a new post leaves for the task worker: one task, queued in the post's own transaction.

Its row commits with the post (django-tasks' database backend), so the worker never sees a post
that was rolled back, and the poster waits for one commit rather than one per task.
"""

from django_tasks import task

from community.notifications import send_reply_emails
from community.search_source import index_new_post


@task()
def after_new_post(post_id: int, notify: bool) -> int:
    """The post's words into search, then (for a reply) an email to each follower who asked
    for one. Returns the number of emails sent."""
    index_new_post(post_id)
    return send_reply_emails(post_id) if notify else 0
