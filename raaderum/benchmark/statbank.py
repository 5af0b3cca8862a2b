"""Danmarks Statistik's Statistikbanken: the API call, and the CSV it answers with.

The same CSV comes from the API and from a file the budget office saved from it, so both go
through `parse_csv`. Two tables are understood:

- REGK31, the kommuners' accounts by kontoplan function: columns
  OMRÅDE;FUNKTION;DRANST;ART;PRISENHED;TID;INDHOLD. Only net operating expenditure is kept
  (DRANST 1, ART TOT) in 1.000 kr. at current prices (PRISENHED LOBM); it is stored in kroner.
- FOLK1A, the population on the 1st of each quarter: columns OMRÅDE;KØN;ALDER;CIVILSTAND;TID;
  INDHOLD. Only both sexes (KØN TOT) and all marital statuses (CIVILSTAND TOT) are kept, per
  single year of age (ALDER 0..125) and in total (IALT); the 1st quarter stands for its year.

The CSV is `;`-separated UTF-8 with a byte order mark, one header line naming the variables, the
figure last in INDHOLD. Values are codes (valuePresentation "Code"); "code text" as from
"CodeAndValue" is read too. Rows for the whole country, the regions and Christiansø are skipped.
A file with any error imports nothing: every error is listed, every unknown code named.
"""

from __future__ import annotations

import csv
import io
import json
import re
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from raaderum.benchmark.kommuner import is_skipped_area

API_URL = "https://api.statbank.dk/v1/data"
TIMEOUT_SECONDS = 30
MAX_RESPONSE_BYTES = 50 * 1024 * 1024  # a year of FOLK1A for every kommune is ~1 MB
MAX_LINE_ERRORS = 20  # lines listed by number; the rest are counted

SPENDING = "REGK31"
POPULATION = "FOLK1A"

SPENDING_COLUMNS = ("OMRÅDE", "FUNKTION", "DRANST", "ART", "PRISENHED", "TID", "INDHOLD")
POPULATION_COLUMNS = ("OMRÅDE", "ALDER", "TID", "INDHOLD")

_LEADING_CODE = re.compile(r"^\s*([0-9A-Za-z.]+)")
_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})K([1-4])$")
_FUNCTION_DOTTED = re.compile(r"^(\d)\.(\d{2})\.(\d{2})$")
_FUNCTION_DIGITS = re.compile(r"^\d{4,5}$")
_NUMBER = re.compile(r"^-?\d+(?:[.,]\d+)?$")
MISSING_VALUES = {"..", ".", "-", ""}


class StatbankError(Exception):
    """The answer or file cannot be used; `messages` says every reason, in Danish."""

    def __init__(self, messages: Sequence[str]) -> None:
        self.messages = list(messages)
        super().__init__(" ".join(self.messages))


@dataclass(frozen=True)
class SpendingRow:
    kommune: int
    function: str  # as in the kontoplan: 3.22.01
    year: int
    amount: int  # kr.


@dataclass(frozen=True)
class PopulationRow:
    kommune: int
    year: int
    age: int | None  # None: all ages (IALT)
    count: int


@dataclass
class ParsedTable:
    table: str  # SPENDING or POPULATION
    spending: list[SpendingRow] = field(default_factory=list)
    population: list[PopulationRow] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)

    @property
    def rows(self) -> int:
        return len(self.spending) + len(self.population)

    @property
    def years(self) -> list[int]:
        return sorted({r.year for r in self.spending} | {r.year for r in self.population})

    @property
    def kommuner(self) -> list[int]:
        return sorted({r.kommune for r in self.spending} | {r.kommune for r in self.population})

    @property
    def functions(self) -> list[str]:
        return sorted({row.function for row in self.spending})


# The API call -------------------------------------------------------------------------------


def api_function_code(function: str) -> str:
    """3.22.01 → 32201; 0.28.20 → 2820 (the tables drop the dots and a leading zero)."""
    return str(int(function.replace(".", "")))


def spending_request(
    functions: Iterable[str], years: Iterable[int], kommuner: Iterable[int] | None = None
) -> dict[str, Any]:
    """REGK31: net operating expenditure (1.000 kr., current prices) by kommune and function."""
    return {
        "table": SPENDING,
        "format": "CSV",
        "lang": "da",
        "valuePresentation": "Code",
        "variables": [
            {"code": "OMRÅDE", "values": _area_values(kommuner)},
            {"code": "FUNKTION", "values": [api_function_code(f) for f in sorted(set(functions))]},
            {"code": "DRANST", "values": ["1"]},
            {"code": "ART", "values": ["TOT"]},
            {"code": "PRISENHED", "values": ["LOBM"]},
            {"code": "Tid", "values": [str(year) for year in sorted(set(years))]},
        ],
    }


