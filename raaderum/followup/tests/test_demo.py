"""The demo's follow-up: last year's agreed round with a mix of assessments; loading twice
changes nothing."""

import pytest

from raaderum.demo import load_demo
from raaderum.followup.models import (
    Evidence,
    FollowUpCycle,
    Initiative,
    Milestone,
    Realisation,
)
from raaderum.followup.overview import build_overview
from raaderum.followup.progress import counts, cycle_rows
from raaderum.organisation.models import Role

pytestmark = pytest.mark.django_db


def state():
    return {
        "initiatives": sorted(Initiative.objects.values_list("pk", "version", "responsible_unit")),
        "milestones": Milestone.objects.count(),
        "realisations": sorted(Realisation.objects.values_list("pk", "state", "version")),
        "evidence": Evidence.objects.count(),
        "cycles": list(FollowUpCycle.objects.values_list("accounts_year", "entry_deadline")),
    }


def test_the_demo_follows_up_last_years_agreement():
    result = load_demo()
    initiatives = Initiative.objects.filter(municipality=result.municipality)
    assert initiatives.count() == 8
    assert Milestone.objects.count() == 8 * 3
    cycle = FollowUpCycle.objects.get(municipality=result.municipality)
    assert cycle.accounts_year == 2026
    rows = cycle_rows(cycle)
    assert [(key, count) for key, _label, count in counts(rows)] == [
        ("missing", 1),
        ("entered", 2),  # started, and sent back
        ("submitted", 1),
        ("approved", 4),
    ]
    statuses = set(Realisation.objects.filter(state="approved").values_list("status", flat=True))
    assert {"exceeded", "not_realised"} <= statuses
    overview = build_overview(result.municipality, role=Role.BUDGET_OFFICE)
    assert overview.total.realised == 1_650_000 + 450_000 + 1_000_000 + 0
    assert overview.percent == 89  # 3.100.000 of 3.500.000
    assert Evidence.objects.count() == 1

    before = state()
    load_demo()
    assert state() == before
