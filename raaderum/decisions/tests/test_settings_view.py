import pytest
from django.test import Client
from django.urls import reverse

from raaderum.decisions.models import DecisionSettings, default_return_year
from raaderum.test import World

pytestmark = pytest.mark.django_db


def url(world: World) -> str:
    return reverse("decision_settings", args=[world.municipality.slug])


def test_the_budget_office_sets_the_cooling_off_period(client: Client, world: World) -> None:
    assert default_return_year(world.round) == 2029
    client.force_login(world.budget_officer)
    assert client.get(url(world)).status_code == 200
    assert client.post(url(world), {"cooling_off_rounds": "3"}).status_code == 302
    assert DecisionSettings.objects.get(municipality=world.municipality).cooling_off_rounds == 3
    assert default_return_year(world.round) == 2031


def test_others_may_not(client: Client, world: World) -> None:
    client.force_login(world.politician)
    assert client.get(url(world)).status_code == 403
    client.force_login(world.outsider)
    assert client.get(url(world)).status_code == 404
