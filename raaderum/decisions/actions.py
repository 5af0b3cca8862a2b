"""Recording the budget agreement's decisions and starting the next round from them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from raaderum.communication.actions import do_record_event
from raaderum.decisions import rules
from raaderum.decisions.forms import NextRoundForm
from raaderum.decisions.models import BudgetAgreement, CarryOver, Decision, Outcome
from raaderum.organisation.models import User
from raaderum.proposals.actions import do_create_proposal, do_save_effects
from raaderum.proposals.models import Origin, Proposal
from raaderum.publication.models import CatalogVersion
from raaderum.rounds.actions import do_save_round
from raaderum.rounds.models import BudgetRound, Phase, PhaseKind, RoundYearTarget


@transaction.atomic
def do_record_decisions(
    budget_round: BudgetRound,
    version: CatalogVersion,
    agreement_fields: Mapping[str, Any],
    decisions: Mapping[int, Mapping[str, Any]],
    *,
    user: User,
) -> BudgetAgreement:
    """Save the agreement and every decision (published proposal id -> fields) together."""
    if version.round_id != budget_round.pk:
        raise ValueError("catalog version of another round")
    locked = BudgetRound.objects.select_for_update().get(pk=budget_round.pk)
    agreement = BudgetAgreement.objects.filter(round=budget_round).first()
    first_time = agreement is None
    if agreement is None:
        agreement = BudgetAgreement(round=budget_round)
    agreement.version = version
    for name, value in agreement_fields.items():
        setattr(agreement, name, value)
    agreement.recorded_by = user
    agreement.save()
    # A decision belongs to the version it was taken on; another version replaces them.
    agreement.decisions.exclude(published__in=list(decisions)).delete()
    for published_id, fields in decisions.items():
        Decision.objects.update_or_create(
            agreement=agreement, published_id=published_id, defaults=dict(fields)
        )
    counts = Counter(fields["outcome"] for fields in decisions.values())
    text = _(
        "%(user)s recorded the decisions of %(reference)s: %(adopted)s adopted, "
        "%(rejected)s rejected, %(deferred)s deferred."
    ) % {
        "user": user,
        "reference": agreement.reference,
        "adopted": counts[Outcome.ADOPTED],
        "rejected": counts[Outcome.REJECTED],
        "deferred": counts[Outcome.DEFERRED],
    }
    if _before_adoption(locked.current_phase):
        # The decisions are taken: the round is in adoption now, whatever the plan said.
        budget_round.current_phase = PhaseKind.ADOPTION
        budget_round.save(update_fields=["current_phase"])
        text += " " + _("The round moved to the phase %(phase)s.") % {
            "phase": budget_round.get_current_phase_display()
        }
    owners = (
        User.objects.filter(owned_proposals__publications__version=version).distinct()
        if first_time
        else User.objects.none()
    )
    do_record_event(
        budget_round,
        actor=user,
        verb="decisions_recorded",
        text=text,
        notify=owners,
        url=reverse("decisions", args=[budget_round.public_id]),
    )
    return agreement


PHASE_ORDER = list(PhaseKind.values)


def _before_adoption(phase: str) -> bool:
    """Is the round in a phase before adoption (or in none yet)?"""
    if phase not in PHASE_ORDER:
        return True
    return PHASE_ORDER.index(phase) < PHASE_ORDER.index(PhaseKind.ADOPTION)


@dataclass
class Candidate:
    """A rejected or deferred proposal of an earlier round, and whether it may come back now."""

    decision: Decision
    status: str  # rules.ALLOWED, rules.COOLING_OFF or rules.NOT_TO_RETURN

    @property
    def key(self) -> str:
        return str(self.decision.pk)

    @property
    def original(self) -> Proposal:
        return self.decision.published.proposal

    @property
    def code(self) -> str:
        return self.decision.published.code

    @property
    def decided_in(self) -> int:
        return self.decision.agreement.round.budget_year

    @property
    def blocked(self) -> bool:
        return self.status != rules.ALLOWED

    def message(self) -> str:
        if self.status == rules.COOLING_OFF:
            return _("%(code)s may be presented again from budget %(year)s at the earliest.") % {
                "code": self.code,
                "year": self.decision.return_from_year,
            }
        if self.status == rules.NOT_TO_RETURN:
            return _("%(code)s was rejected in budget %(year)s and may not be presented again.") % {
                "code": self.code,
                "year": self.decided_in,
            }
        return ""


def carry_over_candidates(source: BudgetRound, new_budget_year: int) -> list[Candidate]:
    """What a round started from `source` could re-present.

    Every rejected or deferred proposal of `source`, and those of the municipality's earlier
    rounds that were deferred or allowed back and have not been re-presented yet (a proposal
    rejected in 2027 with a cooling-off period comes back when budget 2029 is started from 2028).
    """
    decisions = (
        Decision.objects.filter(
            agreement__round__municipality_id=source.municipality_id,
            agreement__round__budget_year__lte=source.budget_year,
            outcome__in=[Outcome.REJECTED, Outcome.DEFERRED],
        )
        .filter(
            Q(agreement__round=source) | Q(outcome=Outcome.DEFERRED) | Q(may_return=True),
        )
        .exclude(published__proposal__represented_as__isnull=False)
        .exclude(agreement__round__budget_year__gte=new_budget_year)
        .select_related("published__proposal__committee", "agreement__round")
        .order_by("agreement__round__budget_year", "published__position")
    )
    result = []
    for decision in decisions:
        status = rules.carry_over_status(
            decision.outcome, decision.may_return, decision.return_from_year, new_budget_year
        )
        if status is not None:
            result.append(Candidate(decision, status))
    return result


COPIED_FIELDS = [
    "committee",
    "title",
    "type",
    "type_rationale",
    "owner",
    "director",
    "summary",
    "description",
    "consequences_service",
    "consequences_citizens",
    "consequences_staff",
    "risks",
    "calculation_basis",
    "assumptions",
    "party_name",
    "impact_score",
]


def _copy_proposal(
    original: Proposal, new_round: BudgetRound, index: Decimal, shift: int, user: User
) -> Proposal:
    """A draft in the new round, its effects moved `shift` years later and uprated by `index`.

    The period moves with the budget year, so moving the effects keeps the proposal's profile
    (phase-in, investment then payback) as it was decided.
    """
    fields: dict[str, Any] = {name: getattr(original, name) for name in COPIED_FIELDS}
    fields["origin"] = Origin.EARLIER_ROUND
    fields["previous"] = original
    fields["contributors"] = list(original.contributors.all())
    proposal = do_create_proposal(new_round, fields, user=user)
    years = set(new_round.years)
    amounts = {
        (effect.service_area_id, effect.year + shift): rules.uprate(effect.amount, index)
        for effect in original.effects.all()
        if effect.year + shift in years
    }
    fte = {
        staff.year + shift: staff.fte
        for staff in original.staff_effects.all()
        if staff.year + shift in years
    }
    return do_save_effects(proposal, amounts, fte, expected_version=proposal.version, user=user)


@transaction.atomic
def do_start_next_round(
    source: BudgetRound, form: NextRoundForm, candidates: list[Candidate], *, user: User
) -> tuple[BudgetRound, list[CarryOver]]:
    """Create the round, move its plan a year on and copy the proposals allowed back.

    Blocked candidates are copied only when the form overrides them with a reason.
    """
    new_round = do_save_round(form, user=user)
    shift = new_round.budget_year - source.budget_year
    RoundYearTarget.objects.bulk_create(
        RoundYearTarget(round=new_round, year=target.year + shift, amount=target.amount)
        for target in source.year_targets.all()
        if target.year + shift in new_round.years
    )
    Phase.objects.bulk_create(
        Phase(
            round=new_round,
            kind=phase.kind,
            starts_on=rules.shift_date(phase.starts_on, shift),
            deadline=rules.shift_date(phase.deadline, shift),
        )
        for phase in source.phases.all()
    )
    index: Decimal = form.cleaned_data["price_index"]
    overrides = form.overrides()
    carried = []
    for candidate in candidates:
        overridden = candidate.blocked and candidate.key in overrides
        if candidate.blocked and not overridden:
            continue
        # From the round it was decided in: one rejected in 2027 may come back in 2029.
        years_on = new_round.budget_year - candidate.decided_in
        copy = _copy_proposal(candidate.original, new_round, index, years_on, user)
        carried.append(
            CarryOver.objects.create(
                proposal=copy,
                original=candidate.original,
                decision=candidate.decision,
                price_index=index,
                overridden=overridden,
                reason=overrides.get(candidate.key, "") if overridden else "",
                by=user,
            )
        )
        if overridden:
            do_record_event(
                new_round,
                actor=user,
                verb="cooling_off_overridden",
                text=_("%(user)s presented %(code)s again despite the decision: %(reason)s")
                % {"user": user, "code": candidate.code, "reason": overrides[candidate.key]},
                proposal=copy,
            )
    text = _(
        "%(user)s started %(round)s from %(source)s and carried %(count)s proposals over "
        "with the price index %(index)s."
    ) % {
        "user": user,
        "round": new_round.name,
        "source": source.name,
        "count": len(carried),
        "index": str(index).replace(".", ","),
    }
    do_record_event(new_round, actor=user, verb="round_started", text=text)
    do_record_event(
        source,
        actor=user,
        verb="next_round_started",
        text=text,
        url=reverse("round_detail", args=[new_round.public_id]),
    )
    return new_round, carried
