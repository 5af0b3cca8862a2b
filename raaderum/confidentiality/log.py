"""The access log as the budget office reads and exports it for a request for access
(aktindsigt): filtered by period, person and item; CSV and Excel hold the same rows."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from raaderum.confidentiality.models import AccessRecord
from raaderum.organisation.models import Municipality


@dataclass(frozen=True)
class Filters:
    from_date: date | None = None
    to_date: date | None = None
    person: str = ""  # a user name
    item: str = ""  # part of the item's label: a title, a code, "version 2"

    def describe(self) -> str:
        parts = []
        if self.from_date:
            parts.append(_("from %(date)s") % {"date": self.from_date.strftime("%d.%m.%Y")})
        if self.to_date:
            parts.append(_("to %(date)s") % {"date": self.to_date.strftime("%d.%m.%Y")})
        if self.person:
            parts.append(_("person %(name)s") % {"name": self.person})
        if self.item:
            parts.append(_("item »%(text)s«") % {"text": self.item})
        return ", ".join(parts) if parts else _("everything")


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def records(municipality: Municipality, filters: Filters) -> QuerySet[AccessRecord]:
    """The municipality's records within the filters, newest first (days are local days)."""
    found = AccessRecord.objects.filter(municipality=municipality)
    if filters.from_date:
        found = found.filter(at__gte=_start_of(filters.from_date))
    if filters.to_date:
        found = found.filter(at__lt=_start_of(filters.to_date + timedelta(days=1)))
    if filters.person:
        found = found.filter(username=filters.person)
    if filters.item:
        found = found.filter(label__icontains=filters.item)
    return found.order_by("-at", "-pk")


def people(municipality: Municipality) -> list[tuple[str, str]]:
    """(user name, shown name) of everyone in the log, for the person filter."""
    rows = (
        AccessRecord.objects.filter(municipality=municipality)
        .order_by("username", "-at")
        .values_list("username", "name")
    )
    seen: dict[str, str] = {}
    for username, name in rows.iterator():
        seen.setdefault(username, name)
    return [(u, f"{n} ({u})" if n else u) for u, n in sorted(seen.items())]


def header() -> list[str]:
    return [
        _("Time"),
        _("User name"),
        _("Name"),
        _("Action"),
        _("Kind"),
        _("What"),
        _("Level at the time"),
        _("Address"),
    ]


def row(record: AccessRecord) -> list[str]:
    return [
        timezone.localtime(record.at).strftime("%Y-%m-%d %H:%M:%S"),
        record.username,
        record.name,
        str(record.get_action_display()),
        str(record.get_kind_display()),
        record.label,
        str(record.get_level_display()),
        record.path,
    ]


def title(municipality: Municipality) -> str:
    return _("Access log of %(name)s – for a request for access (aktindsigt)") % {
        "name": municipality.name
    }


def as_csv(municipality: Municipality, filters: Filters) -> str:
    """Semicolon-separated with a BOM, so Danish Excel opens it with æøå intact."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";")
    writer.writerow(header())
    for record in records(municipality, filters).iterator():
        writer.writerow(row(record))
    return out.getvalue()


def as_xlsx(municipality: Municipality, filters: Filters) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.properties.language = "da-DK"
    workbook.properties.title = title(municipality)
    sheet = workbook.active
    assert sheet is not None
    sheet.title = _("Access log")
    sheet.append([title(municipality)])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(
        [
            _("Selection: %(filters)s. Made on %(when)s.")
            % {
                "filters": filters.describe(),
                "when": timezone.localtime().strftime("%d.%m.%Y %H:%M"),
            }
        ]
    )
    sheet.append([])
    sheet.append(header())
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    for record in records(municipality, filters).iterator():
        sheet.append(row(record))
    for letter, width in zip("ABCDEFGH", (20, 16, 28, 14, 28, 60, 30, 50), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A5"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
