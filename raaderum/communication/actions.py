"""Record what happened and tell the people concerned.

Other apps call `do_record_event`; the communication views and commands call the rest. Every
notification is one row per recipient; users who want e-mails at once get them right after the
transaction commits, the others in the daily digest (`send_digests`).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from raaderum.access import PERMISSIONS, Action
from raaderum.communication.models import (
    Comment,
    Event,
    Notification,
    NotificationMode,
    NotificationSetting,
    Reminder,
)
from raaderum.organisation.models import Role, User
from raaderum.proposals import workflow
from raaderum.rounds.models import BudgetRound, PhaseKind

if TYPE_CHECKING:
    from raaderum.proposals.models import Proposal

logger = logging.getLogger(__name__)

# The language of every e-mail: the recipients are Danish municipal staff.
EMAIL_LANGUAGE = "da"

# An "immediate" notification still unsent after this long failed to send (or its user switched
# from the digest); the next digest run delivers it rather than lose it.
RETRY_AFTER = timedelta(hours=1)

# Once the catalog has gone to the politicians, reminding people of drafts is noise.
PHASES_WITHOUT_REMINDERS = frozenset(
    {PhaseKind.NEGOTIATION, PhaseKind.ADOPTION, PhaseKind.FOLLOW_UP}
)

# What each workflow.due_items() step asks of the person reminded.
STEP_TASKS = {
    "submit": gettext_lazy("Submit %(proposal)s for quality check"),
    "sign_off": gettext_lazy("Sign off the calculation of %(proposal)s"),
    "approve": gettext_lazy("Approve %(proposal)s for the catalog"),
    "add_to_catalog": gettext_lazy("Add %(proposal)s to the catalog"),
}


def do_record_event(
    budget_round: BudgetRound,
    *,
    actor: User | None,
    verb: str,
    text: str,
    proposal: Proposal | None = None,
    notify: Iterable[User] = (),
    url: str = "",
) -> Event:
    """Add an event to the round's activity feed and notify `notify` (never the actor).

    `text` is a finished sentence in the active language (e.g. "Bente sent BU-07 back.");
    `url` is the page the notification links to (default: the proposal, else the round).
    Recipients are deduplicated; inactive users, users without an e-mail address and users who
    are not members of the round's municipality are skipped.
    """
    return _record_event(
        budget_round,
        actor=actor,
        verb=verb,
        text=text,
        proposal=proposal,
        notify=notify,
        url=url,
    )


@transaction.atomic
def _record_event(
    budget_round: BudgetRound,
    *,
    actor: User | None,
    verb: str,
    text: str,
    proposal: Proposal | None,
    notify: Iterable[User | None],
    url: str,
    subject: str = "",
    message: str = "",
) -> Event:
    event = Event.objects.create(
        round=budget_round, proposal=proposal, actor=actor, verb=verb, text=text
    )
    recipients = recipients_in(
        budget_round.municipality_id,
        notify,
        exclude=actor,
        # Proposals (drafts included) are for those who may see the internal catalog: never
        # e-mail a proposal's text to someone whose role no longer lets them open it.
        action=Action.VIEW_CATALOG if proposal is not None else None,
    )
    if recipients:
        if not url:
            url = (
                reverse("proposal_detail", args=[proposal.public_id])
                if proposal is not None
                else reverse("round_detail", args=[budget_round.public_id])
            )
        with translation.override(EMAIL_LANGUAGE):
            context = []
            if proposal is not None:
                context.append(_("Proposal: %(proposal)s") % {"proposal": proposal})
            context.append(_("Budget round: %(round)s") % {"round": budget_round.name})
            body = f"{message or text}\n\n" + "\n".join(context)
        notify_users(recipients, subject=subject or text, body=body, url=url, event=event)
    return event


def recipients_in(
    municipality_id: int,
    people: Iterable[User | None],
    *,
    exclude: User | None = None,
    action: Action | None = None,
) -> list[User]:
    """The people who can be told: members of the municipality, active, with an e-mail address.

    With `action`, only members whose role there allows it (e.g. viewing the proposal told of).
    """
    ids = {person.pk for person in people if person is not None}
    if exclude is not None:
        ids.discard(exclude.pk)
    if not ids:
        return []
    membership: dict[str, object] = {"memberships__municipality_id": municipality_id}
    if action is not None:
        # In the same filter() as the municipality: the role must be held in this municipality.
        membership["memberships__role__in"] = list(PERMISSIONS[action])
    return list(
        User.objects.filter(pk__in=ids, is_active=True, **membership)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def notify_users(
    recipients: Sequence[User],
    *,
    subject: str,
    body: str,
    url: str,
    event: Event | None = None,
) -> list[Notification]:
    """One notification per recipient; those who want e-mails at once get them on commit."""
    subject = Truncator(" ".join(subject.split())).chars(255)
    notifications = Notification.objects.bulk_create(
        Notification(user=user, event=event, subject=subject, body=body, url=url)
        for user in recipients
    )
    digest = set(
        NotificationSetting.objects.filter(
            user__in=recipients, mode=NotificationMode.DAILY_DIGEST
        ).values_list("user_id", flat=True)
    )
    immediate = [n.pk for n in notifications if n.user_id not in digest]
    if immediate:
        transaction.on_commit(partial(send_immediately, immediate), robust=True)
    return notifications


# Comments


@transaction.atomic
def do_add_comment(proposal: Proposal, *, author: User, text: str) -> Comment:
    """Add a comment and tell the proposal's owner, director and contributors."""
    comment = Comment.objects.create(proposal=proposal, author=author, text=text)
    excerpt = Truncator(" ".join(text.split())).chars(120)
    values = {"user": author, "code": proposal.code, "title": proposal.title, "excerpt": excerpt}
    with translation.override(EMAIL_LANGUAGE):  # the feed is shared: Danish as the e-mails
        subject = _("%(user)s commented on %(code)s %(title)s") % values
        message = _("%(user)s wrote about %(code)s %(title)s:") % values + f"\n\n{text}"
        feed_text = _("%(user)s commented on %(code)s: “%(excerpt)s”") % values
    _record_event(
        proposal.round,
        actor=author,
        verb="comment",
        text=feed_text,
        proposal=proposal,
        notify=[proposal.owner, proposal.director, *proposal.contributors.all()],
        url=reverse("proposal_detail", args=[proposal.public_id]) + f"#comment-{comment.pk}",
        subject=subject,
        message=message,
    )
    return comment


