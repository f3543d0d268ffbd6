"""The dicts that fill the community's response shapes (``community.schemas``), for REST and
GraphQL alike."""

from typing import Any

from cms.api_errors import invalid_parameter
from community import discussions, names
from community.discussions import PostView
from community.models import DiscussionArea, Post, Thread
from community.people import Viewer


def area_data(area: DiscussionArea | None) -> dict[str, Any] | None:
    if area is None:
        return None
    return {
        "slug": area.slug,
        "name": area.name,
        "description": area.description,
        "translation_key": area.translation_key,
    }


def area_from_slug(slug: str | None) -> DiscussionArea | None:
    """The discussion area a request names (None when it names none); an unknown slug is a
    400 on the ``area`` parameter."""
    if not slug:
        return None
    area = discussions.area_by_slug(slug)
    if area is None:
        raise invalid_parameter("area", f"unknown area {slug!r}")
    return area


def thread_data(thread: Thread, viewer: Viewer, post_count: int | None = None) -> dict[str, Any]:
    return {
        "id": thread.pk,
        "title": thread.title,
        "area": area_data(thread.area),
        "content_key": thread.content_key,
        "author": names.author_label(thread.author, thread.pk, viewer),
        "language": thread.language,
        "created_at": thread.created_at,
        "last_post_at": thread.last_post_at,
        "post_count": post_count if post_count is not None else getattr(thread, "post_count", 0),
        "locked": thread.locked,
    }


def post_data(
    post: Post | PostView, viewer: Viewer, labels: dict[int | None, dict[str, Any]] | None = None
) -> dict[str, Any]:
    """A post as the API shows it; ``labels`` (author id → label) spares a thread of many posts
    by the same people computing each author's pseudonym again for every post."""
    if labels is None:
        author = names.author_label(post.author, post.thread_id, viewer)
    elif post.author_id in labels:
        author = labels[post.author_id]
    else:
        author = labels[post.author_id] = names.author_label(post.author, post.thread_id, viewer)
    return {
        "id": post.pk,
        "author": author,
        "body": "" if post.deleted else post.body,
        "reply_to": post.reply_to_id,
        "created_at": post.created_at,
        "edited": post.edited_at is not None,
        "edited_at": post.edited_at,
        "deleted": post.deleted,
        "hidden": post.hidden,
        "thanks": getattr(post, "thanks_count", 0),
        "thanked_by_me": bool(getattr(post, "thanked_by_me", False)),
    }


def thread_detail_data(viewer: Viewer, thread_id: int) -> dict[str, Any]:
    """A thread with its visible posts, as REST and GraphQL return it."""
    thread, posts, total, following = discussions.thread_detail(viewer, thread_id)
    labels: dict[int | None, dict[str, Any]] = {}
    return {
        **thread_data(thread, viewer, post_count=total),
        "following": following,
        "posts": [post_data(post, viewer, labels) for post in posts],
    }
