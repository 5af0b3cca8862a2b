"""The round's target spread across committees and service areas, saved by the budget office and
shown on the round page. The world's round has 30.000.000 kr. a year in full from 2028."""

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from raaderum.benchmark.models import (
    BenchmarkSettings,
    DistributionArea,
    Method,
    TargetDistribution,
    TargetShare,
)
from raaderum.benchmark.tests.helpers import import_samples, with_functions
from raaderum.organisation.models import ServiceAreaBudget
from raaderum.test import World

pytestmark = pytest.mark.django_db

BUDGETS = {"schools": 338_000_000, "daycare": 234_000_000, "elderly": 186_000_000}


def url(world: World) -> str:
    return reverse("target_distribution", args=[world.round.public_id])


def text(response: Any) -> str:
    html = response.content.decode()
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def budgets(world: World) -> World:
    for name, amount in BUDGETS.items():
        for year in range(2027, 2031):
            ServiceAreaBudget.objects.create(
                service_area=getattr(world, name), year=year, amount=amount
            )
    return world


def post(world: World, method: str, **fields: str) -> dict[str, str]:
    return {"method": method, **fields}


def shares(world: World) -> dict[tuple[str, int], int]:
    return {
        (share.service_area.name, share.year): share.amount
        for share in TargetShare.objects.select_related("service_area")
    }


def test_uniform_by_budget_adds_up_to_the_target_every_year(client: Client, budgets: World) -> None:
    client.force_login(budgets.budget_officer)
    response = client.post(url(budgets), post(budgets, Method.UNIFORM))
    assert response.status_code == 302
    # 30 mio. over 338/234/186 mio.: quotas 13.377.308,70 / 9.261.213,72 / 7.361.477,57.
    assert shares(budgets) == {
        **{("Folkeskoler", year): 13_377_309 for year in (2028, 2029, 2030)},
        **{("Dagtilbud", year): 9_261_214 for year in (2028, 2029, 2030)},
        **{("Ældreområdet", year): 7_361_477 for year in (2028, 2029, 2030)},
        ("Folkeskoler", 2027): 0,
        ("Dagtilbud", 2027): 0,
        ("Ældreområdet", 2027): 0,
    }
    distribution = TargetDistribution.objects.get()
    assert (distribution.method, distribution.saved_by) == (Method.UNIFORM, budgets.budget_officer)
    page = text(client.get(url(budgets)))
    assert "Fordelt med metoden »Ens: samme procentdel af hvert fagområdes budget«" in page
    assert (
        "I alt Børne- og Ungdomsudvalget 0 kr. 22.638.523 kr. 22.638.523 kr. 22.638.523 kr." in page
    )
    assert "13.377.309 kr. 3,96 % af budgettet" in page
    assert "I alt 0 kr. 30.000.000 kr. 30.000.000 kr. 30.000.000 kr." in page


def test_committees_see_their_share_on_the_round_page(client: Client, budgets: World) -> None:
    client.force_login(budgets.budget_officer)
    client.post(url(budgets), post(budgets, Method.UNIFORM))
    client.force_login(budgets.politician)
    page = text(client.get(reverse("round_detail", args=[budgets.round.public_id])))
    assert "Målet fordelt på udvalg" in page
    assert "Børne- og Ungdomsudvalget 0 kr. 22.638.523 kr. 22.638.523 kr. 22.638.523 kr." in page
    assert "Social- og Sundhedsudvalget 0 kr. 7.361.477 kr. 7.361.477 kr. 7.361.477 kr." in page
    assert "Rundens mål 0 kr. 30.000.000 kr. 30.000.000 kr. 30.000.000 kr." in page
    assert "Fordel målet" not in page  # only the budget office distributes


def test_the_round_page_invites_the_budget_office_to_distribute(
    client: Client, world: World
) -> None:
    client.force_login(world.budget_officer)
    page = text(client.get(reverse("round_detail", args=[world.round.public_id])))
    assert "Målet er endnu ikke fordelt på udvalgene. Fordel målet" in page
    client.force_login(world.reader)
    page = text(client.get(reverse("round_detail", args=[world.round.public_id])))
    assert "Målet er endnu ikke fordelt på udvalgene." in page
    assert "Fordel målet" not in page


def test_exempt_areas_get_nothing(client: Client, budgets: World) -> None:
    client.force_login(budgets.budget_officer)
    data = post(budgets, Method.UNIFORM, **{f"exempt_{budgets.elderly.pk}": "on"})
    assert client.post(url(budgets), data).status_code == 302
    # 30 mio. × 338/572 = 17.727.272,73 and × 234/572 = 12.272.727,27.
    found = shares(budgets)
    assert (found[("Folkeskoler", 2028)], found[("Dagtilbud", 2028)]) == (17_727_273, 12_272_727)
    assert found[("Ældreområdet", 2028)] == 0
    assert DistributionArea.objects.get(service_area=budgets.elderly).exempt
    page = text(client.get(url(budgets)))
    assert "Ældreområdet fritaget" in page


