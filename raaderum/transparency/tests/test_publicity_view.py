"""The budget office's setting of what a round shows publicly, with its preview."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from raaderum.communication.models import Event
from raaderum.transparency.models import RoundPublicity
from raaderum.transparency.tests.helpers import (
    APPROVED_ASSESSMENT,
    SECRET_REALISED,
    create_public,
)


def url(budget_round):
    return reverse("round_publicity", args=[budget_round.public_id])


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html).replace("&nbsp;", " ")).strip()


@pytest.fixture
def public(world):
    return create_public(world)


def test_only_the_budget_office_may_change_it(client, public):
    world = public.world
    for user in (world.director, world.owner, world.politician, world.reader):
        client.force_login(user)
        assert client.post(url(world.round), {"public": ""}).status_code == 403
    client.force_login(world.outsider)
    assert client.post(url(world.round), {"public": ""}).status_code == 404
    assert RoundPublicity.objects.get(round=world.round).public is True


def test_the_preview_shows_exactly_what_is_public(client, public):
    world = public.world
    client.force_login(world.budget_officer)
    html = client.get(url(world.round)).content.decode()
    text = text_of(html)
    assert "Forhåndsvisning: præcis det, den offentlige side viser" in text
    assert "Runden er offentlig:" in text
    public_link = reverse("public_round", args=["norddjurs", world.round.public_id])
    assert f'href="{public_link}"' in html
    preview = text[text.index("Forhåndsvisning") :]
    assert "BU-01 Færre vikarer" in preview and "BU-02 Samling af dagtilbud" in preview
    assert "Forventet 1.000 1.235 0 0 Realiseret 912" in preview
    assert APPROVED_ASSESSMENT in preview  # the approved assessment goes public word for word
    for hidden in ("Lukning af ungdomsklub", "Velfærdsteknologi", "Kun i version to"):
        assert hidden not in preview
    assert "HEMMELIG VURDERING" not in html
    assert "4.322" not in preview and str(SECRET_REALISED) not in html


def test_turning_realisation_off_takes_it_out_of_the_preview_and_the_public_page(client, public):
    world = public.world
    client.force_login(world.budget_officer)
    response = client.post(url(world.round), {"public": "on"})
    assert response.status_code == 302
    publicity = RoundPublicity.objects.get(round=world.round)
    assert (publicity.public, publicity.show_realisation) == (True, False)
    assert publicity.changed_by == world.budget_officer
    preview = text_of(client.get(url(world.round)).content.decode())
    assert "Realiseret" not in preview.split("Forhåndsvisning")[1]
    client.logout()
    page = client.get(reverse("public_round", args=["norddjurs", world.round.public_id]))
    assert "912" not in text_of(page.content.decode())
    event = Event.objects.filter(verb="publicity").latest("pk")
    assert event.text == (
        "Bente Testesen gjorde runden offentlig med de vedtagne forslag "
        "(uden realiserede gevinster)."
    )


def test_taking_a_round_off_the_public_page(client, public):
    world = public.world
    client.force_login(world.budget_officer)
    client.post(url(world.round), {"show_realisation": "on"})
    assert RoundPublicity.objects.get(round=world.round).public is False
    assert Event.objects.get(verb="publicity").text == (
        "Bente Testesen fjernede runden fra den offentlige side."
    )
    client.logout()
    assert (
        client.get(reverse("public_round", args=["norddjurs", world.round.public_id])).status_code
        == 404
    )


def test_a_round_without_agreement_cannot_be_made_public(client, world):
    client.force_login(world.budget_officer)
    page = text_of(client.get(url(world.round)).content.decode())
    assert "Runden har ingen budgetaftale endnu." in page
    response = client.post(url(world.round), {"public": "on", "show_realisation": "on"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Runden kan gøres offentlig, når budgetaftalen er registreret" in html
    assert 'id="id_public-error"' in html  # the error stands at the field
    assert not RoundPublicity.objects.exists()


def test_saving_unchanged_settings_records_nothing(client, public):
    world = public.world
    client.force_login(world.budget_officer)
    client.post(url(world.round), {"public": "on", "show_realisation": "on"})
    assert not Event.objects.filter(verb="publicity").exists()


def test_the_round_page_links_the_budget_office_to_the_setting_and_the_public_page(client, public):
    world = public.world
    client.force_login(world.budget_officer)
    html = client.get(reverse("round_detail", args=[world.round.public_id])).content.decode()
    assert f'href="{url(world.round)}"' in html
    assert f'href="{reverse("public_round", args=["norddjurs", world.round.public_id])}"' in html
    client.force_login(world.reader)
    html = client.get(reverse("round_detail", args=[world.round.public_id])).content.decode()
    assert f'href="{url(world.round)}"' not in html
