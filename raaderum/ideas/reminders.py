"""Ideas awaiting screening, on the round's dashboard and in the daily reminders.

The screening phase's deadline in the process plan is when every idea should have been screened.
The budget office, who screens (with the directors), sees how many ideas wait and whether the
deadline has passed; `send_reminders` reminds the budget office once a day from `days` before
the deadline for as long as ideas wait.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from raaderum.access import Action
from raaderum.communication.actions import EMAIL_LANGUAGE, notify_users, recipients_in
from raaderum.communication.models import Notification
from raaderum.ideas.models import IdeaStatus
from raaderum.organisation.models import Role, User
from raaderum.rounds.models import BudgetRound, Phase, PhaseKind


@dataclass(frozen=True)
class ScreeningDue:
    waiting: int  # ideas awaiting screening
    deadline: date | None  # the screening phase's deadline, if the plan has one
    overdue: bool

    @property
    def url_query(self) -> str:
        return f"?status={IdeaStatus.NEW}"


def screening_due(budget_round: BudgetRound, today: date) -> ScreeningDue:
    waiting = budget_round.ideas.filter(status=IdeaStatus.NEW).count()
    deadline = budget_round.deadlines().get(PhaseKind.SCREENING)
    return ScreeningDue(waiting, deadline, bool(waiting and deadline and deadline < today))


def _list_url(budget_round: BudgetRound) -> str:
    return reverse("idea_list", args=[budget_round.public_id]) + f"?status={IdeaStatus.NEW}"


def do_send_screening_reminders(today: date, *, days: int = 3) -> int:
    """Remind each round's budget office of ideas awaiting screening near or past the deadline.

    Once a day per person and round, however often it runs. Returns the reminders made.
    """
    horizon = today + timedelta(days=days)
    rounds = (
        BudgetRound.objects.filter(
            pk__in=Phase.objects.filter(kind=PhaseKind.SCREENING, deadline__lte=horizon).values(
                "round"
            )
        )
        .annotate(waiting=Count("ideas", filter=Q(ideas__status=IdeaStatus.NEW)))
        .filter(waiting__gt=0)
        .order_by("pk")
    )
    return sum(_remind(budget_round, today) for budget_round in rounds)


@transaction.atomic
def _remind(budget_round: BudgetRound, today: date) -> int:
    office = User.objects.filter(
        memberships__municipality_id=budget_round.municipality_id,
        memberships__role=Role.BUDGET_OFFICE,
    ).order_by("pk")
    people = recipients_in(budget_round.municipality_id, list(office), action=Action.SCREEN_IDEAS)
    url = _list_url(budget_round)
    already = set(
        Notification.objects.filter(user__in=people, url=url, created_at__date=today).values_list(
            "user_id", flat=True
        )
    )
    fresh = [person for person in people if person.pk not in already]
    if not fresh:
        return 0
    due = screening_due(budget_round, today)
    with translation.override(EMAIL_LANGUAGE):
        subject, body = reminder_text(budget_round, due, today)
    return len(notify_users(fresh, subject=subject, body=body, url=url))


def reminder_text(budget_round: BudgetRound, due: ScreeningDue, today: date) -> tuple[str, str]:
    """Subject and body, in the active language."""
    subject = ngettext(
        "Reminder: %(count)d idea awaits screening in %(round)s",
        "Reminder: %(count)d ideas await screening in %(round)s",
        due.waiting,
    ) % {"count": due.waiting, "round": budget_round.name}
    deadline = formats.date_format(due.deadline, "j. F Y") if due.deadline else ""
    if due.overdue:
        body = _(
            "The screening deadline was %(date)s. Screen the ideas, or reject them with a "
            "reason the submitter will see, so that drafting can begin."
        ) % {"date": deadline}
    else:
        body = _("The screening deadline is %(date)s.") % {"date": deadline}
    return subject, body
