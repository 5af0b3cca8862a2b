"""Budget adjustments summed per service area and year, reconciling with the detail."""

from __future__ import annotations

import csv
import io
from collections import defaultdict

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from raaderum.decisions import rules
from raaderum.decisions.adjustments import AreaTotal, area_totals
from raaderum.decisions.tests.helpers import decide, publish
from raaderum.test import World

# BU-01 and BU-03 both change Folkeskoler in 2028.
OUTCOMES = {
    "BU-01": {"outcome": "adopted"},
    "BU-02": {"outcome": "adopted"},
    "BU-03": {"outcome": "adopted"},
    "SU-01": {"outcome": "adopted"},
}
BU = "Børne- og Ungdomsudvalget"
SU = "Social- og Sundhedsudvalget"
# (committee, area, functions, year, amount in kr., proposals), in the files' order.
EXPECTED = [
    ["707", BU, "Dagtilbud", "", "2028", "-2000000", "BU-02"],
    ["707", BU, "Dagtilbud", "", "2030", "100001", "BU-02"],
    ["707", BU, "Folkeskoler", "3.22.01", "2027", "-1000200", "BU-01"],
    ["707", BU, "Folkeskoler", "3.22.01", "2028", "-1934567", "BU-01, BU-03"],
    ["707", BU, "Folkeskoler", "3.22.01", "2029", "-333333", "BU-02"],
    ["707", SU, "Ældreområdet", "", "2027", "400000", "SU-01"],
    ["707", SU, "Ældreområdet", "", "2029", "-900000", "SU-01"],
]


def read_csv(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))


@pytest.mark.django_db
def test_the_csv_per_service_area_sums_the_detail_to_the_krone(
    client: Client, world: World
) -> None:
    decide(world, publish(world), OUTCOMES)
    client.force_login(world.reader)
    url = reverse("decisions_adjustments_csv", args=[world.round.public_id])
    page = client.get(reverse("decisions", args=[world.round.public_id])).content.decode()
    assert f'href="{url}?by=area">Budgetreguleringer pr. fagområde (CSV)</a>' in page
    response = client.get(url, {"by": "area"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="budgetreguleringer-pr-fagomraade-2027.csv"'
    )
    header, *lines = read_csv(response.content)
    assert header == [
        "Kommunenummer",
        "Udvalg",
        "Fagområde",
        "Funktioner",
        "År",
        "Beløb (kr.)",
        "Forslag",
    ]
    assert lines == EXPECTED
    # The detail file, summed per area and year, gives exactly the same lines.
    detail = read_csv(client.get(url).content)[1:]
    assert len(detail) == 8
    sums: dict[tuple[str, str, str], int] = defaultdict(int)
    for _municipality, committee, area, _functions, year, amount, _code, _title in detail:
        sums[(committee, area, year)] += int(amount)
    assert sums == {(c, a, y): int(amount) for _m, c, a, _f, y, amount, _p in EXPECTED}


@pytest.mark.django_db
def test_the_workbook_has_the_totals_per_service_area_on_a_second_sheet(
    client: Client, world: World
) -> None:
    decide(world, publish(world), OUTCOMES)
    client.force_login(world.politician)
    response = client.get(reverse("decisions_adjustments_xlsx", args=[world.round.public_id]))
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Budgetreguleringer", "Pr. fagområde"]
    detail = list(workbook["Budgetreguleringer"].iter_rows(min_row=2, values_only=True))
    totals_sheet = workbook["Pr. fagområde"]
    assert [c.value for c in totals_sheet[1]] == [
        "Kommunenummer",
        "Udvalg",
        "Fagområde",
        "Funktioner",
        "År",
        "Beløb (kr.)",
        "Forslag",
    ]
    totals = list(totals_sheet.iter_rows(min_row=2, values_only=True))
    lines, total = totals[:-1], totals[-1]
    assert [[str(v) if v is not None else "" for v in line] for line in lines] == EXPECTED
    assert all(isinstance(line[5], int) for line in lines)
    assert total[1] == "I alt"
    assert total[5] == detail[-1][5] == sum(int(line[5]) for line in EXPECTED) == -5_668_099
    assert totals_sheet.cell(row=2, column=6).number_format == "#,##0"


def adjustment(area: str, year: int, amount: int, code: str) -> rules.Adjustment:
    return rules.Adjustment("BU", area, "3.22.01", year, amount, code, "")


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([], []),
        (
            [adjustment("Skoler", 2028, -100, "BU-02"), adjustment("Skoler", 2028, -5, "BU-01")],
            [AreaTotal("BU", "Skoler", "3.22.01", 2028, -105, ("BU-01", "BU-02"))],
        ),
        (  # an investment and a saving that cancel out leave nothing to book
            [adjustment("Skoler", 2027, 250, "BU-01"), adjustment("Skoler", 2027, -250, "BU-02")],
            [],
        ),
        (
            [adjustment("Skoler", 2029, 1, "BU-01"), adjustment("Dagtilbud", 2030, 2, "BU-01")],
            [
                AreaTotal("BU", "Dagtilbud", "3.22.01", 2030, 2, ("BU-01",)),
                AreaTotal("BU", "Skoler", "3.22.01", 2029, 1, ("BU-01",)),
            ],
        ),
    ],
)
def test_area_totals(rows: list[rules.Adjustment], expected: list[AreaTotal]) -> None:
    assert area_totals(rows) == expected
