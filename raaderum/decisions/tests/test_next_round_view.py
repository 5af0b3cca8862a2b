from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from raaderum.communication.models import Event
from raaderum.decisions.models import CarryOver
from raaderum.decisions.tests.helpers import decide, publish
from raaderum.proposals.models import Proposal
from raaderum.rounds.models import BudgetRound, Phase, RoundYearTarget
from raaderum.test import World

pytestmark = pytest.mark.django_db

OUTCOMES: dict[str, dict[str, Any]] = {
    "BU-01": {"outcome": "deferred"},
    "BU-02": {"outcome": "adopted"},
    "BU-03": {"outcome": "rejected", "may_return": True, "return_from_year": 2029},
    "SU-01": {"outcome": "rejected", "may_return": True, "return_from_year": 2028},
}


def url(world: World) -> str:
    return reverse("next_round", args=[world.round.public_id])


def form_data(**extra: Any) -> dict[str, Any]:
    """What the page posts; by default the page showed every decided proposal as blocked."""
    from raaderum.decisions.models import Decision

    data = {
        "blocked_shown": ",".join(str(pk) for pk in Decision.objects.values_list("pk", flat=True)),
        "name": "Budget 2028–2031",
        "budget_year": "2028",
        "price_level_year": "2028",
        "target_amount": "30.000",
        "full_effect_year": "2029",
        "price_index": "1,0325",
        "description": "",
        "max_lix": "",
    }
    data.update(extra)
    return data


def blocked_key() -> str:
    from raaderum.decisions.models import Decision

    return str(Decision.objects.get(published__code="BU-03").pk)


def test_the_form_is_prefilled_from_the_round(client: Client, world: World) -> None:
    decide(world, publish(world), OUTCOMES)
    client.force_login(world.budget_officer)
    response = client.get(url(world))
    assert response.status_code == 200
    form = response.context["form"]
    assert form["budget_year"].value() == 2028
    assert form["price_level_year"].value() == 2028
    assert form["full_effect_year"].value() == 2029
    assert form["name"].value() == "Budget 2028–2031"
    assert [c.code for c in response.context["allowed"]] == ["BU-01", "SU-01"]
    [blocked] = [row[0] for row in response.context["blocked_rows"]]
    assert blocked.code == "BU-03"
    assert "BU-03 må tidligst fremsættes igen i budget 2029" in response.content.decode()


def test_it_copies_deferred_and_allowed_back_proposals_uprated_to_the_krone(
    client: Client, world: World
) -> None:
    decide(world, publish(world), OUTCOMES)
    RoundYearTarget.objects.create(round=world.round, year=2027, amount=10_000_000)
    Phase.objects.create(
        round=world.round, kind="ideas", starts_on=date(2026, 1, 5), deadline=date(2026, 2, 27)
    )
    client.force_login(world.budget_officer)
    response = client.post(url(world), form_data())
    new_round = BudgetRound.objects.get(name="Budget 2028–2031")
    assert response.status_code == 302
    assert response["Location"] == reverse("round_detail", args=[new_round.public_id])
    assert new_round.budget_year == 2028
    assert new_round.target_amount == 30_000_000
    assert new_round.explicit_targets() == {2028: 10_000_000}
    assert [(p.kind, p.starts_on, p.deadline) for p in new_round.phases.all()] == [
        ("ideas", date(2027, 1, 5), date(2027, 2, 27))
    ]
    copies = {p.previous.code: p for p in new_round.proposals.with_effects()}  # type: ignore[union-attr]
    assert set(copies) == {"BU-01", "SU-01"}
    bu01 = copies["BU-01"]
    assert bu01.status == "draft"
    assert bu01.origin == "earlier_round"
    assert bu01.title == "Færre vikarer"
    assert bu01.previous == Proposal.objects.get(round=world.round, title="Færre vikarer")
    # Moved a year on with the period; -1.000.200 × 1,0325 = -1.032.706,5 → -1.032.707.
    assert {(e.service_area, e.year): e.amount for e in bu01.effects.all()} == {
        (world.schools, 2028): -1_032_707,
        (world.schools, 2029): -1_274_690,  # -1.234.567 × 1,0325 = -1.274.690,4275
    }
    assert {(e.service_area, e.year): e.amount for e in copies["SU-01"].effects.all()} == {
        (world.elderly, 2028): 413_000,
        (world.elderly, 2030): -929_250,
    }
    carry = CarryOver.objects.get(proposal=bu01)
    assert (carry.from_price_level, carry.to_price_level) == (2027, 2028)
    assert carry.steps() == [(2027, 2028, Decimal("1.0325"))]
    assert carry.overridden is False
    assert carry.by == world.budget_officer
    assert Event.objects.filter(round=world.round, verb="next_round_started").exists()
    assert Event.objects.filter(round=new_round, verb="round_started").exists()


