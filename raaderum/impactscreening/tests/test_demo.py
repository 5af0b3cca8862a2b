"""The demo's screening: the defaults, declared answers, and nothing new on a second load."""

import pytest

from raaderum.impactscreening.demo import load_impact_screening
from raaderum.impactscreening.models import ImpactAssessment
from raaderum.test import create_proposal

pytestmark = pytest.mark.django_db


def test_the_demo_answers_once_and_a_second_load_changes_nothing(world):
    led = create_proposal(world.round, world.children, world.owner, title="LED i alle gadelamper")
    other = create_proposal(world.round, world.social, world.owner, title="Noget helt andet")
    load_impact_screening(world.municipality, world.round, world.budget_officer)
    answers = {
        (a.proposal.title, a.question.title): (a.score, a.text)
        for a in ImpactAssessment.objects.select_related("proposal", "question")
    }
    assert answers == {
        (led.title, "Klima"): (2, "Elforbruget til gadelys falder med ca. 60 %."),
        (other.title, "Klima"): (0, ""),
    }
    history = ImpactAssessment.history.count()
    load_impact_screening(world.municipality, world.round, world.budget_officer)
    assert ImpactAssessment.history.count() == history == 2
