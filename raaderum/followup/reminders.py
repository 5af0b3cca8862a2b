"""Remind responsible persons of assessments not yet submitted, before the cycle's deadline.

Called by `manage.py send_reminders` next to the proposal reminders, and built on the same parts:
raaderum.communication's Reminder (once per person, initiative and day), notify_users (e-mail now
or in the daily digest) and recipients_in (members only, active, with an e-mail address).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

from django.db import transaction
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from raaderum.access import Action
from raaderum.communication.actions import (
    EMAIL_LANGUAGE,
    absolute_url,
    notify_users,
    recipients_in,
)
from raaderum.communication.models import Notification, Reminder
from raaderum.followup.models import FollowUpCycle
from raaderum.followup.progress import ENTERED, MISSING, CycleRow, cycle_rows
from raaderum.organisation.models import User


def step_name(year: int) -> str:
    """Reminder.step of an assessment: one per initiative and accounts year."""
    return f"realisation_{year}"


def do_send_realisation_reminders(today: date, *, days: int = 3) -> int:
    """For each open cycle whose entry deadline is at most `days` away or has passed (until the
    review deadline): remind each responsible person once a day of their assessments not yet
    submitted. Returns the number of reminders (notifications) made."""
    cycles = FollowUpCycle.objects.filter(
        closed_at__isnull=True,
        entry_deadline__lte=today + timedelta(days=days),
        review_deadline__gte=today,
    ).select_related("municipality")
    made = 0
    for cycle in cycles.order_by("pk"):
        by_person: dict[User, list[CycleRow]] = defaultdict(list)
        for row in cycle_rows(cycle, today):
            if row.progress in (MISSING, ENTERED):
                by_person[row.initiative.responsible_or_owner].append(row)
        for person, rows in by_person.items():
            if _remind(cycle, person, rows, today) is not None:
                made += 1
    return made


@transaction.atomic
def _remind(
    cycle: FollowUpCycle, person: User, rows: Sequence[CycleRow], today: date
) -> Notification | None:
    if not recipients_in(cycle.municipality_id, [person], action=Action.ENTER_REALISATION):
        return None
    fresh = []
    for row in rows:
        _reminder, created = Reminder.objects.get_or_create(
            user=person,
            proposal=row.initiative.published.proposal,
            step=step_name(cycle.accounts_year),
            day=today,
        )
        if created:
            fresh.append(row)
    if not fresh:
        return None
    with translation.override(EMAIL_LANGUAGE):
        subject, body = reminder_text(cycle, person, fresh, today)
    if len(fresh) == 1:
        initiative = fresh[0].initiative
        url = reverse(
            "followup_realisation",
            args=[initiative.round.public_id, initiative.published.code, cycle.accounts_year],
        )
    else:
        url = reverse("followup_cycle", args=[cycle.municipality.slug, cycle.accounts_year])
    [notification] = notify_users([person], subject=subject, body=body, url=url)
    Reminder.objects.filter(
        user=person, step=step_name(cycle.accounts_year), day=today, notification__isnull=True
    ).update(notification=notification)
    return notification


def reminder_text(
    cycle: FollowUpCycle, person: User, rows: Sequence[CycleRow], today: date
) -> tuple[str, str]:
    count = len(rows)
    values = {
        "count": count,
        "year": cycle.accounts_year,
        "date": formats.date_format(cycle.entry_deadline, "j. F Y"),
    }
    subject = (
        ngettext(
            "Reminder: %(count)d assessment of the accounts %(year)s",
            "Reminder: %(count)d assessments of the accounts %(year)s",
            count,
        )
        % values
    )
    if cycle.entry_deadline < today:
        due = _("The deadline was %(date)s.") % values
    elif cycle.entry_deadline == today:
        due = _("The deadline is today, %(date)s.") % values
    else:
        due = _("The deadline is %(date)s.") % values
    lines = [
        _("Hello %(name)s,") % {"name": person.first_name or person},
        ngettext(
            "Enter and submit the realised råderum of this initiative for %(year)s. %(due)s",
            "Enter and submit the realised råderum of these initiatives for %(year)s. %(due)s",
            count,
        )
        % {**values, "due": due},
    ]
    for row in rows:
        initiative = row.initiative
        link = absolute_url(
            reverse(
                "followup_realisation",
                args=[initiative.round.public_id, initiative.published.code, cycle.accounts_year],
            )
        )
        lines.append(f"- {initiative.published.code} {initiative.published.title}\n  {link}")
    return subject, "\n\n".join(lines)
