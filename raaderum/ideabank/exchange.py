"""The idea bank's open exchange format: JSON and CSV, read and written. No ORM here.

docs/idea-bank.md describes the format for people who write or read such files elsewhere; a
test checks that the field names there and here agree. Reading says what is wrong with every
entry and field, in Danish; saving them, all or none, is actions.do_import_bank_ideas().
Entry numbers are the ones the user sees: the position in the JSON list (from 1), or the CSV row
(the column names are row 1).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from raaderum.ideabank.models import (
    AREA_MAX_LENGTH,
    DESCRIPTION_MAX_LENGTH,
    EXTERNAL_ID_MAX_LENGTH,
    LINK_MAX_LENGTH,
    MAX_LINKS,
    MAX_TAGS,
    SOURCE_NAME_MAX_LENGTH,
    TAG_MAX_LENGTH,
    TITLE_MAX_LENGTH,
)
from raaderum.organisation.models import FUNCTION_CODE_RE
from raaderum.proposals.models import ProposalType

FORMAT_NAME = "raaderum-idea-bank"
FORMAT_VERSION = 1
LICENCE = "CC-BY-4.0"
LICENCE_NOTE = (
    "The ideas may be reused and adapted by anyone, also commercially, when the source "
    "municipality of each idea is named (Creative Commons Attribution 4.0)."
)
MAX_FILE_SIZE = 10 * 1024 * 1024
MAX_ENTRIES = 5000
LIST_SEPARATOR = "|"  # between links and between keywords in a CSV cell

# The fields of one idea, in the order CSV columns are written. Stable: a new version of the
# format may add fields, never rename these.
FIELDS = (
    "external_id",
    "title",
    "service_area",
    "function_code",
    "type",
    "description",
    "effect_min_kr",
    "effect_max_kr",
    "source_municipality_name",
    "source_municipality_code",
    "links",
    "tags",
    "created",
    "updated",
)
CSV_FIELDS = ("format_version", *FIELDS)
REQUIRED = ("title", "service_area", "type", "source_municipality_name")

# Danish type names are accepted too, for people who edit a CSV file by hand.
TYPE_NAMES = {
    "besparelse": ProposalType.SAVING,
    "effektivisering": ProposalType.EFFICIENCY,
    "investering": ProposalType.INVESTMENT,
    "budgetudvidelse": ProposalType.EXPANSION,
}
_INTEGER = re.compile(r"^[-\u2212]?[0-9]+$")
_url = URLValidator(schemes=["http", "https"])


def nul_message() -> str:
    # PostgreSQL cannot store the NUL character, and no idea needs it.
    return _("The field holds a NUL character, which is not allowed.")


class ExchangeFileError(Exception):
    """The file as a whole cannot be read; the message is for the user."""


@dataclass
class Entry:
    number: int
    external_id: str = ""
    title: str = ""
    service_area: str = ""
    function_code: str = ""
    type: str = ""
    description: str = ""
    effect_min: int | None = None
    effect_max: int | None = None
    source_name: str = ""
    source_code: int | None = None
    links: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)

    def model_fields(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "service_area": self.service_area,
            "function_code": self.function_code,
            "type": self.type,
            "description": self.description,
            "effect_min": self.effect_min,
            "effect_max": self.effect_max,
            "source_name": self.source_name,
            "source_code": self.source_code,
            "links": self.links,
            "tags": self.tags,
        }


@dataclass
class EntryError:
    number: int
    title: str = ""  # the start of the entry's title, to help find it
    problems: list[tuple[str, str]] = field(default_factory=list)  # (field name, message)


def read_file(name: str, data: bytes) -> tuple[list[Entry], list[EntryError]]:
    """Every entry of a .json or .csv file, and what is wrong with each that has a problem."""
    if len(data) > MAX_FILE_SIZE:
        raise ExchangeFileError(_("The file is larger than 10 MB. Split it into smaller files."))
    lower = name.lower()
    if lower.endswith(".json"):
        raws = _json_entries(data)
    elif lower.endswith(".csv"):
        raws = _csv_entries(data)
    else:
        raise ExchangeFileError(_("Upload a .json or .csv file in the idea bank's format."))
    if not raws:
        raise ExchangeFileError(_("The file holds no ideas."))
    if len(raws) > MAX_ENTRIES:
        raise ExchangeFileError(
            _("The file holds %(count)s ideas; at most %(max)s can be imported at a time.")
            % {"count": len(raws), "max": MAX_ENTRIES}
        )
    entries: list[Entry] = []
    errors: list[EntryError] = []
    seen: dict[str, int] = {}
    for number, raw in raws:
        entry, problems = parse_entry(number, raw)
        if entry.external_id:
            if entry.external_id in seen:
                problems.append(
                    (
                        "external_id",
                        _("The id is also used by entry %(number)s in the file.")
                        % {"number": seen[entry.external_id]},
                    )
                )
            else:
                seen[entry.external_id] = number
        entries.append(entry)
        if problems:
            errors.append(EntryError(number, entry.title[:60], problems))
    return entries, errors


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ExchangeFileError(
            _("The file is not UTF-8 text. Save it as UTF-8 and upload it again.")
        ) from error


def _json_entries(data: bytes) -> list[tuple[int, Mapping[str, Any]]]:
    try:
        document = json.loads(_decode(data))
    except json.JSONDecodeError as error:
        raise ExchangeFileError(
            _("The file is not valid JSON (line %(line)s, column %(column)s).")
            % {"line": error.lineno, "column": error.colno}
        ) from error
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ExchangeFileError(
            _('The JSON file is not in the idea bank\'s format: it must say "format": "%(name)s".')
            % {"name": FORMAT_NAME}
        )
    _check_version(document.get("format_version"))
    ideas = document.get("ideas")
    if not isinstance(ideas, list):
        raise ExchangeFileError(_('The JSON file must hold a list named "ideas".'))
    return [
        (number, raw if isinstance(raw, dict) else {"__not_an_object__": True})
        for number, raw in enumerate(ideas, start=1)
    ]


def _check_version(version: object) -> None:
    if isinstance(version, str) and version.strip().isdigit():
        version = int(version)
    if version != FORMAT_VERSION or isinstance(version, bool):
        raise ExchangeFileError(
            _(
                "The file is in version %(version)s of the format; this installation reads "
                "version %(supported)s."
            )
            % {
                "version": version if version not in (None, "") else "?",
                "supported": FORMAT_VERSION,
            }
        )


def _csv_entries(data: bytes) -> list[tuple[int, Mapping[str, Any]]]:
    content = _decode(data)
    first_line = content.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(content, newline=""), delimiter=delimiter)
    columns = [name.strip() for name in reader.fieldnames or []]
    missing = [name for name in ("format_version", *REQUIRED) if name not in columns]
    if missing:
        raise ExchangeFileError(
            _("The CSV file lacks the columns %(columns)s. The first row must name the columns.")
            % {"columns": ", ".join(missing)}
        )
    reader.fieldnames = columns
    raws: list[tuple[int, Mapping[str, Any]]] = []
    versions_checked = False
    for row in reader:
        values = {key: (value or "") for key, value in row.items() if key is not None}
        if not any(value.strip() for value in values.values()):
            continue  # a blank line
        if not versions_checked:
            _check_version(values.get("format_version", ""))
            versions_checked = True
        values["links"] = _split(values.get("links", ""))
        values["tags"] = _split(values.get("tags", ""))
        raws.append((reader.line_num, values))
    return raws


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(LIST_SEPARATOR) if part.strip()]


def parse_entry(number: int, raw: Mapping[str, Any]) -> tuple[Entry, list[tuple[str, str]]]:
    """One idea from a file and the problems of its fields; unknown fields are ignored."""
    entry = Entry(number)
    problems: list[tuple[str, str]] = []
    if raw.get("__not_an_object__"):
        return entry, [("", _("The entry is not an object with fields."))]

    def text(name: str, max_length: int, *, required: bool = False) -> str:
        value = raw.get(name)
        if value is None:
            value = ""
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            problems.append((name, _("Write the field as text.")))
            return ""
        value = value.strip()
        if "\x00" in value:
            problems.append((name, nul_message()))
            return ""
        if required and not value:
            problems.append((name, _("The field is required.")))
        elif len(value) > max_length:
            problems.append(
                (
                    name,
                    _("At most %(max)s characters; this has %(count)s.")
                    % {"max": max_length, "count": len(value)},
                )
            )
        return value

    entry.external_id = text("external_id", EXTERNAL_ID_MAX_LENGTH)
    entry.title = text("title", TITLE_MAX_LENGTH, required=True)
    entry.service_area = text("service_area", AREA_MAX_LENGTH, required=True)
    entry.description = text("description", DESCRIPTION_MAX_LENGTH)
    entry.source_name = text("source_municipality_name", SOURCE_NAME_MAX_LENGTH, required=True)

    entry.function_code = text("function_code", 7)
    if entry.function_code and not FUNCTION_CODE_RE.match(entry.function_code):
        problems.append(
            (
                "function_code",
                _("Write the function code as in the chart of accounts, e.g. 5.32.32."),
            )
        )

    kind = text("type", 30, required=True)
    kind = TYPE_NAMES.get(kind.lower(), kind)
    if kind and kind not in ProposalType.values:
        problems.append(
            (
                "type",
                _("Unknown type “%(type)s”: use saving, efficiency, investment or expansion.")
                % {"type": kind},
            )
        )
    entry.type = kind

    entry.effect_min = _integer(raw.get("effect_min_kr"), "effect_min_kr", problems)
    entry.effect_max = _integer(raw.get("effect_max_kr"), "effect_max_kr", problems)
    if (
        entry.effect_min is not None
        and entry.effect_max is not None
        and entry.effect_min > entry.effect_max
    ):
        problems.append(("effect_max_kr", _("The highest effect must be at least the lowest.")))

    code = raw.get("source_municipality_code")
    if code not in (None, ""):
        number_code = _integer(code, "source_municipality_code", problems)
        if number_code is not None and not 101 <= number_code <= 999:
            problems.append(
                ("source_municipality_code", _("A municipality number has three digits, 101–999."))
            )
        else:
            entry.source_code = number_code

    entry.links = _strings(raw.get("links"), "links", problems)
    if len(entry.links) > MAX_LINKS:
        problems.append(("links", _("At most %(max)s links.") % {"max": MAX_LINKS}))
    for link in entry.links:
        try:
            if len(link) > LINK_MAX_LENGTH:
                raise ValidationError("too long")
            _url(link)
        except ValidationError:
            problems.append(
                (
                    "links",
                    _("“%(link)s” is not a web address (http:// or https://).")
                    % {"link": link[:80]},
                )
            )
    entry.tags = _unique(_strings(raw.get("tags"), "tags", problems))
    if len(entry.tags) > MAX_TAGS:
        problems.append(("tags", _("At most %(max)s keywords.") % {"max": MAX_TAGS}))
    for tag in entry.tags:
        if len(tag) > TAG_MAX_LENGTH:
            problems.append(
                (
                    "tags",
                    _("A keyword has at most %(max)s characters: “%(tag)s”.")
                    % {"max": TAG_MAX_LENGTH, "tag": tag[:60]},
                )
            )
    return entry, problems


def _integer(value: object, name: str, problems: list[tuple[str, str]]) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        pass
    elif isinstance(value, int | str) and _INTEGER.match(str(value).strip()):
        number = int(str(value).strip().replace("\u2212", "-"))
        if abs(number) <= 10**12:
            return number
        problems.append((name, _("The amount is too large.")))
        return None
    problems.append(
        (name, _("Write whole kroner as digits without separators, e.g. 250000 or -50000."))
    )
    return None


def _strings(value: object, name: str, problems: list[tuple[str, str]]) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, str):
        if "\x00" in value:
            problems.append((name, nul_message()))
            return []
        return _split(value)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        if any("\x00" in item for item in value):
            problems.append((name, nul_message()))
            return []
        # "|" separates the items in CSV, so it cannot be part of one.
        return [part for item in value for part in _split(item)]
    problems.append((name, _("Write a list of texts.")))
    return []


def _unique(values: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for value in values:
        if value.casefold() not in (s.casefold() for s in seen):
            seen.append(value)
    return seen


def idea_record(idea: Any) -> dict[str, Any]:
    """One bank idea as the format writes it (the same field names in JSON and CSV)."""
    return {
        "external_id": idea.external_id,
        "title": idea.title,
        "service_area": idea.service_area,
        "function_code": idea.function_code,
        "type": idea.type,
        "description": idea.description,
        "effect_min_kr": idea.effect_min,
        "effect_max_kr": idea.effect_max,
        "source_municipality_name": idea.source_name,
        "source_municipality_code": idea.source_code,
        "links": list(idea.links),
        "tags": list(idea.tags),
        "created": _timestamp(idea.created_at),
        "updated": _timestamp(idea.updated_at),
    }


def _timestamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def write_json(records: Iterable[Mapping[str, Any]], *, exported: datetime) -> bytes:
    document = {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "licence": LICENCE,
        "licence_note": LICENCE_NOTE,
        "exported": _timestamp(exported),
        "ideas": list(records),
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8")


def write_csv(records: Iterable[Mapping[str, Any]]) -> bytes:
    """UTF-8 with a byte-order mark, so that Excel shows æ, ø and å; comma separated."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(CSV_FIELDS)
    for record in records:
        row = [str(FORMAT_VERSION)]
        for name in FIELDS:
            value = record[name]
            if isinstance(value, list):
                value = f" {LIST_SEPARATOR} ".join(value)
            row.append("" if value is None else str(value))
        writer.writerow(row)
    return ("\ufeff" + out.getvalue()).encode("utf-8")
