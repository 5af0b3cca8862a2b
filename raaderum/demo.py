"""Load "Demo Kommune": committees, areas with budgets, a login per role, a round and a catalog.

Idempotent: every object is found by its natural key (municipality code, committee code, area name,
username, round name, proposal title) and brought to the state declared in raaderum.demo_data, so
running it twice changes nothing the second time. Proposals go through the same actions as the
views (numbering, versions); objects the demo does not declare are left alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any, Protocol, TypeVar

from django.db import models, transaction
from django.utils import timezone

from raaderum import demo_data as data
from raaderum.confidentiality.actions import do_set_proposal_visibility, do_set_version_visibility
from raaderum.confidentiality.models import ProposalVisibility, Visibility
from raaderum.demo_benchmark import load_benchmark
from raaderum.demo_followup import load_followup
from raaderum.demo_ideabank import load_idea_bank_and_evaluation
from raaderum.demo_ideas import load_comments, load_ideas
from raaderum.demo_questions import load_questions_and_consultation
from raaderum.impactscreening.demo import load_impact_screening
from raaderum.organisation.models import (
    Committee,
    GlossaryTerm,
    Membership,
    Municipality,
    ServiceArea,
    ServiceAreaBudget,
    User,
)
from raaderum.proposals.actions import (
    do_create_proposal,
    do_save_effects,
    do_transition,
    do_update_proposal,
)
from raaderum.proposals.models import Proposal, ProposalStatus
from raaderum.publication.actions import do_publish_catalog
from raaderum.rounds.models import BudgetRound, Phase, PhaseKind
from raaderum.transparency.actions import do_publish_agreed_rounds

PASSWORD = data.PASSWORD

ModelT = TypeVar("ModelT", bound=models.Model)


class Writer(Protocol):
    def write(self, msg: str, /) -> object: ...


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: str  # a Role value
    role_name: str  # the Danish name of the role
    name: str
    title: str
    party: str
    superuser: bool


@dataclass(frozen=True)
class DemoResult:
    municipality: Municipality
    budget_round: BudgetRound
    logins: list[DemoLogin]
    committees: int
    service_areas: int
    proposals_created: int
    proposals_updated: int
    proposals_unchanged: int

    @property
    def proposals(self) -> int:
        return self.proposals_created + self.proposals_updated + self.proposals_unchanged


def load_demo(stdout: Writer | None = None) -> DemoResult:
    """Create or refresh the demo municipality; all or nothing."""
    with transaction.atomic():
        municipality = _municipality()
        committees = _committees(municipality)
        areas = _service_areas(municipality, committees)
        users = _people(municipality)
        budget_round = _round(municipality, users)
        _plan(budget_round)
        _glossary(municipality)
        outcomes = _proposals(budget_round, committees, areas, users)
        # Before publishing: version 1 carries the impact screening's answers.
        load_impact_screening(municipality, budget_round, users[data.ROUND_CREATED_BY])
        _publish(budget_round, users[data.ROUND_CREATED_BY])
        load_comments(budget_round, users)
        load_ideas(municipality, users)
        load_questions_and_consultation(budget_round, users)
        load_idea_bank_and_evaluation(municipality, budget_round, users)
        load_benchmark(municipality, areas, budget_round, users[data.ROUND_CREATED_BY])
        load_followup(municipality, committees, areas, users)
        # Last, after every loader that records a budget agreement: agreed rounds go public.
        do_publish_agreed_rounds(municipality, user=users[data.ROUND_CREATED_BY])
    result = DemoResult(
        municipality=municipality,
        budget_round=budget_round,
        logins=[_login(person) for person in data.PEOPLE],
        committees=len(committees),
        service_areas=len(areas),
        proposals_created=outcomes["created"],
        proposals_updated=outcomes["updated"],
        proposals_unchanged=outcomes["unchanged"],
    )
    if stdout is not None:
        stdout.write(
            f"{municipality.name}: {result.committees} committees, {result.service_areas} "
            f"service areas, {len(result.logins)} logins, round «{budget_round.name}» with "
            f"{result.proposals} proposals ({result.proposals_created} created, "
            f"{result.proposals_updated} updated, {result.proposals_unchanged} unchanged).\n"
        )
    return result


def _apply(obj: ModelT, values: Mapping[str, Any], *, force: bool = False) -> ModelT:
    """Set the declared values; validate and save only when something differs."""
    changed = force or obj.pk is None
    for name, value in values.items():
        if obj.pk is None or getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    if changed:
        obj.full_clean()
        obj.save()
    return obj


def _municipality() -> Municipality:
    values = data.MUNICIPALITY
    existing = Municipality.objects.filter(code=values["code"]).first()
    return _apply(existing or Municipality(), values)


def _committees(municipality: Municipality) -> dict[str, Committee]:
    committees = {}
    for position, (code, name) in enumerate(data.COMMITTEES, start=1):
        existing = Committee.objects.filter(municipality=municipality, code=code).first()
        committees[code] = _apply(
            existing or Committee(municipality=municipality, code=code),
            {"name": name, "position": position},
        )
    return committees


def area_budget(area: data.AreaData, year: int) -> int:
    """The area's net operating budget in a year: the 2027 budget with demographic drift."""
    factor = (1 + area["growth_per_mille"] / 1000) ** (year - data.BUDGET_BASE_YEAR)
    return int(round(area["budget_2027"] * factor, -3))


