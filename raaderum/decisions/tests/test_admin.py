from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from raaderum.decisions.models import BudgetAgreement, CarryOver, DecisionSettings
from raaderum.decisions.tests.helpers import decide, publish
from raaderum.decisions.tests.test_decisions_view import start_next_round
from raaderum.test import World

pytestmark = pytest.mark.django_db

OUTCOMES: dict[str, dict[str, Any]] = {
    "BU-01": {"outcome": "deferred"},
    "BU-02": {"outcome": "adopted"},
    "BU-03": {"outcome": "rejected"},
    "SU-01": {"outcome": "adopted"},
}


@pytest.fixture
def recorded(client: Client, world: World) -> BudgetAgreement:
    agreement = decide(world, publish(world), OUTCOMES)
    DecisionSettings.objects.create(municipality=world.municipality, cooling_off_rounds=2)
    client.force_login(world.budget_officer)
    start_next_round(client, world)
    return agreement


@pytest.mark.parametrize(
    "model", ["budgetagreement", "decisionsettings", "carryover", "coolingoffoverride"]
)
def test_each_model_has_an_admin_list(admin_client: Client, recorded: Any, model: str) -> None:
    response = admin_client.get(reverse(f"admin:decisions_{model}_changelist"))
    assert response.status_code == 200


def test_the_agreement_shows_its_decisions_inline(
    admin_client: Client, recorded: BudgetAgreement
) -> None:
    response = admin_client.get(
        reverse("admin:decisions_budgetagreement_change", args=[recorded.pk])
    )
    assert response.status_code == 200
    html = response.content.decode()
    for code in OUTCOMES:
        assert code in html


def test_carried_over_proposals_are_read_only_in_the_admin(
    admin_client: Client, recorded: Any
) -> None:
    carry = CarryOver.objects.get(original__title="Færre vikarer")
    change = reverse("admin:decisions_carryover_change", args=[carry.pk])
    assert admin_client.get(change).status_code == 200  # viewable
    response = admin_client.post(change, {"reason": "Omskrevet"})
    assert response.status_code == 403
    delete = reverse("admin:decisions_carryover_delete", args=[carry.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    assert admin_client.get(reverse("admin:decisions_carryover_add")).status_code == 403
    carry.refresh_from_db()
    assert carry.reason == ""
