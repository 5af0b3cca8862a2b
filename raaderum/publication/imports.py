"""Proposals and their effects from the app's Excel template; every bad cell listed.

Layout (the template, template_workbook()): sheet "Forslag" has one row per proposal, keyed by
a number the user chooses (Nr.); sheet "Effekter" has one row per amount: Nr., service area,
year, amount. A long list of effects is clearer than one column per area × year, which would
be dozens of mostly empty columns, and it is the same layout as the export's "Effekter" sheet.

Reading and checking only: no ORM here (the view passes the municipality's committees, areas
and people as plain lookups); saving, all or nothing, is actions.do_import_proposals. Row
numbers are the spreadsheet's own (the column names are row 1).
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raaderum.lib import money
from raaderum.lib.forms import amount_error_message

MAX_FILE_SIZE = 5 * 1024 * 1024
MAX_PROPOSALS = 1000
MAX_EFFECTS = 20_000
XLSX_MAGIC = b"PK\x03\x04"
TITLE_MAX_LENGTH = 200
MAX_COLUMNS = 20

PROPOSALS_SHEET = "Forslag"
EFFECTS_SHEET = "Effekter"
GUIDE_SHEET = "Vejledning"

# Column key -> the heading in the template. The headings are Danish in every language: they
# are the file format, like the sheet names.
PROPOSAL_COLUMNS = {
    "key": "Nr.",
    "title": "Titel",
    "committee": "Udvalg (kode)",
    "type": "Type",
    "owner": "Forslagsejer (brugernavn)",
    "summary": "Resumé i klart sprog",
    "description": "Beskrivelse",
}
EFFECT_COLUMNS = {
    "key": "Nr.",
    "area": "Fagområde",
    "year": "År",
    "amount": "Beløb",
}
REQUIRED_PROPOSAL_COLUMNS = ("key", "title", "committee", "type", "owner")
REQUIRED_EFFECT_COLUMNS = ("key", "area", "year", "amount")

# Danish type names as the template lists them; English values are accepted too.
TYPE_NAMES = {
    "besparelse": "saving",
    "effektivisering": "efficiency",
    "investering": "investment",
    "budgetudvidelse": "expansion",
    "saving": "saving",
    "efficiency": "efficiency",
    "investment": "investment",
    "expansion": "expansion",
}

ACCOUNTS_SIGN = "accounts"  # as in the accounts: negative frees money
CATALOG_SIGN = "catalog"  # as the catalog shows it: positive is råderum

HEADER_HELP = gettext_lazy(
    "Use the template: the sheet “Forslag” must have the columns Nr., Titel, Udvalg (kode), "
    "Type and Forslagsejer (brugernavn) in its first row."
)


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message is for the user."""


@dataclass(frozen=True)
class CellError:
    sheet: str
    row: int
    column: str  # the column's letter and heading, "C (Udvalg (kode))"; empty for a whole row
    message: str


@dataclass(frozen=True)
class Lookups:
    """The municipality's names, as plain values."""

    committees: Mapping[str, int]  # code, upper case -> committee id
    areas: Mapping[str, list[int]]  # name, lower case -> area ids (a name may recur)
    qualified_areas: Mapping[str, int]  # "bu: folkeskoler" -> area id
    owners: Mapping[str, int]  # username, lower case -> user id
    years: Sequence[int]


@dataclass
class ImportedProposal:
    row: int
    key: str
    title: str
    committee_id: int
    type: str
    owner_id: int
    summary: str = ""
    description: str = ""
    effects: dict[tuple[int, int], int] = field(default_factory=dict)  # (area, year) -> kr.


@dataclass
class Result:
    proposals: list[ImportedProposal]
    errors: list[CellError]


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _normalise(heading: str) -> str:
    return " ".join(heading.lower().replace("_", " ").split())


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(index + 1))


