"""Changing what of a round is public."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from raaderum.communication.actions import do_record_event
from raaderum.organisation.models import Municipality, User
from raaderum.rounds.models import BudgetRound
from raaderum.transparency.models import RoundPublicity


@transaction.atomic
def do_set_publicity(
    budget_round: BudgetRound, *, public: bool, show_realisation: bool, user: User
) -> RoundPublicity:
    """Save the round's publicity; a change is recorded in the round's activity feed."""
    BudgetRound.objects.select_for_update().filter(pk=budget_round.pk).first()
    publicity = RoundPublicity.objects.filter(round=budget_round).first()
    was_public = publicity is not None and publicity.public
    showed = publicity is not None and publicity.show_realisation
    if publicity is None:
        publicity = RoundPublicity(round=budget_round)
    publicity.public = public
    publicity.show_realisation = show_realisation
    publicity.changed_by = user
    publicity.save()
    # Only what the public sees is news: the realisation setting of a round nobody sees is not.
    if was_public == public and (not public or showed == show_realisation):
        return publicity
    if not public:
        text = _("%(user)s took the round off the public page.")
    elif show_realisation:
        text = _("%(user)s made the round public with its adopted proposals and realised gains.")
    else:
        text = _(
            "%(user)s made the round public with its adopted proposals (realised gains not shown)."
        )
    do_record_event(
        budget_round,
        actor=user,
        verb="publicity",
        text=text % {"user": user},
        url=reverse("round_publicity", args=[budget_round.public_id]),
    )
    return publicity


def do_publish_agreed_rounds(municipality: Municipality, *, user: User) -> int:
    """Make every agreed round public that nobody has decided about yet (for the demo).

    A round whose publicity was set, public or not, is left as it is. Returns how many rounds
    were made public.
    """
    rounds = BudgetRound.objects.filter(
        municipality=municipality, agreement__isnull=False, publicity__isnull=True
    )
    for budget_round in rounds:
        do_set_publicity(budget_round, public=True, show_realisation=True, user=user)
    return len(rounds)
