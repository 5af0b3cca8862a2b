"""The whole process in Debian's Chromium: a citizen's idea becomes a proposal in the catalog.

Public idea form → screening → proposal with effects → submitted by its owner → calculation
signed off → in the catalog, each step by the person whose job it is.
"""

import pytest

from raaderum.proposals.models import Proposal, ProposalStatus
from raaderum.rounds.models import PhaseKind

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_idea_from_a_citizen_ends_in_the_catalog(page, live_server, world, log_in):
    world.round.current_phase = PhaseKind.IDEAS
    world.round.save(update_fields=["current_phase"])

    # A citizen, no login.
    page.goto(f"{live_server.url}/public/norddjurs/rounds/{world.round.public_id}/idea/")
    page.get_by_label("Titel").fill("Sluk gadelyset om natten")
    page.get_by_label("Din idé").fill("Mellem kl. 1 og 5 er der næsten ingen på vejene.")
    page.get_by_role("button", name="Send idéen").click()
    page.get_by_role("heading", name="Tak for din idé").wait_for()

    # The budget office screens it into a proposal owned by Ole and enters the effects.
    log_in(page, "bente")
    page.goto(f"{live_server.url}/rounds/{world.round.public_id}/ideas/")
    page.get_by_role("link", name="Sluk gadelyset om natten").click()
    page.get_by_label("Forslagstype").select_option(label="Besparelse")
    page.get_by_label("Udvalg", exact=True).select_option(label="Social- og Sundhedsudvalget")
    page.get_by_label("Forslagsejer").select_option(label="Ole Testesen")
    page.get_by_role("button", name="Send videre og opret forslag").click()
    page.get_by_text("blev til forslag SU-01").wait_for()
    page.goto(f"{live_server.url}/proposals/{Proposal.objects.get().public_id}/effects/")
    page.get_by_label("Fagområde, række 1").select_option(label="Ældreområdet")
    for year, amount in (("2027", "-200"), ("2028", "-400"), ("2029", "-400"), ("2030", "-400")):
        page.get_by_label(f"Række 1, {year}").fill(amount)
    page.get_by_role("button", name="Gem effekter").click()
    page.get_by_text("Effekterne er gemt.").wait_for()

    # Ole writes the summary and sends it to quality check.
    log_in(page, "ole")
    proposal = Proposal.objects.get()
    page.goto(f"{live_server.url}/proposals/{proposal.public_id}/edit/")
    page.get_by_label("Resumé i klart sprog").fill("Gadelyset slukker om natten. Det sparer strøm.")
    page.get_by_role("button", name="Gem").click()
    page.get_by_text("Forslaget er gemt.").wait_for()
    page.get_by_role("button", name="Send til kvalitetstjek").click()
    page.get_by_text("Forslaget er sendt til kvalitetstjek.").wait_for()

    # The budget office signs the calculation off and puts it in the catalog.
    log_in(page, "bente")
    page.goto(f"{live_server.url}/proposals/{proposal.public_id}/")
    page.get_by_role("button", name="Godkend beregningen").click()
    page.get_by_text("Beregningen er godkendt.", exact=True).wait_for()
    page.get_by_role("button", name="Sæt i kataloget").click()
    page.get_by_text("Forslaget er nu i kataloget.").wait_for()

    page.goto(f"{live_server.url}/rounds/{world.round.public_id}/catalog/?status=in_catalog")
    row = page.get_by_role("row", name="SU-01")
    assert "Sluk gadelyset om natten" in row.inner_text()
    assert row.locator("td.amount").all_inner_texts() == ["200", "400", "400", "400"]
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.IN_CATALOG
    assert proposal.origin == "citizen"
    steps = list(proposal.transitions.values_list("action", "user__username"))
    assert steps == [("submit", "ole"), ("sign_off", "bente"), ("add_to_catalog", "bente")]
