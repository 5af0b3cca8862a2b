"""The round's questions and answers as Excel (openpyxl) and PDF (WeasyPrint).

Both list what the reader may see (raaderum.questions.access) and show an answer only once the
budget office has approved it: an export is passed on, drafts are not.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from raaderum.questions.models import Question
from raaderum.rounds.models import BudgetRound


@dataclass
class QuestionList:
    round: BudgetRound
    questions: list[Question]
    today: date

    def filename(self, extension: str) -> str:
        """budgetspoergsmaal-budget-2027-2030.xlsx"""
        name = slugify(self.round.name.replace("–", "-").replace("—", "-"))
        return f"budgetspoergsmaal-{name}.{extension}"


def _asker(question: Question) -> str:
    name = str(question.asked_by)
    return f"{name} ({question.asker_party})" if question.asker_party else name


def _day(value: date | None) -> str:
    return formats.date_format(value, "j. F Y") if value else ""


def workbook(listing: QuestionList) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    with translation.override(settings.LANGUAGE_CODE):
        book = Workbook()
        book.properties.language = "da-DK"
        book.properties.title = _("Budget questions – %(name)s") % {"name": listing.round.name}
        sheet = book.active
        assert sheet is not None
        sheet.title = "Spørgsmål"
        sheet.append([book.properties.title])
        sheet["A1"].font = Font(bold=True, size=14)
        sheet.append(
            [
                _("Made on %(date)s. Answers are shown once the budget office has approved them.")
                % {"date": _day(listing.today)}
            ]
        )
        sheet.append([])
        sheet.append(
            [
                _("No."),
                _("Asked by"),
                _("Asked"),
                _("About"),
                _("Question"),
                _("Answered by"),
                _("Deadline"),
                _("Status"),
                _("Answer"),
                _("Approved"),
                _("Public"),
            ]
        )
        for cell in sheet[4]:
            cell.font = Font(bold=True)
        for question in listing.questions:
            answered = question.is_answered
            sheet.append(
                [
                    question.number,
                    _asker(question),
                    timezone.localtime(question.asked_at).date(),
                    question.subject_label,
                    question.text,
                    str(question.assignee) if question.assignee else _("The budget office"),
                    question.deadline,
                    question.get_status_display(),
                    question.answer if answered else "",
                    timezone.localtime(question.approved_at).date()
                    if answered and question.approved_at
                    else None,
                    _("Yes") if question.public else _("No"),
                ]
            )
        wrap = Alignment(wrap_text=True, vertical="top")
        for row in sheet.iter_rows(min_row=5):
            for cell in row:
                cell.alignment = wrap
        for letter in "CGJ":
            for cell in sheet[letter][4:]:
                cell.number_format = "DD-MM-YYYY"
        widths = {"A": 6, "B": 28, "C": 12, "D": 32, "E": 60, "F": 24, "G": 12, "H": 18}
        widths.update({"I": 80, "J": 12, "K": 10})
        for letter, width in widths.items():
            sheet.column_dimensions[letter].width = width
        sheet.freeze_panes = "B5"
        sheet.print_title_rows = "4:4"
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()


def pdf(listing: QuestionList) -> bytes:
    # The catalog PDF's renderer: local fonts only, never the network.
    from raaderum.publication.pdf import render_pdf

    with translation.override(settings.LANGUAGE_CODE):
        html = render_to_string(
            "questions/questions_pdf.html",
            {
                "round": listing.round,
                "municipality": listing.round.municipality,
                "questions": listing.questions,
                "today": listing.today,
            },
        )
    content, _pages = render_pdf(html)
    return content
