"""End to end in Debian's Chromium: find an idea in the bank and use it in the round; answer the
round's evaluation with the design system's radio buttons."""

from datetime import timedelta

import pytest
from django.utils import timezone

from raaderum.evaluation.actions import QuestionData, do_save_evaluation
from raaderum.evaluation.models import Response
from raaderum.ideabank.tests.helpers import create_bank_idea
from raaderum.ideas.models import Idea
from raaderum.rounds.models import PhaseKind

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_idea_found_in_the_bank_is_used_in_the_round(page, live_server, world, log_in):
    world.round.current_phase = PhaseKind.IDEAS
    world.round.save(update_fields=["current_phase"])
    create_bank_idea(
        world.other_municipality,
        world.outsider,
        title="Skærmbesøg i hjemmeplejen",
        service_area="Ældreområdet",
        source_name="Syddjurs Kommune",
        tags=["velfærdsteknologi"],
    )
    create_bank_idea(world.other_municipality, world.outsider, title="Slukket gadelys om natten")
    log_in(page, "ole")
    page.goto(f"{live_server.url}/rounds/{world.round.public_id}/")
    page.get_by_role("link", name="Find idéer fra andre kommuner i idébanken").click()
    page.get_by_label("Søg", exact=True).fill("hjemmeplejen")
    page.get_by_role("button", name="Søg", exact=True).click()
    page.get_by_text("1 idé passer.").wait_for()
    page.get_by_role("link", name="Skærmbesøg i hjemmeplejen").click()
    page.get_by_label("Budgetrunde").select_option(label="Budget 2027–2030")
    page.get_by_role("button", name="Brug idéen").click()
    page.get_by_text("Idéen er kommet med blandt idéerne i Budget 2027–2030.").wait_for()
    page.get_by_text("Fra idébanken, en idé fra Syddjurs Kommune:").wait_for()
    assert Idea.objects.get().origin == "idea_bank"


def test_the_evaluation_is_answered_with_the_radio_buttons(page, live_server, world, log_in):
    today = timezone.localdate()
    do_save_evaluation(
        world.round,
        {"introduction": "", "opens_on": today, "closes_on": today + timedelta(days=7)},
        [
            QuestionData(None, "Målet var tydeligt.", "scale", "Uenig", "Enig", None),
            QuestionData(None, "Hvad skal vi gøre anderledes?", "text", "", "", None),
        ],
        [],
        user=world.budget_officer,
    )
    log_in(page, "pia")
    page.goto(f"{live_server.url}/rounds/{world.round.public_id}/")
    page.get_by_role("link", name="Svar på evalueringen").click()
    page.get_by_label("5 – Enig").check()
    page.get_by_label("2. Hvad skal vi gøre anderledes?").fill("Tidligere frister.")
    page.get_by_role("button", name="Send mine svar").click()
    page.get_by_text("Tak. Dine svar er gemt anonymt.").wait_for()
    assert Response.objects.get().answers.count() == 2
