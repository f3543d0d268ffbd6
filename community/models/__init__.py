from community.models.accounts import Favourite, Interest, RecentView, User
from community.models.discussions import (
    CommunitySettings,
    DiscussionArea,
    Follow,
    Post,
    Report,
    Thanks,
    Thread,
)
from community.models.suggestions import ContentSuggestion

__all__ = [
    "CommunitySettings",
    "ContentSuggestion",
    "DiscussionArea",
    "Favourite",
    "Follow",
    "Interest",
    "Post",
    "RecentView",
    "Report",
    "Thanks",
    "Thread",
    "User",
]
