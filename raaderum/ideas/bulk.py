"""Ideas entered in bulk: lines pasted from a list, or a spreadsheet (.xlsx or .csv).

Reads the rows and says what is wrong with each; saving them, all or nothing, is
actions.do_import_ideas. No ORM here. Row numbers are the ones the user sees: the line of the
pasted text, or the spreadsheet row (the column names are row 1).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raaderum.ideas.models import DESCRIPTION_MAX_LENGTH, TITLE_MAX_LENGTH

MAX_FILE_SIZE = 2 * 1024 * 1024
MAX_ROWS = 1000
NAME_MAX_LENGTH = 200
FILE_TYPES = (".xlsx", ".csv")
XLSX_MAGIC = b"PK\x03\x04"
MAX_COLUMNS = 20  # columns further right are not read

# The column names of the template, and what else people call them.
COLUMNS = ("title", "description", "name", "email")
HEADER_ROW = ("Titel", "Beskrivelse", "Navn", "E-mail")
_HEADER_NAMES = {
    "titel": "title",
    "title": "title",
    "overskrift": "title",
    "beskrivelse": "description",
    "description": "description",
    "navn": "name",
    "name": "name",
    "email": "email",
    "e-mail": "email",
    "mail": "email",
    "e-mailadresse": "email",
}

HEADER_HELP = gettext_lazy(
    "The first row must name the columns Titel and Beskrivelse, and optionally Navn and "
    "E-mail. Download the template to see how."
)


class ImportFileError(Exception):
    """The file or text as a whole cannot be read; the message is for the user."""


@dataclass
class Row:
    number: int
    title: str = ""
    description: str = ""
    name: str = ""
    email: str = ""


@dataclass
class RowError:
    number: int
    messages: list[str] = field(default_factory=list)
    title: str = ""  # the start of the row's title, to help find it


def _text(value: object) -> str:
    """A cell as text: spreadsheets give numbers and dates, ideas are words."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _normalise(header: str) -> str:
    return header.strip().lower().replace(" ", "").replace("_", "")


def _too_many_rows() -> ImportFileError:
    return ImportFileError(
        _("At most %(max)s ideas can be entered at a time. Split the list.") % {"max": MAX_ROWS}
    )


def _rows_with_header(records: Iterable[tuple[int, Sequence[object]]]) -> list[Row]:
    """Rows of a spreadsheet whose first non-empty row names the columns."""
    columns: dict[int, str] | None = None
    rows: list[Row] = []
    for number, record in records:
        cells = [_text(cell) for cell in record]
        if not any(cells):
            continue
        if columns is None:
            columns = {
                index: _HEADER_NAMES[_normalise(cell)]
                for index, cell in enumerate(cells)
                if _normalise(cell) in _HEADER_NAMES
            }
            if not {"title", "description"} <= set(columns.values()):
                raise ImportFileError(str(HEADER_HELP))
            continue
        if len(rows) == MAX_ROWS:
            raise _too_many_rows()
        row = Row(number=number)
        for index, name in columns.items():
            if index < len(cells) and not getattr(row, name):
                setattr(row, name, cells[index])
        rows.append(row)
    if columns is None:
        raise ImportFileError(str(HEADER_HELP))
    return rows


def rows_from_paste(text: str) -> list[Row]:
    """One idea per line: title, then a tab and the description (and name and e-mail).

    Copying rows from a spreadsheet gives exactly that. A first line naming the columns
    (Titel, ...) is skipped.
    """
    rows: list[Row] = []
    for number, line in enumerate(text.splitlines(), start=1):
        cells = [cell.strip() for cell in line.split("\t", maxsplit=3)]
        if not any(cells):
            continue
        if not rows and _HEADER_NAMES.get(_normalise(cells[0])) == "title":
            continue
        if len(rows) == MAX_ROWS:
            raise _too_many_rows()
        rows.append(Row(number, *cells))
    return rows


def rows_from_csv(data: bytes) -> list[Row]:
    """CSV in UTF-8 (with or without the BOM Excel writes), separated by ; or ,."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _(
                "The file is not in UTF-8. In Excel, save it as “CSV UTF-8 (comma delimited)” "
                "and try again."
            )
        ) from error
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as error:
        raise ImportFileError(
            _("The CSV file could not be read: %(error)s") % {"error": error}
        ) from error
    return _rows_with_header(enumerate(records, start=1))


def rows_from_xlsx(data: bytes) -> list[Row]:
    """The first sheet of an Excel workbook; formulas count by the value Excel last saved."""
    from openpyxl import load_workbook

    unreadable = ImportFileError(
        _("The file could not be read as an Excel workbook (.xlsx). Save it again from Excel.")
    )
    if not data.startswith(XLSX_MAGIC):
        raise unreadable
    # A damaged workbook makes zipfile and openpyxl fail with almost any exception (zlib.error,
    # an XML ParseError, EOFError, IndexError, NotImplementedError...): each means unreadable.
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:
        raise unreadable from error
    try:
        sheet = workbook.worksheets[0]
        records = enumerate(sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), 1)
        return _rows_with_header(records)
    except ImportFileError:
        raise
    except Exception as error:
        raise unreadable from error
    finally:
        workbook.close()


def rows_from_file(name: str, data: bytes) -> list[Row]:
    if name.lower().endswith(".csv"):
        return rows_from_csv(data)
    return rows_from_xlsx(data)


def row_errors(row: Row) -> list[str]:
    messages = []
    if not row.title:
        messages.append(_("The title is empty."))
    elif len(row.title) > TITLE_MAX_LENGTH:
        messages.append(
            _("The title has %(length)s characters; at most %(max)s are allowed.")
            % {"length": len(row.title), "max": TITLE_MAX_LENGTH}
        )
    if len(row.description) > DESCRIPTION_MAX_LENGTH:
        messages.append(
            _("The description has %(length)s characters; at most %(max)s are allowed.")
            % {"length": len(row.description), "max": DESCRIPTION_MAX_LENGTH}
        )
    if len(row.name) > NAME_MAX_LENGTH:
        messages.append(
            _("The name has %(length)s characters; at most %(max)s are allowed.")
            % {"length": len(row.name), "max": NAME_MAX_LENGTH}
        )
    if row.email:
        try:
            validate_email(row.email)
        except ValidationError:
            messages.append(
                _("“%(email)s” is not a valid e-mail address.") % {"email": row.email[:100]}
            )
    if "\x00" in row.title + row.description + row.name + row.email:
        messages.append(_("The row contains a null character."))
    return messages


def check_rows(rows: Iterable[Row]) -> list[RowError]:
    """Every row with something wrong, in order, each with all that is wrong with it."""
    return [
        RowError(row.number, errors, row.title[:60]) for row in rows if (errors := row_errors(row))
    ]


def template_workbook() -> bytes:
    """An empty workbook with the column names, to fill in and upload."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Idéer"
    sheet.append(list(HEADER_ROW))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCD", (50, 80, 30, 30), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
