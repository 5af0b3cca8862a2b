"""The budget office opens and changes a consultation; the summary, hidden comments, exports."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from raaderum.communication.models import Event
from raaderum.consultation import tokens
from raaderum.consultation.actions import do_submit_answer
from raaderum.consultation.models import Answer, Consultation

pytestmark = pytest.mark.django_db


def give(consultation, codes, comment=""):
    return do_submit_answer(
        consultation,
        codes=codes,
        comment=comment,
        token=tokens.redeem_token(consultation, tokens.issue_token(consultation)) or "",
        today=timezone.localdate(),
    )


@pytest.fixture
def answers(consultation):
    give(consultation, ["BU-01", "BU-02", "SU-01"], "Skån ældreområdet.")
    give(consultation, ["SU-01", "SU-02"], "Idiot!")
    give(consultation, ["SU-01"])
    return consultation


def test_the_form_proposes_all_proposals_and_the_frozen_target(client, world, catalog):
    client.force_login(world.budget_officer)
    response = client.get(reverse("consultation_create", args=[world.round.public_id]))
    form = response.context["form"]
    assert len(form.initial["proposals"]) == 4
    assert form.initial["target_2028"] == 30_000_000 and form.initial["target_2027"] == 0
    html = response.content.decode()
    assert 'value="30.000"' in html  # typed in 1.000 kr.
    assert "Hjælp os med at prioritere i budgettet 2027–2030" in html


def test_the_budget_office_opens_a_consultation(client, world, catalog):
    today = timezone.localdate()
    client.force_login(world.budget_officer)
    response = client.post(
        reverse("consultation_create", args=[world.round.public_id]),
        {
            "version": "1",
            "title": "Hvor skal vi spare?",
            "intro": "Vælg selv.",
            "opens_on": today.isoformat(),
            "closes_on": (today + timedelta(days=14)).isoformat(),
            "answers_per_address": "150",
            "proposals": [p.pk for p in catalog.version.proposals.exclude(code="SU-02")],
            "target_2027": "0",
            "target_2028": "25.000",
            "target_2029": "30.000",
            "target_2030": "30.000",
        },
    )
    consultation = Consultation.objects.get()
    assert response.status_code == 302
    assert consultation.target_by_year() == {
        2027: 0,
        2028: 25_000_000,
        2029: 30_000_000,
        2030: 30_000_000,
    }
    assert sorted(consultation.proposals.values_list("code", flat=True)) == [
        "BU-01",
        "BU-02",
        "SU-01",
    ]
    assert consultation.answers_per_address == 150
    assert Event.objects.get(verb="consultation_opened").text.startswith(
        "Bente Testesen oprettede borgerhøringen »Hvor skal vi spare?« om udgave 1 af kataloget"
    )


def test_closing_before_opening_is_refused(client, world, catalog):
    today = timezone.localdate()
    client.force_login(world.budget_officer)
    response = client.post(
        reverse("consultation_create", args=[world.round.public_id]),
        {
            "title": "Forkert",
            "opens_on": today.isoformat(),
            "closes_on": (today - timedelta(days=1)).isoformat(),
            "answers_per_address": "0",
            "proposals": [catalog.version.proposals.first().pk],
            **{f"target_{y}": "0" for y in (2027, 2028, 2029, 2030)},
        },
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "Høringen skal lukke samme dag eller efter, den åbner." in html
    assert "Tillad mindst 1 svar." in html
    assert 'value="Forkert"' in html  # what was typed is kept
    assert not Consultation.objects.exists()


def test_without_a_published_catalog_there_is_nothing_to_consult_on(client, world):
    client.force_login(world.budget_officer)
    response = client.get(reverse("consultation_create", args=[world.round.public_id]), follow=True)
    assert "Offentliggør kataloget, før du opretter en borgerhøring." in response.content.decode()


def test_after_the_first_answer_proposals_and_target_are_locked(client, world, answers):
    consultation = answers
    client.force_login(world.budget_officer)
    url = reverse("consultation_edit", args=[consultation.public_id])
    response = client.post(
        url,
        {
            "title": "Ny titel",
            "intro": "",
            "opens_on": consultation.opens_on.isoformat(),
            "closes_on": consultation.closes_on.isoformat(),
            "answers_per_address": "200",
            "proposals": [],  # disabled: the stored choice is kept
            **{f"target_{y}": "1" for y in (2027, 2028, 2029, 2030)},
        },
    )
    assert response.status_code == 302
    consultation.refresh_from_db()
    assert consultation.title == "Ny titel"
    assert consultation.answers_per_address == 200  # a citizen meeting may still be planned
    assert consultation.proposals.count() == 4
    assert consultation.target_by_year()[2028] == 30_000_000


def test_the_summary_counts_each_proposal_and_the_answers_reaching_the_target(
    client, world, answers
):
    client.force_login(world.politician)
    response = client.get(reverse("consultation_detail", args=[answers.public_id]))
    summary = response.context["summary"]
    assert (summary.answers, summary.reached_target) == (3, 2)
    assert [(r.proposal.code, r.count, str(r.share)) for r in summary.rows] == [
        ("SU-01", 3, "100.0"),
        ("BU-01", 1, "33.3"),
        ("BU-02", 1, "33.3"),
        ("SU-02", 1, "33.3"),
    ]
    html = response.content.decode()
    assert "3 svar." in html
    assert "2 af dem nåede målet i alle år (66,7 %)." in html
    assert "33,3 %" in html and "Skån ældreområdet." in html
    assert "Skjul kommentaren" not in html  # politicians read; the budget office hides


def test_the_budget_office_hides_an_abusive_comment_and_it_is_recorded(client, world, answers):
    abusive = Answer.objects.get(comment="Idiot!")
    url = reverse("consultation_comment", args=[answers.public_id, abusive.public_id])
    client.force_login(world.budget_officer)
    response = client.post(url, {"reason": ""}, follow=True)
    assert "Skriv, hvorfor kommentaren skjules." in response.content.decode()
    abusive.refresh_from_db()
    assert not abusive.comment_hidden
    client.post(url, {"reason": "Krænkende"})
    abusive.refresh_from_db()
    assert (abusive.comment_hidden, abusive.hidden_by, abusive.hidden_reason) == (
        True,
        world.budget_officer,
        "Krænkende",
    )
    assert Event.objects.get(verb="consultation_comment_hidden").text == (
        "Bente Testesen skjulte en kommentar i borgerhøringen »Hjælp os med at prioritere«: "
        "Krænkende"
    )
    client.force_login(world.politician)
    response = client.get(reverse("consultation_detail", args=[answers.public_id]))
    assert "Idiot!" not in response.content.decode()
    assert response.context["summary"].answers == 3  # the answer still counts
    client.force_login(world.budget_officer)
    assert (
        "Skjult af Bente Testesen"
        in client.get(reverse("consultation_detail", args=[answers.public_id])).content.decode()
    )
    client.post(url, {"show": "1"})
    abusive.refresh_from_db()
    assert not abusive.comment_hidden
    assert Event.objects.filter(verb="consultation_comment_shown").exists()


def test_only_the_budget_office_hides(client, world, answers):
    abusive = Answer.objects.get(comment="Idiot!")
    url = reverse("consultation_comment", args=[answers.public_id, abusive.public_id])
    for user in (world.politician, world.director):
        client.force_login(user)
        assert client.post(url, {"reason": "Nej"}).status_code == 403
    client.force_login(world.outsider)
    assert client.post(url, {"reason": "Nej"}).status_code == 404
    abusive.refresh_from_db()
    assert not abusive.comment_hidden


def test_the_excel_response(client, world, answers):
    Answer.objects.filter(comment="Idiot!").update(comment_hidden=True)
    client.force_login(world.director)
    response = client.get(reverse("consultation_export_xlsx", args=[answers.public_id]))
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    summary = book["Opsummering"]
    assert summary["A1"].value == "Borgerhøring – Hjælp os med at prioritere"
    assert [c.value for c in summary[3]][:2] == ["Svar", 3]
    assert [c.value for c in summary[4]][:2] == ["Svar, der nåede målet", 2]
    rows = [[c.value for c in row] for row in summary.iter_rows(min_row=7)]
    assert rows[0][:4] == ["SU-01", "Lukning af plejecenter", "Social- og Sundhedsudvalget", 3]
    assert float(rows[1][4]) == 33.3
    given = [[c.value for c in row] for row in book["Svar"].iter_rows(min_row=2)]
    assert [(g[0], g[2], g[3], g[4]) for g in given] == [
        (1, "Ja", "BU-01, BU-02, SU-01", "Skån ældreområdet."),
        (2, "Ja", "SU-01, SU-02", "(Kommentaren er skjult.)"),
        (3, "Nej", "SU-01", None),
    ]


def test_the_csv_response(client, world, answers):
    client.force_login(world.politician)
    response = client.get(reverse("consultation_export_csv", args=[answers.public_id]))
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Nummer", "Forslag", "Udvalg", "Valgt (antal)", "Andel af svarene (%)"]
    assert rows[1] == [
        "SU-01",
        "Lukning af plejecenter",
        "Social- og Sundhedsudvalget",
        "3",
        "100,0",
    ]
    assert rows[2][3:] == ["1", "33,3"]


def test_the_list_shows_the_state_and_the_number_of_answers(client, world, answers):
    client.force_login(world.politician)
    response = client.get(reverse("consultation_list", args=[world.round.public_id]))
    html = response.content.decode()
    assert "Hjælp os med at prioritere" in html and "Åben" in html
    assert response.context["consultations"][0].answer_count == 3
    assert "Opret en borgerhøring" not in html


def test_the_summary_page_needs_a_fixed_number_of_queries(
    client, world, consultation, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    give(consultation, ["SU-01"], "En")
    client.force_login(world.budget_officer)
    url = reverse("consultation_detail", args=[consultation.public_id])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(10):
        give(consultation, ["BU-01", "SU-02"], f"Kommentar {n}")
    with django_assert_max_num_queries(len(few)):
        client.get(url)
