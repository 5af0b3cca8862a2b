"""The list of questions and answers as Excel and PDF: what each reader may see, nothing more."""

import io
import shutil
import subprocess

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from raaderum.questions.actions import do_save_answer
from raaderum.questions.tests.helpers import answered, ask

pytestmark = pytest.mark.django_db


def test_the_excel_file_lists_questions_and_only_approved_answers(client, world, published):
    answered(world, published, public=True)
    question = ask(world, None, text="Hvad koster runden?")
    do_save_answer(question, user=world.budget_officer, text="Et hemmeligt udkast.", submit=False)
    client.force_login(world.politician)
    response = client.get(reverse("question_export_xlsx", args=[world.round.public_id]))
    assert response.status_code == 200
    assert "budgetspoergsmaal-budget-2027-2030.xlsx" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content))["Spørgsmål"]
    assert sheet["A1"].value == "Budgetspørgsmål – Budget 2027–2030"
    assert [c.value for c in sheet[4]][:9] == [
        "Nr.",
        "Stillet af",
        "Stillet",
        "Om",
        "Spørgsmål",
        "Besvares af",
        "Frist",
        "Status",
        "Svar",
    ]
    first, second = ([c.value for c in row] for row in sheet.iter_rows(min_row=5))
    assert first[0] == 1 and first[3] == "SU-01 Lukning af plejecenter"
    assert (first[7], first[8], first[10]) == ("Besvaret", "24 pladser.", "Ja")
    assert (second[0], second[3], second[5], second[7], second[8]) == (
        2,
        "Runden generelt",
        "Økonomiafdelingen",
        "Afventer svar",
        None,
    )


def test_the_reader_exports_only_what_the_reader_may_see(client, world, published):
    answered(world, published)
    ask(world, None, text="Et åbent spørgsmål")
    client.force_login(world.reader)
    response = client.get(reverse("question_export_xlsx", args=[world.round.public_id]))
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(min_row=5))
    assert len(rows) == 1


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler's pdftotext")
def test_the_pdf_holds_the_questions_and_the_approved_answers(client, world, published, tmp_path):
    answered(world, published, text="Hvor mange pladser lukker?")
    ask(world, None, text="Hvad koster runden?")
    client.force_login(world.politician)
    response = client.get(reverse("question_export_pdf_file", args=[world.round.public_id]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / "q.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(  # noqa: S603 - a fixed program on a file we wrote
        ["pdftotext", "-layout", str(path), "-"],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Budgetspørgsmål – Budget 2027–2030" in text
    assert "Spørgsmål nr. 1: SU-01 Lukning af plejecenter" in text
    assert "Hvor mange pladser lukker?" in text and "24 pladser." in text
    assert "Spørgsmål nr. 2: Runden generelt" in text
    assert "Ikke besvaret endnu (Afventer svar)." in text