def _service_areas(
    municipality: Municipality, committees: Mapping[str, Committee]
) -> dict[str, ServiceArea]:
    areas = {}
    positions: dict[str, int] = {}
    for spec in data.SERVICE_AREAS:
        positions[spec["committee"]] = positions.get(spec["committee"], 0) + 1
        existing = ServiceArea.objects.filter(
            committee__municipality=municipality, name=spec["name"]
        ).first()
        area = _apply(
            existing or ServiceArea(name=spec["name"]),
            {
                "committee": committees[spec["committee"]],
                "function_codes": spec["function_codes"],
                "position": positions[spec["committee"]],
            },
        )
        for year in data.BUDGET_YEARS:
            existing_budget = ServiceAreaBudget.objects.filter(service_area=area, year=year).first()
            _apply(
                existing_budget or ServiceAreaBudget(service_area=area, year=year),
                {"amount": area_budget(spec, year)},
            )
        areas[spec["name"]] = area
    return areas


def _people(municipality: Municipality) -> dict[str, User]:
    users = {}
    for person in data.PEOPLE:
        existing = User.objects.filter(username=person["username"]).first()
        user = existing or User(username=person["username"])
        password_differs = not user.check_password(PASSWORD)
        if password_differs:
            user.set_password(PASSWORD)
        user = _apply(
            user,
            {
                "first_name": person["first_name"],
                "last_name": person["last_name"],
                "is_active": True,
                "is_staff": person["superuser"],
                "is_superuser": person["superuser"],
            },
            force=password_differs,
        )
        existing_membership = Membership.objects.filter(
            user=user, municipality=municipality
        ).first()
        _apply(
            existing_membership or Membership(user=user, municipality=municipality),
            {"role": person["role"], "title": person["title"], "party": person["party"]},
        )
        users[person["username"]] = user
    return users


def _round(municipality: Municipality, users: Mapping[str, User]) -> BudgetRound:
    values = data.ROUND
    existing = BudgetRound.objects.filter(municipality=municipality, name=values["name"]).first()
    budget_round = _apply(
        existing or BudgetRound(municipality=municipality, created_by=users[data.ROUND_CREATED_BY]),
        values,
    )
    budget_round.year_targets.all().delete()  # the demo round has none: one target from 2028
    return budget_round


# The process plan relative to the day the demo is loaded: drafting has just ended and the
# budget office is checking calculations, so the dashboard shows overdue drafts and work to do.
PLAN_DAYS = {
    PhaseKind.IDEAS: (-120, -91),
    PhaseKind.SCREENING: (-90, -71),
    PhaseKind.DRAFTING: (-70, -7),
    PhaseKind.QUALITY_CHECK: (-6, 14),
    PhaseKind.CATALOG: (15, 35),
    PhaseKind.NEGOTIATION: (36, 60),
    PhaseKind.ADOPTION: (61, 75),
    PhaseKind.FOLLOW_UP: (76, 440),
}

