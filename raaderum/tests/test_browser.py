"""End to end in Debian's Chromium: a proposal is entered and found in the catalog."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_budget_officer_enters_a_proposal_and_finds_the_totals_in_the_catalog(
    page, live_server, world, log_in
):
    log_in(page, "bente")
    page.get_by_role("link", name="Budget 2027–2030").click()
    page.get_by_role("link", name="Nyt forslag").first.click()

    page.get_by_label("Titel").fill("Fælles madordning")
    page.get_by_label("Udvalg").select_option(label="Børne- og Ungdomsudvalget")
    page.get_by_label("Type", exact=True).select_option(label="Investering")
    page.get_by_label("Direktør").select_option(label="Dorte Testesen")
    page.get_by_label("Resumé i klart sprog").fill("Skolerne og plejecentrene deler køkken.")
    page.get_by_role("button", name="Opret og indtast effekter").click()

    page.get_by_role("heading", name="Effekter af BU-01 Fælles madordning").wait_for()
    page.get_by_label("Fagområde, række 1").select_option(label="Folkeskoler")
    page.get_by_label("Række 1, 2027").fill("1.500")
    page.get_by_label("Række 1, 2028").fill("-250,5")
    page.get_by_label("Række 1, 2029").fill("−1.000")
    page.get_by_label("Række 1, 2030").fill("-1.000")
    page.get_by_label("Fagområde, række 2").select_option(label="Ældreområdet")
    page.get_by_label("Række 2, 2029").fill("-2.000")
    page.get_by_label("Række 2, 2030").fill("-2.345,678")
    page.get_by_role("button", name="Gem effekter").click()

    page.get_by_text("Effekterne er gemt.").wait_for()
    page.get_by_role("link", name="Katalog").click()
    total = page.locator("tr.grand-total").first
    # Råderum per year in 1,000 kr.: −1.500, 251 (250,5 rounds away from zero), 3.000, 3.346.
    assert total.locator("td").all_inner_texts() == ["\u22121.500", "251", "3.000", "3.346"]
    missing = page.locator("tr.gap-row td").all_inner_texts()
    assert missing[1].startswith("29.750") and "mangler" in missing[1]
    row = page.get_by_role("row", name="BU-01")
    assert "Fælles madordning" in row.inner_text() and "Investering" in row.inner_text()


def test_a_bad_cell_is_marked_and_the_filter_works_with_htmx(page, live_server, world, log_in):
    from raaderum.test import create_proposal

    create_proposal(
        world.round,
        world.social,
        world.owner,
        title="Færre nattevagter",
        effects={(world.elderly, 2028): -400_000},
    )
    create_proposal(
        world.round,
        world.children,
        world.owner,
        title="Mindre klasser",
        type="expansion",
        effects={(world.schools, 2028): 900_000},
    )
    log_in(page, "ole")
    page.goto(f"{live_server.url}/rounds/{world.round.public_id}/catalog/")
    page.get_by_label("Udvalg", exact=True).select_option(label="Social- og Sundhedsudvalget")
    page.get_by_text("Viser 1 af 2 forslag").wait_for()
    assert "committee=SU" in page.url
    assert page.get_by_role("link", name="Mindre klasser").count() == 0

    page.get_by_role("link", name="Færre nattevagter").click()
    page.get_by_role("link", name="Redigér effekter").click()
    page.get_by_label("Række 1, 2029").fill("12,5,5")
    page.get_by_role("button", name="Gem effekter").click()
    page.get_by_text("Tabellen har fejl. Intet er gemt.").wait_for()
    cell = page.get_by_label("Række 1, 2029")
    assert cell.get_attribute("aria-invalid") == "true"
    assert cell.input_value() == "12,5,5"

    page.get_by_role("button", name="Tilføj en række").click()
    new_row = page.get_by_label("Fagområde, række 5")
    new_row.wait_for()
    assert new_row.evaluate("element => element === document.activeElement")
    # The added row is posted like the others: an amount typed there is saved.
    new_row.select_option(label="Dagtilbud")
    page.get_by_label("Række 5, 2030").fill("-7")
    page.get_by_label("Række 1, 2029").fill("-12,5")
    page.get_by_role("button", name="Gem effekter").click()
    page.get_by_text("Effekterne er gemt.").wait_for()
    from raaderum.proposals.models import Effect

    saved = set(
        Effect.objects.filter(proposal__title="Færre nattevagter").values_list(
            "service_area__name", "year", "amount"
        )
    )
    assert saved == {
        ("Ældreområdet", 2028, -400_000),
        ("Ældreområdet", 2029, -12_500),
        ("Dagtilbud", 2030, -7_000),
    }
