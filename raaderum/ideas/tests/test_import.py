import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from raaderum.communication.models import Event
from raaderum.ideas import bulk
from raaderum.ideas.models import Idea, IdeaStatus
from raaderum.proposals.models import Origin


def url(world):
    return reverse("idea_import", args=[world.round.public_id])


def xlsx_file(rows, name="idéer.xlsx"):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


GOOD_ROWS = [
    ["Titel", "Beskrivelse", "Navn", "E-mail"],
    ["Færre printere", "Én printer pr. etage", "Anna", "anna@example.dk"],
    ["Led-lys i hallerne", "Sparer strøm", None, None],
]
BAD_ROWS = [
    ["Titel", "Beskrivelse", "Navn", "E-mail"],
    ["Færre printere", "Én printer pr. etage", "Anna", "anna@example.dk"],
    [None, "Idé uden titel", None, None],
    ["x" * 201, "For lang titel", None, "ikke-en-mail"],
    ["God idé", "Men forkert mail", None, "bo@"],
]


def assert_bad_rows_listed(response):
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nogle rækker har fejl. Ret dem, og prøv igen: ingen idéer blev indtastet." in html
    assert "3 rækker har fejl" in html
    errors = response.context["form"].row_errors
    assert [(e.number, e.messages) for e in errors] == [
        (3, ["Titlen mangler."]),
        (
            4,
            [
                "Titlen har 201 tegn; der må højst være 200.",
                "“ikke-en-mail” er ikke en gyldig e-mailadresse.",
            ],
        ),
        (5, ["“bo@” er ikke en gyldig e-mailadresse."]),
    ]
    assert not Idea.objects.exists()
    assert not Event.objects.exists()


