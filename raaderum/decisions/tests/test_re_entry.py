"""A rejected proposal entered again by hand (Proposal.previous set, not carried over) is held to
its cooling-off period as a carried-over one is, unless the budget office lets it through."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from raaderum.communication.models import Event
from raaderum.decisions.models import CoolingOffOverride
from raaderum.decisions.tests.helpers import decide, publish
from raaderum.proposals.models import Proposal
from raaderum.publication.actions import PublishRefused, do_publish_catalog
from raaderum.rounds.models import BudgetRound
from raaderum.test import World, create_proposal, create_round

pytestmark = pytest.mark.django_db

OUTCOMES: dict[str, dict[str, Any]] = {
    "BU-01": {"outcome": "deferred"},
    "BU-02": {"outcome": "adopted"},
    "BU-03": {"outcome": "rejected", "may_return": True, "return_from_year": 2029},
    "SU-01": {"outcome": "rejected", "may_return": False},
}


def later_round(world: World, year: int = 2028) -> BudgetRound:
    return create_round(
        world.municipality,
        name=f"Budget {year}–{year + 3}",
        budget_year=year,
        price_level_year=year,
        full_effect_year=year + 1,
    )


def re_enter(world: World, budget_round: BudgetRound, title: str) -> Proposal:
    """The original, typed in again by hand in a later round and put in its catalog."""
    original = Proposal.objects.get(round=world.round, title=title)
    area = world.schools if original.committee == world.children else world.elderly
    return create_proposal(
        budget_round,
        original.committee,
        world.owner,
        title=title,
        summary="Vi prøver igen.",
        previous=original,
        effects={(area, budget_round.budget_year + 1): -700_000},
        status="in_catalog",
    )


def test_publishing_is_refused_while_the_cooling_off_period_lasts(world: World) -> None:
    decide(world, publish(world), OUTCOMES)
    round_2028 = later_round(world)
    re_enter(world, round_2028, "Lukning af ungdomsklub")
    with pytest.raises(PublishRefused) as refused:
        do_publish_catalog(round_2028, user=world.budget_officer)
    assert refused.value.problems == [
        "BU-01 fremsætter BU-03 fra budget 2027 igen, men det må tidligst fremsættes igen i "
        "budget 2029. Økonomiafdelingen kan give lov med en begrundelse på forslagets side."
    ]
    assert not round_2028.catalog_versions.exists()


def test_a_proposal_that_may_not_come_back_is_refused_too(world: World) -> None:
    decide(world, publish(world), OUTCOMES)
    round_2030 = later_round(world, 2030)
    re_enter(world, round_2030, "Velfærdsteknologi")
    with pytest.raises(PublishRefused) as refused:
        do_publish_catalog(round_2030, user=world.budget_officer)
    assert refused.value.problems[0].startswith(
        "SU-01 fremsætter SU-01 fra budget 2027 igen, men det blev fravalgt og må ikke "
        "fremsættes igen."
    )


def test_once_the_period_has_ended_or_the_original_was_deferred_it_is_published(
    world: World,
) -> None:
    decide(world, publish(world), OUTCOMES)
    round_2029 = later_round(world, 2029)
    re_enter(world, round_2029, "Lukning af ungdomsklub")  # may come back from budget 2029
    re_enter(world, round_2029, "Færre vikarer")  # deferred: never blocked
    version = do_publish_catalog(round_2029, user=world.budget_officer)
    assert version.proposals.count() == 2


def test_the_budget_office_lets_it_through_with_a_recorded_reason(
    client: Client, world: World
) -> None:
    decide(world, publish(world), OUTCOMES)
    round_2028 = later_round(world)
    proposal = re_enter(world, round_2028, "Lukning af ungdomsklub")
    client.force_login(world.budget_officer)
    detail = client.get(reverse("proposal_detail", args=[proposal.public_id])).content.decode()
    assert "Spærret af karensperioden" in detail
    override_url = reverse("cooling_off_override", args=[proposal.public_id])
    assert override_url in detail

    page = client.get(override_url)
    assert page.status_code == 200
    assert "må tidligst fremsættes igen i budget 2029" in page.content.decode()
    response = client.post(override_url, {"reason": "  "})
    assert response.status_code == 422
    assert response.context["form"].errors["reason"] == [
        "Skriv, hvorfor forslaget fremsættes igen trods beslutningen."
    ]
    assert not CoolingOffOverride.objects.exists()

    response = client.post(override_url, {"reason": "Klubben er flyttet til skolen."})
    assert response.status_code == 302
    override = CoolingOffOverride.objects.get(proposal=proposal)
    assert (override.reason, override.by) == (
        "Klubben er flyttet til skolen.",
        world.budget_officer,
    )
    assert override.decision.published.code == "BU-03"
    assert Event.objects.filter(verb="cooling_off_overridden", proposal=proposal).exists()
    detail = client.get(reverse("proposal_detail", args=[proposal.public_id])).content.decode()
    assert "Spærret af karensperioden" not in detail
    assert (
        "Fremsat igen trods beslutningen: Klubben er flyttet til skolen. (Bente Testesen, "
        in detail
    )
    assert do_publish_catalog(round_2028, user=world.budget_officer).proposals.count() == 1


def test_only_the_budget_office_may_override(client: Client, world: World) -> None:
    decide(world, publish(world), OUTCOMES)
    proposal = re_enter(world, later_round(world), "Lukning af ungdomsklub")
    override_url = reverse("cooling_off_override", args=[proposal.public_id])
    for role, user in world.personas().items():
        if role == "budget_office":
            continue
        client.force_login(user)
        assert client.post(override_url, {"reason": "Fordi."}).status_code == 403
    client.force_login(world.director)
    detail = client.get(reverse("proposal_detail", args=[proposal.public_id])).content.decode()
    assert "Spærret af karensperioden" in detail and override_url not in detail
    client.force_login(world.outsider)
    assert client.post(override_url, {"reason": "Fordi."}).status_code == 404
    assert not CoolingOffOverride.objects.exists()


def test_a_proposal_that_is_not_blocked_needs_no_override(client: Client, world: World) -> None:
    decide(world, publish(world), OUTCOMES)
    proposal = re_enter(world, later_round(world), "Færre vikarer")  # deferred
    client.force_login(world.budget_officer)
    override_url = reverse("cooling_off_override", args=[proposal.public_id])
    assert (
        "Forslaget er ikke spærret af en beslutning." in client.get(override_url).content.decode()
    )
    assert client.post(override_url, {"reason": "Fordi."}).status_code == 302
    assert not CoolingOffOverride.objects.exists()
