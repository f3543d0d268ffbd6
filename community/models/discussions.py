"""Peer discussion: areas, threads, posts, thanks, follows, reports, and the global switch."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.models import TranslatableMixin


class DiscussionArea(TranslatableMixin, models.Model):
    """A place for threads that are not about one content item (editable by moderators)."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)
    description = models.TextField(_("description"), blank=True, max_length=500)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("discussion area")
        verbose_name_plural = _("discussion areas")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Thread(models.Model):
    """A discussion about a content item (``content_key``) or in an area."""

    area = models.ForeignKey(
        DiscussionArea, null=True, blank=True, on_delete=models.PROTECT, related_name="threads"
    )
    content_key = models.UUIDField(_("content item"), null=True, blank=True, db_index=True)
    title = models.CharField(_("title"), max_length=200)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    language = models.CharField(_("language"), max_length=8, default="fi")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_post_at = models.DateTimeField(_("last post"), auto_now_add=True, db_index=True)
    locked = models.BooleanField(_("locked"), default=False)
    hidden = models.BooleanField(_("hidden"), default=False)

    class Meta:
        verbose_name = _("discussion thread")
        verbose_name_plural = _("discussion threads")

    def __str__(self):
        return self.title


class Post(models.Model):
    """One message in a thread. The first post is the thread's opening message."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="posts")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # One level of replies: a reply points at a top-level post of the same thread.
    reply_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replies"
    )
    body = models.TextField(_("text"))  # sanitised HTML
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    hidden = models.BooleanField(_("hidden"), default=False)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=200, blank=True)
    deleted = models.BooleanField(_("deleted"), default=False)
    # Repeated POSTs with the same Idempotency-Key by the same author store one post.
    idempotency_key = models.CharField(max_length=100, blank=True)

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "idempotency_key"],
                condition=~models.Q(idempotency_key=""),
                name="post_idempotency_unique",
            )
        ]
        indexes = [models.Index(fields=["thread", "created_at"], name="post_thread_created")]

    def __str__(self):
        return f"{self.thread.title} #{self.pk}"


class Thanks(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="thanks")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "user"], name="thanks_unique")]


class Follow(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="follows")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["thread", "user"], name="follow_unique")]


class Report(models.Model):
    class Reason(models.TextChoices):
        SPAM = "spam", _("spam or advertising")
        HARASSMENT = "harassment", _("harassment or hate")
        PERSONAL_DATA = "personal_data", _("someone's personal data")
        MISINFORMATION = "misinformation", _("misleading information")
        OFF_TOPIC = "off_topic", _("off topic")
        OTHER = "other", _("other")

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        DISMISSED = "dismissed", _("dismissed")
        ACTIONED = "actioned", _("actioned")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reason = models.CharField(_("reason"), max_length=32, choices=Reason.choices)
    details = models.CharField(_("details"), max_length=500, blank=True)
    # A report from someone not signed in (the JOD frontend lets anyone report): it reaches the
    # moderators but never counts towards hiding a post, which only verified counsellors can do.
    anonymous = models.BooleanField(_("anonymous"), default=False)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        permissions = [("moderate_discussions", "Can moderate discussions")]
        constraints = [
            models.UniqueConstraint(fields=["post", "reporter"], name="report_once_per_user")
        ]


@register_setting(icon="group")
class CommunitySettings(BaseGenericSetting):
    posting_open = models.BooleanField(
        _("posting open"),
        default=True,
        help_text=_("Turn off to close all posting, replying and reacting (reading stays open)."),
    )
    closed_message = models.CharField(
        _("message while closed"),
        max_length=300,
        blank=True,
        help_text=_("Shown to counsellors while posting is closed."),
    )

    class Meta:
        verbose_name = _("community settings")
