from __future__ import annotations

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from raaderum.decisions.tests.helpers import decide, publish
from raaderum.test import World

pytestmark = pytest.mark.django_db

OUTCOMES = {
    "BU-01": {"outcome": "adopted"},
    "BU-02": {"outcome": "adopted"},
    "BU-03": {"outcome": "rejected"},
    "SU-01": {"outcome": "adopted"},
}
# Råderum of BU-01, BU-02 and SU-01 per year: minus their effects.
ADOPTED = {
    2027: 1_000_200 - 400_000,
    2028: 1_234_567 + 2_000_000,
    2029: 333_333 + 900_000,
    2030: -100_001,
}


def test_the_csv_reconciles_to_the_adopted_totals_to_the_krone(
    client: Client, world: World
) -> None:
    decide(world, publish(world), OUTCOMES)
    client.force_login(world.reader)
    response = client.get(reverse("decisions_adjustments_csv", args=[world.round.public_id]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads it as UTF-8
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header, lines = rows[0], rows[1:]
    assert len(header) == 8
    assert len(lines) == 7
    by_year: dict[int, int] = dict.fromkeys(ADOPTED, 0)
    for municipality, _committee, _area, _functions, year, amount, _code, _title in lines:
        assert municipality == "707"
        assert amount.lstrip("-").isdigit()  # whole kroner, no separators
        by_year[int(year)] += int(amount)
    assert {year: -total for year, total in by_year.items()} == ADOPTED
    first = lines[0]
    assert first[1:4] == ["Børne- og Ungdomsudvalget", "Dagtilbud", ""]
    schools = [line for line in lines if line[2] == "Folkeskoler"]
    assert {line[3] for line in schools} == {"3.22.01"}
    assert {line[6] for line in lines} == {"BU-01", "BU-02", "SU-01"}


def test_the_excel_file_reconciles_and_its_total_row_too(client: Client, world: World) -> None:
    decide(world, publish(world), OUTCOMES)
    client.force_login(world.politician)
    response = client.get(reverse("decisions_adjustments_xlsx", args=[world.round.public_id]))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    values = list(sheet.iter_rows(min_row=2, values_only=True))
    lines, total = values[:-1], values[-1]
    by_year: dict[int, int] = dict.fromkeys(ADOPTED, 0)
    for line in lines:
        year, amount = line[4], line[5]
        assert isinstance(year, int)
        assert isinstance(amount, int)
        by_year[year] += amount
    assert {year: -amount for year, amount in by_year.items()} == ADOPTED
    assert total[5] == -sum(ADOPTED.values())
    assert sheet.cell(row=2, column=6).number_format == "#,##0"
    assert sheet.cell(row=sheet.max_row, column=6).number_format == "#,##0"


def test_without_an_agreement_the_file_has_only_its_header(client: Client, world: World) -> None:
    client.force_login(world.budget_officer)
    response = client.get(reverse("decisions_adjustments_csv", args=[world.round.public_id]))
    assert response.content.decode("utf-8-sig").count("\n") == 1


@pytest.mark.parametrize("name", ["decisions_adjustments_csv", "decisions_adjustments_xlsx"])
def test_another_municipality_gets_404(client: Client, world: World, name: str) -> None:
    decide(world, publish(world), OUTCOMES)
    client.force_login(world.outsider)
    assert client.get(reverse(name, args=[world.round.public_id])).status_code == 404
