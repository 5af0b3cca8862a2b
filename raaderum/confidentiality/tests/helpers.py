"""A round whose catalog holds material of every level, with the date pinned.

Round »Budget 2028–2031« of the test world (date pinned to TODAY):
- version 1, public: A »Åbent forslag om parkering« (as the catalog), B »Navngivne ledere
  fratræder« (its own level internal), C »Fortroligt om plejecentre« (confidential until
  RELEASE), D »Frigivet forslag om lys« (confidential until a date that has passed: public);
- version 2, internal: A–D and E »Kun i det interne katalog«;
- version 3, confidential without a release date: A–E and F »Fortroligt katalogforslag«.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from raaderum.confidentiality.actions import do_set_proposal_visibility
from raaderum.proposals.models import Proposal
from raaderum.publication.actions import do_publish_catalog
from raaderum.publication.models import CatalogVersion
from raaderum.rounds.models import BudgetRound
from raaderum.test import World, create_proposal, create_round

NOW = datetime(2027, 9, 15, 10, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))
TODAY = NOW.date()
RELEASE = date(2027, 10, 1)
RELEASED = date(2027, 9, 1)

VISIBLE = ["Åbent forslag om parkering", "Frigivet forslag om lys"]
# What the public must never see: titles, summaries and amounts (kroner and 1,000 kr.).
HIDDEN_FROM_THE_PUBLIC = [
    "Navngivne ledere fratræder",
    "To navngivne chefer",
    "2357111",
    "2.357",
    "Fortroligt om plejecentre",
    "Plejecentrene slås sammen",
    "1618034",
    "1.618",
    "Kun i det interne katalog",
    "3030303",
    "3.030",
    "Fortroligt katalogforslag",
    "4040404",
    "4.040",
]
# What a politician must never see: the proposal held internal (E is internal only as long as
# no version they may read holds it: version 3 does).
HIDDEN_FROM_POLITICIANS = HIDDEN_FROM_THE_PUBLIC[:4]


@dataclass
class Levels:
    world: World
    round: BudgetRound
    public: CatalogVersion  # version 1
    internal: CatalogVersion  # version 2
    confidential: CatalogVersion  # version 3
    a: Proposal
    b: Proposal
    c: Proposal
    d: Proposal


def _proposal(world: World, budget_round: BudgetRound, title: str, summary: str, amount: int):
    return create_proposal(
        budget_round,
        world.children,
        world.owner,
        title=title,
        summary=summary,
        effects={(world.schools, 2028): -amount, (world.schools, 2029): -amount},
        status="in_catalog",
    )


def create_levels(world: World) -> Levels:
    """Call with the clock at NOW."""
    office = world.budget_officer
    budget_round = create_round(world.municipality, name="Budget 2028–2031", budget_year=2028)
    a = _proposal(world, budget_round, VISIBLE[0], "Parkering koster lidt mere.", 1_111_000)
    b = _proposal(
        world, budget_round, "Navngivne ledere fratræder", "To navngivne chefer.", 2_357_111
    )
    c = _proposal(
        world, budget_round, "Fortroligt om plejecentre", "Plejecentrene slås sammen.", 1_618_034
    )
    d = _proposal(world, budget_round, VISIBLE[1], "Gadelys slukkes om natten.", 1_222_000)
    do_set_proposal_visibility(b, level="internal", release_date=None, user=office)
    do_set_proposal_visibility(c, level="confidential", release_date=RELEASE, user=office)
    do_set_proposal_visibility(d, level="confidential", release_date=RELEASED, user=office)
    public = do_publish_catalog(budget_round, user=office, visibility="public")
    _proposal(world, budget_round, "Kun i det interne katalog", "Intern.", 3_030_303)
    internal = do_publish_catalog(budget_round, user=office, visibility="internal")
    _proposal(world, budget_round, "Fortroligt katalogforslag", "Fortroligt.", 4_040_404)
    confidential = do_publish_catalog(budget_round, user=office)
    return Levels(world, budget_round, public, internal, confidential, a, b, c, d)
