"""The demo's idea bank, strategy and evaluation: realistic, and loaded idempotently."""

import pytest
from django.urls import reverse

from raaderum.demo import load_demo
from raaderum.demo_evaluation import LESSONS
from raaderum.evaluation.models import Answer, Lesson, Participation, Response, RoundStrategy
from raaderum.ideabank.models import BankIdea, BankIdeaUse
from raaderum.organisation.models import User
from raaderum.proposals.models import ProposalType
from raaderum.rounds.models import BudgetRound

pytestmark = pytest.mark.django_db


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (BankIdea, BankIdeaUse, RoundStrategy, Response, Answer, Participation, Lesson)
    }


def test_the_demo_has_an_idea_bank_a_strategy_and_an_evaluation_with_lessons(client):
    result = load_demo()
    ideas = BankIdea.objects.all()
    assert ideas.count() == 40
    assert set(ideas.values_list("type", flat=True)) == set(ProposalType.values)
    assert ideas.values("source_name").distinct().count() == 4
    assert all("(eksempel)" in name for name in ideas.values_list("source_name", flat=True))
    for idea in ideas:
        idea.full_clean()
    assert not BankIdeaUse.objects.exists()
    strategy = RoundStrategy.objects.get(round=result.budget_round)
    assert len(strategy.ways) == 4
    assert Response.objects.count() == 6
    assert list(Lesson.objects.values_list("text", flat=True)) == LESSONS

    client.force_login(User.objects.get(username="laeser"))
    next_round = BudgetRound.objects.get(name="Budget 2028–2031")
    page = client.get(reverse("round_detail", args=[next_round.public_id])).content.decode()
    assert "Erfaringer fra sidste runde" in page
    assert "Tværgående forslag får en direktør som ejer fra start." in page
    search = client.get(reverse("ideabank") + "?q=hjemmepleje").content.decode()
    assert "Hverdagsrehabilitering før visitation til hjemmehjælp" in search


def test_loading_the_demo_again_changes_nothing():
    load_demo()
    before = counts()
    updated = dict(BankIdea.objects.values_list("external_id", "updated_at"))
    load_demo()
    assert counts() == before
    assert dict(BankIdea.objects.values_list("external_id", "updated_at")) == updated


def test_loading_again_restores_a_changed_bank_idea():
    load_demo()
    idea = BankIdea.objects.get(external_id="demo-bank-01")
    idea.title = "Ændret under en demo"
    idea.save()
    load_demo()
    idea.refresh_from_db()
    assert idea.title == "Færre vikartimer gennem fælles vikarkorps"
