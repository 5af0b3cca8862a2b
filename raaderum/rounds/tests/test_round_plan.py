from datetime import date

import pytest
import time_machine
from django.urls import reverse

from raaderum.rounds.models import Phase
from raaderum.test import create_proposal


def plan_data(**overrides):
    data = {"current_phase": "drafting"}
    data.update(overrides)
    return data


def test_the_budget_office_sets_phases_and_the_current_phase(client, world):
    client.force_login(world.budget_officer)
    url = reverse("round_plan", args=[world.round.public_id])
    response = client.post(
        url,
        plan_data(
            ideas_starts_on="2026-01-05",
            ideas_deadline="2026-02-01",
            drafting_starts_on="2026-02-02",
            drafting_deadline="2026-03-15",
        ),
    )
    assert response.status_code == 302
    phases = {p.kind: (p.starts_on, p.deadline) for p in Phase.objects.filter(round=world.round)}
    assert phases == {
        "ideas": (date(2026, 1, 5), date(2026, 2, 1)),
        "drafting": (date(2026, 2, 2), date(2026, 3, 15)),
    }
    world.round.refresh_from_db()
    assert world.round.current_phase == "drafting"
    assert world.round.deadlines() == {"ideas": date(2026, 2, 1), "drafting": date(2026, 3, 15)}


@pytest.mark.parametrize(
    ("fields", "error_field", "message"),
    [
        ({"ideas_starts_on": "2026-01-05"}, "ideas_deadline", "Angiv både start og frist"),
        (
            {"ideas_starts_on": "2026-02-05", "ideas_deadline": "2026-02-01"},
            "ideas_deadline",
            "Fristen skal ligge på eller efter starten.",
        ),
        (
            {"ideas_starts_on": "5/1", "ideas_deadline": "2026-02-01"},
            "ideas_starts_on",
            "gyldig dato",
        ),
    ],
)
def test_bad_dates_are_refused_at_the_field(client, world, fields, error_field, message):
    client.force_login(world.budget_officer)
    response = client.post(reverse("round_plan", args=[world.round.public_id]), plan_data(**fields))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[error_field])
    assert not Phase.objects.exists()


@time_machine.travel(date(2026, 3, 20))
def test_the_dashboard_shows_overdue_work_and_who_is_next(client, world):
    Phase.objects.create(
        round=world.round, kind="drafting", starts_on=date(2026, 2, 1), deadline=date(2026, 3, 15)
    )
    create_proposal(
        world.round,
        world.children,
        world.owner,
        title="Sent forslag",
        effects={(world.schools, 2027): -1_000},
    )
    create_proposal(
        world.round,
        world.children,
        world.owner,
        title="Til tjek",
        status="submitted",
        effects={(world.schools, 2027): -1_000},
    )
    client.force_login(world.owner)
    response = client.get(reverse("round_detail", args=[world.round.public_id]))
    dashboard = response.context["dashboard"]
    assert [todo.row.proposal.title for todo in dashboard.mine] == ["Sent forslag"]
    assert [todo.row.proposal.title for todo in dashboard.overdue] == ["Sent forslag"]
    people = {str(person): [t.step for t in todos] for person, todos in dashboard.by_person}
    assert people == {"Bente Testesen": ["sign_off"], "Ole Testesen": ["submit"]}
    html = response.content.decode()
    assert "overskredet" in html and "15. marts 2026" in html