def test_by_hand_the_shares_must_make_100_percent(client: Client, budgets: World) -> None:
    client.force_login(budgets.budget_officer)
    fields = {
        f"share_{budgets.schools.pk}": "50",
        f"share_{budgets.daycare.pk}": "25",
        f"share_{budgets.elderly.pk}": "15",
    }
    response = client.post(url(budgets), post(budgets, Method.MANUAL, **fields))
    assert response.status_code == 422
    assert (
        "Andelene for de fagområder, der ikke er fritaget, skal give 100 % tilsammen. "
        "De giver 90,00 %."
    ) in text(response)
    assert not TargetDistribution.objects.exists()
    fields[f"share_{budgets.elderly.pk}"] = "25"
    fields[f"share_{budgets.daycare.pk}"] = "12,5"
    fields[f"share_{budgets.schools.pk}"] = "62,5"
    assert client.post(url(budgets), post(budgets, Method.MANUAL, **fields)).status_code == 302
    found = shares(budgets)
    assert [found[(name, 2030)] for name in ("Folkeskoler", "Dagtilbud", "Ældreområdet")] == [
        18_750_000,
        3_750_000,
        7_500_000,
    ]
    # What was typed is kept for the next time.
    page = client.get(url(budgets)).content.decode()
    assert f'name="share_{budgets.daycare.pk}" value="12,5"' in page


def test_a_typed_share_that_is_no_percentage_is_refused(client: Client, budgets: World) -> None:
    client.force_login(budgets.budget_officer)
    response = client.post(
        url(budgets), post(budgets, Method.MANUAL, **{f"share_{budgets.schools.pk}": "120"})
    )
    assert response.status_code == 422
    assert "Skriv en procentsats fra 0 til 100." in text(response)


def test_by_potential_from_the_key_figures(client: Client, world: World) -> None:
    import_samples(world.municipality)
    with_functions(world)
    BenchmarkSettings.objects.create(municipality=world.municipality, rank=3, realism_percent=50)
    client.force_login(world.budget_officer)
    assert client.post(url(world), post(world, Method.POTENTIAL)).status_code == 302
    # Realistic potentials 0 / 5.025.160 / 1.319.472 kr. (test_key_figures_view): 30 mio. ×
    # 5.025.160/6.344.632 = 23.760.999,85 and 6.239.000,15.
    found = shares(world)
    assert [found[(name, 2028)] for name in ("Folkeskoler", "Dagtilbud", "Ældreområdet")] == [
        0,
        23_761_000,
        6_239_000,
    ]
    distribution = TargetDistribution.objects.get()
    assert distribution.basis == (
        "Potentiale ud fra regnskabet for 2024 sammenlignet med den 3. billigste i »kommuner af "
        "samme størrelse«, realismefaktor 50 %."
    )
    assert DistributionArea.objects.get(service_area=world.daycare).potential == 5_025_160


def test_without_a_potential_the_method_is_refused(client: Client, world: World) -> None:
    client.force_login(world.budget_officer)
    response = client.post(url(world), post(world, Method.POTENTIAL))
    assert response.status_code == 422
    assert "Ingen af de fagområder, der ikke er fritaget, har et potentiale." in text(response)


def test_without_budgets_uniform_is_refused_and_names_the_year(
    client: Client, world: World
) -> None:
    client.force_login(world.budget_officer)
    response = client.post(url(world), post(world, Method.UNIFORM))
    assert response.status_code == 422
    assert (
        "Ingen af de fagområder, der ikke er fritaget, har et budget for 2028. Indtast "
        "fagområdernes budgetter, eller fritag færre fagområder."
    ) in text(response)
    assert not TargetDistribution.objects.exists()


def test_every_area_exempt_is_refused(client: Client, budgets: World) -> None:
    client.force_login(budgets.budget_officer)
    exempt = {f"exempt_{getattr(budgets, name).pk}": "on" for name in BUDGETS}
    response = client.post(url(budgets), post(budgets, Method.UNIFORM, **exempt))
    assert response.status_code == 422
    assert "Alle fagområder er fritaget. Lad mindst ét bære målet." in text(response)


def test_preview_saves_nothing(client: Client, budgets: World) -> None:
    client.force_login(budgets.budget_officer)
    response = client.post(url(budgets), post(budgets, Method.UNIFORM, preview="1"))
    assert response.status_code == 200
    page = text(response)
    assert "Forhåndsvisning – ikke gemt" in page
    assert "Folkeskoler 0 kr. 13.377.309 kr." in page
    assert not TargetDistribution.objects.exists()


def test_a_changed_target_is_pointed_out(client: Client, budgets: World) -> None:
    client.force_login(budgets.budget_officer)
    client.post(url(budgets), post(budgets, Method.UNIFORM))
    budgets.round.target_amount = 40_000_000
    budgets.round.save()
    page = text(client.get(url(budgets)))
    assert "Rundens mål er ændret, siden fordelingen blev gemt" in page


def test_who_may_see_and_distribute(client: Client, budgets: World) -> None:
    for user in budgets.personas().values():
        client.force_login(user)
        assert client.get(url(budgets)).status_code == 200
    client.force_login(budgets.director)
    assert client.post(url(budgets), post(budgets, Method.UNIFORM)).status_code == 403
    client.force_login(budgets.outsider)
    assert client.get(url(budgets)).status_code == 404
    assert client.post(url(budgets), post(budgets, Method.UNIFORM)).status_code == 404
    assert not TargetDistribution.objects.exists()
