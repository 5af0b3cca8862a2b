"""What happened in a round (the activity feed), comments on proposals, and who was told."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from raaderum.rounds.models import BudgetRound

COMMENT_MAX_LENGTH = 5000


class Event(models.Model):
    """One thing that happened in a round, shown in its activity feed."""

    round = models.ForeignKey(
        BudgetRound, on_delete=models.CASCADE, related_name="events", verbose_name=_("budget round")
    )
    proposal = models.ForeignKey(
        "proposals.Proposal",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("proposal"),
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    verb = models.CharField(_("what"), max_length=40)
    text = models.TextField(_("text"))
    at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["round", "-at"], name="event_feed")]

    def __str__(self) -> str:
        return self.text


class Comment(models.Model):
    """A remark in a proposal's thread. Comments are part of the record: never edited."""

    proposal = models.ForeignKey(
        "proposals.Proposal",
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name=_("proposal"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("author"),
    )
    text = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.author}: {self.text[:60]}"


class NotificationMode(models.TextChoices):
    IMMEDIATE = "immediate", _("Immediately: one e-mail for each notification")
    DAILY_DIGEST = "daily_digest", _("Once a day: all notifications in one e-mail")


class NotificationSetting(models.Model):
    """How a user wants to be told. Users without a row get e-mails immediately."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_setting",
        verbose_name=_("user"),
    )
    mode = models.CharField(
        _("e-mail notifications"),
        max_length=20,
        choices=NotificationMode.choices,
        default=NotificationMode.IMMEDIATE,
    )

    class Meta:
        verbose_name = _("notification setting")
        verbose_name_plural = _("notification settings")

    def __str__(self) -> str:
        return f"{self.user}: {self.get_mode_display()}"


class NotificationQuerySet(models.QuerySet["Notification"]):
    def unsent(self) -> NotificationQuerySet:
        return self.filter(sent_at__isnull=True)


class Notification(models.Model):
    """One message to one person, e-mailed at once or in the daily digest (then `sent_at`).

    Subject and body are written in Danish when the notification is made; the e-mail adds the
    link (SITE_URL + url) and a footer.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    event = models.ForeignKey(
        Event,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notifications",
        verbose_name=_("event"),
    )
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("text"))
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["user", "created_at"],
                condition=models.Q(sent_at__isnull=True),
                name="notification_unsent",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.subject}"


class Reminder(models.Model):
    """A person was reminded of one step of one proposal on one day; never twice that day."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("recipient"),
    )
    proposal = models.ForeignKey(
        "proposals.Proposal",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("proposal"),
    )
    step = models.CharField(_("step"), max_length=30)
    day = models.DateField(_("day"))
    notification = models.ForeignKey(
        Notification,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("notification"),
    )

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-day", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "proposal", "step", "day"], name="one_reminder_per_item_and_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.user}: {self.step} {self.proposal_id}"
