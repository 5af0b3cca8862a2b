"""Recording the budget agreement's decisions and starting the next round from them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from raaderum.communication.actions import do_record_event
from raaderum.decisions import rules
from raaderum.decisions.carry_over_forms import CarryOverForm
from raaderum.decisions.models import (
    BudgetAgreement,
    CarryOver,
    CoolingOffOverride,
    Decision,
    Outcome,
)
from raaderum.organisation.models import ServiceArea, User
from raaderum.proposals.actions import do_create_proposal, do_save_effects
from raaderum.proposals.models import Origin, Proposal
from raaderum.publication.models import CatalogVersion, PublishedProposal
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
    from raaderum.followup import actions as followup

    # Follow-up already entered must not vanish with a decision: refused before anything goes.
    followup.do_release_initiatives(agreement, decisions)
    # A decision belongs to the version it was taken on; another version replaces them.
    agreement.decisions.exclude(published__in=list(decisions)).delete()
    for published_id, fields in decisions.items():
        Decision.objects.update_or_create(
            agreement=agreement, published_id=published_id, defaults=dict(fields)
        )
    followup.do_create_initiatives(agreement, user=user)  # each adopted proposal is followed up
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
    def price_level(self) -> int:
        """The price level its amounts were decided at: the published version's."""
        return self.decision.published.version.price_level

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
        .select_related("published__proposal__committee", "published__version", "agreement__round")
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


# Kept from the live proposal: who answers for it and what the snapshot does not hold.
LIVE_FIELDS = ["owner", "director", "type_rationale", "party_name"]
# Copied as decided: the texts and figures the politicians saw in the published version.
DECIDED_FIELDS = [
    "title",
    "type",
    "summary",
    "description",
    "consequences_service",
    "consequences_citizens",
    "consequences_staff",
    "risks",
    "calculation_basis",
    "assumptions",
    "impact_score",
]


def recorded_price_indices(municipality_id: int) -> dict[int, tuple[Decimal, str]]:
    """Per price-level year, the index last entered for it and the round it was entered for.

    A proposal rejected in 2027 that comes back in 2029 passes 2028 too; the budget office
    entered 2028's index when it started budget 2028 and should not have to find it again.
    """
    found: dict[int, tuple[Decimal, str]] = {}
    carried = (
        CarryOver.objects.filter(proposal__round__municipality_id=municipality_id)
        .select_related("proposal__round")
        .order_by("at", "pk")
    )
    for carry in carried:
        for start, end, index in carry.steps():
            if end == start + 1:
                found[end] = (index, carry.proposal.round.name)
    return found


def _decided_effects(
    published: PublishedProposal,
) -> tuple[dict[tuple[int, int], int], list[str]]:
    """The effects as decided, by (service area id, year), and the areas no longer found.

    The snapshot names each effect's area and committee; they are looked up in the municipality
    as it is now. An area renamed or removed since cannot be matched: its amounts are left out
    and named, so that the budget office can enter them.
    """
    areas = {
        (area.committee.code, area.name): area.pk
        for area in ServiceArea.objects.filter(
            committee__municipality_id=published.committee.municipality_id
        ).select_related("committee")
    }
    amounts: dict[tuple[int, int], int] = {}
    missing: list[str] = []
    for effect in published.effects:
        area_id = areas.get((effect["committee"], effect["area"]))
        if area_id is None:
            if effect["area"] not in missing:
                missing.append(effect["area"])
            continue
        amounts[(area_id, int(effect["year"]))] = int(effect["amount"])
    return amounts, missing


def _copy_proposal(
    published: PublishedProposal,
    new_round: BudgetRound,
    indices: list[Decimal],
    shift: int,
    user: User,
) -> tuple[Proposal, list[str]]:
    """A draft in the new round as the proposal was decided (its published snapshot), its
    effects moved `shift` years later and uprated by `indices` one price-level year at a time.
    Also the names of service areas the snapshot had that no longer exist (not copied).

    The period moves with the budget year, so moving the effects keeps the proposal's profile
    (phase-in, investment then payback) as it was decided. Changes made to the proposal after
    the version the decision was taken on are not carried over: the decision was not on them.
    """
    original = published.proposal
    fields: dict[str, Any] = {name: getattr(original, name) for name in LIVE_FIELDS}
    fields.update({name: getattr(published, name) for name in DECIDED_FIELDS})
    fields["committee"] = published.committee
    fields["origin"] = Origin.EARLIER_ROUND
    fields["previous"] = original
    fields["contributors"] = list(original.contributors.all())
    proposal = do_create_proposal(new_round, fields, user=user)
    years = set(new_round.years)
    decided, missing = _decided_effects(published)
    amounts = {
        (area_id, year + shift): rules.uprate_in_steps(amount, indices)
        for (area_id, year), amount in decided.items()
        if year + shift in years
    }
    fte = {
        int(year) + shift: Decimal(value)
        for year, value in published.fte.items()
        if int(year) + shift in years
    }
    saved = do_save_effects(proposal, amounts, fte, expected_version=proposal.version, user=user)
    return saved, missing


