"""A published catalog of four proposals and the decisions on it, for the decisions tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from raaderum.decisions.actions import do_record_decisions
from raaderum.decisions.models import BudgetAgreement
from raaderum.publication.actions import do_publish_catalog
from raaderum.publication.models import CatalogVersion, PublishedProposal
from raaderum.test import World, create_proposal

AGREEMENT = {
    "body": "Kommunalbestyrelsen",
    "date": date(2026, 10, 8),
    "reference": "Budgetaftale 2027–2030 af 8. oktober 2026",
    "note": "",
}


def publish(world: World) -> CatalogVersion:
    """BU-01 and BU-02 (two areas), BU-03 and SU-01, in the catalog and published."""
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
        effects={
            (world.daycare, 2028): -2_000_000,
            (world.schools, 2029): -333_333,
            (world.daycare, 2030): 100_001,
        },
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
        title="Velfærdsteknologi",
        summary="Flere vaskerobotter.",
        type="investment",
        effects={(world.elderly, 2027): 400_000, (world.elderly, 2029): -900_000},
        status="in_catalog",
    )
    return do_publish_catalog(world.round, user=world.budget_officer)


def published(version: CatalogVersion) -> dict[str, PublishedProposal]:
    return {p.code: p for p in version.proposals.all()}


def decide(
    world: World, version: CatalogVersion, outcomes: dict[str, dict[str, Any]]
) -> BudgetAgreement:
    """Record decisions directly: code -> {"outcome": ..., "may_return": ..., ...}."""
    rows = {
        p.pk: {
            "outcome": outcomes[p.code]["outcome"],
            "note": outcomes[p.code].get("note", ""),
            "may_return": outcomes[p.code].get("may_return", False),
            "return_from_year": outcomes[p.code].get("return_from_year") or None,
        }
        for p in version.proposals.all()
    }
    return do_record_decisions(world.round, version, AGREEMENT, rows, user=world.budget_officer)
