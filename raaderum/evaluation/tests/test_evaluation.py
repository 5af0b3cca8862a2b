"""Setting up an evaluation, answering it once and anonymously, the summary, and the lessons
that the next round shows."""

from datetime import date, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from raaderum.evaluation.actions import QuestionData, do_answer_evaluation, do_save_evaluation
from raaderum.evaluation.lessons import previous_rounds
from raaderum.evaluation.models import Answer, Evaluation, Lesson, Participation, Response
from raaderum.organisation.models import User
from raaderum.test import create_round

pytestmark = pytest.mark.django_db

TODAY = date(2027, 11, 15)


@pytest.fixture(autouse=True)
def pinned_clock():
    with time_machine.travel("2027-11-15 10:00 +01:00", tick=False):
        yield


def management(total, initial):
    return {
        "questions-TOTAL_FORMS": str(total),
        "questions-INITIAL_FORMS": str(initial),
        "questions-MIN_NUM_FORMS": "0",
        "questions-MAX_NUM_FORMS": "1000",
    }


def create_evaluation(world, *, opens_on=TODAY - timedelta(days=1), closes_on=TODAY):
    return do_save_evaluation(
        world.round,
        {"introduction": "Hjælp os.", "opens_on": opens_on, "closes_on": closes_on},
        [
            QuestionData(None, "Målet var tydeligt.", "scale", "Uenig", "Enig", None),
            QuestionData(None, "Hvad skal vi gøre anderledes?", "text", "", "", None),
        ],
        [],
        user=world.budget_officer,
    )


def answer(evaluation, user, value, text=""):
    first, second = evaluation.questions.all()
    do_answer_evaluation(evaluation, {first.pk: (value, ""), second.pk: (None, text)}, user=user)


def test_a_first_evaluation_suggests_questions_the_budget_office_may_keep(client, world):
    client.force_login(world.budget_officer)
    html = client.get(reverse("evaluation_edit", args=[world.round.public_id])).content.decode()
    assert 'value="Formålet med runden og målet var tydeligt."' in html
    assert 'value="Uenig"' in html and 'value="Enig"' in html
    response = client.post(
        reverse("evaluation_edit", args=[world.round.public_id]),
        {
            "introduction": "Fem minutter.",
            "opens_on": "2027-11-15",
            "closes_on": "30-11-2027",
            **management(3, 0),
            "questions-0-text": "Var rollerne klare?",
            "questions-0-kind": "scale",
            "questions-0-low_label": "Slet ikke",
            "questions-0-high_label": "Helt",
            "questions-1-text": "Hvad gik godt?",
            "questions-1-kind": "text",
            "questions-2-text": "",
        },
    )
    assert response.status_code == 302
    evaluation = Evaluation.objects.get()
    assert (evaluation.opens_on, evaluation.closes_on) == (TODAY, date(2027, 11, 30))
    assert [(q.text, q.kind, q.position) for q in evaluation.questions.all()] == [
        ("Var rollerne klare?", "scale", 1),
        ("Hvad gik godt?", "text", 2),
    ]


def test_errors_are_danish_and_nothing_is_saved(client, world):
    client.force_login(world.budget_officer)
    response = client.post(
        reverse("evaluation_edit", args=[world.round.public_id]),
        {
            "introduction": "",
            "opens_on": "2027-11-30",
            "closes_on": "2027-11-01",
            **management(1, 0),
            "questions-0-text": "Et spørgsmål uden svartype",
            "questions-0-kind": "",
        },
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "Den sidste dag skal være samme dag som den første eller senere." in html
    assert "Vælg, om svaret er en skala eller fri tekst." in html
    assert 'value="Et spørgsmål uden svartype"' in html
    assert not Evaluation.objects.exists()


def test_once_someone_has_answered_the_questions_are_fixed_but_the_dates_are_not(client, world):
    evaluation = create_evaluation(world)
    answer(evaluation, world.reader, 4)
    client.force_login(world.budget_officer)
    url = reverse("evaluation_edit", args=[world.round.public_id])
    assert "Der er kommet svar, så spørgsmålene kan ikke længere ændres." in (
        client.get(url).content.decode()
    )
    client.post(
        url,
        {
            "introduction": "Hjælp os.",
            "opens_on": "2027-11-14",
            "closes_on": "2027-12-01",
            **management(1, 1),
            "questions-0-id": str(evaluation.questions.first().pk),
            "questions-0-text": "Ændret",
            "questions-0-kind": "text",
        },
    )
    evaluation.refresh_from_db()
    assert evaluation.closes_on == date(2027, 12, 1)
    assert evaluation.questions.first().text == "Målet var tydeligt."


def test_a_member_answers_once_and_the_answer_does_not_say_who(client, world):
    evaluation = create_evaluation(world)
    url = reverse("evaluation_answer", args=[world.round.public_id])
    client.force_login(world.politician)
    html = client.get(url).content.decode()
    assert "Dine svar er anonyme" in html and "1 – Uenig" in html and "5 – Enig" in html
    first, second = evaluation.questions.all()
    response = client.post(url, {f"q{first.pk}": "4", f"q{second.pk}": "Mere tid til beregninger."})
    assert response.status_code == 302
    assert "Tak. Dine svar er gemt anonymt." in client.get(url).content.decode()
    assert list(Participation.objects.values_list("user__username", flat=True)) == ["pia"]
    response_row = Response.objects.get()
    assert [f.name for f in Response._meta.get_fields() if f.concrete] == ["id", "evaluation"]
    assert sorted(Answer.objects.values_list("scale_value", "text"), key=str) == [
        (4, ""),
        (None, "Mere tid til beregninger."),
    ]
    assert {a.response_id for a in Answer.objects.all()} == {response_row.id}
    # Nobody answers twice, not even by posting again.
    again = client.post(url, {f"q{first.pk}": "1"})
    assert again.status_code == 409
    assert Response.objects.count() == 1
    assert "Tak, du har svaret på evalueringen." in again.content.decode()


def test_answering_records_no_event_and_no_time(client, world):
    from raaderum.communication.models import Event

    evaluation = create_evaluation(world)
    events = Event.objects.count()
    with CaptureQueriesContext(connection) as queries:
        answer(evaluation, world.owner, 3, "Godt")
    assert Event.objects.count() == events
    inserts = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("INSERT")]
    assert len(inserts) == 3  # participation, response, answers
    response_insert = next(sql for sql in inserts if "evaluation_response" in sql)
    assert "user" not in response_insert and "_at" not in response_insert


