"""A municipality with a public round and, around it, everything that must never be public.

Public (world.round, agreement on version 1, public with realisation shown):
- BU-01 »Færre vikarer«: adopted; 2027 approved (realised 912.345 kr., on track); 2028 submitted
  with a secret amount and text.
- BU-02 »Samling af dagtilbud«: adopted; its expected amounts adjusted after the agreement.
Never public:
- BU-03 rejected, SU-01 deferred, BU-04 only in version 2 (published after the agreement), a
  draft proposal; a round with an agreement that is not public; Syddjurs' public round (public
  under its own address only); every name, e-mail, milestone, evidence, review note and reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.utils import timezone

from raaderum.decisions.actions import do_record_decisions
from raaderum.decisions.models import BudgetAgreement, Decision, Outcome
from raaderum.followup.models import (
    DecisionKind,
    Evidence,
    Initiative,
    InitiativeDecision,
    Milestone,
    Realisation,
    ReviewState,
)
from raaderum.organisation.models import Committee, ServiceArea, User
from raaderum.publication.actions import do_publish_catalog
from raaderum.publication.models import CatalogVersion
from raaderum.rounds.models import BudgetRound
from raaderum.test import World, create_proposal, create_round, create_user
from raaderum.transparency.models import RoundPublicity

AGREEMENT = {
    "body": "Kommunalbestyrelsen",
    "date": date(2026, 10, 8),
    "reference": "Budgetaftale 2027–2030 af 8. oktober 2026",
    "note": "Intern note om forhandlingerne",
}

APPROVED_ASSESSMENT = "Skolerne har brugt færre vikarer end før."
APPROVED_LEARNING = "Faste vikarpuljer virker bedre end bureauvikarer."

# Strings and amounts that must not appear on any public page or in any open data file. (Round
# names are not among them: the public idea form names any round of the municipality.)
SECRET_REALISED = 4_321_987
SECRETS = [
    # rejected, deferred, later version, draft, not-public round
    "Lukning af ungdomsklub",
    "Ungdomsklubben lukker",
    "Velfærdsteknologi",
    "Flere vaskerobotter",
    "Kun i version to",
    "Kladde om busser",
    "Skjult runde-forslag",
    "Må ikke ses",
    # follow-up material that is never public
    "HEMMELIG VURDERING",
    "HEMMELIG LÆRING",
    "Afvist vurdering",
    "Milepæl om vikarpulje",
    "bilag-regnskab.pdf",
    "Intern review-bemærkning",
    "Intern begrundelse for justering",
    "Intern note om forhandlingerne",
    # people
    "Testesen",
    "ole@norddjurs.dk",
    "bente@norddjurs.dk",
    # the hidden round's amount (kroner and 1,000 kr.)
    "3141592",
    "3.142",
    # the submitted (not approved) amount, in kroner and in 1,000 kr.
    str(SECRET_REALISED),
    "4.321.987",
    "4.322",
]
# Public, but only under the other municipality's own address.
OTHER_MUNICIPALITY = ["Syddjurs Kommune", "Syddjurs-forslaget", "Syddjurs' eget forslag", "2718281"]
# Public, but only under this municipality's address.
THIS_MUNICIPALITY = ["Norddjurs Kommune", "Færre vikarer", "Skoleafdelingen", "1000200"]


@dataclass
class Public:
    world: World
    version: CatalogVersion
    agreement: BudgetAgreement
    bu01: Initiative
    bu02: Initiative
    hidden_round: BudgetRound
    other_round: BudgetRound


def _publicity(budget_round: BudgetRound, user: User, **fields: Any) -> RoundPublicity:
    return RoundPublicity.objects.create(round=budget_round, changed_by=user, **fields)


def decide(
    budget_round: BudgetRound, version: CatalogVersion, outcomes: dict[str, str], user: User
) -> BudgetAgreement:
    rows = {
        p.pk: {"outcome": outcomes[p.code], "note": "", "may_return": False}
        for p in version.proposals.all()
    }
    return do_record_decisions(budget_round, version, AGREEMENT, rows, user=user)


def initiative(agreement: BudgetAgreement, code: str, unit: str = "") -> Initiative:
    """The adopted proposal's initiative (recording the decisions creates it), with `unit`."""
    decision = Decision.objects.select_related("published__proposal").get(
        agreement=agreement, published__code=code
    )
    found, _created = Initiative.objects.get_or_create(
        decision=decision,
        defaults={
            "municipality": agreement.round.municipality,
            "responsible": decision.published.proposal.owner,
            "expected": decision.published.headroom,
        },
    )
    found.responsible_unit = unit
    found.save()
    return found


def approve(
    item: Initiative, year: int, realised: int | None, status: str, officer: User, **fields: Any
) -> Realisation:
    return Realisation.objects.create(
        initiative=item,
        year=year,
        realised=realised,
        status=status,
        state=ReviewState.APPROVED,
        submitted_by=item.responsible,
        submitted_at=timezone.now(),
        reviewed_by=officer,
        reviewed_at=timezone.now(),
        **fields,
    )


