"""The catalog workbook carries each formula's result, for viewers that do not calculate."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from raaderum.publication.excel import store_formula_results
from raaderum.publication.tests.helpers import fill_catalog, publish
from raaderum.test import World

pytestmark = pytest.mark.django_db

LETTERS = "EFGH"  # the four years' råderum columns


def test_each_formula_keeps_its_formula_and_stores_the_pages_figure(client, world: World) -> None:
    fill_catalog(world, 5)
    publish(world)
    client.force_login(world.politician)
    catalog = client.get(reverse("catalog_version", args=[world.round.public_id, 1])).context[
        "catalog"
    ]
    content = client.get(reverse("catalog_excel", args=[world.round.public_id, 1])).content
    formulas = load_workbook(io.BytesIO(content))["Katalog"]
    stored = load_workbook(io.BytesIO(content), data_only=True)["Katalog"]
    subtotal_rows = [
        row
        for row in range(5, formulas.max_row + 1)
        if str(formulas[f"E{row}"].value).startswith("=SUM(")
    ]
    assert len(subtotal_rows) == len(catalog.groups) == 2
    total_row = subtotal_rows[-1] + 1
    gap_row = total_row + 2
    for letter, year in zip(LETTERS, catalog.years, strict=True):
        for group, row in zip(catalog.groups, subtotal_rows, strict=True):
            assert formulas[f"{letter}{row}"].value.startswith("=SUM(")
            assert stored[f"{letter}{row}"].value == group.subtotal[year]
        assert formulas[f"{letter}{total_row}"].value.startswith("=")
        assert stored[f"{letter}{total_row}"].value == catalog.total[year]
        assert (
            formulas[f"{letter}{gap_row}"].value == f"={letter}{total_row + 1}-{letter}{total_row}"
        )
        assert stored[f"{letter}{gap_row}"].value == catalog.target[year] - catalog.total[year]
    # 2028: five proposals of 1.200.499 + i kr. for i = 0..4.
    assert stored[f"F{total_row}"].value == 5 * 1_200_499 + 10
    # Excel and LibreOffice are asked to calculate anew when they open the file anyway.
    workbook_xml = zipfile.ZipFile(io.BytesIO(content)).read("xl/workbook.xml").decode()
    assert re.search(r'<calcPr [^>]*fullCalcOnLoad="1"', workbook_xml)


def test_a_formula_cell_that_is_not_there_is_an_error() -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append([1, 2, "=A1+B1"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    stored = store_formula_results(buffer.getvalue(), "xl/worksheets/sheet1.xml", {"C1": 3})
    assert load_workbook(io.BytesIO(stored), data_only=True).active["C1"].value == 3
    with pytest.raises(ValueError, match="no formula cell B1"):
        store_formula_results(buffer.getvalue(), "xl/worksheets/sheet1.xml", {"B1": 2})