def _read_sheet(
    records: Iterator[tuple[object, ...]], columns: Mapping[str, str], required: Sequence[str]
) -> tuple[dict[str, int], list[tuple[int, dict[str, object]]]] | None:
    """(column key -> index, [(row number, {key: cell})]); None when the headings are missing."""
    wanted = {_normalise(heading): key for key, heading in columns.items()}
    # Short forms people write instead of the template's headings.
    wanted.update({"udvalg": "committee", "forslagsejer": "owner", "resumé": "summary"})
    positions: dict[str, int] | None = None
    rows: list[tuple[int, dict[str, object]]] = []
    for number, record in enumerate(records, start=1):
        if not any(_text(cell) for cell in record):
            continue
        if positions is None:
            positions = {}
            for index, cell in enumerate(record):
                key = wanted.get(_normalise(_text(cell)))
                if key and key not in positions:
                    positions[key] = index
            if not set(required) <= set(positions):
                return None
            continue
        rows.append(
            (
                number,
                {key: record[i] if i < len(record) else None for key, i in positions.items()},
            )
        )
    if positions is None:
        return None
    return positions, rows


def _amount(value: object, unit: str) -> int:
    """Whole kroner from a cell in `unit`: a number, or text typed the Danish way."""
    if isinstance(value, bool):
        raise money.AmountError("invalid")
    if isinstance(value, int | float):
        try:
            # repr() of a float is its shortest exact decimal: 12.5 stays 12.5, not 12.4999…
            exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        except InvalidOperation as error:
            raise money.AmountError("invalid") from error
        if not exact.is_finite():
            raise money.AmountError("invalid")
        kroner = exact * money.UNITS[unit]
        if kroner != kroner.to_integral_value():
            raise money.AmountError("not_whole_kroner")
        if abs(kroner) > money.MAX_AMOUNT:
            raise money.AmountError("too_large")
        return int(kroner)
    result = money.parse_amount(_text(value), unit)
    assert result is not None
    return result


def _open(data: bytes) -> Any:
    from openpyxl import load_workbook

    unreadable = ImportFileError(
        _("The file could not be read as an Excel workbook (.xlsx). Save it again from Excel.")
    )
    if not data.startswith(XLSX_MAGIC):
        raise unreadable
    # A damaged workbook makes zipfile and openpyxl fail with almost any exception (zlib.error,
    # an XML ParseError, EOFError, IndexError, NotImplementedError...): each means unreadable.
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:
        raise unreadable from error


def _sheet(workbook: Any, name: str) -> Any:
    for sheet in workbook.worksheets:
        if sheet.title.strip().lower() == name.lower():
            return sheet
    return None


def read_workbook(data: bytes, lookups: Lookups, *, unit: str, sign: str) -> Result:
    """Every proposal of the workbook, or every error in it (row, column and what is wrong)."""
    workbook = _open(data)
    try:
        proposals_sheet = _sheet(workbook, PROPOSALS_SHEET)
        if proposals_sheet is None:
            raise ImportFileError(str(HEADER_HELP))
        read = _read_sheet(
            proposals_sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True),
            PROPOSAL_COLUMNS,
            REQUIRED_PROPOSAL_COLUMNS,
        )
        if read is None:
            raise ImportFileError(str(HEADER_HELP))
        proposal_positions, proposal_rows = read
        effects_sheet = _sheet(workbook, EFFECTS_SHEET)
        effect_positions: dict[str, int] = {}
        effect_rows: list[tuple[int, dict[str, object]]] = []
        if effects_sheet is not None:
            read = _read_sheet(
                effects_sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True),
                EFFECT_COLUMNS,
                REQUIRED_EFFECT_COLUMNS,
            )
            if read is None:
                raise ImportFileError(
                    _(
                        "The sheet “Effekter” must have the columns Nr., Fagområde, År and "
                        "Beløb in its first row, as in the template."
                    )
                )
            effect_positions, effect_rows = read
    except ImportFileError:
        raise
    except Exception as error:  # damaged further in: see _open()
        raise ImportFileError(
            _("The file could not be read as an Excel workbook (.xlsx). Save it again from Excel.")
        ) from error
    finally:
        workbook.close()
    if not proposal_rows:
        raise ImportFileError(_("The sheet “Forslag” has no proposals."))
    if len(proposal_rows) > MAX_PROPOSALS or len(effect_rows) > MAX_EFFECTS:
        raise ImportFileError(
            _("At most %(proposals)s proposals and %(effects)s effects at a time. Split the file.")
            % {"proposals": MAX_PROPOSALS, "effects": MAX_EFFECTS}
        )
    return check(
        proposal_rows, proposal_positions, effect_rows, effect_positions, lookups, unit, sign
    )


