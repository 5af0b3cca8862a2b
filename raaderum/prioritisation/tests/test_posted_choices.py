"""The simulator and the optimiser post their choices: with 300 proposals, never in the address.

Proposal n (1–300) frees n × 1.000 kr. a year from 2028 and n kr. in 2027, so every total is
known to the krone: the even ones free 2 + 4 + … + 300 = 22.650 × 1.000 kr.
"""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from raaderum.prioritisation.models import Scenario
from raaderum.prioritisation.tests.helpers import client_for, publish_catalog
from raaderum.proposals.models import Effect, Proposal
from raaderum.publication.actions import do_publish_catalog

pytestmark = pytest.mark.django_db

COUNT = 300
HTMX = {"HX-Request": "true"}


def publish_large_catalog(world):
    # Bulk, as the benchmark does: 300 proposals through the workflow would take minutes.
    proposals = Proposal.objects.bulk_create(
        Proposal(
            round=world.round,
            committee=world.children,
            number=n,
            title=f"Forslag {n}",
            type="saving",
            status="in_catalog",
            owner=world.owner,
            director=world.director,
            summary="Et forslag.",
            consequences_service=f"Konsekvens {n}.",
        )
        for n in range(1, COUNT + 1)
    )
    Effect.objects.bulk_create(
        Effect(
            proposal=proposal,
            service_area=world.schools,
            year=year,
            amount=-(n if year == 2027 else n * 1_000),
        )
        for n, proposal in enumerate(proposals, 1)
        for year in (2027, 2028, 2029, 2030)
    )
    return do_publish_catalog(world.round, user=world.budget_officer)


def code(n: int) -> str:
    return f"BU-{n:02d}"


def url(version, name):
    return reverse(name, args=[version.round.public_id, version.number])


EVEN = [code(n) for n in range(2, COUNT + 1, 2)]
EVEN_TOTAL = {2027: 22_650, 2028: 22_650_000, 2029: 22_650_000, 2030: 22_650_000}


def test_a_toggle_posts_300_choices_and_answers_without_an_address(world):
    version = publish_large_catalog(world)
    assert version.proposals.count() == COUNT
    client = client_for(world.politician)
    # As raaderum.js sends a tick: the ticked codes in one field, a code a line.
    response = client.post(
        url(version, "simulator_totals"), {"chosen": "\n".join(EVEN)}, headers=HTMX
    )
    assert response.status_code == 200
    assert response.request["QUERY_STRING"] == ""
    assert not any(h.startswith("HX-") for h in response.headers)  # no address to replace
    selection = response.context["selection"]
    assert selection.count == 150
    assert selection.total == EVEN_TOTAL
    assert [s.gap for s in selection.status][1:] == [7_350_000] * 3
    assert response.context["announcement"] == (
        "150 forslag valgt. Råderum 2028: 22.650.000 kr., mangler 7.350.000 kr."
    )
    # A field per checkbox, as the form itself posts, gives the same.
    same = client.post(url(version, "simulator_totals"), {"chosen": EVEN}, headers=HTMX)
    assert same.content == response.content


def test_without_javascript_the_form_posts_300_choices_and_the_page_shows_the_totals(world):
    version = publish_large_catalog(world)
    client = client_for(world.politician)
    page = client.get(url(version, "simulator")).content.decode()
    assert page.count('name="chosen"') == COUNT
    response = client.post(url(version, "simulator"), {"chosen": EVEN})
    assert response.status_code == 200
    assert response.request["QUERY_STRING"] == ""
    assert response.context["selection"].total == EVEN_TOTAL
    html = response.content.decode()
    assert html.count(" checked>") == 150
    assert 'value="BU-300" checked' in html and 'value="BU-299" checked' not in html
    assert "22.650" in html  # t.kr. in the totals table
    assert "Konsekvens 300." in html and "Konsekvens 299." not in html