def test_a_race_to_answer_twice_saves_one_answer(world):
    from raaderum.evaluation.actions import AlreadyAnswered

    evaluation = create_evaluation(world)
    answer(evaluation, world.owner, 3)
    with pytest.raises(AlreadyAnswered):
        answer(evaluation, world.owner, 5)
    assert Response.objects.count() == 1 and Answer.objects.filter(scale_value=5).count() == 0


def test_at_least_one_answer_is_needed(client, world):
    create_evaluation(world)
    client.force_login(world.owner)
    response = client.post(reverse("evaluation_answer", args=[world.round.public_id]), {})
    assert response.status_code == 422
    assert "Svar på mindst ét spørgsmål, før du sender dine svar." in response.content.decode()
    assert not Participation.objects.exists()


@pytest.mark.parametrize(
    ("opens", "closes", "message"),
    [
        (
            TODAY + timedelta(days=1),
            TODAY + timedelta(days=5),
            "Evalueringen åbner 16. november 2027.",
        ),
        (
            TODAY - timedelta(days=5),
            TODAY - timedelta(days=1),
            "Evalueringen lukkede 14. november 2027.",
        ),
    ],
)
def test_nobody_answers_before_it_opens_or_after_it_closes(client, world, opens, closes, message):
    evaluation = create_evaluation(world, opens_on=opens, closes_on=closes)
    client.force_login(world.owner)
    url = reverse("evaluation_answer", args=[world.round.public_id])
    assert message in client.get(url).content.decode()
    first = evaluation.questions.first()
    assert client.post(url, {f"q{first.pk}": "3"}).status_code == 409
    assert not Response.objects.exists()


def test_another_municipality_cannot_answer(client, world):
    evaluation = create_evaluation(world)
    client.force_login(world.outsider)
    first = evaluation.questions.first()
    url = reverse("evaluation_answer", args=[world.round.public_id])
    assert client.post(url, {f"q{first.pk}": "3"}).status_code == 404
    assert not Response.objects.exists()


def test_the_summary_waits_for_three_answers_then_counts_means_and_free_texts(client, world):
    evaluation = create_evaluation(world)
    url = reverse("evaluation_summary", args=[world.round.public_id])
    client.force_login(world.budget_officer)
    answer(evaluation, world.owner, 4, "Tidligere screening.")
    answer(evaluation, world.director, 3, "")
    html = client.get(url).content.decode()
    assert "2 af kommunens 6 medlemmer har svaret (33 %)." in html
    assert "Svarene vises, når mindst 3 har svaret" in html
    assert "Tidligere screening." not in html
    answer(evaluation, world.politician, 4, "Klarere sprog.")
    html = client.get(url).content.decode()
    assert "3 af kommunens 6 medlemmer har svaret (50 %)." in html
    assert "Gennemsnit 3,7 (3 svar)." in html
    assert '<td class="amount">2</td><td class="amount">67 %</td>' in html
    assert "Tidligere screening." in html and "Klarere sprog." in html


def test_the_summary_is_for_the_budget_office(client, world):
    create_evaluation(world)
    client.force_login(world.director)
    assert (
        client.get(reverse("evaluation_summary", args=[world.round.public_id])).status_code == 403
    )


