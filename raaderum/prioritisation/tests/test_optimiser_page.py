from __future__ import annotations

import pytest
from django.urls import reverse

from raaderum.prioritisation.models import Scenario
from raaderum.prioritisation.simulation import evaluate, relations_for
from raaderum.prioritisation.tests.helpers import LATER, client_for, in_catalog, publish_catalog
from raaderum.publication.catalog import published_proposals

pytestmark = pytest.mark.django_db


def url(version):
    return reverse("optimiser", args=[version.round.public_id, version.number])


def run(client, version, **rules):
    """Run the optimiser as the page's form does (a POST with the choices)."""
    params = {f"rule-{code.replace('_', '-')}": rule for code, rule in rules.items()}
    response = client.post(url(version), params)
    assert response.status_code == 200
    return response


def test_it_shows_the_proposals_and_the_relations_before_running(world):
    catalog = publish_catalog(world)
    response = client_for(world.politician).get(url(catalog.version))
    assert response.status_code == 200
    assert response.context["result"] is None
    relations = response.context["relations"]
    assert len(relations) == 2
    assert any("SU-01" in line and "SU-02" in line for line in relations)


def test_it_finds_the_least_impact_selection_that_reaches_the_target(world):
    catalog = publish_catalog(world)
    response = run(client_for(world.politician), catalog.version)
    result = response.context["result"]
    assert result.solution.status == "optimal" and result.solution.proven_optimal
    assert result.solution.chosen == frozenset({"BU-01", "BU-02", "SU-02"})
    assert result.solution.impact == 12_345_678 + 5_000_001 + 15_000_000
    assert response.context["selection"].total[2028] == 32_345_679
    assert "Open" in response.content.decode() or "Åbn" in response.content.decode()


def test_must_exclude_is_honoured(world):
    catalog = publish_catalog(world)
    response = run(client_for(world.politician), catalog.version, SU_02="exclude")
    assert response.context["result"].solution.chosen == frozenset({"BU-01", "BU-02", "SU-01"})


def test_an_unreachable_target_is_explained_per_year_to_the_krone(world):
    catalog = publish_catalog(world)
    response = run(client_for(world.politician), catalog.version, SU_01="exclude", SU_02="exclude")
    result = response.context["result"]
    assert result.infeasible
    assert [(s.year, s.most, s.missing) for s in result.shortfalls] == [
        (2028, 17_345_679, 12_654_321),
        (2029, 17_345_679, 12_654_321),
        (2030, 17_345_679, 12_654_321),
    ]
    html = response.content.decode()
    assert "12.654.321 kr." in html and "12.654" in html and "17.346" in html
    assert "Open as a scenario" not in html and "Åbn som scenarie" not in html


def test_contradictory_choices_are_explained(world):
    catalog = publish_catalog(world)
    response = run(client_for(world.politician), catalog.version, SU_01="include", SU_02="include")
    result = response.context["result"]
    assert result.infeasible
    assert "contradictory_constraints" in result.solution.problems
    assert any("SU-01" in line and "SU-02" in line for line in result.explanations)


def test_the_result_opens_as_a_scenario(world):
    catalog = publish_catalog(world)
    client = client_for(world.politician)
    selection = run(client, catalog.version).context["selection"]
    response = client.post(
        reverse("scenario_save", args=[world.round.public_id, catalog.version.number]),
        {"name": "Optimeret", "chosen": selection.codes, "from_optimiser": "1"},
    )
    scenario = Scenario.objects.get()
    assert response["Location"] == reverse("scenario_detail", args=[scenario.public_id])
    assert scenario.from_optimiser
    assert sorted(p.code for p in scenario.proposals.all()) == ["BU-01", "BU-02", "SU-02"]


@pytest.mark.parametrize("role", ["budget_officer", "director", "politician"])
def test_roles_that_may_optimise(world, role):
    catalog = publish_catalog(world)
    assert client_for(getattr(world, role)).get(url(catalog.version)).status_code == 200


@pytest.mark.parametrize("role", ["owner", "contributor", "reader"])
def test_roles_that_may_not_optimise(world, role):
    catalog = publish_catalog(world)
    client = client_for(getattr(world, role))
    assert client.get(url(catalog.version)).status_code == 403
    response = client.post(
        reverse("scenario_save", args=[world.round.public_id, catalog.version.number]),
        {"name": "x", "chosen": ["SU-01"], "from_optimiser": "1"},
    )
    assert response.status_code == 403


def test_it_rejects_other_municipality(world):
    catalog = publish_catalog(world)
    assert client_for(world.outsider).get(url(catalog.version), {"run": "1"}).status_code == 404


def test_the_optimiser_never_returns_what_the_simulator_calls_missing(world):
    """2027 is before the full effect (target 0). An investment that costs 3 mio. kr. in 2027
    and frees 30 mio. kr. after is the cheapest way to the target from 2028, but alone it
    leaves 2027 at −3 mio. kr., which the simulator shows as missing; so the optimiser must not
    return it alone either."""
    invest = in_catalog(
        world,
        world.children,
        world.schools,
        "Digital skoleadministration",
        {2027: -3_000_000, **dict.fromkeys(LATER, 30_000_000)},
        type="investment",
    )
    catalog = publish_catalog(world)
    codes = {p.proposal_id: p.code for p in catalog.version.proposals.all()}
    client = client_for(world.politician)
    # The simulator's judgement of the investment alone: 2027 is missing 3 mio. kr.
    proposals = published_proposals(catalog.version)
    relations = relations_for(catalog.version, proposals, all_of_version=True)
    alone = evaluate(
        catalog.version, [p for p in proposals if p.proposal_id == invest.pk], relations
    )
    assert [(s.year, s.gap, s.met) for s in alone.status] == [
        (2027, 3_000_000, False),
        *((year, 0, True) for year in LATER),
    ]

    response = run(client, catalog.version)
    result = response.context["result"]
    assert result.solution.status == "optimal"
    # {A, B, D}: 32.345.679 kr. of impact, less than the investment with B beside it.
    assert result.solution.chosen == frozenset(
        {codes[catalog.a.pk], codes[catalog.b.pk], codes[catalog.d.pk]}
    )
    selection = response.context["selection"]
    assert selection.met and [s.met for s in selection.status] == [True] * 4
    # Must the investment be in, it comes with what covers its 2027 outlay.
    response = run(client, catalog.version, **{codes[invest.pk].replace("-", "_"): "include"})
    chosen = response.context["result"].solution.chosen
    assert chosen == frozenset({codes[invest.pk], codes[catalog.b.pk]})
    assert response.context["selection"].total[2027] == 2_000_001
    assert response.context["selection"].met