def test_a_blocked_proposal_needs_a_reason_to_be_overridden(client: Client, world: World) -> None:
    decide(world, publish(world), OUTCOMES)
    client.force_login(world.budget_officer)
    key = blocked_key()
    response = client.post(url(world), form_data(**{f"override_{key}": "on"}))
    assert response.status_code == 200
    assert f"reason_{key}" in response.context["form"].errors
    assert not BudgetRound.objects.filter(name="Budget 2028–2031").exists()
    assert not CarryOver.objects.exists()

    response = client.post(
        url(world),
        form_data(**{f"override_{key}": "on", f"reason_{key}": "Ny viden om klubbens brug."}),
    )
    assert response.status_code == 302
    carry = CarryOver.objects.get(original__title="Lukning af ungdomsklub")
    assert carry.overridden is True
    assert carry.reason == "Ny viden om klubbens brug."
    assert carry.proposal.round.name == "Budget 2028–2031"
    assert CarryOver.objects.count() == 3
    assert Event.objects.filter(verb="cooling_off_overridden", proposal=carry.proposal).exists()


def test_a_rejected_proposal_comes_back_when_its_cooling_off_period_ends(
    client: Client, world: World
) -> None:
    decide(world, publish(world), OUTCOMES)
    client.force_login(world.budget_officer)
    client.post(url(world), form_data())
    round_2028 = BudgetRound.objects.get(name="Budget 2028–2031")
    response = client.post(
        reverse("next_round", args=[round_2028.public_id]),
        form_data(
            name="Budget 2029–2032",
            budget_year="2029",
            price_level_year="2029",
            full_effect_year="2030",
            price_index_2028="1,0325",
            price_index="1,028",
        ),
    )
    assert response.status_code == 302
    round_2029 = BudgetRound.objects.get(name="Budget 2029–2032")
    [copy] = round_2029.proposals.all()
    assert copy.title == "Lukning af ungdomsklub"
    # Two years on from budget 2027, and two price-level years from 2027-P/L to 2029-P/L:
    # −700.000 × 1,0325 = −722.750, × 1,028 = −742.987 (one index only would give −719.600).
    assert {(e.year, e.amount) for e in copy.effects.all()} == {(2030, -742_987)}
    carry = CarryOver.objects.get(proposal=copy)
    assert (carry.from_price_level, carry.to_price_level) == (2027, 2029)
    assert carry.steps() == [
        (2027, 2028, Decimal("1.0325")),
        (2028, 2029, Decimal("1.028")),
    ]


def test_each_price_level_year_has_its_index_and_earlier_ones_are_prefilled(
    client: Client, world: World
) -> None:
    decide(world, publish(world), OUTCOMES)
    client.force_login(world.budget_officer)
    client.post(url(world), form_data())  # 2027 → 2028 with 1,0325
    round_2028 = BudgetRound.objects.get(name="Budget 2028–2031")
    next_url = reverse("next_round", args=[round_2028.public_id])
    response = client.get(next_url)
    form = response.context["form"]
    assert [field.name for field in form.index_fields()] == ["price_index_2028", "price_index"]
    html = response.content.decode()
    assert "Prisindeks fra 2027-P/L til 2028-P/L" in html
    assert "Prisindeks fra 2028-P/L til 2029-P/L" in html
    assert 'value="1,0325"' in html
    assert "Som indtastet, da Budget 2028–2031 blev startet." in html
    assert "en P/L-år ad gangen" in html or "ét P/L-år ad gangen" in html

    # The 2028 index missing: refused next to its field, nothing created.
    response = client.post(
        next_url,
        form_data(
            name="Budget 2029–2032",
            budget_year="2029",
            price_level_year="2029",
            full_effect_year="2030",
            price_index="1,028",
        ),
    )
    assert response.status_code == 200
    assert "price_index_2028" in response.context["form"].errors
    assert not BudgetRound.objects.filter(name="Budget 2029–2032").exists()


def test_a_proposal_at_the_new_price_level_already_is_not_uprated(
    client: Client, world: World
) -> None:
    decide(world, publish(world), OUTCOMES)
    client.force_login(world.budget_officer)
    response = client.get(url(world))
    assert [f.name for f in response.context["form"].index_fields()] == ["price_index"]
    data = form_data(price_level_year="2027")
    del data["price_index"]
    response = client.post(url(world), data)
    assert response.status_code == 302
    copy = BudgetRound.objects.get(name="Budget 2028–2031").proposals.get(title="Færre vikarer")
    assert {(e.year, e.amount) for e in copy.effects.all()} == {
        (2028, -1_000_200),
        (2029, -1_234_567),
    }
    assert CarryOver.objects.get(proposal=copy).steps() == []


def test_the_price_level_cannot_go_back_before_the_proposals_carried_over(
    client: Client, world: World
) -> None:
    decide(world, publish(world), OUTCOMES)
    client.force_login(world.budget_officer)
    response = client.post(url(world), form_data(price_level_year="2026"))
    assert response.status_code == 200
    assert response.context["form"].errors["price_level_year"] == [
        "Der overføres forslag i 2027-P/L: den nye runde kan ikke have et tidligere P/L-niveau."
    ]
    assert not BudgetRound.objects.filter(name="Budget 2028–2031").exists()


