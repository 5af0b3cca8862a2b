"""The impact screening as a sheet of the published catalog's Excel export."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from openpyxl.styles import Alignment, Font

from raaderum.impactscreening.published import by_published
from raaderum.publication.catalog import PublishedCatalog


def add_sheet(workbook: Any, catalog: PublishedCatalog, mark: str = "") -> None:
    """One row per proposal and question, as frozen with the version; only the catalog's rows
    (the proposals the reader may see). Nothing is added for a version without screening."""
    frozen = by_published(catalog.version)
    if not frozen:
        return
    sheet = workbook.create_sheet(_("Impact screening")[:31])
    sheet.append([_("Code"), _("Proposal"), _("Question"), _("Assessment"), _("Explanation")])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in catalog.rows:
        for assessment in frozen.get(row.proposal.pk, []):
            sheet.append(
                [
                    row.proposal.code,
                    row.proposal.title,
                    assessment.title,
                    assessment.score_label,
                    assessment.text,
                ]
            )
    for letter, width in zip("ABCDE", (10, 40, 22, 18, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    for cell in sheet["E"][1:]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    if mark:
        sheet.oddHeader.center.text = mark
        sheet.oddHeader.center.color = "B51D09"
