"""The consultation's summary, as the page shows it and as the response is exported.

The page, the Excel file and the CSV file are made from one `Summary`, so they show the same
counts and shares (raaderum.consultation.summary decides the figures).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import Count, Q
from django.utils import formats, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from raaderum.consultation import summary as figures
from raaderum.consultation.access import (
    consultation_proposals,
    summary_answers,
    summary_comments,
)
from raaderum.consultation.models import Answer, AnswerChoice, Consultation
from raaderum.lib.money import format_number
from raaderum.publication.models import PublishedProposal


@dataclass
class ProposalRow:
    proposal: PublishedProposal
    count: int
    share: Decimal

    @property
    def share_label(self) -> str:
        return f"{format_number(self.share, 1)} %"


@dataclass
class Summary:
    consultation: Consultation
    answers: int
    reached_target: int
    rows: list[ProposalRow]
    comments: list[Answer]

    @property
    def reached_share(self) -> Decimal:
        return figures.share(self.reached_target, self.answers)

    @property
    def reached_share_label(self) -> str:
        return f"{format_number(self.reached_share, 1)} %"

    @property
    def years(self) -> list[int]:
        return self.consultation.version.round.years

    @property
    def target(self) -> dict[int, int]:
        return self.consultation.target_by_year()


def build_summary(consultation: Consultation, *, with_hidden: bool) -> Summary:
    """Four queries whatever the number of answers."""
    answers = summary_answers(consultation)
    totals = answers.aggregate(n=Count("pk"), reached=Count("pk", filter=Q(reached_target=True)))
    proposals = list(consultation_proposals(consultation))
    counts: dict[int, int] = dict(
        AnswerChoice.objects.filter(answer__consultation=consultation)
        .order_by()
        .values_list("proposal_id")
        .annotate(n=Count("pk"))
        .values_list("proposal_id", "n")
    )
    by_pk = {p.pk: p for p in proposals}
    rows = [
        ProposalRow(by_pk[row.key], row.count, row.share)
        for row in figures.chosen_counts([p.pk for p in proposals], counts, totals["n"])
    ]
    return Summary(
        consultation=consultation,
        answers=totals["n"],
        reached_target=totals["reached"],
        rows=rows,
        comments=list(summary_comments(consultation, with_hidden=with_hidden)),
    )


def filename(consultation: Consultation, extension: str) -> str:
    """borgerhoering-hjaelp-os-med-at-prioritere.xlsx"""
    return f"borgerhoering-{slugify(consultation.title)[:60] or consultation.pk}.{extension}"


def _header() -> list[str]:
    return [_("Code"), _("Proposal"), _("Committee"), _("Times chosen"), _("Share of answers (%)")]


def _proposal_values(row: ProposalRow) -> list[Any]:
    return [
        row.proposal.code,
        row.proposal.title,
        row.proposal.committee_name,
        row.count,
        row.share,
    ]


def write_csv(summary: Summary, writer: Any) -> None:
    """One row per proposal, most chosen first; the share with a decimal comma."""
    with translation.override(settings.LANGUAGE_CODE):
        writer.writerow(_header())
        for row in summary.rows:
            values = _proposal_values(row)
            values[-1] = format_number(row.share, 1)
            writer.writerow(values)


def workbook(summary: Summary) -> bytes:
    """ "Opsummering" (proposals, answers reaching the target) and "Svar" (one row per answer)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    consultation = summary.consultation
    with translation.override(settings.LANGUAGE_CODE):
        book = Workbook()
        book.properties.language = "da-DK"
        book.properties.title = _("Citizen consultation – %(title)s") % {
            "title": consultation.title
        }
        sheet = book.active
        assert sheet is not None
        sheet.title = "Opsummering"
        sheet.append([book.properties.title])
        sheet["A1"].font = Font(bold=True, size=14)
        sheet.append(
            [
                _("%(round)s, catalog version %(number)s. Open %(opens)s – %(closes)s.")
                % {
                    "round": consultation.version.round_name,
                    "number": consultation.version.number,
                    "opens": formats.date_format(consultation.opens_on, "j. F Y"),
                    "closes": formats.date_format(consultation.closes_on, "j. F Y"),
                }
            ]
        )
        sheet.append([_("Answers"), summary.answers])
        sheet.append(
            [_("Answers that reached the target"), summary.reached_target, summary.reached_share]
        )
        sheet.append([])
        sheet.append(_header())
        header_row = sheet.max_row
        for cell in sheet[header_row]:
            cell.font = Font(bold=True)
        for row in summary.rows:
            sheet.append(_proposal_values(row))
        for cell in sheet["E"][header_row:]:
            cell.number_format = "0.0"
        sheet["C4"].number_format = "0.0"
        for letter, width in zip("ABCDE", (32, 60, 32, 14, 18), strict=True):
            sheet.column_dimensions[letter].width = width
        sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)

        answers = book.create_sheet("Svar")
        answers.append(
            [
                _("Answer"),
                _("Received"),
                _("Reached the target"),
                _("Chosen proposals"),
                _("Comment"),
            ]
        )
        for cell in answers[1]:
            cell.font = Font(bold=True)
        chosen: dict[int, list[str]] = {}
        for answer_id, code in (
            AnswerChoice.objects.filter(answer__consultation=consultation)
            .order_by("answer_id", "proposal__position")
            .values_list("answer_id", "proposal__code")
        ):
            chosen.setdefault(answer_id, []).append(code)
        wrap = Alignment(wrap_text=True, vertical="top")
        for number, answer in enumerate(summary_answers(consultation).order_by("pk"), start=1):
            answers.append(
                [
                    number,
                    answer.submitted_on,
                    _("Yes") if answer.reached_target else _("No"),
                    ", ".join(chosen.get(answer.pk, [])),
                    _("(The comment is hidden.)") if answer.comment_hidden else answer.comment,
                ]
            )
        for row in answers.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = wrap
        for cell in answers["B"][1:]:
            cell.number_format = "DD-MM-YYYY"
        for letter, width in zip("ABCDE", (8, 12, 12, 40, 80), strict=True):
            answers.column_dimensions[letter].width = width
        answers.freeze_panes = "A2"
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()