# Sending


def absolute_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}" if path.startswith("/") else path


def _footer() -> str:
    return _(
        "You receive this e-mail because you take part in a budget round in Råderum. "
        "Choose between an e-mail for each notification and one e-mail a day: %(url)s"
    ) % {"url": absolute_url(reverse("notification_settings"))}


def _format_time(moment: datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "j. F Y H:i")


def immediate_email(notification: Notification) -> EmailMessage:
    with translation.override(EMAIL_LANGUAGE):
        parts = [notification.body]
        if notification.url:
            parts.append(_("Open in Råderum: %(url)s") % {"url": absolute_url(notification.url)})
        parts.append(f"-- \n{_footer()}")
        return EmailMessage(
            subject=notification.subject,
            body="\n\n".join(parts) + "\n",
            to=[notification.user.email],
        )


def digest_email(user: User, notifications: Sequence[Notification]) -> EmailMessage:
    with translation.override(EMAIL_LANGUAGE):
        count = len(notifications)
        subject = ngettext(
            "Råderum: %(count)d new notification", "Råderum: %(count)d new notifications", count
        ) % {"count": count}
        parts = [_("Here is what happened in Råderum since the last e-mail:")]
        for notification in notifications:
            lines = [f"{_format_time(notification.created_at)}", notification.body]
            if notification.url:
                lines.append(absolute_url(notification.url))
            parts.append("\n".join(lines))
        parts.append(f"-- \n{_footer()}")
        return EmailMessage(subject=subject, body="\n\n".join(parts) + "\n", to=[user.email])


def send_immediately(notification_ids: Sequence[int]) -> None:
    """E-mail each notification not sent yet. A failure is logged; the digest run retries it."""
    for pk in notification_ids:
        with transaction.atomic():
            notification = (
                Notification.objects.unsent()
                .select_for_update(of=("self",))
                .select_related("user")
                .filter(pk=pk)
                .first()
            )
            if notification is None or not notification.user.email:
                continue
            try:
                immediate_email(notification).send()
            except OSError:  # smtplib's errors are OSErrors
                logger.exception("Could not e-mail notification %s", pk)
                continue
            notification.sent_at = timezone.now()
            notification.save(update_fields=["sent_at"])


def do_send_digests(now: datetime | None = None) -> int:
    """One e-mail per user with everything not yet sent; safe to run twice. Returns e-mails sent.

    Takes the digest users' notifications and any immediate one that has waited longer than
    RETRY_AFTER (its e-mail failed, or the user left the digest with some still waiting).
    """
    now = now or timezone.now()
    digest_users = NotificationSetting.objects.filter(mode=NotificationMode.DAILY_DIGEST)
    pending = Notification.objects.unsent().filter(
        Q(user__in=digest_users.values("user_id")) | Q(created_at__lt=now - RETRY_AFTER)
    )
    sent = 0
    for user_id in sorted(set(pending.values_list("user_id", flat=True))):
        with transaction.atomic():
            batch = list(
                pending.filter(user_id=user_id)
                .select_for_update(of=("self",))
                .select_related("user")
                .order_by("created_at", "pk")
            )
            if not batch:  # another run sent them meanwhile
                continue
            user = batch[0].user
            if not user.email or not user.is_active:
                continue
            try:
                digest_email(user, batch).send()
            except OSError:
                logger.exception("Could not e-mail the digest to user %s", user_id)
                continue
            Notification.objects.filter(pk__in=[n.pk for n in batch]).update(sent_at=now)
            sent += 1
    return sent


