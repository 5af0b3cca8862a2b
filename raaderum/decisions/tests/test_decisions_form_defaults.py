"""A rejected proposal may come back only when the council actively decides so."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from raaderum.decisions.models import Decision
from raaderum.decisions.tests.helpers import decide, publish
from raaderum.test import World

pytestmark = pytest.mark.django_db


def may_return_boxes(html: str) -> dict[str, bool]:
    """name of each "may be presented again" checkbox -> whether the page shows it ticked."""
    return {
        match.group("name"): " checked" in match.group(0)
        for match in re.finditer(r'<input[^>]*name="(?P<name>p\d+_may_return)"[^>]*>', html)
    }


def test_the_boxes_start_unticked_and_an_untouched_rejection_may_not_return(
    client: Client, world: World
) -> None:
    version = publish(world)
    client.force_login(world.budget_officer)
    url = reverse("decisions", args=[world.round.public_id])
    page = client.get(url).content.decode()
    assert may_return_boxes(page) == dict.fromkeys(
        ["p1_may_return", "p2_may_return", "p3_may_return", "p4_may_return"], False
    )
    # What the browser sends for that page with only the outcomes chosen: no box.
    data = {
        "version": version.number,
        "body": "Kommunalbestyrelsen",
        "date": "2026-10-08",
        "reference": "Budgetaftale 2027–2030 af 8. oktober 2026",
        "note": "",
    }
    for proposal in version.proposals.all():
        prefix = f"p{proposal.position}"
        data[f"{prefix}_outcome"] = "rejected"
        data[f"{prefix}_note"] = ""
        data[f"{prefix}_return_from_year"] = "2029"
    assert client.post(url, data).status_code == 302
    decisions = Decision.objects.filter(agreement__round=world.round)
    assert decisions.count() == 4
    assert not decisions.filter(may_return=True).exists()
    assert not decisions.exclude(return_from_year=None).exists()


def test_a_recorded_yes_stays_ticked_when_the_decisions_are_changed(
    client: Client, world: World
) -> None:
    version = publish(world)
    decide(
        world,
        version,
        {
            "BU-01": {"outcome": "adopted"},
            "BU-02": {"outcome": "rejected"},
            "BU-03": {"outcome": "rejected", "may_return": True, "return_from_year": 2029},
            "SU-01": {"outcome": "deferred"},
        },
    )
    client.force_login(world.budget_officer)
    page = client.get(reverse("decisions", args=[world.round.public_id])).content.decode()
    positions = {p.code: p.position for p in version.proposals.all()}
    boxes = may_return_boxes(page)
    assert boxes[f"p{positions['BU-03']}_may_return"] is True
    assert boxes[f"p{positions['BU-02']}_may_return"] is False
    assert boxes[f"p{positions['BU-01']}_may_return"] is False
