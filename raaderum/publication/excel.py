"""The Excel export of a published version: "Katalog" with real formulas, and "Effekter".

Amounts are whole kroner as numbers (not text), shown with a thousands separator; Excel shows
the separator the reader's locale uses (1.234 in Danish Excel). Subtotals and the grand total
are formulas over the proposals' cells, so a reader who changes a figure sees the sums follow,
and their values equal the page's to the krone.

openpyxl writes a formula without its result, which viewers that do not calculate (previews,
LibreOffice set never to recalculate, scripts reading the file) show as empty or 0. So each
formula's result, the catalog's own figure, is written into the file beside the formula, and the
workbook asks to be recalculated when opened.
"""

from __future__ import annotations

import io
import re
import zipfile

from django.utils.text import slugify
from django.utils.translation import gettext as _

from raaderum.confidentiality.visibility import Marking
from raaderum.publication.catalog import PublishedCatalog
from raaderum.publication.models import CatalogVersion

# A real minus sign for negative figures, as in the catalog's print.
NUMBER_FORMAT = '#,##0;"\u2212"#,##0'
FIRST_AMOUNT_COLUMN = 5  # E: after code, title, committee and type


def filename(version: CatalogVersion, extension: str) -> str:
    """katalog-budget-2027-2030-v2.pdf"""
    name = slugify(version.round_name.replace("–", "-").replace("—", "-"))
    return f"katalog-{name}-v{version.number}.{extension}"


def catalog_workbook(catalog: PublishedCatalog, marking: Marking | None = None) -> bytes:
    """`marking` (confidential or internal) goes into the third row of "Katalog" and into the
    printed header of both sheets."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    version = catalog.version
    workbook = Workbook()
    workbook.properties.language = "da-DK"
    workbook.properties.title = _("Catalog – %(name)s – version %(number)s") % {
        "name": version.round_name,
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
            % {"year": version.price_level}
        ]
    )
    mark = marking.text if marking is not None else ""
    sheet.append([mark])
    if mark:
        sheet["A3"].font = Font(bold=True, color="B51D09")
    header = [_("Code"), _("Title"), _("Committee"), _("Type")]
    header += [_("Råderum %(year)s (kr.)") % {"year": year} for year in catalog.years]
    sheet.append(header)
    for cell in sheet[4]:
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    letters = [get_column_letter(FIRST_AMOUNT_COLUMN + i) for i in range(len(catalog.years))]
    line = Side(style="thin")
    subtotal_rows = []
    results: dict[str, int] = {}  # what each formula cell computes, by coordinate
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
        for letter, year in zip(letters, catalog.years, strict=True):
            results[f"{letter}{sheet.max_row}"] = group.subtotal[year]
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
    for letter, year in zip(letters, catalog.years, strict=True):
        if subtotal_rows:
            results[f"{letter}{total_row}"] = catalog.total[year]
        results[f"{letter}{target_row + 1}"] = catalog.target[year] - catalog.total[year]
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
    # The frozen impact screening, a row per proposal and question (lazily: it builds on this).
    from raaderum.impactscreening.excel import add_sheet

    add_sheet(workbook, catalog, mark)
    if mark:
        for printed in (sheet, effects):
            printed.oddHeader.center.text = mark
            printed.oddHeader.center.color = "B51D09"
    workbook.calculation.fullCalcOnLoad = True
    buffer = io.BytesIO()
    workbook.save(buffer)
    return store_formula_results(buffer.getvalue(), sheet.path.lstrip("/"), results)


def store_formula_results(xlsx: bytes, part: str, results: dict[str, int]) -> bytes:
    """The workbook with each formula cell's result stored beside its formula.

    `part` is the worksheet's file in the package (xl/worksheets/sheet1.xml); `results` maps
    the cells' coordinates to whole numbers. openpyxl writes such a cell as
    <c r="E9" s="2"><f>SUM(E5:E8)</f><v /></c>; the result goes into <v>. A cell not found so
    is an error, not a silent gap.
    """
    source = zipfile.ZipFile(io.BytesIO(xlsx))
    xml = source.read(part).decode("utf-8")
    for coordinate, value in results.items():
        pattern = re.compile(rf'(<c r="{coordinate}"[^>]*><f>[^<]*</f>)<v\s*/>')
        xml, found = pattern.subn(rf"\g<1><v>{int(value)}</v>", xml, count=1)
        if not found:
            raise ValueError(f"no formula cell {coordinate} in {part}")
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = xml.encode("utf-8") if item.filename == part else source.read(item)
            target.writestr(item, data)
    return output.getvalue()
