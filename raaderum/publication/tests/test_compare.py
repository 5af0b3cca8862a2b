from __future__ import annotations

import pytest
from django.urls import reverse

from raaderum.proposals.actions import do_save_effects, do_update_proposal
from raaderum.proposals.models import ProposalStatus
from raaderum.publication import compare
from raaderum.publication.tests.helpers import fill_catalog, publish
from raaderum.test import World, create_proposal

pytestmark = pytest.mark.django_db


def test_a_new_version_differs_and_the_comparison_shows_what_changed(client, world: World) -> None:
    first, second = fill_catalog(world, 2)
    publish(world)
    first = do_update_proposal(
        first, {"title": "Nyt navn"}, expected_version=first.version, user=world.budget_officer
    )
    do_save_effects(
        first,
        {(world.schools.pk, 2027): -100_400, (world.schools.pk, 2030): -2_000_000},
        {},
        expected_version=first.version,
        user=world.budget_officer,
    )
    from raaderum.proposals.models import Proposal

    Proposal.objects.filter(pk=first.pk).update(status=ProposalStatus.IN_CATALOG)
    Proposal.objects.filter(pk=second.pk).update(status=ProposalStatus.WITHDRAWN)
    added = create_proposal(
        world.round,
        world.social,
        world.owner,
        title="Helt nyt",
        summary="Kort og klart.",
        effects={(world.elderly, 2029): -500_000},
        status=ProposalStatus.IN_CATALOG,
    )
    version = publish(world)
    assert version.number == 2
    client.force_login(world.politician)
    response = client.get(
        reverse("catalog_compare", args=[world.round.public_id]), {"a": 1, "b": 2}
    )
    assert response.status_code == 200
    result = response.context["comparison"]
    assert [e.code for e in result.added] == [added.code]
    assert [e.code for e in result.removed] == [second.code]
    (change,) = result.changed
    assert change.fields == ["title", "effects"]
    assert change.before.headroom[2030] == 1_500_500
    assert change.after.headroom[2030] == 2_000_000
    assert result.total_before[2030] == 3_001_000
    assert result.total_after[2030] == 2_000_000
    assert result.total_after[2029] == 500_000
    page = response.content.decode()
    assert "Nyt navn" in page and "Helt nyt" in page


def test_compare_without_choice_takes_the_latest_two(client, world: World) -> None:
    fill_catalog(world)
    publish(world)
    publish(world)
    client.force_login(world.reader)
    response = client.get(reverse("catalog_compare", args=[world.round.public_id]))
    assert response.status_code == 200
    assert (response.context["a"], response.context["b"]) == (1, 2)
    assert response.context["comparison"].unchanged == 2


def test_compare_rejects_unknown_versions_and_other_municipalities(client, world: World) -> None:
    fill_catalog(world)
    publish(world)
    publish(world)
    url = reverse("catalog_compare", args=[world.round.public_id])
    client.force_login(world.politician)
    assert client.get(url, {"a": 1, "b": 7}).status_code == 400
    client.force_login(world.outsider)
    assert client.get(url).status_code == 404


def test_pure_compare_matches_by_proposal_not_by_code() -> None:
    years = [2027, 2028]
    before = [compare.Entry(1, "BU-01", "A", {2027: 5}, {"committee": 1})]
    after = [compare.Entry(1, "SU-03", "A", {2027: 5}, {"committee": 2})]
    result = compare.compare(before, after, years)
    assert not result.added and not result.removed
    assert result.changed[0].fields == ["committee"]
    assert not result.changed[0].headroom_changed
    assert result.total_difference == {2027: 0, 2028: 0}
