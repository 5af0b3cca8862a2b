"""The demo's follow-up: last year's round, agreed and being followed up with the 2026 accounts.

"Budget 2026–2029" was published and agreed in October 2025; its adopted proposals are
initiatives with milestones, and the follow-up of the accounts 2026 is open with a mix of
assessments: approved (exceeded, on track, at risk, not realised), awaiting review, sent back,
started and missing. The approved lessons show beside similar proposals of "Budget 2027–2030",
and its catalog gets a risk-adjusted total from the realisation rates.

Idempotent like raaderum.demo: the round, its proposals (by title), the agreement, milestones
(by title), the cycle (by year) and the assessments (by initiative and year) are made only when
missing; what exists is left as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from raaderum.decisions.actions import do_record_decisions
from raaderum.decisions.models import BudgetAgreement
from raaderum.followup.actions import (
    do_add_evidence,
    do_open_cycle,
    do_review_realisation,
    do_save_realisation,
)
from raaderum.followup.models import FollowUpCycle, Initiative, Milestone, Realisation
from raaderum.organisation.models import Committee, Membership, Municipality, ServiceArea, User
from raaderum.proposals.actions import do_create_proposal, do_save_effects, do_transition
from raaderum.proposals.calculation import EFFICIENCY, INVESTMENT, SAVING
from raaderum.proposals.models import Proposal, ProposalStatus
from raaderum.publication.actions import do_publish_catalog
from raaderum.rounds.models import BudgetRound, PhaseKind

ROUND = {
    "name": "Budget 2026–2029",
    "budget_year": 2026,
    "price_level_year": 2026,
    "target_amount": 20_000_000,
    "full_effect_year": 2027,
    "description": "Sidste års runde. Budgetaftalen er indgået, og gevinsterne følges op med "
    "regnskabet.",
}
AGREEMENT = {
    "body": "Kommunalbestyrelsen",
    "date": date(2025, 10, 9),
    "reference": "Budgetaftale 2026–2029 af 9. oktober 2025",
    "note": "",
}
ACCOUNTS_YEAR = 2026
OFFICE = "oekonomi"

# (committee, title, type, owner, area, råderum effects 2026..2029 as in the accounts, outcome,
#  summary, responsible unit)
PROPOSALS: list[dict[str, Any]] = [
    {
        "committee": "BU",
        "title": "Fælles vikarpulje for folkeskolerne",
        "type": SAVING,
        "owner": "ejer",
        "area": "Folkeskoler og SFO",
        "effects": (-1_500_000, -3_000_000, -3_000_000, -3_000_000),
        "outcome": "adopted",
        "summary": "Skolerne deler én pulje til vikarer i stedet for at have hver sin.",
        "unit": "Skole og Dagtilbud",
    },
    {
        "committee": "BU",
        "title": "Samdrift af to dagtilbud i Nordby",
        "type": EFFICIENCY,
        "owner": "ejer",
        "area": "Dagtilbud",
        "effects": (-600_000, -1_200_000, -1_200_000, -1_200_000),
        "outcome": "adopted",
        "summary": "To børnehaver i Nordby får fælles leder og fælles åbningstid.",
        "unit": "Skole og Dagtilbud",
    },
    {
        "committee": "SU",
        "title": "Træning i eget hjem frem for på centret",
        "type": EFFICIENCY,
        "owner": "ejer2",
        "area": "Sundhed og træning",
        "effects": (-1_000_000, -2_000_000, -2_000_000, -2_000_000),
        "outcome": "adopted",
        "summary": "Flere ældre træner hjemme med en terapeut, så færre skal køres til centret.",
        "unit": "Ældre og Sundhed",
    },
    {
        "committee": "SU",
        "title": "Loftlifte i alle plejeboliger",
        "type": INVESTMENT,
        "owner": "ejer2",
        "area": "Plejecentre",
        "effects": (1_200_000, -900_000, -1_800_000, -1_800_000),
        "outcome": "adopted",
        "summary": "Lifte i loftet gør det hurtigere og sikrere at flytte beboerne.",
        "unit": "Ældre og Sundhed",
    },
    {
        "committee": "TM",
        "title": "Slukket gadelys om natten på villaveje",
        "type": SAVING,
        "owner": "ejer3",
        "area": "Veje og trafik",
        "effects": (-400_000, -400_000, -400_000, -400_000),
        "outcome": "adopted",
        "summary": "Gadelyset på villaveje slukkes mellem kl. 1 og 5.",
        "unit": "Teknik og Miljø",
    },
    {
        "committee": "ØK",
        "title": "Fælles indkøbsaftaler med nabokommunerne",
        "type": EFFICIENCY,
        "owner": "ejer3",
        "area": "Administration",
        "effects": (-500_000, -1_000_000, -1_000_000, -1_000_000),
        "outcome": "adopted",
        "summary": "Vi køber ind sammen med to nabokommuner og får bedre priser.",
        "unit": "Økonomi og Indkøb",
    },
    {
        "committee": "KF",
        "title": "Lukket bibliotek om lørdagen i juli",
        "type": SAVING,
        "owner": "ejer",
        "area": "Biblioteker",
        "effects": (-250_000, -250_000, -250_000, -250_000),
        "outcome": "adopted",
        "summary": "Bibliotekerne holder lukket om lørdagen i juli, hvor få kommer.",
        "unit": "Kultur og Fritid",
    },
    {
        "committee": "BE",
        "title": "Tidlig kontakt til nyledige",
        "type": INVESTMENT,
        "owner": "direktoer",
        "area": "Jobcenter og beskæftigelsesindsats",
        "effects": (500_000, -800_000, -1_200_000, -1_200_000),
        "outcome": "adopted",
        "summary": "Jobcentret taler med nyledige i første uge, så flere hurtigt får job.",
        "unit": "Jobcentret",
    },
    {
        "committee": "SU",
        "title": "Lukning af dagcentret i Sønderby",
        "type": SAVING,
        "owner": "ejer2",
        "area": "Plejecentre",
        "effects": (-700_000, -1_400_000, -1_400_000, -1_400_000),
        "outcome": "rejected",
        "summary": "Dagcentret i Sønderby lukker, og brugerne tilbydes plads i Nordby.",
        "unit": "",
    },
    {
        "committee": "TM",
        "title": "Halvt så mange busafgange om aftenen",
        "type": SAVING,
        "owner": "ejer3",
        "area": "Kollektiv trafik",
        "effects": (-300_000, -600_000, -600_000, -600_000),
        "outcome": "deferred",
        "summary": "Busserne kører hver time i stedet for hver halve time efter kl. 19.",
        "unit": "",
    },
]

MILESTONES = [
    ("Aftale med ledelserne", date(2026, 1, 15), "done", date(2026, 1, 12)),
    ("Første halvår gjort op", date(2026, 8, 15), "done", date(2026, 8, 20)),
    ("Helårseffekt vurderet med regnskabet", date(2027, 3, 31), "planned", None),
]

# Title -> the 2026 assessment: (realised, status, assessment, learning, how far it came).
APPROVED, SUBMITTED, RETURNED, STARTED = "approved", "submitted", "returned", "started"
ASSESSMENTS: dict[str, tuple[int, str, str, str, str]] = {
    "Fælles vikarpulje for folkeskolerne": (
        1_650_000,
        "exceeded",
        "Vikarudgifterne faldt mere end ventet, fordi skolerne kunne låne vikarer af hinanden.",
        "En fælles pulje giver bedre planlægning end et vikarbudget på hver skole. Aftal "
        "fordelingen med skolelederne fra starten.",
        APPROVED,
    ),
    "Samdrift af to dagtilbud i Nordby": (
        450_000,
        "at_risk",
        "Den fælles leder startede først efter sommerferien, så halvdelen af året gik uden "
        "gevinst.",
        "Sæt ledelsen på plads, før den nye åbningstid begynder.",
        APPROVED,
    ),
    "Træning i eget hjem frem for på centret": (
        1_000_000,
        "on_track",
        "Udgifterne til kørsel og holdtræning faldt som beregnet.",
        "Borgerne tog godt imod træning hjemme, når terapeuten kom de første gange.",
        APPROVED,
    ),
    "Slukket gadelys om natten på villaveje": (
        0,
        "not_realised",
        "Politiet og grundejerforeningerne skulle høres, og aftalen kom først på plads i "
        "december. Lyset har brændt hele året.",
        "Regn med høringer, når et forslag ændrer noget, borgerne ser hver dag.",
        APPROVED,
    ),
    "Loftlifte i alle plejeboliger": (
        -1_350_000,
        "at_risk",
        "Installationen blev dyrere end ventet, fordi lofterne skulle forstærkes i to bygninger.",
        "",
        SUBMITTED,
    ),
    "Tidlig kontakt til nyledige": (
        -500_000,
        "on_track",
        "Samtalerne kom i gang som planlagt.",
        "",
        RETURNED,
    ),
    "Lukket bibliotek om lørdagen i juli": (250_000, "on_track", "", "", STARTED),
}
RETURN_NOTE = "Vedlæg opgørelsen fra jobcentrets ledelsesinformation, før vi godkender."
EVIDENCE = "År;Vikarudgifter 2025;Vikarudgifter 2026\n2026;4.850.000;3.200.000\n"


def load_followup(
    municipality: Municipality,
    committees: Mapping[str, Committee],
    areas: Mapping[str, ServiceArea],
    users: Mapping[str, User],
) -> BudgetRound:
    office = users[OFFICE]
    budget_round = _round(municipality, office)
    if not BudgetAgreement.objects.filter(round=budget_round).exists():
        _proposals(budget_round, committees, areas, users, office)
        if not budget_round.catalog_versions.exists():
            do_publish_catalog(budget_round, user=office, note="Kataloget til budgetseminaret.")
        _decide(budget_round, office)
    if budget_round.current_phase != PhaseKind.FOLLOW_UP:
        budget_round.current_phase = PhaseKind.FOLLOW_UP
        budget_round.save(update_fields=["current_phase"])
    initiatives = list(
        Initiative.objects.filter(decision__agreement__round=budget_round).select_related(
            "decision__published__proposal", "decision__agreement__round", "municipality"
        )
    )
    units = {spec["title"]: spec["unit"] for spec in PROPOSALS}
    for initiative in initiatives:
        title = initiative.published.title
        if not initiative.milestones.exists():
            _milestones(initiative, units.get(title, ""))
    _cycle(municipality, office)
    for initiative in initiatives:
        _assess(initiative, users, office)
    return budget_round


def _round(municipality: Municipality, office: User) -> BudgetRound:
    found = BudgetRound.objects.filter(municipality=municipality, name=ROUND["name"]).first()
    if found is not None:
        return found
    budget_round = BudgetRound(municipality=municipality, created_by=office, **ROUND)
    budget_round.full_clean()
    budget_round.save()
    return budget_round


def _role(user: User, municipality_id: int) -> str:
    return Membership.objects.get(user=user, municipality_id=municipality_id).role


def _proposals(
    budget_round: BudgetRound,
    committees: Mapping[str, Committee],
    areas: Mapping[str, ServiceArea],
    users: Mapping[str, User],
    office: User,
) -> None:
    years = budget_round.years
    for spec in PROPOSALS:
        if Proposal.objects.filter(round=budget_round, title=spec["title"]).exists():
            continue
        owner = users[spec["owner"]]
        proposal = do_create_proposal(
            budget_round,
            {
                "committee": committees[spec["committee"]],
                "title": spec["title"],
                "type": spec["type"],
                "owner": owner,
                "summary": spec["summary"],
                "type_rationale": "Som beskrevet i kataloget.",
                "calculation_basis": "Regnskab 2024 fremskrevet til 2026-priser.",
            },
            user=owner,
        )
        area = areas[spec["area"]]
        proposal = do_save_effects(
            proposal,
            {(area.pk, year): amount for year, amount in zip(years, spec["effects"], strict=True)},
            {},
            expected_version=proposal.version,
            user=owner,
        )
        for step in ("submit", "sign_off", "add_to_catalog"):
            proposal = Proposal.objects.with_effects().get(pk=proposal.pk)
            actor = owner if step == "submit" else office
            proposal = do_transition(
                proposal,
                step,
                user=actor,
                role=_role(actor, budget_round.municipality_id),
                expected_version=proposal.version,
            )
        assert proposal.status == ProposalStatus.IN_CATALOG


def _decide(budget_round: BudgetRound, office: User) -> None:
    version = budget_round.catalog_versions.order_by("-number").first()
    assert version is not None
    outcomes = {spec["title"]: spec["outcome"] for spec in PROPOSALS}
    decisions = {
        published.pk: {
            "outcome": outcomes[published.title],
            "note": "",
            "may_return": False,
            "return_from_year": None,
        }
        for published in version.proposals.all()
    }
    do_record_decisions(budget_round, version, AGREEMENT, decisions, user=office)


def _milestones(initiative: Initiative, unit: str) -> None:
    Milestone.objects.bulk_create(
        Milestone(initiative=initiative, title=title, due=due, status=status, done_on=done_on)
        for title, due, status, done_on in MILESTONES
    )
    if unit and initiative.responsible_unit != unit:
        initiative.responsible_unit = unit
        initiative.save(update_fields=["responsible_unit"])


def _cycle(municipality: Municipality, office: User) -> None:
    if FollowUpCycle.objects.filter(
        municipality=municipality, accounts_year=ACCOUNTS_YEAR
    ).exists():
        return
    # The owners' deadline has just passed, so the dashboard shows what is overdue.
    today = timezone.localdate()
    do_open_cycle(
        municipality,
        {
            "accounts_year": ACCOUNTS_YEAR,
            "entry_deadline": today - timedelta(days=2),
            "review_deadline": today + timedelta(days=21),
            "note": "Vedlæg gerne et udtræk fra økonomisystemet.",
        },
        user=office,
    )


def _assess(initiative: Initiative, users: Mapping[str, User], office: User) -> None:
    spec = ASSESSMENTS.get(initiative.published.title)
    if (
        spec is None
        or Realisation.objects.filter(initiative=initiative, year=ACCOUNTS_YEAR).exists()
    ):
        return
    realised, status, assessment, learning, progress = spec
    owner = users[next(p["owner"] for p in PROPOSALS if p["title"] == initiative.published.title)]
    fields = {
        "realised": realised,
        "status": status,
        "assessment": assessment,
        "learning": learning,
    }
    realisation = do_save_realisation(
        initiative, ACCOUNTS_YEAR, fields, submit=False, expected_version=0, user=owner
    )
    if progress == STARTED:
        return
    if status == "exceeded":
        do_add_evidence(
            realisation,
            name="vikarudgifter-2026.csv",
            content=EVIDENCE.encode("utf-8-sig"),
            content_type="text/csv",
            description="Udtræk fra økonomisystemet",
            user=owner,
        )
    realisation = do_save_realisation(
        initiative,
        ACCOUNTS_YEAR,
        fields,
        submit=True,
        expected_version=realisation.version,
        user=owner,
    )
    if progress in (APPROVED, RETURNED):
        do_review_realisation(
            realisation,
            approve=progress == APPROVED,
            note="" if progress == APPROVED else RETURN_NOTE,
            expected_version=realisation.version,
            user=office,
        )