def check(
    proposal_rows: list[tuple[int, dict[str, object]]],
    proposal_positions: Mapping[str, int],
    effect_rows: list[tuple[int, dict[str, object]]],
    effect_positions: Mapping[str, int],
    lookups: Lookups,
    unit: str,
    sign: str,
) -> Result:
    errors: list[CellError] = []

    def error(sheet: str, row: int, positions: Mapping[str, int], key: str, message: str) -> None:
        columns = PROPOSAL_COLUMNS if sheet == PROPOSALS_SHEET else EFFECT_COLUMNS
        column = f"{_letter(positions[key])} ({columns[key]})" if key in positions else ""
        errors.append(CellError(sheet, row, column, message))

    by_key: dict[str, ImportedProposal] = {}
    for number, cells in proposal_rows:
        P = PROPOSALS_SHEET
        problems = len(errors)
        key = _text(cells.get("key"))
        title = _text(cells.get("title"))
        committee_code = _text(cells.get("committee")).upper()
        type_name = _text(cells.get("type")).lower()
        username = _text(cells.get("owner")).lower()
        if not key:
            error(P, number, proposal_positions, "key", _("Write a number for the proposal."))
        elif key in by_key:
            error(
                P,
                number,
                proposal_positions,
                "key",
                _("The number %(key)s is also used in row %(row)s. Each proposal needs its own.")
                % {"key": key, "row": by_key[key].row},
            )
        if not title:
            error(P, number, proposal_positions, "title", _("The title is empty."))
        elif len(title) > TITLE_MAX_LENGTH:
            error(
                P,
                number,
                proposal_positions,
                "title",
                _("The title has %(length)s characters; at most %(max)s are allowed.")
                % {"length": len(title), "max": TITLE_MAX_LENGTH},
            )
        if not committee_code:
            error(P, number, proposal_positions, "committee", _("Write the committee's code."))
        elif committee_code not in lookups.committees:
            error(
                P,
                number,
                proposal_positions,
                "committee",
                _("There is no committee with the code “%(code)s”. Use one of: %(codes)s.")
                % {"code": committee_code[:20], "codes": ", ".join(sorted(lookups.committees))},
            )
        if type_name not in TYPE_NAMES:
            error(
                P,
                number,
                proposal_positions,
                "type",
                _("Write the type as besparelse, effektivisering, investering or budgetudvidelse."),
            )
        if not username:
            error(P, number, proposal_positions, "owner", _("Write the owner's user name."))
        elif username not in lookups.owners:
            error(
                P,
                number,
                proposal_positions,
                "owner",
                _(
                    "“%(name)s” is not the user name of a budget officer, director or proposal "
                    "owner in the municipality."
                )
                % {"name": username[:60]},
            )
        if len(errors) == problems:
            by_key[key] = ImportedProposal(
                row=number,
                key=key,
                title=title,
                committee_id=lookups.committees[committee_code],
                type=TYPE_NAMES[type_name],
                owner_id=lookups.owners[username],
                summary=_text(cells.get("summary")),
                description=_text(cells.get("description")),
            )
        elif key and key not in by_key:
            by_key[key] = ImportedProposal(number, key, title, 0, "", 0)  # for the effects' check
    valid_keys = {key for key, p in by_key.items() if p.committee_id}
    seen: dict[tuple[str, int, int], int] = {}
    factor = -1 if sign == CATALOG_SIGN else 1
    for number, cells in effect_rows:
        E = EFFECTS_SHEET
        problems = len(errors)
        key = _text(cells.get("key"))
        area_name = _normalise(_text(cells.get("area")))
        year_text = _text(cells.get("year"))
        area_id = year = amount = 0
        if not key:
            error(E, number, effect_positions, "key", _("Write the proposal's number."))
        elif key not in by_key:
            error(
                E,
                number,
                effect_positions,
                "key",
                _("No proposal has the number %(key)s in the sheet “Forslag”.") % {"key": key[:20]},
            )
        if not area_name:
            error(E, number, effect_positions, "area", _("Write the service area."))
        elif area_name in lookups.qualified_areas:
            area_id = lookups.qualified_areas[area_name]
        elif len(lookups.areas.get(area_name, [])) == 1:
            area_id = lookups.areas[area_name][0]
        elif area_name in lookups.areas:
            error(
                E,
                number,
                effect_positions,
                "area",
                _(
                    "Several committees have a service area of that name. Write the committee's "
                    "code first, e.g. “BU: %(name)s”."
                )
                % {"name": _text(cells.get("area"))[:60]},
            )
        else:
            error(
                E,
                number,
                effect_positions,
                "area",
                _("There is no service area called “%(name)s” in the municipality.")
                % {"name": _text(cells.get("area"))[:60]},
            )
        if year_text.isdigit() and int(year_text) in lookups.years:
            year = int(year_text)
        else:
            error(
                E,
                number,
                effect_positions,
                "year",
                _("The year must be one of the round's years, %(first)s–%(last)s.")
                % {"first": lookups.years[0], "last": lookups.years[-1]},
            )
        try:
            amount = _amount(cells.get("amount"), unit) * factor
        except money.AmountError as problem:
            error(E, number, effect_positions, "amount", amount_error_message(problem))
        if len(errors) > problems:
            continue
        if (key, area_id, year) in seen:
            error(
                E,
                number,
                effect_positions,
                "",
                _("Row %(row)s already has an amount for the same proposal, area and year.")
                % {"row": seen[(key, area_id, year)]},
            )
            continue
        seen[(key, area_id, year)] = number
        if key in valid_keys:
            by_key[key].effects[(area_id, year)] = amount
    errors.sort(key=lambda e: (e.sheet != PROPOSALS_SHEET, e.row))
    return Result([p for p in by_key.values() if p.committee_id], errors)


