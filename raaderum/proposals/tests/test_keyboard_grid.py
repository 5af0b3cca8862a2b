"""The effects grid in Debian's Chromium with the keyboard only: no clicks, no fill(), no mouse.

An owner switches to kroner, adds a row, chooses its service area, types Danish
amounts, removes a row, saves into an error, follows the error summary to the cell, corrects it
and saves. Every control on the way must show where the focus is.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from raaderum.proposals.models import Effect
from raaderum.test import create_proposal

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ACTIVE_ID = "() => document.activeElement && document.activeElement.id"
# The text a screen reader reads for a link or button (also its visually hidden part).
ACTIVE_TEXT = "() => document.activeElement.textContent.replace(/\\s+/g, ' ').trim()"
# What makes the focus visible: DKFDS draws an outline on focused controls.
FOCUS_RING = """() => {
  const style = getComputedStyle(document.activeElement);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  return outline || style.boxShadow !== 'none';
}"""


def tab_to(page, found, *, backwards=False, limit=120):
    """Press Tab (or Shift+Tab) until found(page) holds; every stop on the way must show focus."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate("() => document.activeElement === document.body"):
            continue
        assert page.evaluate(FOCUS_RING), f"no visible focus on {page.evaluate(ACTIVE_TEXT)!r}"
        if found(page):
            return
    pytest.fail("Tab never got there")


def on_id(element_id):
    return lambda page: page.evaluate(ACTIVE_ID) == element_id


def on_text(text):
    return lambda page: page.evaluate(ACTIVE_TEXT) == text


def test_an_owner_edits_the_grid_with_the_keyboard_alone(page, live_server, world, log_in):
    proposal = create_proposal(
        world.round,
        world.children,
        world.owner,
        effects={(world.schools, 2027): -100_000, (world.daycare, 2027): -50_000},
    )
    log_in(page, "ole")
    page.goto(live_server.url + reverse("proposal_effects", args=[proposal.public_id]))
    # Rows: 1 Folkeskoler, 2 Dagtilbud, 3–5 empty. Type in kroner rather than 1.000 kr.
    tab_to(page, on_text("Skift til kroner"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("?unit=kr")
    assert page.locator("#amount-0-2027").input_value() == "-100.000"

    # A new row: the keyboard lands on its service area, chosen with the arrow keys (Folkeskoler,
    # Dagtilbud, then Ældreområdet under the next committee).
    tab_to(page, on_text("Tilføj en række"))
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'area-5'")
    assert page.evaluate(FOCUS_RING)
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    assert page.locator("#area-5 option:checked").inner_text() == "Ældreområdet"
    for year, typed in [
        (2027, "-1.250.000"),
        (2028, "−2.500.000"),  # a real minus, as copied from a catalog
        (2029, "-2.500.000 kr."),
        (2030, "250.000"),
    ]:
        page.keyboard.press("Tab")
        assert page.evaluate(ACTIVE_ID) == f"amount-5-{year}"
        page.keyboard.type(typed)

    # Remove Dagtilbud (row 2): back to its button, Enter; the keyboard goes on to row 3.
    tab_to(page, on_text("Fjern række 2"), backwards=True)
    page.keyboard.press("Enter")
    assert page.locator("#area-1").count() == 0
    assert page.evaluate(ACTIVE_ID) == "area-2"
    assert page.locator("#grid-status").inner_text() == (
        "Række 2 er fjernet. Gem for at fjerne dens beløb."
    )

    # A decimal point in Folkeskoler 2028, then save: nothing is saved, the summary has the focus.
    tab_to(page, on_id("amount-0-2028"), backwards=True)
    page.keyboard.type("1.5")
    tab_to(page, on_text("Gem effekter"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    summary = page.locator("#grid-errors")
    assert page.evaluate(ACTIVE_ID) == "grid-errors"
    assert page.evaluate(FOCUS_RING)
    assert summary.get_attribute("role") == "alert"
    assert "Tabellen har fejl. Intet er gemt." in summary.inner_text()
    error_link = summary.get_by_role("link")
    assert error_link.all_inner_texts() == ["Række 1, 2028: Brug komma som decimaltegn, fx 1,5."]
    assert Effect.objects.filter(proposal=proposal).count() == 2
    # What was typed is kept, the removed row stays out.
    assert page.locator("#amount-5-2029").input_value() == "-2.500.000 kr."
    assert page.locator("#area-1").input_value() == ""

    # The link leads to the cell; correct it and save.
    page.keyboard.press("Tab")
    assert page.evaluate(ACTIVE_TEXT) == "Række 1, 2028: Brug komma som decimaltegn, fx 1,5."
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'amount-0-2028'")
    assert page.evaluate(FOCUS_RING)
    page.keyboard.press("Control+A")
    page.keyboard.type("-3.000.000")
    tab_to(page, on_text("Gem effekter"))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.get_by_text("Effekterne er gemt.").wait_for()

    saved = {
        (effect.service_area.name, effect.year): effect.amount
        for effect in Effect.objects.filter(proposal=proposal).select_related("service_area")
    }
    assert saved == {
        ("Folkeskoler", 2027): -100_000,
        ("Folkeskoler", 2028): -3_000_000,
        ("Ældreområdet", 2027): -1_250_000,
        ("Ældreområdet", 2028): -2_500_000,
        ("Ældreområdet", 2029): -2_500_000,
        ("Ældreområdet", 2030): 250_000,
    }
    # The proposal page's totals, in 1.000 kr.: the net effect and the råderum it frees.
    totals = page.locator(".effects-table tfoot tr")
    assert totals.nth(0).locator("td").all_inner_texts() == ["−1.350", "−5.500", "−2.500", "250"]
    assert totals.nth(1).locator("td").all_inner_texts() == ["1.350", "5.500", "2.500", "−250"]


def test_the_grid_with_an_error_and_its_remove_buttons_passes_axe(
    browser, live_server, world, log_in
):
    from raaderum.tests.test_accessibility import axe_violations

    proposal = create_proposal(
        world.round, world.children, world.owner, effects={(world.schools, 2027): -100_000}
    )
    context = browser.new_context(locale="da-DK", bypass_csp=True)  # axe is put in inline
    page = context.new_page()
    try:
        log_in(page, "ole")
        page.goto(live_server.url + reverse("proposal_effects", args=[proposal.public_id]))
        page.get_by_role("button", name="Tilføj en række").click()
        page.locator("#area-4").wait_for()
        page.get_by_label("Række 1, 2028").fill("abc")
        page.get_by_role("button", name="Gem effekter").click()
        page.locator("#grid-errors").wait_for()
        assert page.get_by_role("button", name="Fjern række 5").is_visible()
        assert axe_violations(page) == []
    finally:
        context.close()