def test_300_chosen_proposals_are_saved_and_reopened_through_a_short_link(world):
    version = publish_large_catalog(world)
    client = client_for(world.politician)
    response = client.post(url(version, "scenario_save"), {"name": "Lige numre", "chosen": EVEN})
    scenario = Scenario.objects.get()
    assert response["Location"] == reverse("scenario_detail", args=[scenario.public_id])
    assert scenario.proposals.count() == 150
    detail = client.get(response["Location"])
    assert detail.context["selection"].total == EVEN_TOTAL
    open_url = detail.context["open_url"]
    assert open_url == url(version, "simulator") + f"?scenario={scenario.public_id}"
    page = client.get(open_url)
    assert page.context["selection"].total == EVEN_TOTAL
    assert page.content.decode().count(" checked>") == 150


def test_the_optimiser_posts_300_rules_and_its_result_opens_as_a_scenario(world):
    version = publish_large_catalog(world)
    client = client_for(world.politician)
    form = client.get(url(version, "optimiser")).content.decode()
    assert f'<form method="post" action="{url(version, "optimiser")}"' in form
    assert 'name="csrfmiddlewaretoken"' in form
    assert form.count('type="radio"') == 3 * COUNT
    # Every proposal's label names it: code and title.
    assert '<span class="sr-only">BU-18 Forslag 18: skal udelades</span>' in form
    # Every third is left out and BU-299 must be in: what is left frees exactly the target
    # (1 + 2 + … + 300 − 3 × (1 + … + 100) = 30.000), so the one answer is all of it.
    rules = {f"rule-{code(n)}": "" if n % 3 else "exclude" for n in range(1, COUNT + 1)}
    rules[f"rule-{code(299)}"] = "include"
    response = client.post(url(version, "optimiser"), rules)
    assert response.status_code == 200
    assert response.request["QUERY_STRING"] == ""
    result = response.context["result"]
    assert result.solution.status == "optimal"
    chosen = sorted(result.solution.chosen, key=lambda c: int(c[3:]))
    assert chosen == [code(n) for n in range(1, COUNT + 1) if n % 3]
    assert response.context["selection"].total == {
        2027: 30_000,
        2028: 30_000_000,
        2029: 30_000_000,
        2030: 30_000_000,
    }
    # The choices are kept in the form, so the next run starts from them.
    html = response.content.decode()
    assert 'name="rule-BU-299" value="include" checked' in html
    assert 'name="rule-BU-18" value="exclude" checked' in html
    assert 'name="rule-BU-17" value="" checked' in html
    # Open as a scenario: POST, then redirect to its page, which can be bookmarked and shared.
    response = client.post(
        url(version, "scenario_save"),
        {"name": "Optimeret", "from_optimiser": "1", "chosen": chosen},
    )
    scenario = Scenario.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("scenario_detail", args=[scenario.public_id])
    assert scenario.from_optimiser
    assert sorted(p.code for p in scenario.proposals.all()) == sorted(chosen)


def test_the_optimiser_result_gets_a_name_when_none_is_given(world):
    version = publish_catalog(world).version
    client = client_for(world.politician)
    response = client.post(
        url(version, "scenario_save"), {"name": "", "from_optimiser": "1", "chosen": ["SU-01"]}
    )
    scenario = Scenario.objects.get()
    assert response.status_code == 302
    assert scenario.name.startswith("Optimeringsresultat ")


@pytest.mark.parametrize("role", ["owner", "contributor", "reader"])
def test_running_the_optimiser_needs_the_right_to_optimise(world, role):
    version = publish_catalog(world).version
    response = client_for(getattr(world, role)).post(url(version, "optimiser"), {})
    assert response.status_code == 403
    assert client_for(world.outsider).post(url(version, "optimiser"), {}).status_code == 404


def test_the_optimiser_and_the_simulator_refuse_a_post_without_csrf_token(world):
    version = publish_catalog(world).version
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.politician)
    for name in ("simulator", "simulator_totals", "optimiser", "scenario_save"):
        response = client.post(url(version, name), {"chosen": ["BU-01"]}, headers=HTMX)
        assert response.status_code == 403, name
    assert not Scenario.objects.exists()
