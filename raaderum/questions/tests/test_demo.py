"""The demo's questions and consultation: what they show, and loading twice adds nothing."""

import pytest
from django.utils import timezone

from raaderum.consultation.models import Answer, Consultation
from raaderum.demo import load_demo
from raaderum.questions.models import Question, QuestionStatus

pytestmark = pytest.mark.django_db


def test_the_demo_has_questions_in_every_state_and_an_open_consultation():
    loaded = load_demo()
    questions = Question.objects.filter(round=loaded.budget_round)
    today = timezone.localdate()
    assert questions.count() == 5
    assert sorted(questions.values_list("status", flat=True)) == sorted(
        [QuestionStatus.APPROVED] * 2 + [QuestionStatus.SUBMITTED] + [QuestionStatus.ASKED] * 2
    )
    assert questions.filter(public=True, status=QuestionStatus.APPROVED).count() == 1
    assert questions.overdue(today).count() == 1
    consultation = Consultation.objects.get(version__round=loaded.budget_round)
    assert consultation.is_open(today)
    answers = Answer.objects.filter(consultation=consultation)
    assert answers.count() == 30
    assert 5 < answers.filter(reached_target=True).count() < 25
    assert answers.filter(comment_hidden=True).count() == 1

    load_demo()
    assert Question.objects.count() == 5
    assert Consultation.objects.count() == 1
    assert Answer.objects.count() == 30
