"""The adopted effects as budget adjustments for the finance system, as CSV and Excel.

Two levels. The detail has one line per adopted proposal, service area and year, so every
amount can be traced to its proposal. The totals have one line per service area and year, which
is what a finance system books; each is the sum of the detail lines with that area and year, so
the two reconcile to the krone. Both come from the published snapshot the agreement was taken
on, never from the live proposals. Amounts are whole kroner signed as in the accounts (negative
is lower spending or higher income); lines that come to 0 kr. are left out, as there is nothing
to book.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from raaderum.decisions import rules
from raaderum.decisions.models import Decision, Outcome
from raaderum.organisation.models import Committee, ServiceArea
from raaderum.rounds.models import BudgetRound

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NUMBER_FORMAT = "#,##0"


@dataclass(frozen=True)
class AreaTotal:
    """The adopted proposals' adjustments to one service area's budget in one year, summed."""

    committee: str
    area: str
    functions: str
    year: int
    amount: int
    codes: tuple[str, ...]  # the proposals whose lines make up the sum


def area_totals(rows: Iterable[rules.Adjustment]) -> list[AreaTotal]:
    """The detail lines summed per service area and year, in committee/area/year order."""
    sums: dict[tuple[str, str, str, int], int] = {}
    codes: dict[tuple[str, str, str, int], set[str]] = {}
    for row in rows:
        key = (row.committee, row.area, row.functions, row.year)
        sums[key] = sums.get(key, 0) + row.amount
        codes.setdefault(key, set()).add(row.code)
    return [
        AreaTotal(*key, amount=amount, codes=tuple(sorted(codes[key])))
        for key, amount in sorted(sums.items())
        if amount != 0
    ]


def adopted_adjustments(budget_round: BudgetRound) -> list[rules.Adjustment]:
    """The detail lines of the round's budget agreement (none before it is recorded)."""
    adopted = Decision.objects.filter(
        agreement__round=budget_round, outcome=Outcome.ADOPTED
    ).select_related("published")
    areas = ServiceArea.objects.filter(
        committee__municipality_id=budget_round.municipality_id
    ).select_related("committee")
    committees = Committee.objects.filter(municipality_id=budget_round.municipality_id)
    return rules.adjustments(
        ((d.published.code, d.published.title, d.published.effects) for d in adopted),
        {(a.committee.code, a.name): a.function_codes for a in areas},
        {c.code: c.name for c in committees},
    )


def detail_header() -> list[str]:
    return [
        _("Municipality number"),
        _("Committee"),
        _("Service area"),
        _("Functions"),
        _("Year"),
        _("Amount (kr.)"),
        _("Proposal"),
        _("Title"),
    ]


def totals_header() -> list[str]:
    return [
        _("Municipality number"),
        _("Committee"),
        _("Service area"),
        _("Functions"),
        _("Year"),
        _("Amount (kr.)"),
        _("Proposals"),
    ]


def detail_lines(municipality: int, rows: list[rules.Adjustment]) -> list[list[str | int]]:
    return [
        [
            municipality,
            row.committee,
            row.area,
            row.functions,
            row.year,
            row.amount,
            row.code,
            row.title,
        ]
        for row in rows
    ]


def totals_lines(municipality: int, totals: list[AreaTotal]) -> list[list[str | int]]:
    return [
        [municipality, t.committee, t.area, t.functions, t.year, t.amount, ", ".join(t.codes)]
        for t in totals
    ]


def filename(budget_round: BudgetRound, extension: str, *, by_area: bool = False) -> str:
    name = _("budget-adjustments-by-service-area") if by_area else _("budget-adjustments")
    return f"{name}-{budget_round.budget_year}.{extension}"


def csv_file(budget_round: BudgetRound, *, by_area: bool = False) -> bytes:
    """`;`-separated, UTF-8 with BOM (Excel reads it as UTF-8), whole kroner, no separators."""
    code = budget_round.municipality.code
    rows = adopted_adjustments(budget_round)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    if by_area:
        writer.writerow(totals_header())
        writer.writerows(totals_lines(code, area_totals(rows)))
    else:
        writer.writerow(detail_header())
        writer.writerows(detail_lines(code, rows))
    return buffer.getvalue().encode("utf-8-sig")


def workbook(budget_round: BudgetRound) -> bytes:
    """The detail on the first sheet, the totals per service area and year on the second.

    Each sheet ends with its total as a value, not a formula: readers without a calculation
    engine see it too, and the two sheets' totals are the same.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.worksheet import Worksheet

    code = budget_round.municipality.code
    rows = adopted_adjustments(budget_round)
    book = Workbook()
    book.properties.language = "da-DK"
    bold = Font(bold=True)

    def fill(
        sheet: Worksheet, header: list[str], lines: list[list[str | int]], widths: tuple[int, ...]
    ) -> None:
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = bold
        for line in lines:
            sheet.append(line)
            sheet.cell(row=sheet.max_row, column=6).number_format = NUMBER_FORMAT
        blank = [""] * (len(header) - 6)
        sheet.append(["", _("Total"), "", "", "", sum(int(line[5]) for line in lines), *blank])
        total = sheet.cell(row=sheet.max_row, column=6)
        total.number_format = NUMBER_FORMAT
        total.font = sheet.cell(row=sheet.max_row, column=2).font = bold
        for column, width in zip("ABCDEFGH", widths, strict=False):
            sheet.column_dimensions[column].width = width
        sheet.freeze_panes = "A2"

    detail = book.active
    assert detail is not None
    detail.title = _("Adjustments")[:31]
    fill(detail, detail_header(), detail_lines(code, rows), (14, 30, 30, 16, 8, 16, 10, 50))
    totals = book.create_sheet(_("By service area")[:31])
    totals_widths = (14, 30, 30, 16, 8, 16, 40)
    fill(totals, totals_header(), totals_lines(code, area_totals(rows)), totals_widths)
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()
