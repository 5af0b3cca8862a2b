"""Reading pasted lines and spreadsheets, and what is wrong with each row: no database."""

import io

import openpyxl
import pytest

from raaderum.ideas import bulk


def xlsx(rows):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_paste_reads_title_tab_description_and_skips_blank_lines_and_a_header():
    text = "Titel\tBeskrivelse\nFærre printere\tÉn printer pr. etage\n\nLed-lys\n"
    rows = bulk.rows_from_paste(text)
    assert [(r.number, r.title, r.description) for r in rows] == [
        (2, "Færre printere", "Én printer pr. etage"),
        (4, "Led-lys", ""),
    ]


def test_paste_of_spreadsheet_rows_keeps_name_and_email():
    rows = bulk.rows_from_paste("Ide\tTekst\tAnna\tanna@example.dk")
    assert (rows[0].name, rows[0].email) == ("Anna", "anna@example.dk")


@pytest.mark.parametrize(
    "data",
    [
        "\ufeffTitel;Beskrivelse;Navn;E-mail\nFærre printere;Én pr. etage;Anna;anna@example.dk\n",
        "Titel,Beskrivelse,Navn,E-mail\r\nFærre printere,Én pr. etage,Anna,anna@example.dk\r\n",
        'Titel;Beskrivelse\n"Færre printere";"Én pr. etage"\n',
    ],
    ids=["semicolon-with-bom", "comma-crlf", "quoted"],
)
def test_csv_in_utf8_with_or_without_bom_and_either_separator(data):
    rows = bulk.rows_from_csv(data.encode("utf-8"))
    assert rows[0].title == "Færre printere"
    assert rows[0].description == "Én pr. etage"
    assert rows[0].number == 2


def test_csv_in_another_encoding_is_refused_in_danish():
    with pytest.raises(bulk.ImportFileError, match="ikke i UTF-8"):
        bulk.rows_from_csv("Titel;Beskrivelse\nÆbler;Søde\n".encode("cp1252"))


def test_columns_are_found_by_name_in_any_order():
    data = xlsx([["E-mail", "Beskrivelse", "Titel"], ["a@example.dk", "Tekst", "Ide"]])
    row = bulk.rows_from_xlsx(data)[0]
    assert (row.title, row.description, row.email) == ("Ide", "Tekst", "a@example.dk")


def test_a_sheet_without_the_column_names_is_refused():
    with pytest.raises(bulk.ImportFileError, match="Første række skal indeholde"):
        bulk.rows_from_xlsx(xlsx([["Noget", "Andet"], ["a", "b"]]))


def test_spreadsheet_numbers_become_text():
    row = bulk.rows_from_xlsx(xlsx([["Titel", "Beskrivelse"], [2027, 3.0]]))[0]
    assert (row.title, row.description) == ("2027", "3")


def test_a_file_that_is_not_a_workbook_is_refused():
    with pytest.raises(bulk.ImportFileError, match="Excel-projektmappe"):
        bulk.rows_from_xlsx(b"PK\x03\x04 not really a zip file")
    with pytest.raises(bulk.ImportFileError, match="Excel-projektmappe"):
        bulk.rows_from_xlsx(b"%PDF-1.7")


def test_too_many_rows_are_refused():
    text = "\n".join(f"Ide {n}" for n in range(bulk.MAX_ROWS + 1))
    with pytest.raises(bulk.ImportFileError, match="højst indtastes 1000 idéer"):
        bulk.rows_from_paste(text)


def test_every_problem_of_every_row_is_named():
    rows = [
        bulk.Row(2, "God idé", "Tekst"),
        bulk.Row(3, "", "Uden titel"),
        bulk.Row(4, "x" * 201, "d" * 5001, "n" * 201, "ikke-en-mail"),
    ]
    errors = bulk.check_rows(rows)
    assert [e.number for e in errors] == [3, 4]
    assert errors[0].messages == ["Titlen mangler."]
    assert errors[1].messages == [
        "Titlen har 201 tegn; der må højst være 200.",
        "Beskrivelsen har 5001 tegn; der må højst være 5000.",
        "Navnet har 201 tegn; der må højst være 200.",
        "“ikke-en-mail” er ikke en gyldig e-mailadresse.",
    ]


def test_the_template_has_the_column_names():
    workbook = openpyxl.load_workbook(io.BytesIO(bulk.template_workbook()))
    header = [cell.value for cell in workbook.active[1]]
    assert header == ["Titel", "Beskrivelse", "Navn", "E-mail"]
    assert bulk.rows_from_xlsx(bulk.template_workbook()) == []
