"""What every page shares: Danish error pages and the accessibility statement in the footer."""

from django.test import override_settings
from django.urls import reverse


def test_a_missing_page_is_danish_and_keeps_the_layout(client, world):
    client.force_login(world.owner)
    response = client.get("/rounds/00000000-0000-0000-0000-000000000000/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="da"' in html and "Siden blev ikke fundet" in html
    assert "Tilgængelighedserklæring" in html


def test_a_refused_page_says_why_in_danish(client, world):
    client.force_login(world.politician)
    response = client.get(reverse("catalog", args=[world.round.public_id]))
    html = response.content.decode()
    assert response.status_code == 403
    assert "Du har ikke adgang til dette" in html
    assert "Din rolle giver ikke adgang til dette." in html


def test_the_accessibility_statement_is_linked_from_the_login_page(client):
    html = client.get(reverse("login")).content.decode()
    assert f'href="{reverse("accessibility")}"' in html


def test_the_statement_page_goes_to_the_municipalitys_own(client, world):
    world.municipality.accessibility_statement_url = "https://www.was.digst.dk/norddjurs-dk"
    world.municipality.save()
    client.force_login(world.owner)
    response = client.get(reverse("accessibility"))
    assert response["Location"] == "https://www.was.digst.dk/norddjurs-dk"
    page = client.get(reverse("round_detail", args=[world.round.public_id])).content.decode()
    assert 'href="https://www.was.digst.dk/norddjurs-dk"' in page


@override_settings(ACCESSIBILITY_STATEMENT_URL="https://example.dk/was")
def test_without_a_municipality_the_installations_statement_is_used(client):
    assert client.get(reverse("accessibility"))["Location"] == "https://example.dk/was"


def test_without_any_statement_the_page_explains(client):
    html = client.get(reverse("accessibility")).content.decode()
    assert "WAS-værktøj" in html


def test_the_server_error_page_is_danish():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert '<html lang="da">' in html and "Der opstod en fejl" in html