GLOSSARY = {
    "mindreudgift": "besparelse",
    "merudgift": "ekstra udgift",
    "P/L": "pris- og lønniveau",
    "helårsvirkning": "den fulde effekt på et helt år",
    "anlægsudgift": "udgift til byggeri og anlæg",
    "driftsudgift": "løbende udgift",
    "årsværk": "fuldtidsstillinger",
    "DUT": "statens kompensation for nye opgaver",
}


def _plan(budget_round: BudgetRound) -> None:
    today = timezone.localdate()
    for kind, (start, end) in PLAN_DAYS.items():
        Phase.objects.update_or_create(
            round=budget_round,
            kind=kind,
            defaults={
                "starts_on": today + timedelta(days=start),
                "deadline": today + timedelta(days=end),
            },
        )
    if budget_round.current_phase != PhaseKind.QUALITY_CHECK:
        budget_round.current_phase = PhaseKind.QUALITY_CHECK
        budget_round.save(update_fields=["current_phase"])


# Confidentiality: version 1 is public (the citizens are consulted on it), one proposal that
# names staff is internal to the administration, and one is confidential to the politicians
# until a month from now.
INTERNAL_PROPOSAL = "Ét ledelseslag mindre i administrationen"
CONFIDENTIAL_PROPOSAL = "Fælles ledelse af to plejecentre"
CONFIDENTIAL_DAYS = 30


def _publish(budget_round: BudgetRound, office: User) -> None:
    """Version 1 of the catalog, so politicians have something to read, simulate and optimise."""
    version = budget_round.catalog_versions.order_by("number").first()
    if version is None:
        version = do_publish_catalog(
            budget_round,
            user=office,
            note="Første udgave til budgetseminaret.",
            visibility=Visibility.PUBLIC,
        )
    version.round = budget_round
    do_set_version_visibility(version, level=Visibility.PUBLIC, release_date=None, user=office)
    levels = {
        INTERNAL_PROPOSAL: (ProposalVisibility.INTERNAL, None),
        CONFIDENTIAL_PROPOSAL: (
            ProposalVisibility.CONFIDENTIAL,
            timezone.localdate() + timedelta(days=CONFIDENTIAL_DAYS),
        ),
    }
    for proposal in budget_round.proposals.filter(title__in=list(levels)).select_related(
        "round", "committee"
    ):
        level, release = levels[proposal.title]
        do_set_proposal_visibility(proposal, level=level, release_date=release, user=office)


def _glossary(municipality: Municipality) -> None:
    for term, plain in GLOSSARY.items():
        GlossaryTerm.objects.update_or_create(
            municipality=municipality, term=term, defaults={"plain": plain}
        )