@pytest.mark.parametrize("index", ["1.032", "0,4", "2,01", "abc", ""])
def test_it_refuses_a_bad_price_index(client: Client, world: World, index: str) -> None:
    decide(world, publish(world), OUTCOMES)
    client.force_login(world.budget_officer)
    response = client.post(url(world), form_data(price_index=index))
    assert response.status_code == 200
    assert "price_index" in response.context["form"].errors
    assert BudgetRound.objects.count() == 2


def test_it_refuses_a_budget_year_not_after_the_round(client: Client, world: World) -> None:
    client.force_login(world.budget_officer)
    response = client.post(url(world), form_data(budget_year="2027", full_effect_year="2028"))
    assert "budget_year" in response.context["form"].errors


def test_only_the_budget_office_may_start_the_next_round(client: Client, world: World) -> None:
    for role, user in world.personas().items():
        client.force_login(user)
        expected = 200 if role == "budget_office" else 403
        assert client.get(url(world)).status_code == expected
    client.force_login(world.politician)
    assert client.post(url(world), form_data()).status_code == 403
    client.force_login(world.outsider)
    assert client.get(url(world)).status_code == 404
    assert BudgetRound.objects.count() == 2


def test_a_proposal_blocked_only_by_a_changed_budget_year_is_refused_and_listed(
    client: Client, world: World
) -> None:
    decide(world, publish(world), OUTCOMES)
    client.force_login(world.budget_officer)
    key = blocked_key()
    # A page for budget 2029 (shown after a bad index): BU-03 may come back then, nothing blocked.
    response = client.post(
        url(world), form_data(budget_year="2029", price_index="abc", blocked_shown="")
    )
    assert response.status_code == 200
    assert response.context["blocked_rows"] == []
    assert 'name="blocked_shown" value=""' in response.content.decode()

    # The user changes the year back to 2028 on that page: BU-03 is blocked only now.
    response = client.post(url(world), form_data(blocked_shown=""))
    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert any(
        "Med budgetår 2028 er disse forslag spærret af beslutningen og ville ikke blive "
        "kopieret: BU-03." in error
        for error in errors
    )
    assert "BU-03 må tidligst fremsættes igen i budget 2029." in errors
    assert not BudgetRound.objects.filter(name="Budget 2028–2031").exists()
    assert not CarryOver.objects.exists()
    # Now it is shown, with the override, and the page says it showed it.
    html = response.content.decode()
    assert [row[0].code for row in response.context["blocked_rows"]] == ["BU-03"]
    assert f'name="blocked_shown" value="{key}"' in html
    assert f'name="override_{key}"' in html

    response = client.post(
        url(world),
        form_data(
            blocked_shown=key,
            **{f"override_{key}": "on", f"reason_{key}": "Klubben er flyttet."},
        ),
    )
    assert response.status_code == 302
    assert CarryOver.objects.get(original__title="Lukning af ungdomsklub").overridden is True


def test_a_blocked_proposal_the_page_showed_may_be_left_out(client: Client, world: World) -> None:
    decide(world, publish(world), OUTCOMES)
    client.force_login(world.budget_officer)
    response = client.get(url(world))
    assert f'name="blocked_shown" value="{blocked_key()}"' in response.content.decode()
    response = client.post(url(world), form_data(blocked_shown=blocked_key()))
    assert response.status_code == 302
    assert not CarryOver.objects.filter(original__title="Lukning af ungdomsklub").exists()
    assert CarryOver.objects.count() == 2


def test_it_carries_over_the_proposal_as_decided_not_as_changed_since(
    client: Client, world: World
) -> None:
    """The decision was taken on the published version: later edits of the old proposal (and
    a service area renamed since) do not slip into the next round."""
    version = publish(world)
    decide(world, version, OUTCOMES)
    original = Proposal.objects.get(round=world.round, title="Færre vikarer")
    original.title = "Færre vikarer – rettet efter beslutningen"
    original.summary = "Ændret bagefter."
    original.save()
    original.effects.filter(year=2028).update(amount=-9_999_999)
    world.elderly.name = "Ældreområdet (nyt navn)"
    world.elderly.save()

    client.force_login(world.budget_officer)
    assert client.post(url(world), form_data()).status_code == 302
    new_round = BudgetRound.objects.get(name="Budget 2028–2031")
    copies = {p.previous.code: p for p in new_round.proposals.all()}  # type: ignore[union-attr]
    bu01 = copies["BU-01"]
    assert (bu01.title, bu01.summary) == ("Færre vikarer", "Skolerne bruger færre vikarer.")
    assert {(e.service_area, e.year): e.amount for e in bu01.effects.all()} == {
        (world.schools, 2028): -1_032_707,  # -1.000.200 × 1,0325, as decided
        (world.schools, 2029): -1_274_690,  # -1.234.567 × 1,0325, not -9.999.999
    }
    # SU-01's area was renamed: its amounts are not guessed but named for the budget office.
    assert not copies["SU-01"].effects.exists()
    event = Event.objects.get(round=new_round, verb="carried_over_without_areas")
    assert event.text == (
        "SU-01 er overført uden sine beløb for Ældreområdet: fagområdet findes ikke længere. "
        "Indtast dem på forslaget."
    )
