import pytest
from django.test import Client
from django.urls import reverse

from raaderum.benchmark.models import AreaUnit, BenchmarkSettings, ComparisonGroup, Unit
from raaderum.test import World

pytestmark = pytest.mark.django_db


def groups_url(world: World) -> str:
    return reverse("comparison_groups", args=[world.municipality.slug])


def settings_url(world: World) -> str:
    return reverse("benchmark_settings", args=[world.municipality.slug])


def test_the_budget_office_makes_changes_and_deletes_a_group(client: Client, world: World) -> None:
    client.force_login(world.budget_officer)
    page = client.get(groups_url(world)).content.decode()
    assert "Der er ingen sammenligningsgrupper endnu." in page
    assert 'value="707"' not in page  # not one's own kommune
    response = client.post(
        groups_url(world), {"name": "Østjylland", "codes": ["751", "706", "730"]}
    )
    assert response.status_code == 302
    group = ComparisonGroup.objects.get()
    assert (group.municipality, group.kommuner, group.codes()) == (
        world.municipality,
        "706,730,751",
        [706, 730, 751],
    )
    assert "Syddjurs, Randers, Aarhus" in client.get(groups_url(world)).content.decode()
    edit = reverse("comparison_group_edit", args=[group.public_id])
    assert 'value="706" checked' in client.get(edit).content.decode()
    assert client.post(edit, {"name": "Østjylland", "codes": ["706"]}).status_code == 302
    group.refresh_from_db()
    assert group.kommuner == "706"
    delete = reverse("comparison_group_delete", args=[group.public_id])
    assert client.post(delete).status_code == 302
    assert not ComparisonGroup.objects.exists()


def test_a_group_needs_a_unique_name_and_a_kommune(client: Client, world: World) -> None:
    ComparisonGroup.objects.create(municipality=world.municipality, name="Naboer", kommuner="706")
    client.force_login(world.budget_officer)
    response = client.post(groups_url(world), {"name": "Naboer", "codes": []})
    assert response.status_code == 422
    page = response.content.decode()
    assert "Der findes allerede en gruppe med det navn." in page
    assert "Vælg mindst én kommune." in page
    response = client.post(groups_url(world), {"name": "Andre", "codes": ["999", "707"]})
    assert response.status_code == 422
    assert ComparisonGroup.objects.count() == 1


def test_another_municipality_cannot_touch_a_group(client: Client, world: World) -> None:
    group = ComparisonGroup.objects.create(
        municipality=world.municipality, name="Naboer", kommuner="706"
    )
    client.force_login(world.outsider)
    assert client.get(reverse("comparison_group_edit", args=[group.public_id])).status_code == 404
    delete = reverse("comparison_group_delete", args=[group.public_id])
    assert client.post(delete).status_code == 404
    client.force_login(world.director)
    assert client.post(delete).status_code == 403
    assert ComparisonGroup.objects.exists()


def test_settings_and_units_are_saved(client: Client, world: World) -> None:
    group = ComparisonGroup.objects.create(
        municipality=world.municipality, name="Naboer", kommuner="706"
    )
    client.force_login(world.budget_officer)
    page = client.get(settings_url(world)).content.decode()
    # Defaults from the areas' functions: schools (3.22.01) per 6–16-year-old.
    assert '<option value="6-16" selected>pr. 6–16-årig</option>' in page
    data = {
        "comparison_group": str(group.pk),
        "rank": "8",
        "realism_percent": "40",
        f"unit_{world.schools.pk}": Unit.AGE_6_16,
        f"unit_{world.daycare.pk}": Unit.AGE_0_5,
        f"unit_{world.elderly.pk}": Unit.AGE_80_PLUS,
    }
    assert client.post(settings_url(world), data).status_code == 302
    saved = BenchmarkSettings.objects.get(municipality=world.municipality)
    assert (saved.comparison_group, saved.rank, saved.realism_percent) == (group, 8, 40)
    assert dict(AreaUnit.objects.values_list("service_area__name", "unit")) == {
        "Folkeskoler": "6-16",
        "Dagtilbud": "0-5",
        "Ældreområdet": "80+",
    }


def test_settings_refuse_nonsense_and_another_municipalitys_group(
    client: Client, world: World
) -> None:
    foreign = ComparisonGroup.objects.create(
        municipality=world.other_municipality, name="Fremmed", kommuner="707"
    )
    client.force_login(world.budget_officer)
    data = {
        "comparison_group": str(foreign.pk),
        "rank": "0",
        "realism_percent": "120",
        f"unit_{world.schools.pk}": "per-cow",
        f"unit_{world.daycare.pk}": Unit.AGE_0_5,
        f"unit_{world.elderly.pk}": Unit.AGE_80_PLUS,
    }
    response = client.post(settings_url(world), data)
    assert response.status_code == 422
    page = response.content.decode()
    # The other municipality's group, N, the factor and the unknown unit, each at its field.
    assert "Det valg, du har foretaget, er ikke blandt de tilgængelige valgmuligheder." in page
    assert "Denne værdi skal være større end eller lig 1." in page
    assert "Denne værdi skal være mindre end eller lig 100." in page
    assert "per-cow er ikke en af de tilgængelige valgmuligheder." in page
    assert not BenchmarkSettings.objects.exists()
    assert not AreaUnit.objects.exists()
