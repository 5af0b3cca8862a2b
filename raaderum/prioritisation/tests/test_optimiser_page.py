from __future__ import annotations

import pytest
from django.urls import reverse

from raaderum.prioritisation.models import Scenario
from raaderum.prioritisation.tests.helpers import client_for, publish_catalog

pytestmark = pytest.mark.django_db


def url(version):
    return reverse("optimiser", args=[version.round.public_id, version.number])


def run(client, version, **rules):
    params = {
        "run": "1",
        **{f"rule-{code.replace('_', '-')}": rule for code, rule in rules.items()},
    }
    response = client.get(url(version), params)
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
