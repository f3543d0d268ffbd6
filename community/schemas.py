"""Request and response shapes of the community API (responses: cms.shapes)."""

import uuid
from typing import Literal

from ninja import Schema
from pydantic import Field

from cms.shapes import Shape, Timestamp
from community.models.accounts import SECTOR_CHOICES, WORKPLACE_CHOICES

Sector = Literal[tuple(code for code, _label in SECTOR_CHOICES) + ("",)]
Workplace = Literal[tuple(code for code, _label in WORKPLACE_CHOICES) + ("",)]
ReportReason = Literal[
    "spam", "harassment", "personal_data", "misinformation", "off_topic", "other"
]


class ProfileOut(Shape):
    display_name: str
    public_profile: bool
    profile_id: str | None  # opaque (community.names.public_profile_id)
    sector: str
    workplace_type: str
    notify_replies: bool
    daily_digest: bool
    interests: list[str]
    posting_suspended_until: Timestamp | None
    new_account: bool


class ProfileIn(Schema):
    display_name: str | None = Field(None, min_length=2, max_length=80)
    public_profile: bool | None = None
    sector: Sector | None = None
    workplace_type: Workplace | None = None
    notify_replies: bool | None = None
    daily_digest: bool | None = None


class InterestsIn(Schema):
    keywords: list[str] = Field(..., max_length=50, description="keyword slugs")


class InterestsOut(Shape):
    keywords: list[str]  # keyword slugs


class AuthorOut(Shape):
    name: str  # the display name (public profile) or a per-thread pseudonym
    profile_id: str | None  # only for public profiles; opaque
    is_me: bool


class AreaOut(Shape):
    slug: str
    name: str
    description: str
    translation_key: uuid.UUID


class ThreadOut(Shape):
    id: int
    title: str
    area: AreaOut | None
    content_key: uuid.UUID | None
    author: AuthorOut
    language: str
    created_at: Timestamp
    last_post_at: Timestamp
    post_count: int
    locked: bool


class ThreadListOut(Shape):
    count: int
    items: list[ThreadOut]


class PostOut(Shape):
    id: int
    author: AuthorOut
    body: str  # sanitised HTML; "" when deleted
    reply_to: int | None
    created_at: Timestamp
    edited: bool
    edited_at: Timestamp | None
    deleted: bool
    hidden: bool  # only moderators ever see hidden posts
    thanks: int
    thanked_by_me: bool


class ThreadDetailOut(ThreadOut):
    following: bool
    posts: list[PostOut]


class ThreadListParams(Schema):
    """GET /api/v1/discussions/ and GraphQL ``threads``."""

    area: str | None = Field(None, max_length=100, pattern=r"^[a-z0-9-]+$")
    content: uuid.UUID | None = Field(None, description="translation_key of a content item")
    limit: int = Field(20, ge=1, le=100)
    offset: int = Field(0, ge=0, le=100_000)


class ThreadIn(Schema):
    title: str = Field(..., min_length=3, max_length=200)
    body: str = Field(..., min_length=1, max_length=20_000)
    area: str | None = Field(None, max_length=100, description="slug of a discussion area")
    content: uuid.UUID | None = Field(None, description="translation_key of a content item")
    locale: Literal["fi", "sv", "en"] = "fi"


class PostIn(Schema):
    body: str = Field(
        ..., min_length=1, max_length=20_000, description="HTML; a small allow-list is kept"
    )
    reply_to: int | None = Field(None, ge=1, le=2**62)


class PostEditIn(Schema):
    body: str = Field(..., min_length=1, max_length=20_000)


class ReportIn(Schema):
    reason: ReportReason
    details: str = Field("", max_length=500)


class ThanksOut(Shape):
    thanks: int


class FollowOut(Shape):
    following: bool


class EraseIn(Schema):
    delete_posts: bool = Field(
        False,
        description="also delete your posts (replies by others stay); else they stay anonymised",
    )
    confirm: Literal["erase my account"]


class SuggestionIn(Schema):
    title: str = Field(..., min_length=3, max_length=200)
    url: str = Field(..., max_length=500, pattern=r"^https?://[^\s]+$")
    description: str = Field(..., min_length=10, max_length=2000)
    locale: Literal["fi", "sv", "en"] = "fi"


class SuggestionOut(Shape):
    id: int
    status: str