def create_public(world: World, *, show_realisation: bool = True) -> Public:
    world.owner.email = "ole@norddjurs.dk"
    world.owner.save()
    world.budget_officer.email = "bente@norddjurs.dk"
    world.budget_officer.save()
    office = world.budget_officer
    create_proposal(
        world.round,
        world.children,
        world.owner,
        title="Færre vikarer",
        summary="Skolerne bruger færre vikarer.",
        effects={(world.schools, 2027): -1_000_200, (world.schools, 2028): -1_234_567},
        status="in_catalog",
    )
    create_proposal(
        world.round,
        world.children,
        world.owner,
        title="Samling af dagtilbud",
        summary="To dagtilbud bliver til et.",
        type="efficiency",
        effects={(world.daycare, 2028): -2_000_000, (world.daycare, 2030): 100_001},
        status="in_catalog",
    )
    create_proposal(
        world.round,
        world.children,
        world.owner,
        title="Lukning af ungdomsklub",
        summary="Ungdomsklubben lukker.",
        effects={(world.schools, 2028): -700_000},
        status="in_catalog",
    )
    create_proposal(
        world.round,
        world.social,
        world.owner,
        director=world.director,
        title="Velfærdsteknologi",
        summary="Flere vaskerobotter.",
        type="investment",
        effects={(world.elderly, 2027): 400_000, (world.elderly, 2029): -900_000},
        status="in_catalog",
    )
    version = do_publish_catalog(world.round, user=office)
    agreement = decide(
        world.round,
        version,
        {
            "BU-01": Outcome.ADOPTED,
            "BU-02": Outcome.ADOPTED,
            "BU-03": Outcome.REJECTED,
            "SU-01": Outcome.DEFERRED,
        },
        office,
    )
    # Published after the agreement: a version the agreement was not taken on.
    create_proposal(
        world.round,
        world.children,
        world.owner,
        title="Kun i version to",
        summary="Et forslag der kom til senere.",
        effects={(world.schools, 2029): -55_555},
        status="in_catalog",
    )
    do_publish_catalog(world.round, user=office)
    create_proposal(world.round, world.children, world.owner, title="Kladde om busser")

    bu01 = initiative(agreement, "BU-01", unit="Skoleafdelingen")
    bu02 = initiative(agreement, "BU-02")
    approve(
        bu01,
        2027,
        912_345,
        "on_track",
        office,
        assessment=APPROVED_ASSESSMENT,
        learning=APPROVED_LEARNING,
        review_note="Intern review-bemærkning",
    )
    submitted = Realisation.objects.create(
        initiative=bu01,
        year=2028,
        realised=SECRET_REALISED,
        status="exceeded",
        assessment="HEMMELIG VURDERING",
        learning="HEMMELIG LÆRING",
        state=ReviewState.SUBMITTED,
        submitted_by=world.owner,
        submitted_at=timezone.now(),
    )
    Evidence.objects.create(
        realisation=submitted,
        name="bilag-regnskab.pdf",
        content_type="application/pdf",
        content=b"%PDF-1.4",
        size=8,
        uploaded_by=world.owner,
    )
    Realisation.objects.create(
        initiative=bu02,
        year=2028,
        realised=SECRET_REALISED,
        status="at_risk",
        assessment="Afvist vurdering",
        state=ReviewState.RETURNED,
        review_note="Intern review-bemærkning",
    )
    Milestone.objects.create(initiative=bu01, title="Milepæl om vikarpulje", due=date(2027, 3, 1))
    before = dict(bu02.expected)
    bu02.expected = {**bu02.expected, "2028": 1_500_000}
    bu02.save()
    InitiativeDecision.objects.create(
        initiative=bu02,
        kind=DecisionKind.ADJUST,
        reason="Intern begrundelse for justering",
        reference="BUU 3. marts 2027",
        expected_before=before,
        expected_after=bu02.expected,
        by=office,
    )
    _publicity(world.round, office, public=True, show_realisation=show_realisation)

    # Same municipality: an agreed round that is not public.
    hidden_round = create_round(
        world.municipality,
        name="Budget 2026 (ikke offentlig)",
        budget_year=2026,
        price_level_year=2026,
        full_effect_year=2027,
    )
    create_proposal(
        hidden_round,
        world.children,
        world.owner,
        title="Skjult runde-forslag",
        summary="Må ikke ses.",
        effects={(world.schools, 2026): -3_141_592},
        status="in_catalog",
    )
    hidden_version = do_publish_catalog(hidden_round, user=office)
    decide(hidden_round, hidden_version, {"BU-01": Outcome.ADOPTED}, office)
    _publicity(hidden_round, office, public=False)

    # Another municipality: public, under its own address.
    other_office = world.outsider
    other_committee = Committee.objects.get(municipality=world.other_municipality)
    other_area = ServiceArea.objects.get(committee=other_committee)
    other_owner = create_user("otto", world.other_municipality, "owner")
    create_proposal(
        world.other_round,
        other_committee,
        other_owner,
        title="Syddjurs-forslaget",
        summary="Syddjurs' eget forslag.",
        effects={(other_area, 2027): -2_718_281},
        status="in_catalog",
    )
    other_version = do_publish_catalog(world.other_round, user=other_office)
    decide(world.other_round, other_version, {"ØK-01": Outcome.ADOPTED}, other_office)
    _publicity(world.other_round, other_office, public=True)
    return Public(world, version, agreement, bu01, bu02, hidden_round, world.other_round)
