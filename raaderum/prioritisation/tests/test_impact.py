from __future__ import annotations

import pytest
from django.urls import reverse

from raaderum.prioritisation.tests.helpers import client_for, publish_catalog
from raaderum.proposals.models import ProposalRelation, RelationKind
from raaderum.publication.actions import do_publish_catalog

pytestmark = pytest.mark.django_db


def url(world, name="impact"):
    return reverse(name, args=[world.round.public_id])


def field(proposal) -> str:
    return f"impact-{proposal.number}-{proposal.committee_id}"


def test_the_budget_office_sees_every_catalog_proposal_with_a_field(world):
    catalog = publish_catalog(world)
    response = client_for(world.budget_officer).get(url(world))
    assert response.status_code == 200
    html = response.content.decode()
    for proposal in (catalog.a, catalog.b, catalog.c, catalog.d):
        assert f'name="{field(proposal)}"' in html
    assert len(response.context["relations"]) == 2


def test_it_parses_danish_amounts_and_empty_means_the_full_year_amount(world):
    catalog = publish_catalog(world)
    client = client_for(world.budget_officer)
    response = client.post(
        url(world),
        {
            field(catalog.a): "1.234.567",
            field(catalog.b): "",
            field(catalog.c): "250",
            field(catalog.d): "",
        },
    )
    assert response.status_code == 302
    for p in (catalog.a, catalog.b, catalog.c):
        p.refresh_from_db()
    assert (catalog.a.impact_score, catalog.b.impact_score, catalog.c.impact_score) == (
        1_234_567,
        None,
        250,
    )
    # The published version keeps its scores; the next version takes the new ones.
    assert catalog.version.proposals.get(code="BU-01").impact_score == 12_345_678
    version = do_publish_catalog(world.round, user=world.budget_officer)
    scores = dict(version.proposals.values_list("code", "impact_score"))
    assert scores == {"BU-01": 1_234_567, "BU-02": 5_000_001, "SU-01": 250, "SU-02": 15_000_000}


@pytest.mark.parametrize("typed", ["12.5x", "1.5", "-10"])
def test_bad_amounts_are_shown_next_to_the_field_and_nothing_is_saved(world, typed):
    catalog = publish_catalog(world)
    response = client_for(world.budget_officer).post(
        url(world), {field(catalog.a): "7", field(catalog.b): typed}
    )
    assert response.status_code == 400
    assert response.context["form"][field(catalog.b)].errors
    assert f'value="{typed}"' in response.content.decode()
    catalog.a.refresh_from_db()
    assert catalog.a.impact_score is None


def test_relations_are_added_and_removed(world):
    catalog = publish_catalog(world)
    client = client_for(world.budget_officer)
    response = client.post(
        url(world, "relation_add"),
        {"proposal": catalog.b.pk, "kind": RelationKind.EXCLUDES, "other": catalog.c.pk},
    )
    assert response.status_code == 302
    relation = ProposalRelation.objects.get(proposal=catalog.b)
    # The same pair the other way round is the same alternative.
    response = client.post(
        url(world, "relation_add"),
        {"proposal": catalog.c.pk, "kind": RelationKind.EXCLUDES, "other": catalog.b.pk},
    )
    assert response.status_code == 400
    response = client.post(
        url(world, "relation_add"),
        {"proposal": catalog.c.pk, "kind": RelationKind.REQUIRES, "other": catalog.c.pk},
    )
    assert response.status_code == 400
    client.post(url(world, "relation_delete"), {"relation": relation.pk})
    assert not ProposalRelation.objects.filter(pk=relation.pk).exists()


@pytest.mark.parametrize("role", ["director", "owner", "contributor", "politician", "reader"])
def test_only_the_budget_office_sets_impact(world, role):
    catalog = publish_catalog(world)
    client = client_for(getattr(world, role))
    assert client.get(url(world)).status_code == 403
    assert client.post(url(world), {field(catalog.a): "1"}).status_code == 403
    data = {"proposal": catalog.b.pk, "kind": "excludes", "other": catalog.c.pk}
    assert client.post(url(world, "relation_add"), data).status_code == 403
    assert client.post(url(world, "relation_delete"), {"relation": 1}).status_code == 403


def test_it_rejects_other_municipality(world):
    catalog = publish_catalog(world)
    client = client_for(world.outsider)
    assert client.get(url(world)).status_code == 404
    relation = ProposalRelation.objects.get(kind=RelationKind.EXCLUDES)
    assert client.post(url(world, "relation_delete"), {"relation": relation.pk}).status_code == 404
    assert ProposalRelation.objects.filter(pk=relation.pk).exists()
    assert catalog


def test_a_relation_of_another_round_cannot_be_removed(world):
    publish_catalog(world)
    relation = ProposalRelation.objects.get(kind=RelationKind.EXCLUDES)
    client = client_for(world.outsider)  # budget office of the other municipality
    client.post(
        reverse("relation_delete", args=[world.other_round.public_id]), {"relation": relation.pk}
    )
    assert ProposalRelation.objects.filter(pk=relation.pk).exists()
