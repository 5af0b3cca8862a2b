"""The Excel export of a published version: "Katalog" with real formulas, and "Effekter".

Amounts are whole kroner as numbers (not text), shown with a thousands separator; Excel shows
the separator the reader's locale uses (1.234 in Danish Excel). Subtotals and the grand total
are formulas over the proposals' cells, so a reader who changes a figure sees the sums follow,
and their values equal the page's to the krone.
"""

from __future__ import annotations

import io

from django.utils.text import slugify
from django.utils.translation import gettext as _

from raaderum.publication.catalog import PublishedCatalog
from raaderum.publication.models import CatalogVersion

# A real minus sign for negative figures, as in the catalog's print.
NUMBER_FORMAT = '#,##0;"\u2212"#,##0'
FIRST_AMOUNT_COLUMN = 5  # E: after code, title, committee and type


def filename(version: CatalogVersion, extension: str) -> str:
    """katalog-budget-2027-2030-v2.pdf"""
    name = slugify(version.round.name.replace("–", "-").replace("—", "-"))
    return f"katalog-{name}-v{version.number}.{extension}"


def catalog_workbook(catalog: PublishedCatalog) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    version = catalog.version
    budget_round = version.round
    workbook = Workbook()
    workbook.properties.language = "da-DK"
    workbook.properties.title = _("Catalog – %(name)s – version %(number)s") % {
        "name": budget_round.name,
        "number": version.number,
    }
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Katalog"
    bold = Font(bold=True)
    sheet.append([workbook.properties.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(
        [
            _(
                "Amounts in kr. at %(year)s prices (P/L). Råderum is a positive figure: money "
                "the proposal frees. A negative figure is extra cost."
            )
            % {"year": budget_round.price_level_year}
        ]
    )
    sheet.append([])
    header = [_("Code"), _("Title"), _("Committee"), _("Type")]
    header += [_("Råderum %(year)s (kr.)") % {"year": year} for year in catalog.years]
    sheet.append(header)
    for cell in sheet[4]:
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    letters = [get_column_letter(FIRST_AMOUNT_COLUMN + i) for i in range(len(catalog.years))]
    line = Side(style="thin")
    subtotal_rows = []
    for group in catalog.groups:
        first = sheet.max_row + 1
        for row in group.rows:
            proposal = row.proposal
            sheet.append(
                [
                    proposal.code,
                    proposal.title,
                    group.committee.name,
                    row.type_label,
                    *(row.headroom[year] for year in catalog.years),
                ]
            )
        last = sheet.max_row
        sheet.append(
            [
                "",
                _("Total %(name)s") % {"name": group.committee.name},
                "",
                "",
                *(f"=SUM({letter}{first}:{letter}{last})" for letter in letters),
            ]
        )
        subtotal_rows.append(sheet.max_row)
        for cell in sheet[sheet.max_row]:
            cell.font = bold
            cell.border = Border(top=line)
    total_row = sheet.max_row + 1
    sheet.append(
        [
            "",
            _("Total råderum"),
            "",
            "",
            *(
                "=" + "+".join(f"{letter}{row}" for row in subtotal_rows) if subtotal_rows else 0
                for letter in letters
            ),
        ]
    )
    target_row = total_row + 1
    sheet.append(["", _("Target"), "", "", *(catalog.target[year] for year in catalog.years)])
    sheet.append(
        [
            "",
            _("Missing to reach the target (negative: over the target)"),
            "",
            "",
            *(f"={letter}{target_row}-{letter}{total_row}" for letter in letters),
        ]
    )
    for row_number in (total_row, target_row, target_row + 1):
        for cell in sheet[row_number]:
            cell.font = bold
    for cell in sheet[total_row]:
        cell.border = Border(top=Side(style="medium"))
    for letter in letters:
        for cell in sheet[letter][4:]:
            cell.number_format = NUMBER_FORMAT
        sheet.column_dimensions[letter].width = 16
    for letter, width in zip("ABCD", (10, 60, 32, 18), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "C5"
    sheet.print_title_rows = "4:4"

    effects = workbook.create_sheet("Effekter")
    effects.append(
        [
            _("Code"),
            _("Service area"),
            _("Committee"),
            _("Year"),
            _("Amount (kr.; negative frees money)"),
        ]
    )
    for cell in effects[1]:
        cell.font = bold
    for row in catalog.rows:
        for effect in row.proposal.effects:
            effects.append(
                [
                    row.proposal.code,
                    effect["area"],
                    effect["committee"],
                    effect["year"],
                    effect["amount"],
                ]
            )
    for cell in effects["E"][1:]:
        cell.number_format = NUMBER_FORMAT
    for letter, width in zip("ABCDE", (10, 32, 12, 8, 22), strict=True):
        effects.column_dimensions[letter].width = width
    effects.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
