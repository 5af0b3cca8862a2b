from __future__ import annotations

import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from raaderum.publication.tests.helpers import fill_catalog, publish
from raaderum.test import World

pytestmark = pytest.mark.django_db


def evaluate(sheet, value):
    """The value of a cell, computing the few formulas the export writes (SUM, +, -)."""
    if not isinstance(value, str) or not value.startswith("="):
        return value
    expression = value[1:]
    if match := re.fullmatch(r"SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)", expression):
        column, first, _column, last = match.groups()
        return sum(
            evaluate(sheet, sheet[f"{column}{row}"].value)
            for row in range(int(first), int(last) + 1)
        )
    total = 0
    for sign, reference in re.findall(r"([+-]?)([A-Z]+\d+)", expression):
        total += (-1 if sign == "-" else 1) * evaluate(sheet, sheet[reference].value)
    return total


def test_the_excel_export_reconciles_with_the_page_to_the_krone(client, world: World) -> None:
    fill_catalog(world, 5)
    publish(world)
    client.force_login(world.politician)
    page = client.get(reverse("catalog_version", args=[world.round.public_id, 1]))
    catalog = page.context["catalog"]
    response = client.get(reverse("catalog_excel", args=[world.round.public_id, 1]))
    assert response.status_code == 200
    assert 'filename="katalog-budget-2027-2030-v1.xlsx"' in response["Content-Disposition"]
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Katalog", "Effekter"]
    sheet = workbook["Katalog"]
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    codes = {row.proposal.code for row in catalog.rows}
    proposal_rows = [row for row in rows if row[0] in codes]
    assert len(proposal_rows) == 5
    # The numeric cells are numbers in kroner, and they add up to the page's total.
    for index, year in enumerate(catalog.years):
        cells = [row[4 + index] for row in proposal_rows]
        assert all(isinstance(cell, int) for cell in cells)
        assert sum(cells) == catalog.total[year]
    # The formulas compute the page's subtotals and total.
    formula_rows = [
        number
        for number in range(5, sheet.max_row + 1)
        if str(sheet.cell(number, 5).value).startswith("=SUM")
    ]
    assert len(formula_rows) == len(catalog.groups)
    letters = "EFGH"
    for group, number in zip(catalog.groups, formula_rows, strict=True):
        for letter, year in zip(letters, catalog.years, strict=True):
            assert evaluate(sheet, sheet[f"{letter}{number}"].value) == group.subtotal[year]
    total_row = formula_rows[-1] + 1
    for letter, year in zip(letters, catalog.years, strict=True):
        assert evaluate(sheet, sheet[f"{letter}{total_row}"].value) == catalog.total[year]
        gap = evaluate(sheet, sheet[f"{letter}{total_row + 2}"].value)
        assert gap == catalog.target[year] - catalog.total[year]
    assert sheet["E5"].number_format.startswith("#,##0")
    effects = workbook["Effekter"]
    amounts = [row[4] for row in effects.iter_rows(min_row=2, values_only=True)]
    assert -sum(amounts) == sum(catalog.total.values())
