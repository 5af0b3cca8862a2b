"""A catalog ready to publish in the test world."""

from __future__ import annotations

from raaderum.proposals.models import Proposal, ProposalStatus
from raaderum.publication.actions import do_publish_catalog
from raaderum.publication.models import CatalogVersion
from raaderum.test import World, create_proposal


def fill_catalog(world: World, count: int = 2) -> list[Proposal]:
    """`count` proposals in the catalog, alternating between the two committees."""
    proposals = []
    for i in range(count):
        children = i % 2 == 0
        proposals.append(
            create_proposal(
                world.round,
                world.children if children else world.social,
                world.owner,
                title=f"Forslag nummer {i + 1}",
                summary="Vi samler to små skoler. Eleverne får længere til skole.",
                consequences_service="Færre klasser med få elever.",
                effects={
                    (world.schools if children else world.elderly, 2027): -(100_400 + i * 1_000),
                    (world.schools if children else world.elderly, 2028): -(1_200_499 + i),
                    (world.schools if children else world.elderly, 2029): -1_500_500,
                    (world.schools if children else world.elderly, 2030): -1_500_500,
                },
                status=ProposalStatus.IN_CATALOG,
            )
        )
    return proposals


def publish(world: World, note: str = "") -> CatalogVersion:
    return do_publish_catalog(world.round, user=world.budget_officer, note=note)


def variant(version: CatalogVersion, excluded: tuple[int, ...] = ()) -> str:
    """The key of the PDF a reader gets who sees every proposal of the version but `excluded`."""
    from raaderum.confidentiality.visibility import marking_of
    from raaderum.publication.actions import PdfVariant

    return PdfVariant(marking_of(version), list(excluded)).key
