"""The comment thread in Debian's Chromium: htmx swaps it in place, announces, keeps focus."""

import pytest

from raaderum.communication.models import Comment
from raaderum.test import PASSWORD, create_proposal

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def wait_for_focus(page, element_id, seconds=2.0):
    """Poll from Python: Playwright's wait_for_function evaluates strings, which our CSP forbids."""
    for _ in range(int(seconds / 0.05)):
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
        page.wait_for_timeout(50)
    assert page.evaluate("document.activeElement && document.activeElement.id") == element_id


def open_thread(browser, live_server, world, *, javascript=True):
    proposal = create_proposal(world.round, world.children, world.owner)
    context = browser.new_context(locale="da-DK", java_script_enabled=javascript)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Brugernavn").fill("ole")
    page.get_by_label("Adgangskode").fill(PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(f"{live_server.url}/")
    page.goto(f"{live_server.url}/proposals/{proposal.public_id}/comments/")
    return page, errors


def test_htmx_adds_the_comment_in_place_and_keeps_focus(browser, live_server, world):
    page, errors = open_thread(browser, live_server, world)
    url = page.url
    page.get_by_label("Din kommentar").fill("Tallene er opdateret.")
    page.get_by_role("button", name="Tilføj kommentar").click()
    page.get_by_text("Tallene er opdateret.", exact=True).wait_for()
    assert page.url == url  # no page load
    page.locator("#comments-status", has_text="Din kommentar er tilføjet.").wait_for()
    # htmx restores focus to the element with the same id when the swap settles.
    wait_for_focus(page, "comment-submit")
    assert page.get_by_label("Din kommentar").input_value() == ""

    page.get_by_role("button", name="Tilføj kommentar").click()
    page.get_by_text("Skriv en kommentar, før du sender den.").wait_for()
    # htmx moves focus to the [autofocus] field when it settles, just after the swap.
    wait_for_focus(page, "id_comment-text")
    assert "Kommentaren blev ikke tilføjet" in page.locator("#comments-status").inner_text()
    assert Comment.objects.count() == 1
    assert errors == []


def test_without_javascript_the_form_posts_and_returns_to_the_proposal(browser, live_server, world):
    page, _errors = open_thread(browser, live_server, world, javascript=False)
    page.get_by_label("Din kommentar").fill("Uden JavaScript.")
    page.get_by_role("button", name="Tilføj kommentar").click()
    page.wait_for_url("**/proposals/*/#comments")
    assert Comment.objects.get().text == "Uden JavaScript."
