from django.urls import reverse

from raaderum.ideas.actions import do_save_assessment
from raaderum.ideas.models import ScreeningCriterion, ScreeningRules
from raaderum.ideas.tests.helpers import create_citizen_idea


def test_every_ideas_model_has_an_admin_page(client, world, django_user_model):
    idea = create_citizen_idea(world.round)
    do_save_assessment(idea, {"note": "Ok"}, {}, user=world.budget_officer)
    ScreeningRules.objects.create(round=world.round, min_amount=1)
    ScreeningCriterion.objects.create(round=world.round, text="Kriterium")
    admin = django_user_model.objects.create_superuser("admin", password="x")
    client.force_login(admin)
    for model in ("idea", "assessment", "screeningrules", "screeningcriterion"):
        response = client.get(reverse(f"admin:ideas_{model}_changelist"))
        assert response.status_code == 200, model
    response = client.get(reverse("admin:ideas_idea_change", args=[idea.pk]))
    assert response.status_code == 200
    assert "Sluk gadelyset om natten" in response.content.decode()


def _change_data(idea, **overrides):
    data = {
        "round": str(idea.round_id),
        "title": idea.title,
        "description": idea.description,
        "origin": idea.origin,
        "party_name": "",
        "submitted_by": "",
        "submitter_name": idea.submitter_name,
        "submitter_email": idea.submitter_email,
        "committee": "",
        "estimated_amount": "",
        "rejection_reason": "",
    }
    data.update(overrides)
    return data


def test_the_admin_cannot_move_an_idea_to_another_municipality(client, world, django_user_model):
    idea = create_citizen_idea(world.round)
    admin = django_user_model.objects.create_superuser("admin", password="x")
    client.force_login(admin)
    change = reverse("admin:ideas_idea_change", args=[idea.pk])
    html = client.get(change).content.decode()
    assert 'name="round"' not in html
    assert world.other_area.committee.name not in html
    response = client.post(
        change,
        _change_data(
            idea, round=str(world.other_round.pk), committee=str(world.other_area.committee.pk)
        ),
    )
    assert response.status_code == 200  # the foreign committee is not a valid choice
    idea.refresh_from_db()
    assert (idea.round_id, idea.committee_id) == (world.round.pk, None)
    response = client.post(
        change,
        _change_data(idea, round=str(world.other_round.pk), committee=str(world.children.pk)),
    )
    assert response.status_code == 302
    idea.refresh_from_db()
    assert (idea.round_id, idea.committee_id) == (world.round.pk, world.children.pk)


def test_ideas_cannot_be_added_in_the_admin(client, world, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", password="x")
    client.force_login(admin)
    assert client.get(reverse("admin:ideas_idea_add")).status_code == 403
