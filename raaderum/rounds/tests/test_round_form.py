import pytest
from django.urls import reverse

from raaderum.rounds.models import BudgetRound, RoundYearTarget
from raaderum.test import create_proposal


def round_data(**overrides):
    data = {
        "name": "Budget 2028–2031",
        "budget_year": "2028",
        "price_level_year": "2028",
        "target_amount": "25.000,5",
        "full_effect_year": "2029",
        "description": "",
    }
    data.update(overrides)
    return data


def test_the_budget_office_creates_a_round_in_tkr(client, world):
    client.force_login(world.budget_officer)
    response = client.post(reverse("round_create", args=["norddjurs"]), round_data())
    created = BudgetRound.objects.get(name="Budget 2028–2031")
    assert response.status_code == 302
    assert created.target_amount == 25_000_500
    assert created.municipality == world.municipality
    assert created.years == [2028, 2029, 2030, 2031]
    assert created.created_by == world.budget_officer


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"full_effect_year": "2035"}, "full_effect_year", "skal ligge i perioden 2028–2031"),
        ({"target_amount": "30.0"}, "target_amount", "Brug komma som decimaltegn"),
        ({"target_amount": "-5"}, "target_amount", "positivt beløb"),
        ({"target_amount": ""}, "target_amount", "Dette felt er påkrævet."),
        ({"name": "Budget 2027–2030"}, "name", "har allerede en budgetrunde med dette navn"),
        ({"budget_year": "1999"}, "budget_year", "større end eller lig 2000"),
    ],
)
def test_round_form_errors_are_danish_and_at_the_field(client, world, overrides, field, message):
    client.force_login(world.budget_officer)
    response = client.post(reverse("round_create", args=["norddjurs"]), round_data(**overrides))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert f'id="id_{field}-error"' in response.content.decode()
    assert BudgetRound.objects.count() == 2


def test_editing_sets_targets_per_year(client, world):
    client.force_login(world.budget_officer)
    url = reverse("round_edit", args=[world.round.public_id])
    data = round_data(name=world.round.name, budget_year="2027", full_effect_year="2028")
    data.update(
        {"year_target_2027": "10.000", "year_target_2028": "", "year_target_2029": "35.000"}
    )
    assert client.post(url, data).status_code == 302
    world.round.refresh_from_db()
    assert world.round.target_by_year() == {
        2027: 10_000_000,
        2028: 25_000_500,
        2029: 35_000_000,
        2030: 25_000_500,
    }
    assert RoundYearTarget.objects.count() == 2


def test_the_period_cannot_move_away_from_entered_effects(client, world):
    create_proposal(
        world.round, world.children, world.owner, effects={(world.schools, 2027): -1_000}
    )
    client.force_login(world.budget_officer)
    url = reverse("round_edit", args=[world.round.public_id])
    response = client.post(url, round_data(name=world.round.name))
    assert "Perioden kan ikke flyttes: 1 forslag" in response.content.decode()
    world.round.refresh_from_db()
    assert world.round.budget_year == 2027


@pytest.mark.parametrize("persona", ["director", "owner", "contributor", "politician", "reader"])
def test_only_the_budget_office_manages_rounds(client, world, persona):
    client.force_login(getattr(world, persona))
    assert client.get(reverse("round_create", args=["norddjurs"])).status_code == 403
    assert client.get(reverse("round_edit", args=[world.round.public_id])).status_code == 403


def test_another_municipality_gets_404(client, world):
    client.force_login(world.outsider)
    assert client.get(reverse("round_detail", args=[world.round.public_id])).status_code == 404
    assert client.get(reverse("round_edit", args=[world.round.public_id])).status_code == 404
    assert client.post(reverse("round_create", args=["norddjurs"]), round_data()).status_code == 404


def test_a_year_target_never_moves_to_another_year(client, world):
    client.force_login(world.budget_officer)
    url = reverse("round_edit", args=[world.round.public_id])
    data = round_data(name=world.round.name, budget_year="2028", full_effect_year="2028")
    data.update({"year_target_2027": "5.000", "year_target_2028": "20.000"})
    response = client.post(url, data)
    assert "2027 ligger uden for den nye periode 2028–2031" in response.content.decode()
    del data["year_target_2027"]
    assert client.post(url, data).status_code == 302
    world.round.refresh_from_db()
    assert world.round.explicit_targets() == {2028: 20_000_000}


def test_a_published_round_keeps_its_period_and_price_level(client, world):
    from raaderum.publication.actions import do_publish_catalog

    create_proposal(
        world.round,
        world.children,
        world.owner,
        status="in_catalog",
        summary="Kort.",
        effects={(world.schools, 2027): -1_000},
    )
    do_publish_catalog(world.round, user=world.budget_officer)
    client.force_login(world.budget_officer)
    url = reverse("round_edit", args=[world.round.public_id])
    response = client.post(
        url,
        round_data(
            name=world.round.name,
            budget_year="2027",
            price_level_year="2028",
            full_effect_year="2028",
        ),
    )
    assert "Kataloget er offentliggjort" in response.content.decode()
    world.round.refresh_from_db()
    assert world.round.price_level_year == 2027
