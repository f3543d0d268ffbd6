"""Discussion rules: who sees what, posting, editing, thanks, follows and reports.

API endpoints and GraphQL resolvers call these functions; they raise ``CommunityError`` (with an
HTTP status) for anything a user may not do, and never leave a half-written change behind. The
rules are split by concept: ``reading`` (listings, a thread with its posts, areas), ``posting``
(taking part) and ``changes`` (when a cached thread read is stale). Who may see a thread or a
post is decided in one place, ``community.visibility``.
"""

from community.discussions.changes import (
    DISCUSSIONS_VERSION,
    discussions_changed,
    on_model_change,
)
from community.discussions.errors import CommunityError
from community.discussions.posting import (
    create_thread,
    delete_post,
    edit_post,
    posting_open,
    remove_post,
    reply,
    report_post,
    set_follow,
    set_thanks,
)
from community.discussions.reading import (
    AuthorView,
    PostView,
    area_by_slug,
    areas,
    thread_detail,
    thread_listing,
)

__all__ = [
    "DISCUSSIONS_VERSION",
    "AuthorView",
    "CommunityError",
    "PostView",
    "area_by_slug",
    "areas",
    "create_thread",
    "delete_post",
    "discussions_changed",
    "edit_post",
    "on_model_change",
    "posting_open",
    "remove_post",
    "reply",
    "report_post",
    "set_follow",
    "set_thanks",
    "thread_detail",
    "thread_listing",
]
