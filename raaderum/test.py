"""Personas and small create_* helpers for the tests.

One municipality with a committee structure, a round and a person per role, plus a user of
another municipality who must never see any of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from raaderum.organisation.models import (
    Committee,
    Membership,
    Municipality,
    Role,
    ServiceArea,
    User,
)
from raaderum.proposals.actions import do_create_proposal, do_save_effects
from raaderum.proposals.models import Proposal, ProposalStatus, ProposalType
from raaderum.rounds.models import BudgetRound

PASSWORD = "correct horse battery"


def create_user(username: str, municipality: Municipality | None = None, role: str = "") -> User:
    user = User.objects.create_user(
        username=username,
        password=PASSWORD,
        first_name=username.capitalize(),
        last_name="Testesen",
    )
    if municipality is not None:
        Membership.objects.create(user=user, municipality=municipality, role=role)
    return user


def create_municipality(name: str = "Norddjurs Kommune", code: int = 707) -> Municipality:
    return Municipality.objects.create(name=name, code=code, slug=name.split()[0].lower())


def create_round(municipality: Municipality, **fields: object) -> BudgetRound:
    values: dict[str, object] = {
        "name": "Budget 2027–2030",
        "budget_year": 2027,
        "price_level_year": 2027,
        "target_amount": 30_000_000,
        "full_effect_year": 2028,
    }
    values.update(fields)
    return BudgetRound.objects.create(municipality=municipality, **values)


def create_proposal(
    budget_round: BudgetRound,
    committee: Committee,
    owner: User,
    *,
    title: str = "Færre vikarer",
    type: str = ProposalType.SAVING,
    effects: dict[tuple[ServiceArea, int], int] | None = None,
    fte: dict[int, Decimal] | None = None,
    **fields: object,
) -> Proposal:
    from raaderum.communication.models import Event, Notification

    status = fields.pop("status", None)
    events_before = set(Event.objects.values_list("pk", flat=True))
    proposal = do_create_proposal(
        budget_round,
        {"committee": committee, "title": title, "type": type, "owner": owner, **fields},
        user=owner,
    )
    if effects or fte:
        proposal = do_save_effects(
            proposal,
            {(area.pk, year): amount for (area, year), amount in (effects or {}).items()},
            fte or {},
            expected_version=proposal.version,
            user=owner,
        )
    if status is not None:
        # A shortcut for tests: the workflow's own steps are tested in test_workflow.
        Proposal.objects.filter(pk=proposal.pk).update(status=status)
        proposal.refresh_from_db()
    # Setting up a test is not news: drop the events (and notifications) it recorded, so a
    # test sees only what it does itself.
    recorded = Event.objects.exclude(pk__in=events_before)
    Notification.objects.filter(event__in=recorded).delete()
    recorded.delete()
    return proposal


@dataclass
class World:
    """A municipality with two committees, three areas, a round and one persona per role."""

    municipality: Municipality
    children: Committee
    social: Committee
    schools: ServiceArea
    daycare: ServiceArea
    elderly: ServiceArea
    round: BudgetRound
    budget_officer: User
    director: User
    owner: User
    contributor: User
    politician: User
    reader: User
    outsider: User
    other_municipality: Municipality
    other_area: ServiceArea
    other_round: BudgetRound

    def personas(self) -> dict[str, User]:
        return {
            Role.BUDGET_OFFICE: self.budget_officer,
            Role.DIRECTOR: self.director,
            Role.OWNER: self.owner,
            Role.CONTRIBUTOR: self.contributor,
            Role.POLITICIAN: self.politician,
            Role.READER: self.reader,
        }


def create_world() -> World:
    municipality = create_municipality()
    children = Committee.objects.create(
        municipality=municipality, name="Børne- og Ungdomsudvalget", code="BU", position=1
    )
    social = Committee.objects.create(
        municipality=municipality, name="Social- og Sundhedsudvalget", code="SU", position=2
    )
    schools = ServiceArea.objects.create(
        committee=children, name="Folkeskoler", function_codes="3.22.01", position=1
    )
    daycare = ServiceArea.objects.create(committee=children, name="Dagtilbud", position=2)
    elderly = ServiceArea.objects.create(committee=social, name="Ældreområdet", position=1)
    other = create_municipality("Syddjurs Kommune", 706)
    other_committee = Committee.objects.create(
        municipality=other, name="Økonomiudvalget", code="ØK"
    )
    other_area = ServiceArea.objects.create(committee=other_committee, name="Administration")
    return World(
        municipality=municipality,
        children=children,
        social=social,
        schools=schools,
        daycare=daycare,
        elderly=elderly,
        round=create_round(municipality),
        budget_officer=create_user("bente", municipality, Role.BUDGET_OFFICE),
        director=create_user("dorte", municipality, Role.DIRECTOR),
        owner=create_user("ole", municipality, Role.OWNER),
        contributor=create_user("carl", municipality, Role.CONTRIBUTOR),
        politician=create_user("pia", municipality, Role.POLITICIAN),
        reader=create_user("lise", municipality, Role.READER),
        outsider=create_user("oscar", other, Role.BUDGET_OFFICE),
        other_municipality=other,
        other_area=other_area,
        other_round=create_round(other, name="Budget 2027–2030 Syddjurs"),
    )


__all__ = ["PASSWORD", "ProposalStatus", "World", "create_proposal", "create_round", "create_world"]
