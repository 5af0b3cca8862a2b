"""End to end in Debian's Chromium: a citizen's idea is screened into a draft proposal."""

import pytest

from raaderum.rounds.models import PhaseKind

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_citizens_idea_is_screened_into_a_proposal(page, live_server, world):
    from raaderum.test import PASSWORD

    world.round.current_phase = PhaseKind.IDEAS
    world.round.save(update_fields=["current_phase"])
    page.goto(f"{live_server.url}/public/norddjurs/rounds/{world.round.public_id}/idea/")
    assert not page.get_by_label("Lad dette felt være tomt").is_visible()
    page.get_by_label("Titel").fill("Sluk gadelyset om natten")
    page.get_by_label("Din idé").fill("Mellem kl. 1 og 5 er der næsten ingen på vejene.")
    page.get_by_role("button", name="Send idéen").click()
    page.get_by_role("heading", name="Tak for din idé").wait_for()

    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Brugernavn").fill("bente")
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/rounds/{world.round.public_id}/ideas/")
    page.get_by_role("link", name="Sluk gadelyset om natten").click()

    page.get_by_label("Forslagstype").select_option(label="Besparelse")
    page.get_by_label("Udvalg", exact=True).select_option(label="Social- og Sundhedsudvalget")
    page.get_by_label("Forslagsejer").select_option(label="Ole Testesen")
    page.get_by_role("button", name="Send videre og opret forslag").click()
    page.get_by_text("Idéen gik videre fra screeningen og blev til forslag SU-01.").wait_for()