def test_an_xlsx_file_enters_every_idea_with_the_chosen_origin(client, world):
    client.force_login(world.budget_officer)
    response = client.post(
        url(world), {"origin": Origin.CITIZEN_CONFERENCE, "file": xlsx_file(GOOD_ROWS)}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("idea_list", args=[world.round.public_id])
    ideas = Idea.objects.order_by("pk")
    assert [(i.title, i.submitter_name, i.submitter_email) for i in ideas] == [
        ("Færre printere", "Anna", "anna@example.dk"),
        ("Led-lys i hallerne", "", ""),
    ]
    assert {(i.origin, i.status, i.submitted_by, i.round) for i in ideas} == {
        (Origin.CITIZEN_CONFERENCE, IdeaStatus.NEW, None, world.round)
    }
    assert Event.objects.get(verb="ideas_imported").text == (
        "Bente Testesen har indtastet 2 idéer med oprindelsen Borgerkonference."
    )
    assert "2 idéer er indtastet." in client.get(response["Location"]).content.decode()


def test_an_xlsx_file_with_bad_rows_changes_nothing_and_lists_every_bad_row(client, world):
    client.force_login(world.budget_officer)
    response = client.post(url(world), {"origin": Origin.WORKSHOP, "file": xlsx_file(BAD_ROWS)})
    assert_bad_rows_listed(response)


def csv_file(rows, *, separator=";", bom=True, name="idéer.csv"):
    text = "\r\n".join(separator.join(cell or "" for cell in row) for row in rows)
    return SimpleUploadedFile(name, (("\ufeff" if bom else "") + text).encode("utf-8"))


@pytest.mark.parametrize(("separator", "bom"), [(";", True), (",", False)])
def test_a_csv_file_enters_the_ideas(client, world, separator, bom):
    client.force_login(world.budget_officer)
    response = client.post(
        url(world),
        {"origin": Origin.WORKSHOP, "file": csv_file(GOOD_ROWS, separator=separator, bom=bom)},
    )
    assert response.status_code == 302
    assert Idea.objects.filter(origin=Origin.WORKSHOP).count() == 2
    assert Idea.objects.get(title="Færre printere").description == "Én printer pr. etage"


def test_a_csv_file_with_bad_rows_changes_nothing_and_lists_every_bad_row(client, world):
    client.force_login(world.budget_officer)
    response = client.post(url(world), {"origin": Origin.WORKSHOP, "file": csv_file(BAD_ROWS)})
    assert_bad_rows_listed(response)


def test_pasted_lines_enter_the_ideas(client, world):
    client.force_login(world.budget_officer)
    response = client.post(
        url(world),
        {
            "origin": Origin.EMPLOYEE,
            "lines": "Færre printere\tÉn printer pr. etage\n\nLed-lys i hallerne\tSparer strøm\n",
        },
    )
    assert response.status_code == 302
    assert sorted(Idea.objects.values_list("title", "origin")) == [
        ("Færre printere", Origin.EMPLOYEE),
        ("Led-lys i hallerne", Origin.EMPLOYEE),
    ]


def test_pasted_lines_with_bad_rows_change_nothing_and_list_every_bad_row(client, world):
    client.force_login(world.budget_officer)
    lines = "\n".join(
        [
            "Titel\tBeskrivelse\tNavn\tE-mail",
            "Færre printere\tÉn printer pr. etage\tAnna\tanna@example.dk",
            "\tIdé uden titel",
            "x" * 201 + "\tFor lang titel\t\tikke-en-mail",
            "God idé\tMen forkert mail\t\tbo@",
        ]
    )
    response = client.post(url(world), {"origin": Origin.WORKSHOP, "lines": lines})
    assert_bad_rows_listed(response)
    assert "Idé uden titel" in response.content.decode()  # what was pasted is kept


def test_a_file_larger_than_2_mb_is_refused(client, world):
    client.force_login(world.budget_officer)
    big = SimpleUploadedFile("idéer.csv", b"Titel;Beskrivelse\n" + b"x" * bulk.MAX_FILE_SIZE)
    response = client.post(url(world), {"origin": Origin.WORKSHOP, "file": big})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_file-error"' in html
    assert "Filen er større end 2 MB. Del den op i mindre filer." in html
    assert not Idea.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("idéer.pdf", b"%PDF-1.7", "Upload en Excel-fil (.xlsx) eller en CSV-fil (.csv)."),
        ("idéer.xls", b"\xd0\xcf\x11\xe0", "Upload en Excel-fil (.xlsx) eller en CSV-fil (.csv)."),
        (
            "idéer.xlsx",
            b"Titel;Beskrivelse\nA;B",
            "Filen kunne ikke læses som en Excel-projektmappe",
        ),
        ("idéer.csv", "Titel;Beskrivelse\nÆble;Sød".encode("cp1252"), "Filen er ikke i UTF-8."),
    ],
)
def test_a_wrong_type_is_refused_in_danish(client, world, name, content, message):
    client.force_login(world.budget_officer)
    response = client.post(
        url(world), {"origin": Origin.WORKSHOP, "file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_file-error"' in html and message in html
    assert not Idea.objects.exists()


def test_it_asks_for_lines_or_a_file_but_not_both(client, world):
    client.force_login(world.budget_officer)
    response = client.post(url(world), {"origin": Origin.WORKSHOP, "lines": "  \n"})
    assert "Indsæt idéerne, eller vælg en fil." in response.content.decode()
    response = client.post(
        url(world),
        {"origin": Origin.WORKSHOP, "lines": "Idé", "file": xlsx_file(GOOD_ROWS)},
    )
    assert "Indsæt idéerne eller upload en fil, ikke begge dele" in response.content.decode()
    assert not Idea.objects.exists()


def test_party_is_not_an_origin_for_bulk_entry(client, world):
    client.force_login(world.budget_officer)
    response = client.post(url(world), {"origin": Origin.PARTY, "lines": "Idé"})
    assert 'id="id_origin-error"' in response.content.decode()
    assert not Idea.objects.exists()


def test_the_template_file_has_the_header_row(client, world):
    client.force_login(world.budget_officer)
    response = client.get(reverse("idea_import_template", args=[world.round.public_id]))
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert response["Content-Disposition"] == 'attachment; filename="ideer.xlsx"'
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]] == ["Titel", "Beskrivelse", "Navn", "E-mail"]


def test_only_the_budget_office_enters_ideas_in_bulk(client, world):
    template = reverse("idea_import_template", args=[world.round.public_id])
    for user in (world.director, world.owner, world.politician, world.reader):
        client.force_login(user)
        assert client.get(url(world)).status_code == 403
        assert client.get(template).status_code == 403
        response = client.post(url(world), {"origin": Origin.WORKSHOP, "lines": "Idé"})
        assert response.status_code == 403
    assert not Idea.objects.exists()


def test_another_municipality_gets_404(client, world):
    client.force_login(world.outsider)
    assert client.get(url(world)).status_code == 404
    assert (
        client.get(reverse("idea_import_template", args=[world.round.public_id])).status_code == 404
    )
    assert client.post(url(world), {"origin": Origin.WORKSHOP, "lines": "Idé"}).status_code == 404
