"""The open data: the public page's content as flat rows, written as JSON and as CSV.

Both formats are made from the same list of rows, so they always hold the same rows and values.
The fields, their types and meaning are declared once here (docs/open-data.md describes them, and
a test keeps the two in step). Field names are English and stable: a new field may be added in a
later schema version, but a field is never renamed or given another meaning without a new major
version.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from raaderum.organisation.models import Municipality
from raaderum.transparency.public import PublicInitiative, PublicRound

SCHEMA_VERSION = "1.0"
LICENCE = {
    "name": "CC BY 4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "url": "https://creativecommons.org/licenses/by/4.0/",
}
CSV_DELIMITER = ";"
CSV_ENCODING = "utf-8-sig"  # UTF-8 with a byte order mark: Danish Excel reads æ, ø and å right


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # "string", "integer", "boolean", "date"; "... or null" when it may be empty
    description: str | Promise


ROUND_FIELDS = [
    Field("round_id", "string", _("The budget round's permanent identifier (UUID).")),
    Field("round_name", "string", _("The budget round's name.")),
    Field("budget_year", "integer", _("The round's budget year; the period is it and 3 more.")),
    Field(
        "price_level_year",
        "integer",
        _("Amounts are at this year's prices and wages (P/L)."),
    ),
    Field("code", "string", _("The proposal's code in the catalog, unique within the round.")),
    Field("title", "string", _("The proposal's title.")),
]

INITIATIVE_FIELDS = [
    *ROUND_FIELDS,
    Field("decided_by", "string", _("The body that adopted the budget agreement.")),
    Field("agreement_date", "date", _("The date of the budget agreement (YYYY-MM-DD).")),
    Field("type", "string", _("saving, efficiency, investment or expansion.")),
    Field("type_label", "string", _("The type in Danish.")),
    Field("committee_code", "string", _("The committee's abbreviation, e.g. BU.")),
    Field("committee_name", "string", _("The committee responsible for the proposal.")),
    Field(
        "responsible_unit",
        "string",
        _("The unit of the administration responsible for carrying it out; may be empty."),
    ),
    Field("summary", "string", _("The proposal in plain language.")),
    Field(
        "adopted_total",
        "integer",
        _("Råderum adopted in the budget agreement, all years together, kr."),
    ),
    Field(
        "expected_total",
        "integer",
        _(
            "Råderum expected now, all years together, kr. Differs from adopted_total only "
            "after a recorded decision to adjust it."
        ),
    ),
    Field(
        "realisation_shown",
        "boolean",
        _("Whether the municipality publishes realised gains for this round."),
    ),
    Field(
        "assessed_expected",
        "integer or null",
        _("Expected råderum in the years assessed and approved so far, kr."),
    ),
    Field(
        "realised",
        "integer or null",
        _("Realised råderum in the years assessed and approved so far, kr."),
    ),
    Field(
        "realisation_rate_percent",
        "integer or null",
        _("realised as a whole percentage of assessed_expected; empty when nothing to compare."),
    ),
    Field(
        "status",
        "string or null",
        _(
            "The status of the latest approved year: on_track, at_risk, not_realised, "
            "exceeded, closed, or not_assessed."
        ),
    ),
    Field("status_label", "string or null", _("The status in Danish.")),
    Field("url", "string", _("The proposal's page on the public site.")),
]

REALISATION_FIELDS = [
    *ROUND_FIELDS,
    Field("year", "integer", _("The year the amounts are for.")),
    Field("adopted", "integer", _("Råderum adopted in the budget agreement for the year, kr.")),
    Field(
        "expected",
        "integer",
        _("Råderum expected for the year now, kr. (after any recorded adjustment)."),
    ),
    Field(
        "realisation_shown",
        "boolean",
        _("Whether the municipality publishes realised gains for this round."),
    ),
    Field(
        "assessed",
        "boolean or null",
        _("Whether the year has been assessed and approved by the budget office."),
    ),
    Field(
        "realised", "integer or null", _("Realised råderum in the year, kr.; empty until approved.")
    ),
    Field(
        "status",
        "string or null",
        _("on_track, at_risk, not_realised, exceeded or closed; empty until approved."),
    ),
    Field("status_label", "string or null", _("The status in Danish.")),
    Field("assessment", "string or null", _("The administration's assessment of why.")),
    Field("learning", "string or null", _("What was learned.")),
]


@dataclass(frozen=True)
class Dataset:
    name: str  # also the file name
    title: str | Promise
    description: str | Promise
    fields: Sequence[Field]
    rows: Callable[[Sequence[PublicRound], Callable[[PublicInitiative], str]], list[dict[str, Any]]]


def _round_values(initiative: PublicInitiative) -> dict[str, Any]:
    public = initiative.round
    return {
        "round_id": str(public.public_id),
        "round_name": public.name,
        "budget_year": public.round.budget_year,
        "price_level_year": public.price_level_year,
        "code": initiative.code,
        "title": initiative.title,
    }


def initiative_rows(
    rounds: Sequence[PublicRound], url_of: Callable[[PublicInitiative], str]
) -> list[dict[str, Any]]:
    rows = []
    for public in rounds:
        for initiative in public.initiatives:
            shown = public.show_realisation
            totals = initiative.totals
            rows.append(
                {
                    **_round_values(initiative),
                    "decided_by": public.agreement.body,
                    "agreement_date": public.agreement.date.isoformat(),
                    "type": initiative.type,
                    "type_label": initiative.type_label,
                    "committee_code": initiative.committee_code,
                    "committee_name": initiative.committee_name,
                    "responsible_unit": initiative.responsible_unit,
                    "summary": initiative.summary,
                    "adopted_total": initiative.adopted_total,
                    "expected_total": totals.expected,
                    "realisation_shown": shown,
                    "assessed_expected": totals.assessed_expected if shown else None,
                    "realised": totals.realised if shown else None,
                    "realisation_rate_percent": initiative.rate_percent if shown else None,
                    "status": initiative.status if shown else None,
                    "status_label": initiative.status_label if shown else None,
                    "url": url_of(initiative),
                }
            )
    return rows


def realisation_rows(
    rounds: Sequence[PublicRound], url_of: Callable[[PublicInitiative], str]
) -> list[dict[str, Any]]:
    rows = []
    for public in rounds:
        shown = public.show_realisation
        for initiative in public.initiatives:
            for row in initiative.rows:
                approved = row.approved
                rows.append(
                    {
                        **_round_values(initiative),
                        "year": row.year,
                        "adopted": row.adopted,
                        "expected": row.expected,
                        "realisation_shown": shown,
                        "assessed": (approved is not None) if shown else None,
                        "realised": approved.realised if approved else None,
                        "status": (approved.status or None) if approved else None,
                        "status_label": (approved.status_label or None) if approved else None,
                        "assessment": (approved.assessment or None) if approved else None,
                        "learning": (approved.learning or None) if approved else None,
                    }
                )
    return rows


DATASETS = {
    "initiatives": Dataset(
        "initiatives",
        _("Adopted proposals"),
        _("One row per adopted proposal of a public budget round, with totals over its years."),
        INITIATIVE_FIELDS,
        initiative_rows,
    ),
    "realisation": Dataset(
        "realisation",
        _("Expected and realised per year"),
        _("One row per adopted proposal and year: adopted, expected and realised råderum."),
        REALISATION_FIELDS,
        realisation_rows,
    ),
}


def to_json(
    dataset: Dataset,
    rows: Iterable[dict[str, Any]],
    municipality: Municipality,
    documentation_url: str,
) -> bytes:
    document = {
        "schema_version": SCHEMA_VERSION,
        "dataset": dataset.name,
        "municipality": {
            "name": municipality.name,
            "code": municipality.code,
            "slug": municipality.slug,
        },
        "licence": {**LICENCE, "attribution": municipality.name},
        "documentation": documentation_url,
        "currency": "DKK",
        "fields": [field.name for field in dataset.fields],
        "rows": list(rows),
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def csv_value(value: Any) -> str:
    """How a JSON value is written in the CSV: empty for null, true/false, digits for numbers."""
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def to_csv(dataset: Dataset, rows: Iterable[dict[str, Any]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    names = [field.name for field in dataset.fields]
    writer.writerow(names)
    for row in rows:
        writer.writerow(csv_value(row[name]) for name in names)
    return buffer.getvalue().encode(CSV_ENCODING)
