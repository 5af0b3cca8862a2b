from __future__ import annotations

import pytest
from django.urls import reverse

from raaderum.communication.models import Event
from raaderum.proposals.models import ProposalStatus
from raaderum.publication.models import CatalogVersion, PublishedProposal
from raaderum.publication.tests.helpers import fill_catalog, publish
from raaderum.test import World, create_proposal

pytestmark = pytest.mark.django_db


def url(world: World) -> str:
    return reverse("catalog_versions", args=[world.round.public_id])


def test_budget_office_publishes_a_version(client, world: World) -> None:
    fill_catalog(world)
    client.force_login(world.budget_officer)
    response = client.post(url(world), {"note": "Første udkast"})
    version = CatalogVersion.objects.get(round=world.round)
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "catalog_version", args=[world.round.public_id, version.number]
    )
    assert version.note == "Første udkast"
    assert version.proposals.count() == 2
    assert version.target == {"2027": 0, "2028": 30_000_000, "2029": 30_000_000, "2030": 30_000_000}


def test_publish_is_refused_with_every_problem_and_nothing_saved(client, world: World) -> None:
    fill_catalog(world, 1)
    create_proposal(
        world.round,
        world.children,
        world.owner,
        title="Uden effekter",
        status=ProposalStatus.IN_CATALOG,
    )
    create_proposal(
        world.round,
        world.children,
        world.owner,
        title="Tværgående",
        summary="Kort.",
        effects={(world.schools, 2027): -1000, (world.elderly, 2027): -1000},
        status=ProposalStatus.IN_CATALOG,
    )
    events = Event.objects.count()
    client.force_login(world.budget_officer)
    response = client.post(url(world), {"note": ""})
    assert response.status_code == 409
    problems = response.context["problems"]
    assert len(problems) == 3  # no effects, no summary, cross-cutting without director
    assert all(problem in response.content.decode() for problem in problems)
    assert not CatalogVersion.objects.exists()
    assert not PublishedProposal.objects.exists()
    assert Event.objects.count() == events


def test_an_empty_catalog_is_refused(client, world: World) -> None:
    client.force_login(world.budget_officer)
    response = client.post(url(world))
    assert response.status_code == 409
    assert len(response.context["problems"]) == 1
    assert not CatalogVersion.objects.exists()


def test_politicians_see_the_versions_but_may_not_publish(client, world: World) -> None:
    fill_catalog(world)
    publish(world)
    client.force_login(world.politician)
    response = client.get(url(world))
    assert response.status_code == 200
    assert not response.context["may_publish"]
    assert client.post(url(world)).status_code == 403
    assert CatalogVersion.objects.count() == 1


def test_politicians_do_not_see_the_internal_catalog(client, world: World) -> None:
    client.force_login(world.politician)
    assert client.get(reverse("catalog", args=[world.round.public_id])).status_code == 403


def test_another_municipality_gets_404(client, world: World) -> None:
    fill_catalog(world)
    publish(world)
    client.force_login(world.outsider)
    assert client.get(url(world)).status_code == 404
    assert client.post(url(world)).status_code == 404