# Reminders


def due_reminders(budget_round: BudgetRound, today: date, days: int) -> list[workflow.DueItem]:
    """The round's due items whose deadline is at most `days` away or has passed."""
    proposals = budget_round.proposals.with_effects().filter(status__in=list(workflow.WAITING_FOR))
    office = User.objects.filter(
        memberships__municipality_id=budget_round.municipality_id,
        memberships__role=Role.BUDGET_OFFICE,
    ).order_by("pk")
    items = workflow.due_items(
        ((p, p.status, p.owner, p.director, p.is_cross_cutting()) for p in proposals),
        office,
        budget_round.deadlines(),
        today,
    )
    horizon = today + timedelta(days=days)
    return [item for item in items if item.deadline is not None and item.deadline <= horizon]


def do_send_reminders(today: date, *, days: int = 3) -> int:
    """Remind each person of their due and overdue steps, once per step per day.

    Returns the number of reminders (notifications) made.
    """
    rounds = (
        BudgetRound.objects.filter(phases__isnull=False)
        .exclude(current_phase__in=PHASES_WITHOUT_REMINDERS)
        .distinct()
        .prefetch_related("phases")
        .order_by("pk")
    )
    made = 0
    for budget_round in rounds:
        by_person: dict[User, list[workflow.DueItem]] = defaultdict(list)
        for item in due_reminders(budget_round, today, days):
            assert isinstance(item.who, User)
            by_person[item.who].append(item)
        for person, items in by_person.items():
            if _remind(budget_round, person, items, today) is not None:
                made += 1
    # Budget questions are asked during the negotiation too: no phase filter for them.
    from raaderum.questions.actions import do_send_question_reminders

    return made + do_send_question_reminders(today, days=days)


@transaction.atomic
def _remind(
    budget_round: BudgetRound, person: User, items: Sequence[workflow.DueItem], today: date
) -> Notification | None:
    if not recipients_in(budget_round.municipality_id, [person], action=Action.VIEW_CATALOG):
        return None
    new: list[tuple[workflow.DueItem, Reminder]] = []
    for item in items:
        reminder, created = Reminder.objects.get_or_create(
            user=person, proposal=item.proposal, step=item.step, day=today
        )
        if created:
            new.append((item, reminder))
    if not new:
        return None
    fresh = [item for item, _reminder in new]
    with translation.override(EMAIL_LANGUAGE):
        subject, body = reminder_text(budget_round, person, fresh, today)
    if len(fresh) == 1:
        url = reverse("proposal_detail", args=[_proposal(fresh[0]).public_id])
    else:
        url = reverse("round_detail", args=[budget_round.public_id])
    [notification] = notify_users([person], subject=subject, body=body, url=url)
    Reminder.objects.filter(pk__in=[reminder.pk for _item, reminder in new]).update(
        notification=notification
    )
    return notification


def _proposal(item: workflow.DueItem) -> Proposal:
    from raaderum.proposals.models import Proposal

    assert isinstance(item.proposal, Proposal)
    return item.proposal


def reminder_text(
    budget_round: BudgetRound, person: User, items: Sequence[workflow.DueItem], today: date
) -> tuple[str, str]:
    """Subject and body of a reminder, in the active language."""
    count = len(items)
    subject = ngettext(
        "Reminder: %(count)d task in %(round)s", "Reminder: %(count)d tasks in %(round)s", count
    ) % {"count": count, "round": budget_round.name}
    lines = [
        _("Hello %(name)s,") % {"name": person.first_name or person},
        _("You have these tasks in %(round)s:") % {"round": budget_round.name},
    ]
    for item in items:
        proposal = _proposal(item)
        assert item.deadline is not None
        task = STEP_TASKS[item.step] % {"proposal": f"{proposal.code} {proposal.title}"}
        values = {"task": task, "date": formats.date_format(item.deadline, "j. F Y")}
        if item.deadline < today:
            sentence = _("%(task)s. The deadline was %(date)s.") % values
        elif item.deadline == today:
            sentence = _("%(task)s today, %(date)s.") % values
        else:
            sentence = _("%(task)s by %(date)s.") % values
        link = absolute_url(reverse("proposal_detail", args=[proposal.public_id]))
        lines.append(f"- {sentence}\n  {link}")
    return subject, "\n\n".join(lines)
