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