def test_lessons_are_written_one_per_line_and_shown_on_the_next_round(client, world):
    evaluation = create_evaluation(world)
    client.force_login(world.budget_officer)
    response = client.post(
        reverse("evaluation_lessons", args=[world.round.public_id]),
        {"lessons": "Screen idéerne tidligt.\n\n  Tværgående forslag får en direktør.  \n"},
    )
    assert response["Location"] == reverse("evaluation_summary", args=[world.round.public_id])
    assert list(evaluation.lessons.values_list("text", "position")) == [
        ("Screen idéerne tidligt.", 1),
        ("Tværgående forslag får en direktør.", 2),
    ]
    later = create_round(
        world.municipality, name="Budget 2028–2031", budget_year=2028, full_effect_year=2029
    )
    client.force_login(world.politician)
    html = client.get(reverse("round_detail", args=[later.public_id])).content.decode()
    assert "Erfaringer fra sidste runde" in html
    assert "Screen idéerne tidligt." in html and "Tværgående forslag får en direktør." in html
    # Not on the round itself, nor on another municipality's round.
    own = client.get(reverse("round_detail", args=[world.round.public_id])).content.decode()
    assert "Erfaringer fra sidste runde" not in own
    assert Lesson.objects.count() == 2


def test_too_many_or_too_long_lessons_are_refused_in_danish(client, world):
    create_evaluation(world)
    client.force_login(world.budget_officer)
    url = reverse("evaluation_lessons", args=[world.round.public_id])
    response = client.post(url, {"lessons": "\n".join(f"Erfaring {n}" for n in range(21))})
    assert "Skriv højst 20 erfaringer." in response.content.decode()
    response = client.post(url, {"lessons": "Kort\n" + "x" * 1001})
    assert "En erfaring må højst have 1000 tegn. Gør linje 2 kortere." in response.content.decode()
    assert not Lesson.objects.exists()


def test_the_previous_round_is_the_nearest_earlier_year_of_the_same_municipality(world):
    older = create_round(
        world.municipality, name="Budget 2025", budget_year=2025, full_effect_year=2026
    )
    later = create_round(
        world.municipality, name="Budget 2028", budget_year=2028, full_effect_year=2029
    )
    also_2027 = create_round(
        world.municipality, name="Ekstra 2027", budget_year=2027, full_effect_year=2028
    )
    assert set(previous_rounds(later)) == {world.round, also_2027}
    assert previous_rounds(world.round) == [older]
    assert previous_rounds(older) == []
    assert previous_rounds(world.other_round) == []  # the other municipality has no earlier one


def test_a_round_started_from_another_shows_that_ones_lessons(world):
    """ "Start the next round" leaves CarryOver records: they decide, not the budget year."""
    from raaderum.decisions.models import CarryOver, Decision
    from raaderum.decisions.tests.helpers import decide, publish
    from raaderum.test import create_proposal

    version = publish(world)
    decide(
        world,
        version,
        {code: {"outcome": "deferred"} for code in ("BU-01", "BU-02", "BU-03", "SU-01")},
    )
    newer = create_round(
        world.municipality, name="Budget 2026", budget_year=2026, full_effect_year=2027
    )
    later = create_round(
        world.municipality, name="Budget 2029", budget_year=2029, full_effect_year=2030
    )
    copy = create_proposal(later, world.children, world.owner, title="Kopi")
    original = world.round.proposals.get(title="Færre vikarer")
    fields = {f.name for f in CarryOver._meta.concrete_fields}
    prices: dict[str, object] = (
        {"price_index": "1.0000"}
        if "price_index" in fields
        else {"from_price_level": 2027, "to_price_level": 2029, "price_steps": []}
    )
    CarryOver.objects.create(
        proposal=copy,
        original=original,
        decision=Decision.objects.get(published__version=version, published__code="BU-01"),
        by=world.budget_officer,
        **prices,
    )
    assert newer.budget_year < later.budget_year  # the nearest earlier year is not chosen
    assert previous_rounds(later) == [world.round]


def test_every_member_counts_as_a_participant(world):
    # The denominator of the response rate: every member of the municipality, every role.
    assert User.objects.filter(memberships__municipality=world.municipality).count() == 6


def test_an_existing_question_is_deleted_not_emptied(client, world):
    evaluation = create_evaluation(world)
    first, second = evaluation.questions.all()
    client.force_login(world.budget_officer)
    url = reverse("evaluation_edit", args=[world.round.public_id])
    data = {
        "introduction": "",
        "opens_on": "2027-11-14",
        "closes_on": "2027-11-15",
        **management(2, 2),
        "questions-0-id": str(first.pk),
        "questions-0-text": "",
        "questions-0-kind": "scale",
        "questions-1-id": str(second.pk),
        "questions-1-text": second.text,
        "questions-1-kind": "text",
    }
    response = client.post(url, data)
    assert "Skriv spørgsmålet, eller vælg at slette det." in response.content.decode()
    client.post(url, {**data, "questions-0-DELETE": "delete"})
    assert list(evaluation.questions.values_list("text", flat=True)) == [second.text]
