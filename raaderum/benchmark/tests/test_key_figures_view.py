"""The key figure page on the shipped (constructed) sample: Norddjurs (707) against the others.

The expected kroner were worked out from the CSV files by hand (exact fractions, half away from
zero), not by the code under test.
"""

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from raaderum.benchmark.models import AreaUnit, BenchmarkSettings, ComparisonGroup, Unit
from raaderum.benchmark.tests.helpers import import_samples, with_functions
from raaderum.test import World

pytestmark = pytest.mark.django_db


def url(world: World, **params: object) -> str:
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return reverse("key_figures", args=[world.municipality.slug]) + (f"?{query}" if query else "")


def text(response: Any) -> str:
    """The page as a reader sees it: tags removed, whitespace collapsed."""
    html = response.content.decode()
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture
def loaded(world: World) -> World:
    import_samples(world.municipality)
    return with_functions(world)


def test_potential_per_area_to_the_krone(client: Client, loaded: World) -> None:
    client.force_login(loaded.politician)
    response = client.get(url(loaded, year=2024, rank=3, realism=50))
    assert response.status_code == 200
    page = text(response)
    # Folkeskoler (3.22.01) per 6–16-year-old: Norddjurs is the cheapest of 13.
    assert (
        "Folkeskoler pr. 6–16-årig · BU · 3.22.01 53.828 kr. 1 af 13 55.463 kr. Faxe "
        "0 kr. 0 kr. allerede blandt de billigste"
    ) in page
    # Dagtilbud (5.25.11 + 5.25.14) per 0–5-year-old: 172.593.000 kr. on 2.114 children.
    assert (
        "Dagtilbud pr. 0–5-årig · BU · 5.25.11, 5.25.14 81.643 kr. 8 af 13 76.889 kr. Odsherred "
        "10.050.320 kr. 5.025.160 kr."
    ) in page
    # Ældreområdet (5.30.27) per 65+-year-old by default.
    assert (
        "Ældreområdet pr. 65+-årig · SU · 5.30.27 17.879 kr. 4 af 13 17.626 kr. Mariagerfjord "
        "2.638.944 kr. 1.319.472 kr."
    ) in page
    assert "I alt 12.689.264 kr. 6.344.632 kr." in page
    assert "Den 3. billigste" in page
    assert "Realistisk (50 %)" in page


def test_the_unit_the_budget_office_chose_is_used(client: Client, loaded: World) -> None:
    AreaUnit.objects.create(service_area=loaded.elderly, unit=Unit.AGE_80_PLUS)
    client.force_login(loaded.reader)
    page = text(client.get(url(loaded, year=2024, rank=3, realism=50)))
    # 186.123.000 kr. on 2.647 inhabitants aged 80+; the realistic half of 283.587,… is
    # 141.793,5…, rounded half away from zero.
    assert (
        "Ældreområdet pr. 80+-årig · SU · 5.30.27 70.315 kr. 4 af 13 70.208 kr. Mariagerfjord "
        "283.587 kr. 141.794 kr."
    ) in page


def test_the_saved_settings_are_the_default(client: Client, loaded: World) -> None:
    group = ComparisonGroup.objects.create(
        municipality=loaded.municipality, name="Tre naboer", kommuner="306,320,390"
    )
    BenchmarkSettings.objects.create(
        municipality=loaded.municipality, comparison_group=group, rank=10, realism_percent=100
    )
    client.force_login(loaded.director)
    page = text(client.get(url(loaded)))
    assert "Gruppen »Tre naboer« har 3 kommuner: Odsherred, Faxe, Vordingborg." in page
    assert (
        "Gruppen har kun 3 kommuner, så den dyreste af dem – den 3. billigste – bruges i stedet "
        "for den 10. billigste."
    ) in page
    # The latest year is the default; against the cheapest of the three (N = 1):
    page = text(client.get(url(loaded, rank=1)))
    assert (
        "Dagtilbud pr. 0–5-årig · BU · 5.25.11, 5.25.14 81.643 kr. 3 af 4 74.850 kr. Vordingborg "
        "14.359.927 kr. 14.359.927 kr."
    ) in page


