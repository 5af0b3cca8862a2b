"""The yearly follow-up in Debian's Chromium: the owner enters and submits the year's
assessment, the budget office approves it, and the overview counts it.

`enter_and_approve()` is the whole flow as one step, for tests that continue from it (e.g. to
the public transparency page).
"""

from __future__ import annotations

import pytest

from raaderum.followup.tests.helpers import adopt, initiative

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def enter_and_approve(
    page,
    live_server,
    log_in,
    *,
    code: str = "BU-01",
    year: int = 2027,
    amount: str = "1.000.200",
    status: str = "Som forventet",
    assessment: str = "Vikarudgifterne faldt som ventet.",
    learning: str = "Tidlig dialog med skolelederne hjalp.",
    owner: str = "ole",
    office: str = "bente",
) -> str:
    """The owner submits the assessment of `year`, the budget office approves it.

    Returns the assessment page's URL. Needs an adopted proposal `code` (helpers.adopt).
    """
    found = initiative(code)
    log_in(page, owner)
    page.goto(f"{live_server.url}/rounds/{found.round.public_id}/followup/{code}/")
    page.get_by_role("link", name=str(year), exact=True).click()
    page.get_by_role("heading", name=f"realiseret i {year}").wait_for()
    page.get_by_label("Realiseret råderum (kr.)").fill(amount)
    page.get_by_label("Status").select_option(label=status)
    page.get_by_label("Vurdering: hvorfor").fill(assessment)
    page.get_by_label("Hvad vi har lært").fill(learning)
    page.get_by_role("button", name="Send til økonomiafdelingen").click()
    page.get_by_text("Vurderingen er sendt til økonomiafdelingen.").wait_for()
    url = page.url

    log_in(page, office)
    page.goto(url)
    page.get_by_text("Afventer gennemgang").first.wait_for()
    page.get_by_role("button", name="Godkend").click()
    page.get_by_text("Vurderingen er godkendt.").wait_for()
    return url


def test_the_owner_enters_the_budget_office_approves_and_the_overview_counts_it(
    page, live_server, log_in, world
):
    adopt(world)
    # A Danish amount the owner types wrong first: the error is at the field.
    found = initiative("BU-01")
    log_in(page, "ole")
    page.goto(f"{live_server.url}/rounds/{found.round.public_id}/followup/BU-01/2027/")
    page.get_by_label("Realiseret råderum (kr.)").fill("1.000,5")
    page.get_by_role("button", name="Send til økonomiafdelingen").click()
    field = page.get_by_label("Realiseret råderum (kr.)")
    assert field.get_attribute("aria-invalid") == "true"
    assert "Beløbet skal være hele kroner." in page.locator("#id_realised-error").inner_text()

    url = enter_and_approve(page, live_server, log_in)
    assert "Godkendt" in page.locator("#state-heading + dl").inner_text()

    page.goto(f"{live_server.url}/m/{world.municipality.slug}/followup/")
    years = page.locator("#year-table")
    row = years.locator("tbody tr", has=page.get_by_role("rowheader", name="2027"))
    # Expected 2027: BU-01 1.000.200 less SU-01's outlay 400.000; only BU-01 is assessed.
    assert row.locator("td").all_inner_texts() == ["600.200", "1.000.200", "1.000.200", "100 %"]
    assert "Realiseringsgrad indtil nu: 100 %." in page.content()
    # The chart is drawn from the same figures and says where they are.
    assert page.locator("svg[role=img] title").first.text_content().startswith("Diagram:")
    assert url.endswith("/followup/BU-01/2027/")


def test_from_the_owners_entry_to_the_public_page(page, browser, live_server, log_in, world):
    """The whole yearly follow-up: entered and approved in the browser, then read by a citizen."""
    from raaderum.transparency.actions import do_set_publicity

    adopt(world)
    do_set_publicity(world.round, public=True, show_realisation=True, user=world.budget_officer)
    citizen = browser.new_context(locale="da-DK").new_page()
    public = f"{live_server.url}/public/{world.municipality.slug}/"
    citizen.goto(public)
    citizen.get_by_role("link", name=world.round.name).click()
    round_url = citizen.url
    assert "987.654" not in citizen.content() and "988" not in citizen.content()

    enter_and_approve(page, live_server, log_in, amount="987.654", status="I risiko")

    citizen.goto(round_url)
    citizen.reload()  # public pages may be cached for 5 minutes; a reload asks again
    table = citizen.get_by_role("table", name="BU-01: råderum pr. år, 1.000 kr.")
    assert "Realiseret\t988" in table.inner_text()  # 987.654 kr. in 1.000 kr.
    card = citizen.locator(".public-initiative", has_text="BU-01").inner_text()
    assert "I risiko" in card.replace("\xa0", " ")
    citizen.get_by_role("link", name="BU-01", exact=False).first.click()
    body = citizen.locator("main").inner_text()
    assert "Vikarudgifterne faldt som ventet." in body  # the approved assessment
    assert world.owner.get_full_name() not in body  # no person, only the responsible unit