@transaction.atomic
def do_start_next_round(
    source: BudgetRound, form: CarryOverForm, candidates: list[Candidate], *, user: User
) -> tuple[BudgetRound, list[CarryOver]]:
    """Create the round, move its plan a year on and copy the proposals allowed back.

    Blocked candidates are copied only when the form overrides them with a reason. Each copy is
    uprated from the price level it was decided at to the new round's, year by year.
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
    indices = form.step_indices()
    to_level = new_round.price_level_year
    overrides = form.overrides()
    carried = []
    for candidate in candidates:
        overridden = candidate.blocked and candidate.key in overrides
        if candidate.blocked and not overridden:
            continue
        # From the round it was decided in: one rejected in 2027 may come back in 2029.
        years_on = new_round.budget_year - candidate.decided_in
        steps = rules.price_steps(candidate.price_level, to_level)
        copy, missing = _copy_proposal(
            candidate.decision.published,
            new_round,
            [indices[year] for year in steps],
            years_on,
            user,
        )
        if missing:
            do_record_event(
                new_round,
                actor=user,
                verb="carried_over_without_areas",
                text=_(
                    "%(code)s was carried over without its amounts for %(areas)s: the service "
                    "area no longer exists. Enter them on the proposal."
                )
                % {"code": candidate.code, "areas": ", ".join(missing)},
                proposal=copy,
            )
        carried.append(
            CarryOver.objects.create(
                proposal=copy,
                original=candidate.original,
                decision=candidate.decision,
                from_price_level=candidate.price_level,
                to_price_level=to_level,
                price_steps=[
                    {"from": year - 1, "to": year, "index": str(indices[year])} for year in steps
                ],
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
    text = _("%(user)s started %(round)s from %(source)s and carried %(count)s proposals over.") % {
        "user": user,
        "round": new_round.name,
        "source": source.name,
        "count": len(carried),
    }
    if carried and indices:
        text += " " + _("Price indices: %(indices)s.") % {
            "indices": "; ".join(
                f"{year - 1}–{year}: {rules.index_text(index)}"
                for year, index in sorted(indices.items())
            )
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


@dataclass
class ReEntry:
    """A proposal that re-presents (Proposal.previous) one rejected in an earlier round."""

    proposal: Proposal
    decision: Decision
    status: str  # rules.ALLOWED, rules.COOLING_OFF or rules.NOT_TO_RETURN
    override: CoolingOffOverride | None = None

    @property
    def blocked(self) -> bool:
        """Blocked by the decision, and the budget office has not let it through."""
        return self.status != rules.ALLOWED and self.override is None

    def message(self) -> str:
        values = {
            "code": self.proposal.code,
            "original": self.decision.published.code,
            "year": self.decision.agreement.round.budget_year,
            "from": self.decision.return_from_year,
        }
        if self.status == rules.COOLING_OFF:
            return (
                _(
                    "%(code)s presents %(original)s of budget %(year)s again, which may be "
                    "presented again from budget %(from)s at the earliest."
                )
                % values
            )
        return (
            _(
                "%(code)s presents %(original)s of budget %(year)s again, which was rejected "
                "and may not be presented again."
            )
            % values
        )


def re_entries(proposals: Iterable[Proposal]) -> dict[int, ReEntry]:
    """The cooling-off check for proposals entered by hand, by proposal id; two queries.

    A proposal whose `previous` was rejected is held to the decision as a carried-over one is
    (rules.carry_over_status against the proposal's own budget year), unless it was carried
    over (checked, or overridden, on that path) or the budget office let it through with a
    reason (CoolingOffOverride). Deferred and adopted originals are never blocked.
    """
    by_original: dict[int, list[Proposal]] = {}
    for proposal in proposals:
        if proposal.previous_id is not None:
            by_original.setdefault(proposal.previous_id, []).append(proposal)
    if not by_original:
        return {}
    ids = [p.pk for group in by_original.values() for p in group]
    carried = set(
        CarryOver.objects.filter(proposal_id__in=ids)
        .filter(original_id=models.F("proposal__previous_id"))
        .values_list("proposal_id", flat=True)
    )
    overrides = {o.proposal_id: o for o in CoolingOffOverride.objects.filter(proposal_id__in=ids)}
    decisions = (
        Decision.objects.filter(
            published__proposal_id__in=list(by_original), outcome=Outcome.REJECTED
        )
        .select_related("published", "agreement__round")
        .order_by("agreement__round__budget_year", "pk")
    )
    found: dict[int, ReEntry] = {}
    for decision in decisions:  # the latest decision on an original wins
        for proposal in by_original[decision.published.proposal_id]:
            if proposal.pk in carried:
                continue
            status = rules.carry_over_status(
                decision.outcome,
                decision.may_return,
                decision.return_from_year,
                proposal.round.budget_year,
            )
            if status is not None:
                found[proposal.pk] = ReEntry(proposal, decision, status, overrides.get(proposal.pk))
    return found


@transaction.atomic
def do_override_cooling_off(re_entry: ReEntry, reason: str, *, user: User) -> CoolingOffOverride:
    """Let a proposal entered by hand be presented despite the decision, with the reason."""
    override = CoolingOffOverride.objects.create(
        proposal=re_entry.proposal, decision=re_entry.decision, reason=reason.strip(), by=user
    )
    do_record_event(
        re_entry.proposal.round,
        actor=user,
        verb="cooling_off_overridden",
        text=_("%(user)s presented %(code)s again despite the decision: %(reason)s")
        % {"user": user, "code": re_entry.proposal.code, "reason": override.reason},
        proposal=re_entry.proposal,
    )
    return override