def test_a_similar_size_group_without_a_group_of_ones_own(client: Client, loaded: World) -> None:
    client.force_login(loaded.budget_officer)
    page = text(client.get(url(loaded, group="similar", year=2023)))
    assert "De 12 kommuner, der lå tættest på jeres i indbyggertal i 2023:" in page
    assert "Demo Kommune" in page  # the made-up 999 by its municipality's name
    # In 2023 with N = 10, Norddjurs is among the ten cheapest on every area.
    assert "I alt 0 kr. 0 kr." in page


def test_the_ranking_lists_every_kommune_cheapest_first(client: Client, loaded: World) -> None:
    client.force_login(loaded.politician)
    response = client.get(url(loaded, year=2024, rank=3, realism=50, area=loaded.daycare.pk))
    page = text(response)
    table = page[page.index("Dagtilbud: udgift pr. enhed 2024, billigste først Placering") :]
    expected = [
        "1 Jammerbugt",
        "2 Vordingborg",
        "3 Odsherred den 3. billigste",
        "8 Norddjurs Kommune (jeres kommune) 172.593.000 kr. 2.114 81.643 kr.",
        "13 Demo Kommune",
    ]
    positions = [table.index(row) for row in expected]
    assert positions == sorted(positions)
    html = response.content.decode()
    # The ranking chart draws the same 13 kommuner.
    chart = html[html.index('id="ranking-chart-title"') :]
    assert chart[: chart.index("</svg>")].count("<rect ") == 13
    assert 'fill="#004993"' in chart  # the own kommune stands out
    assert " style=" not in html and "<script>" not in html


def test_invalid_choices_fall_back_and_say_so(client: Client, loaded: World) -> None:
    client.force_login(loaded.politician)
    response = client.get(url(loaded, rank=0, realism=250, year=1999, group="nope"))
    assert response.status_code == 200
    page = text(response)
    assert "Nogle valg kunne ikke bruges, så standardværdien vises i stedet:" in page
    assert "Sammenlign med den 10. billigste" not in page
    assert "Den 10. billigste" in page  # the default N
    assert "Realistisk (100 %)" in page


def test_without_figures_the_page_says_what_to_do(client: Client, world: World) -> None:
    client.force_login(world.budget_officer)
    page = text(client.get(url(world)))
    assert "Der er endnu ingen tal for jeres egen kommune." in page
    assert "Hent eller indlæs statistikken." in page
    client.force_login(world.politician)
    page = text(client.get(url(world)))
    assert "Økonomiafdelingen henter dem fra Danmarks Statistik." in page


def test_areas_without_functions_are_listed(client: Client, loaded: World) -> None:
    loaded.elderly.function_codes = ""
    loaded.elderly.save()
    client.force_login(loaded.politician)
    page = text(client.get(url(loaded)))
    assert (
        "Fagområder uden nøgletal Ældreområdet: Fagområdet har ingen funktioner i kontoplanen."
        in page
    )


def test_the_page_is_the_same_for_every_role_and_hidden_from_others(
    client: Client, loaded: World
) -> None:
    for user in loaded.personas().values():
        client.force_login(user)
        assert client.get(url(loaded)).status_code == 200
    client.force_login(loaded.outsider)
    assert client.get(url(loaded)).status_code == 404


def test_the_query_count_does_not_grow_with_the_areas(
    client: Client, loaded: World, django_assert_max_num_queries
) -> None:
    client.force_login(loaded.politician)
    with django_assert_max_num_queries(20):
        client.get(url(loaded, area=loaded.daycare.pk))


def test_the_municipality_and_round_pages_link_here(client: Client, world: World) -> None:
    client.force_login(world.reader)
    link = f'href="{url(world)}"'
    assert link in client.get(reverse("home")).content.decode()
    assert (
        link in client.get(reverse("round_detail", args=[world.round.public_id])).content.decode()
    )
