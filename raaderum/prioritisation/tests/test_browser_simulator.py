"""The simulator in Debian's Chromium: keyboard only, without JavaScript, and the back button."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest
from django.urls import reverse

from raaderum.prioritisation.models import Scenario
from raaderum.prioritisation.tests.helpers import publish_catalog

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def simulator_url(live_server, version):
    return live_server.url + reverse("simulator", args=[version.round.public_id, version.number])


def totals_2028(page):
    """The råderum of the chosen proposals in 2028 (t.kr.), as the totals table shows it."""
    return page.locator(".target-table tbody tr").first.locator("td").nth(1).inner_text()


def test_keyboard_only_tab_to_a_checkbox_and_space_ticks_it(page, live_server, world, log_in):
    version = publish_catalog(world).version
    log_in(page, "pia")
    page.goto(simulator_url(live_server, version))
    assert totals_2028(page) == "0"
    checkbox = page.get_by_label("BU-01 Større klasser")
    for _ in range(60):
        page.keyboard.press("Tab")
        if checkbox.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the checkbox of BU-01")
    with page.expect_request(lambda request: "/simulator/totals/" in request.url) as toggle:
        page.keyboard.press("Space")
    # One field with the ticked codes, a code a line (raaderum.js), posted with the CSRF token.
    posted = parse_qs(toggle.value.post_data)
    assert posted["chosen"] == ["BU-01"]
    assert posted["csrfmiddlewaretoken"]
    live = page.locator("#simulator-announcement")
    expected = "1 forslag valgt. Råderum 2028: 12.345.678 kr., mangler 17.654.322 kr."
    live.filter(has_text=expected).wait_for()
    assert checkbox.is_checked()
    assert totals_2028(page) == "12.346"
    assert live.get_attribute("role") == "status"
    assert "BU-01 Større klasser" in page.locator(".consequences").text_content()
    # The keyboard stays where it was.
    assert checkbox.evaluate("element => element === document.activeElement")
    # The address does not grow with the ticks.
    assert page.url == simulator_url(live_server, version)


def test_without_javascript_calculate_posts_the_ticks_and_shows_the_totals(
    browser, live_server, world, log_in
):
    version = publish_catalog(world).version
    context = browser.new_context(locale="da-DK", java_script_enabled=False)
    page = context.new_page()
    try:
        log_in(page, "pia")
        page.goto(simulator_url(live_server, version))
        page.get_by_label("BU-02 Færre vikarer").check()
        page.get_by_label("SU-02 Færre pladser").check()
        page.get_by_role("button", name="Beregn").click()
        page.get_by_text("2 forslag valgt.").first.wait_for()
        assert page.url == simulator_url(live_server, version)
        assert totals_2028(page) == "20.000"
        assert page.get_by_label("BU-02 Færre vikarer").is_checked()
        assert not page.get_by_label("BU-01 Større klasser").is_checked()
        # Saving needs no JavaScript either: Enter in the name field saves the ticked ones.
        page.get_by_label("Scenariets navn").fill("Uden lukning")
        page.get_by_label("Scenariets navn").press("Enter")
        page.get_by_role("heading", name="Scenarie: Uden lukning").wait_for()
    finally:
        context.close()
    scenario = Scenario.objects.get()
    assert sorted(p.code for p in scenario.proposals.all()) == ["BU-02", "SU-02"]


def test_back_to_the_simulator_shows_the_totals_of_what_is_ticked(page, live_server, world, log_in):
    version = publish_catalog(world).version
    log_in(page, "pia")
    page.goto(simulator_url(live_server, version))
    live = page.locator("#simulator-announcement")
    page.get_by_label("BU-02 Færre vikarer").check()
    live.filter(has_text="1 forslag valgt.").wait_for()
    with page.expect_request(lambda request: "/simulator/totals/" in request.url) as toggle:
        page.get_by_label("SU-02 Færre pladser").check()
    assert parse_qs(toggle.value.post_data)["chosen"] == ["BU-02\nSU-02"]
    live.filter(has_text="2 forslag valgt.").wait_for()
    page.get_by_role("link", name="Gemte scenarier").click()
    page.get_by_role("heading", name="Scenarier – katalogversion 1").wait_for()
    page.go_back()
    page.get_by_label("SU-02 Færre pladser").wait_for()
    # Chromium loads the page again and restores the ticks; the totals must follow them (the
    # page came with none ticked, so raaderum.js asks for them).
    assert page.get_by_label("BU-02 Færre vikarer").is_checked()
    assert page.get_by_label("SU-02 Færre pladser").is_checked()
    assert not page.get_by_label("BU-01 Større klasser").is_checked()
    live.filter(has_text="2 forslag valgt.").wait_for()
    assert totals_2028(page) == "20.000"
