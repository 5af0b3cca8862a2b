"""A published catalog version with four proposals, two relations and known figures.

Years 2027–2030, target 30.000.000 kr. from 2028 (the round from raaderum.test).
  A (BU) schools:  1.000.000 in 2027, 12.345.678 from 2028, −2,5 FTE from 2028; requires B
  B (BU) daycare:  5.000.001 every year
  C (SU) elderly: 20.000.000 from 2028; alternative to D
  D (SU) elderly: 15.000.000 from 2028
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.test import Client

from raaderum.organisation.models import Membership, Role
from raaderum.proposals.models import Proposal, ProposalRelation, RelationKind
from raaderum.publication.actions import do_publish_catalog
from raaderum.publication.models import CatalogVersion
from raaderum.test import World, create_proposal, create_user

YEARS = (2027, 2028, 2029, 2030)
LATER = (2028, 2029, 2030)


@dataclass
class Catalog:
    version: CatalogVersion
    a: Proposal
    b: Proposal
    c: Proposal
    d: Proposal


def in_catalog(world: World, committee, area, title: str, amounts: dict[int, int], **fields):
    return create_proposal(
        world.round,
        committee,
        world.owner,
        title=title,
        effects={(area, year): -amount for year, amount in amounts.items()},
        status="in_catalog",
        director=world.director,
        summary=f"Kort om {title}.",
        **fields,
    )


def publish_catalog(world: World) -> Catalog:
    a = in_catalog(
        world,
        world.children,
        world.schools,
        "Større klasser",
        {2027: 1_000_000, **dict.fromkeys(LATER, 12_345_678)},
        fte=dict.fromkeys(LATER, Decimal("-2.5")),
        consequences_service="Flere elever pr. lærer.",
        consequences_citizens="Forældre oplever større klasser.",
    )
    b = in_catalog(
        world, world.children, world.daycare, "Færre vikarer", dict.fromkeys(YEARS, 5_000_001)
    )
    c = in_catalog(
        world,
        world.social,
        world.elderly,
        "Lukning af plejecenter",
        dict.fromkeys(LATER, 20_000_000),
    )
    d = in_catalog(
        world, world.social, world.elderly, "Færre pladser", dict.fromkeys(LATER, 15_000_000)
    )
    ProposalRelation.objects.create(proposal=c, kind=RelationKind.EXCLUDES, other=d)
    ProposalRelation.objects.create(proposal=a, kind=RelationKind.REQUIRES, other=b)
    version = do_publish_catalog(world.round, user=world.budget_officer)
    return Catalog(version, a, b, c, d)


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def set_party(world: World, party: str) -> None:
    Membership.objects.filter(user=world.politician).update(party=party)


def politician(world: World, name: str, party: str):
    user = create_user(name, world.municipality, Role.POLITICIAN)
    Membership.objects.filter(user=user).update(party=party)
    return user
