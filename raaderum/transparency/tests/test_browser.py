"""In Chromium: the budget office makes a round public; an approved realisation then shows there."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from raaderum.decisions.models import Outcome
from raaderum.followup.actions import do_review_realisation, do_save_realisation
from raaderum.followup.models import Initiative
from raaderum.publication.actions import do_publish_catalog
from raaderum.test import create_proposal
from raaderum.transparency.tests.helpers import decide

pytestmark = pytest.mark.browser


@pytest.fixture
def submitted(world):
    """BU-01 adopted, and its owner's assessment of 2027 submitted (not approved yet)."""
    create_proposal(
        world.round,
        world.children,
        world.owner,
        title="Færre vikarer",
        summary="Skolerne bruger færre vikarer.",
        effects={(world.schools, 2027): -1_000_200, (world.schools, 2028): -1_234_567},
        status="in_catalog",
    )
    version = do_publish_catalog(world.round, user=world.budget_officer)
    agreement = decide(world.round, version, {"BU-01": Outcome.ADOPTED}, world.budget_officer)
    initiative = Initiative.objects.get(decision__agreement=agreement)
    return do_save_realisation(
        initiative,
        2027,
        {
            "realised": 876_543,
            "status": "at_risk",
            "assessment": "Vikarforbruget faldt mindre end ventet.",
            "learning": "Planlæg vikardækning et halvt år frem.",
        },
        submit=True,
        expected_version=0,
        user=world.owner,
    )


def test_an_approved_realisation_shows_on_the_public_page(
    page, browser, live_server, log_in, world, submitted
):
    # The budget office makes the round public, seeing the preview first.
    log_in(page, "bente")
    page.goto(live_server.url + reverse("round_detail", args=[world.round.public_id]))
    page.get_by_role("link", name="Offentlig side og åbne data").click()
    preview = page.get_by_role(
        "region", name="Forhåndsvisning: præcis det, den offentlige side viser"
    )
    assert "BU-01 Færre vikarer" in preview.inner_text()
    assert "876" not in preview.inner_text()  # submitted, not approved: not in the preview
    page.get_by_label("Vis på den offentlige side").check()
    page.get_by_role("button", name="Gem").click()
    page.get_by_text("Indstillingerne for den offentlige side blev gemt.").wait_for()

    # A citizen, not logged in, sees the adopted proposal but no realised amount yet.
    citizen = browser.new_context(locale="da-DK").new_page()
    public_url = live_server.url + reverse("public_home", args=["norddjurs"])
    citizen.goto(public_url)
    citizen.get_by_role("link", name="Budget 2027–2030").click()
    table = citizen.get_by_role("table", name="BU-01: råderum pr. år, 1.000 kr.")
    assert "Forventet\t1.000\t1.235" in table.inner_text()
    assert "876" not in citizen.content()
    assert "Status: Ikke vurderet endnu" in citizen.locator(".public-initiative").inner_text()

    # The budget office approves the assessment.
    do_review_realisation(
        submitted,
        approve=True,
        note="Godkendt med regnskabet",
        expected_version=submitted.version,
        user=world.budget_officer,
    )

    # Now the citizen sees it: amount, status, rate and the administration's assessment.
    citizen.reload()
    table = citizen.get_by_role("table", name="BU-01: råderum pr. år, 1.000 kr.")
    assert "Realiseret\t877\t–" in table.inner_text()
    card = citizen.locator(".public-initiative").inner_text().replace("\xa0", " ")
    assert "Status: I risiko. Realiseringsgrad: 88 %" in card
    # The filter works without JavaScript being needed: choose a status and press Vis.
    citizen.get_by_label("Status").select_option("at_risk")
    citizen.get_by_role("button", name="Vis", exact=True).click()
    citizen.wait_for_url(re.compile(r"status=at_risk"))
    citizen.get_by_role("link", name="BU-01 Færre vikarer").click()
    body = citizen.locator("main").inner_text()
    assert "Vikarforbruget faldt mindre end ventet." in body
    assert "Planlæg vikardækning et halvt år frem." in body
    assert "Godkendt med regnskabet" not in body  # the review note stays internal
    assert "Ole" not in body and "Bente" not in body
    citizen.context.close()
