from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from raaderum.proposals.actions import do_save_effects, do_update_proposal
from raaderum.proposals.models import Proposal
from raaderum.publication.catalog import build_published_catalog
from raaderum.publication.tests.helpers import fill_catalog, publish
from raaderum.test import World

pytestmark = pytest.mark.django_db


def url(world: World, number: int = 1) -> str:
    return reverse("catalog_version", args=[world.round.public_id, number])


def test_politicians_read_a_published_version(client, world: World) -> None:
    proposals = fill_catalog(world)
    publish(world)
    client.force_login(world.politician)
    response = client.get(url(world))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Forslag nummer 1" in page
    assert "Vi samler to små skoler" in page  # the summary is shown with the proposal
    catalog = response.context["catalog"]
    assert [(g.committee.pk, g.committee.name) for g in catalog.groups] == [
        (world.children.pk, world.children.name),
        (world.social.pk, world.social.name),
    ]
    assert catalog.total[2028] == 1_200_499 + 1_200_500
    assert [s.met for s in catalog.status] == [True, False, False, False]
    code = proposals[0].code
    detail = client.get(reverse("published_proposal", args=[world.round.public_id, 1, code]))
    assert detail.status_code == 200
    assert detail.context["headroom"] == {
        2027: 100_400,
        2028: 1_200_499,
        2029: 1_500_500,
        2030: 1_500_500,
    }


def test_every_role_reads_it_and_other_municipalities_get_404(client, world: World) -> None:
    fill_catalog(world)
    publish(world)
    for user in world.personas().values():
        client.force_login(user)
        assert client.get(url(world)).status_code == 200
    client.force_login(world.outsider)
    assert client.get(url(world)).status_code == 404
    code = Proposal.objects.first().code  # type: ignore[union-attr]
    assert (
        client.get(reverse("published_proposal", args=[world.round.public_id, 1, code])).status_code
        == 404
    )


def test_an_unknown_version_or_code_is_404(client, world: World) -> None:
    fill_catalog(world)
    publish(world)
    client.force_login(world.politician)
    assert client.get(url(world, 2)).status_code == 404
    assert (
        client.get(
            reverse("published_proposal", args=[world.round.public_id, 1, "XX-99"])
        ).status_code
        == 404
    )


def test_a_published_version_is_frozen(client, world: World) -> None:
    proposal = fill_catalog(world, 1)[0]
    version = publish(world)
    before = build_published_catalog(version).total
    proposal = do_update_proposal(
        proposal,
        {"title": "Nyt navn", "summary": "Ny tekst."},
        expected_version=proposal.version,
        user=world.budget_officer,
    )
    do_save_effects(
        proposal,
        {(world.schools.pk, 2027): -999_000},
        {},
        expected_version=proposal.version,
        user=world.budget_officer,
    )
    version.refresh_from_db()
    published = version.proposals.get()
    assert published.title == "Forslag nummer 1"
    assert build_published_catalog(version).total == before
    client.force_login(world.politician)
    assert "Nyt navn" not in client.get(url(world)).content.decode()


def test_query_count_does_not_grow_with_the_catalog(client, world: World) -> None:
    fill_catalog(world, 10)
    publish(world)
    client.force_login(world.politician)
    client.get(url(world))
    with CaptureQueriesContext(connection) as small:
        assert client.get(url(world)).status_code == 200
    fill_catalog(world, 90)
    publish(world)
    with CaptureQueriesContext(connection) as large:
        response = client.get(url(world, 2))
    assert response.status_code == 200
    assert response.context["catalog"].count == 100
    assert len(large) == len(small)