def _proposals(
    budget_round: BudgetRound,
    committees: Mapping[str, Committee],
    areas: Mapping[str, ServiceArea],
    users: Mapping[str, User],
) -> Counter[str]:
    """Create missing proposals and bring changed ones back to the declared state."""
    outcomes: Counter[str] = Counter()
    office = users[data.ROUND_CREATED_BY]
    years = budget_round.years
    for index, spec in enumerate(data.PROPOSALS):
        fields: dict[str, Any] = {
            "committee": committees[spec["committee"]],
            "title": spec["title"],
            "type": spec["type"],
            "owner": users[spec["owner"]],
            "director": users[spec["director"]] if "director" in spec else None,
            "type_rationale": spec["type_rationale"],
            "summary": spec["summary"],
            "description": spec["description"],
            "consequences_service": spec["consequences_service"],
            "consequences_citizens": spec["consequences_citizens"],
            "consequences_staff": spec["consequences_staff"],
            "risks": spec["risks"],
            "calculation_basis": spec["calculation_basis"],
            "assumptions": spec["assumptions"],
        }
        contributors = [users[username] for username in spec.get("contributors", [])]
        amounts = {
            (areas[name].pk, year): amount
            for name, row in spec["effects"].items()
            for year, amount in zip(years, row, strict=True)
            if amount != 0
        }
        fte = {
            year: Decimal(str(value))
            for year, value in zip(years, spec.get("fte", (0, 0, 0, 0)), strict=True)
            if value != 0
        }

        proposal = Proposal.objects.filter(round=budget_round, title=spec["title"]).first()
        if proposal is None:
            proposal = do_create_proposal(
                budget_round, {**fields, "contributors": contributors}, user=fields["owner"]
            )
            outcome = "created"
        elif any(getattr(proposal, name) != value for name, value in fields.items()) or {
            user.pk for user in proposal.contributors.all()
        } != {user.pk for user in contributors}:
            proposal = do_update_proposal(
                proposal,
                {**fields, "contributors": contributors},
                expected_version=proposal.version,
                user=office,
            )
            outcome = "updated"
        else:
            outcome = "unchanged"

        current_amounts = {
            (effect.service_area_id, effect.year): effect.amount
            for effect in proposal.effects.all()
        }
        current_fte = {staff.year: staff.fte for staff in proposal.staff_effects.all()}
        if current_amounts != amounts or current_fte != fte:
            do_save_effects(
                proposal,
                amounts,
                fte,
                expected_version=proposal.version,
                user=fields["owner"] if outcome == "created" else office,
            )
            if outcome == "unchanged":
                outcome = "updated"
        target = _target_status(
            spec["status"],
            index,
            has_director=proposal.director_id is not None,
            teaching=proposal.is_cross_cutting() and proposal.director_id is None,
        )
        if proposal.status == ProposalStatus.DRAFT and target != ProposalStatus.DRAFT:
            _walk(proposal, target, office)
            if outcome == "unchanged":
                outcome = "updated"
        outcomes[outcome] += 1
    return outcomes


def _target_status(declared: str, index: int, *, has_director: bool, teaching: bool) -> str:
    """Spread the proposals over the workflow so the dashboard and filters have content, while
    the published catalog offers clearly more than the target (politicians must choose)."""
    if declared != data.READY:
        if index % 10 == 9:
            return ProposalStatus.WITHDRAWN
        if index % 2 == 0 and not teaching:
            return ProposalStatus.IN_CATALOG
        return ProposalStatus.DRAFT
    if has_director and index % 6 == 0:
        return ProposalStatus.APPROVED  # waiting for the budget office to add it
    return {
        3: ProposalStatus.SUBMITTED,
        8: ProposalStatus.SIGNED_OFF,
    }.get(index % 17, ProposalStatus.IN_CATALOG)


def _walk(proposal: Proposal, target: str, office: User) -> None:
    """Take the proposal through the real workflow steps, each by the person who may take it."""
    paths: dict[str, list[str]] = {
        ProposalStatus.SUBMITTED: ["submit"],
        ProposalStatus.SIGNED_OFF: ["submit", "sign_off"],
        ProposalStatus.APPROVED: ["submit", "sign_off", "approve"],
        ProposalStatus.IN_CATALOG: ["submit", "sign_off", "approve", "add_to_catalog"],
        ProposalStatus.WITHDRAWN: ["withdraw"],
    }
    steps = paths[target]
    if proposal.director_id is None:
        # Only a proposal's own director approves; without one it goes straight on.
        steps = [step for step in steps if step != "approve"] or ["submit", "sign_off"]
    for step in steps:
        proposal = Proposal.objects.with_effects().get(pk=proposal.pk)
        actor = {"submit": proposal.owner, "approve": proposal.director}.get(step) or office
        role = Membership.objects.get(user=actor, municipality=proposal.round.municipality).role
        comment = data.WITHDRAW_REASON if step == "withdraw" else ""
        proposal = do_transition(
            proposal,
            step,
            user=actor,
            role=role,
            expected_version=proposal.version,
            comment=comment,
        )


def _login(person: data.PersonData) -> DemoLogin:
    return DemoLogin(
        username=person["username"],
        password=PASSWORD,
        role=person["role"],
        role_name=data.ROLE_NAMES[person["role"]],
        name=f"{person['first_name']} {person['last_name']}",
        title=person["title"],
        party=person["party"],
        superuser=person["superuser"],
    )
