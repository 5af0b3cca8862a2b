"""End to end in Debian's Chromium: a citizen answers, the budget office reads the summary."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_citizen_answers_and_the_summary_counts_it(page, live_server, log_in, consultation):
    slug = consultation.version.round.municipality.slug
    page.goto(f"{live_server.url}/public/{slug}/consultations/{consultation.public_id}/")
    page.get_by_role("heading", name="Hjælp os med at prioritere").wait_for()
    assert not page.get_by_label("Lad dette felt være tomt").is_visible()
    # Without JavaScript a "Calculate" button posts the form; with htmx each tick does.
    assert not page.get_by_role("button", name="Beregn").is_visible()
    totals = page.locator("#consultation-totals")
    assert "Du har valgt 0 forslag." in totals.inner_text()

    page.get_by_label("SU-01 Lukning af plejecenter").check()
    page.get_by_text("Du har valgt 1 forslag.").wait_for()
    assert "Dit valg når endnu ikke målet i alle år." in totals.inner_text()
    page.get_by_label("BU-01 Større klasser").check()
    page.get_by_text("Dit valg når målet i alle år.").wait_for()
    assert "Du har valgt 2 forslag." in totals.inner_text()

    page.get_by_label("Din kommentar").fill("Skån hellere ældreområdet.")
    page.get_by_role("button", name="Send mit svar").click()
    page.get_by_role("heading", name="Tak for dit svar").wait_for()

    log_in(page, "bente")
    page.goto(f"{live_server.url}/consultations/{consultation.public_id}/")
    page.get_by_text("1 svar.").wait_for()
    assert "1 af dem nåede målet i alle år (100,0 %)." in page.content()
    row = page.get_by_role("row", name="SU-01 Lukning af plejecenter")
    assert row.get_by_role("cell").all_inner_texts()[-2:] == ["1", "100,0 %"]
    untouched = page.get_by_role("row", name="SU-02 Færre pladser")
    assert untouched.get_by_role("cell").all_inner_texts()[-2:] == ["0", "0,0 %"]
    assert page.get_by_text("Skån hellere ældreområdet.").is_visible()
