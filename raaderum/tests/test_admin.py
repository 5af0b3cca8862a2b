import pytest
from django.urls import reverse

from raaderum.test import create_proposal


def test_only_superusers_reach_the_admin(client, world):
    world.budget_officer.is_staff = True
    world.budget_officer.save()
    client.force_login(world.budget_officer)
    assert client.get(reverse("admin:index")).status_code == 302  # to the admin login
    world.budget_officer.is_superuser = True
    world.budget_officer.save()
    assert client.get(reverse("admin:index")).status_code == 200


@pytest.mark.parametrize(
    "page",
    [
        "admin:organisation_municipality_changelist",
        "admin:organisation_committee_changelist",
        "admin:organisation_servicearea_changelist",
        "admin:organisation_user_changelist",
        "admin:rounds_budgetround_changelist",
        "admin:proposals_proposal_changelist",
    ],
)
def test_the_admin_pages_open_in_danish(admin_client, world, page):
    response = admin_client.get(reverse(page))
    assert response.status_code == 200
    assert '<html lang="da"' in response.content.decode()


def test_the_admin_cannot_move_a_round_away_from_its_effects(admin_client, world):
    create_proposal(world.round, world.children, world.owner, effects={(world.schools, 2027): -1})
    url = reverse("admin:rounds_budgetround_change", args=[world.round.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update({"budget_year": "2030", "full_effect_year": "2031"})
    data.update(
        {
            "year_targets-TOTAL_FORMS": "0",
            "year_targets-INITIAL_FORMS": "0",
            "year_targets-MIN_NUM_FORMS": "0",
            "year_targets-MAX_NUM_FORMS": "1000",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "Perioden kan ikke flyttes" in response.content.decode()
    world.round.refresh_from_db()
    assert world.round.budget_year == 2027


def test_an_admin_edit_bumps_the_version(admin_client, world):
    proposal = create_proposal(world.round, world.children, world.owner)
    url = reverse("admin:proposals_proposal_change", args=[proposal.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {}
    for name in form.fields:
        value = form[name].value()
        data[name] = value if value is not None else ""
    data["contributors"] = []
    data["title"] = "Ændret i admin"
    for prefix in ("effects", "staff_effects"):
        data.update(
            {
                f"{prefix}-TOTAL_FORMS": "0",
                f"{prefix}-INITIAL_FORMS": "0",
                f"{prefix}-MIN_NUM_FORMS": "0",
                f"{prefix}-MAX_NUM_FORMS": "0",
            }
        )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    proposal.refresh_from_db()
    assert (proposal.title, proposal.version) == ("Ændret i admin", 2)