def template_workbook(
    committees: Sequence[tuple[str, str]],
    areas: Sequence[tuple[str, str]],
    owners: Sequence[tuple[str, str]],
    years: Sequence[int],
) -> bytes:
    """The template to fill in, with an example row and a guide to the allowed values.

    committees: (code, name); areas: (committee code, area name); owners: (username, name).
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.properties.language = "da-DK"
    proposals = workbook.active
    assert proposals is not None
    proposals.title = PROPOSALS_SHEET
    proposals.append(list(PROPOSAL_COLUMNS.values()))
    effects = workbook.create_sheet(EFFECTS_SHEET)
    effects.append(list(EFFECT_COLUMNS.values()))
    for sheet, widths in ((proposals, (8, 50, 16, 18, 26, 70, 70)), (effects, (8, 40, 8, 16))):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for index, width in enumerate(widths):
            sheet.column_dimensions[_letter(index)].width = width
        sheet.freeze_panes = "A2"
    guide = workbook.create_sheet(GUIDE_SHEET)
    lines: list[Sequence[object]] = [
        [_("How to fill in the template")],
        [_("One row per proposal in “Forslag”; Nr. is any number you choose.")],
        [_("One row per amount in “Effekter”: the proposal's Nr., service area, year, amount.")],
        [_("On upload you say whether amounts are in kr. or 1,000 kr., and their sign.")],
        [],
        [_("Committee codes")],
        *([code, name] for code, name in committees),
        [],
        [_("Types")],
        *([name] for name in ("besparelse", "effektivisering", "investering", "budgetudvidelse")),
        [],
        [_("Service areas (committee: area)")],
        *([f"{code}: {name}"] for code, name in areas),
        [],
        [_("Years")],
        *([year] for year in years),
        [],
        [_("User names of possible owners")],
        *([username, name] for username, name in owners),
    ]
    for line in lines:
        guide.append(line)
    guide.column_dimensions["A"].width = 60
    guide.column_dimensions["B"].width = 40
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