def population_request(
    years: Iterable[int], kommuner: Iterable[int] | None = None
) -> dict[str, Any]:
    """FOLK1A: inhabitants on 1 January by kommune and single year of age."""
    return {
        "table": POPULATION,
        "format": "CSV",
        "lang": "da",
        "valuePresentation": "Code",
        "variables": [
            {"code": "OMRÅDE", "values": _area_values(kommuner)},
            {"code": "KØN", "values": ["TOT"]},
            {"code": "ALDER", "values": ["*"]},
            {"code": "CIVILSTAND", "values": ["TOT"]},
            {"code": "Tid", "values": [f"{year}K1" for year in sorted(set(years))]},
        ],
    }


def _area_values(kommuner: Iterable[int] | None) -> list[str]:
    return ["*"] if kommuner is None else [f"{code:03d}" for code in sorted(set(kommuner))]


def fetch(body: dict[str, Any], *, url: str = API_URL, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """POST the request as JSON and return the CSV; every failure as a Danish StatbankError."""
    request = urllib.request.Request(  # noqa: S310 - the URL is ours: https, or a test's stub
        url,
        data=json.dumps(body).encode("utf-8"),
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "Accept": "text/csv, application/json",
            "User-Agent": "Raaderum (benchmark import)",
        },
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            content: bytes = response.read(MAX_RESPONSE_BYTES + 1)
    except urllib.error.HTTPError as error:
        raise StatbankError([_http_error_message(error)]) from error
    except TimeoutError as error:
        raise StatbankError([_timeout_message(timeout)]) from error
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise StatbankError([_timeout_message(timeout)]) from error
        raise StatbankError(
            [
                _("Danmarks Statistik could not be reached (%(reason)s). Try again later.")
                % {"reason": error.reason}
            ]
        ) from error
    except OSError as error:
        raise StatbankError(
            [
                _("The connection to Danmarks Statistik failed (%(reason)s). Try again later.")
                % {"reason": error}
            ]
        ) from error
    if len(content) > MAX_RESPONSE_BYTES:
        raise StatbankError(
            [_("The answer from Danmarks Statistik is too large. Ask for fewer years.")]
        )
    return content


def _timeout_message(timeout: float) -> str:
    return _("Danmarks Statistik did not answer within %(seconds)s seconds. Try again later.") % {
        "seconds": f"{timeout:g}".replace(".", ",")
    }


def _http_error_message(error: urllib.error.HTTPError) -> str:
    """The API answers 400 with {"errorTypeCode": ..., "message": ...} when it refuses a request."""
    detail = ""
    try:
        body = json.loads(error.read(64 * 1024).decode("utf-8-sig"))
        if isinstance(body, dict):
            detail = str(body.get("message") or body.get("errorTypeCode") or "")
    except (ValueError, OSError):
        pass
    if error.code == 400 and detail:
        return _("Danmarks Statistik refused the request: %(detail)s") % {"detail": detail}
    if detail:
        return _("Danmarks Statistik answered with error %(status)s: %(detail)s") % {
            "status": error.code,
            "detail": detail,
        }
    return _("Danmarks Statistik answered with error %(status)s. Try again later.") % {
        "status": error.code
    }


# The CSV ------------------------------------------------------------------------------------


def decode(content: bytes) -> str:
    """UTF-8 (with or without a byte order mark); a file saved from Excel may be Windows-1252."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def parse_csv(content: bytes, known_kommuner: Collection[int]) -> ParsedTable:
    """The rows of a REGK31 or FOLK1A CSV; StatbankError with every problem if any."""
    text = decode(content)
    if not text.strip():
        raise StatbankError([_("The file is empty.")])
    first_line = text.splitlines()[0]
    delimiter = next((d for d in (";", "\t", ",") if d in first_line), ";")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [column.strip().upper() for column in next(reader)]
    if set(SPENDING_COLUMNS) <= set(header):
        parser: _Parser = _SpendingParser(header, known_kommuner)
    elif set(POPULATION_COLUMNS) <= set(header) and "FUNKTION" not in header:
        parser = _PopulationParser(header, known_kommuner)
    else:
        raise StatbankError([_header_message(header)])
    for line_number, cells in enumerate(reader, start=2):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            parser.line_error(
                line_number,
                _("%(found)s columns instead of %(expected)s")
                % {"found": len(cells), "expected": len(header)},
            )
            continue
        parser.row(line_number, dict(zip(header, (cell.strip() for cell in cells), strict=True)))
    return parser.result()


def _header_message(header: Sequence[str]) -> str:
    return _(
        "The file is not a table from Statistikbanken in the expected format. The first line "
        "must name the columns: %(spending)s (REGK31) or %(population)s (FOLK1A). This file "
        "has: %(found)s."
    ) % {
        "spending": ";".join(SPENDING_COLUMNS),
        "population": "OMRÅDE;KØN;ALDER;CIVILSTAND;TID;INDHOLD",
        "found": ";".join(header) or "–",
    }


def leading_code(value: str) -> str:
    """The code of a cell: "707" of "707" and of "707 Norddjurs" (CodeAndValue)."""
    match = _LEADING_CODE.match(value)
    return match.group(1) if match else value.strip()


def kontoplan_function(value: str) -> str | None:
    """32201, 2820 or 3.22.01 → "3.22.01"/"0.28.20"; None if it is no function code."""
    code = leading_code(value)
    dotted = _FUNCTION_DOTTED.match(code)
    if dotted:
        return code
    if _FUNCTION_DIGITS.match(code):
        digits = code.zfill(5)
        if digits[0] == "9":  # 9 is the balance sheet, never an expenditure function
            return None
        return f"{digits[0]}.{digits[1:3]}.{digits[3:5]}"
    return None


class _Parser:
    table = ""

    def __init__(self, header: Sequence[str], known_kommuner: Collection[int]) -> None:
        self.header = header
        self.known = set(known_kommuner)
        self.parsed = ParsedTable(table=self.table)
        self.line_errors: list[tuple[int, str]] = []
        self.unknown_kommuner: set[str] = set()
        self.unknown_functions: set[str] = set()
        self.seen: dict[tuple[object, ...], int] = {}

    def line_error(self, line: int, message: str) -> None:
        self.line_errors.append((line, message))

    def kommune(self, line: int, value: str) -> int | None:
        """The kommune number, or None (skipped or unknown, recorded)."""
        code = leading_code(value)
        if not code.isdigit():
            self.unknown_kommuner.add(value)
            return None
        number = int(code)
        if is_skipped_area(number):
            self.parsed.skipped["areas"] += 1
            return None
        if number not in self.known:
            self.unknown_kommuner.add(code)
            return None
        return number

    def value(self, line: int, text: str) -> Decimal | None:
        if text in MISSING_VALUES:
            self.parsed.skipped["missing"] += 1
            return None
        if not _NUMBER.match(text):
            self.line_error(line, _("INDHOLD is not a number: »%(value)s«") % {"value": text})
            return None
        return Decimal(text.replace(",", "."))

    def once(self, line: int, key: tuple[object, ...]) -> bool:
        if key in self.seen:
            self.line_error(
                line,
                _("the same figure as line %(line)s once more") % {"line": self.seen[key]},
            )
            return False
        self.seen[key] = line
        return True

    def row(self, line: int, cells: dict[str, str]) -> None:
        raise NotImplementedError

    def nothing_message(self) -> str:
        raise NotImplementedError

    def result(self) -> ParsedTable:
        messages: list[str] = []
        if self.unknown_kommuner:
            codes = sorted(self.unknown_kommuner, key=lambda c: (not c.isdigit(), c.zfill(3)))
            messages.append(
                ngettext(
                    "Unknown kommune number: %(codes)s. Use Danmarks Statistik's numbers "
                    "(valuePresentation »Code«).",
                    "Unknown kommune numbers: %(codes)s. Use Danmarks Statistik's numbers "
                    "(valuePresentation »Code«).",
                    len(codes),
                )
                % {"codes": ", ".join(codes)}
            )
        if self.unknown_functions:
            codes = sorted(self.unknown_functions)
            messages.append(
                ngettext(
                    "Unknown kontoplan function: %(codes)s.",
                    "Unknown kontoplan functions: %(codes)s.",
                    len(codes),
                )
                % {"codes": ", ".join(codes)}
            )
        if self.line_errors:
            for line, message in self.line_errors[:MAX_LINE_ERRORS]:
                messages.append(
                    _("Line %(line)s: %(message)s.") % {"line": line, "message": message}
                )
            more = len(self.line_errors) - MAX_LINE_ERRORS
            if more > 0:
                messages.append(
                    ngettext(
                        "… and %(count)s more line with errors.",
                        "… and %(count)s more lines with errors.",
                        more,
                    )
                    % {"count": more}
                )
        if not messages and not self.parsed.rows:
            messages.append(self.nothing_message())
        if messages:
            raise StatbankError(messages)
        return self.parsed


class _SpendingParser(_Parser):
    table = SPENDING

    def row(self, line: int, cells: dict[str, str]) -> None:
        kind = (
            leading_code(cells["DRANST"]),
            leading_code(cells["ART"]).upper(),
            leading_code(cells["PRISENHED"]).upper(),
        )
        kommune = self.kommune(line, cells["OMRÅDE"])
        function = kontoplan_function(cells["FUNKTION"])
        if function is None:
            self.unknown_functions.add(cells["FUNKTION"])
        year_match = _YEAR.match(cells["TID"])
        if not year_match:
            self.line_error(
                line,
                _("TID must be a year such as 2024, not »%(value)s«") % {"value": cells["TID"]},
            )
        if kind != ("1", "TOT", "LOBM"):
            self.parsed.skipped["other_kind"] += 1
            return
        value = self.value(line, cells["INDHOLD"])
        if kommune is None or function is None or year_match is None or value is None:
            return
        year = int(year_match.group(1))
        if self.once(line, (kommune, function, year)):
            amount = int((value * 1000).quantize(Decimal(1), ROUND_HALF_UP))
            self.parsed.spending.append(SpendingRow(kommune, function, year, amount))

    def nothing_message(self) -> str:
        return _(
            "The file holds no net operating expenditure in 1.000 kr. Choose DRANST 1 "
            "(operating), ART TOT (net) and PRISENHED LOBM (1.000 kr., current prices)."
        )


class _PopulationParser(_Parser):
    table = POPULATION

    def row(self, line: int, cells: dict[str, str]) -> None:
        if "KØN" in cells and leading_code(cells["KØN"]).upper() != "TOT":
            self.parsed.skipped["other_kind"] += 1
            return
        if "CIVILSTAND" in cells and leading_code(cells["CIVILSTAND"]).upper() != "TOT":
            self.parsed.skipped["other_kind"] += 1
            return
        kommune = self.kommune(line, cells["OMRÅDE"])
        age_code = leading_code(cells["ALDER"]).upper()
        age: int | None
        if age_code == "IALT":
            age = None
        elif age_code.isdigit() and int(age_code) <= 125:
            age = int(age_code)
        else:
            self.line_error(
                line,
                _("ALDER must be IALT or an age 0–125, not »%(value)s«")
                % {"value": cells["ALDER"]},
            )
            return
        time = cells["TID"].upper()
        quarter = _QUARTER.match(time)
        year_match = _YEAR.match(time)
        if quarter:
            if quarter.group(2) != "1":
                self.parsed.skipped["other_quarter"] += 1
                return
            year = int(quarter.group(1))
        elif year_match:
            year = int(year_match.group(1))
        else:
            self.line_error(
                line,
                _("TID must be a quarter such as 2024K1, not »%(value)s«")
                % {"value": cells["TID"]},
            )
            return
        value = self.value(line, cells["INDHOLD"])
        if kommune is None or value is None:
            return
        if value < 0 or value != value.to_integral_value():
            self.line_error(
                line,
                _("a number of inhabitants must be a whole number, not »%(value)s«")
                % {"value": cells["INDHOLD"]},
            )
            return
        if self.once(line, (kommune, year, age)):
            self.parsed.population.append(PopulationRow(kommune, year, age, int(value)))

    def nothing_message(self) -> str:
        return _(
            "The file holds no inhabitants by age. Choose KØN TOT, ALDER * (every age) and "
            "CIVILSTAND TOT, and the 1st quarter of each year (e.g. 2024K1)."
        )


def summary(parsed: ParsedTable) -> str:
    """One Danish sentence on what was read, for the success message and the command."""
    years = parsed.years
    period = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0]) if years else "–"
    if parsed.table == SPENDING:
        return _(
            "%(table)s: %(rows)s figures for %(kommuner)s kommuner, %(functions)s functions, "
            "%(period)s."
        ) % {
            "table": parsed.table,
            "rows": len(parsed.spending),
            "kommuner": len(parsed.kommuner),
            "functions": len(parsed.functions),
            "period": period,
        }
    return _("%(table)s: %(rows)s figures for %(kommuner)s kommuner, %(period)s.") % {
        "table": parsed.table,
        "rows": len(parsed.population),
        "kommuner": len(parsed.kommuner),
        "period": period,
    }


def invalid_answer(error: StatbankError) -> StatbankError:
    """A fetched answer that does not parse: say it came from the API, not from a file."""
    return StatbankError([_("Danmarks Statistik's answer could not be read:"), *error.messages])
