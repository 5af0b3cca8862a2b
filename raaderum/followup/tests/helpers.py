"""An adopted catalog to follow up: the decisions tests' four proposals, three of them adopted.

BU-01 Færre vikarer: råderum 2027 1.000.200, 2028 1.234.567 (Folkeskoler).
BU-02 Samling af dagtilbud: 2028 2.000.000, 2029 333.333, 2030 −100.001.
BU-03 Lukning af ungdomsklub: rejected.
SU-01 Velfærdsteknologi (investment): 2027 −400.000, 2029 900.000.
"""

from __future__ import annotations

from typing import Any

from raaderum.decisions.models import BudgetAgreement
from raaderum.decisions.tests.helpers import decide, publish
from raaderum.followup.actions import do_review_realisation, do_save_realisation
from raaderum.followup.models import Initiative, Realisation
from raaderum.test import World

OUTCOMES: dict[str, dict[str, Any]] = {
    "BU-01": {"outcome": "adopted"},
    "BU-02": {"outcome": "adopted"},
    "BU-03": {"outcome": "rejected"},
    "SU-01": {"outcome": "adopted"},
}


def adopt(world: World, outcomes: dict[str, dict[str, Any]] | None = None) -> BudgetAgreement:
    return decide(world, publish(world), outcomes or OUTCOMES)


def initiative(code: str) -> Initiative:
    return Initiative.objects.select_related(
        "decision__published__proposal", "decision__agreement__round", "municipality"
    ).get(decision__published__code=code)


def assess(
    world: World,
    code: str,
    year: int,
    realised: int,
    *,
    status: str = "on_track",
    learning: str = "",
    approve: bool = True,
) -> Realisation:
    """The owner submits an assessment; the budget office approves it (unless told not to)."""
    found = initiative(code)
    existing = Realisation.objects.filter(initiative=found, year=year).first()
    realisation = do_save_realisation(
        found,
        year,
        {
            "realised": realised,
            "status": status,
            "assessment": f"Vurdering af {code} {year}.",
            "learning": learning,
        },
        submit=True,
        expected_version=existing.version if existing else 0,
        user=world.owner,
    )
    if approve:
        realisation = do_review_realisation(
            realisation,
            approve=True,
            note="",
            expected_version=realisation.version,
            user=world.budget_officer,
        )
    return realisation


def url_args(code: str, *more: object) -> list[object]:
    found = initiative(code)
    return [found.round.public_id, code, *more]
