from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, cast

from django import forms
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from raaderum.lib import money
from raaderum.lib.forms import amount_error_message
from raaderum.organisation.models import Committee, Role, ServiceArea, User
from raaderum.proposals.models import Origin, Proposal, ProposalType

TEXT_FIELDS = [
    "summary",
    "description",
    "consequences_service",
    "consequences_citizens",
    "consequences_staff",
    "risks",
    "calculation_basis",
    "assumptions",
]


def _normal(value: Any) -> Any:
    """A field's value as plain, comparable JSON: pks as strings, lists sorted, text stripped."""
    if isinstance(value, list | tuple | set | models.QuerySet):
        return sorted(_normal(item) for item in value)
    if isinstance(value, models.Model):
        return str(value.pk)
    if value is None:
        return ""
    return str(value).replace("\r\n", "\n").strip()


def proposal_snapshot(proposal: Proposal) -> dict[str, Any]:
    """The proposal's form fields as saved, in the form of `ProposalForm.typed_snapshot()`."""
    values: dict[str, Any] = {}
    for name in ProposalForm.Meta.fields:
        if name == "contributors":
            pks = proposal.contributors.values_list("pk", flat=True) if proposal.pk else []
            values[name] = _normal(list(pks))
        elif name in {"committee", "owner", "director"}:
            values[name] = _normal(getattr(proposal, f"{name}_id"))
        else:
            values[name] = _normal(getattr(proposal, name))
    return values


class ProposalForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # What the form showed when the user opened it, so a stale save can be merged three-way.
    started_from = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Proposal
        fields = [
            "title",
            "committee",
            "type",
            "type_rationale",
            "owner",
            "director",
            "contributors",
            "origin",
            "party_name",
            *TEXT_FIELDS,
        ]
        widgets = {
            **{name: forms.Textarea(attrs={"rows": 4}) for name in TEXT_FIELDS},
            "type_rationale": forms.Textarea(attrs={"rows": 2}),
            "contributors": forms.SelectMultiple(attrs={"size": 5}),
        }

    def __init__(
        self, *args: Any, municipality: Any, may_assign: bool = True, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.municipality = municipality

        def members(*roles: str) -> Any:
            # One filter() call: two would join memberships twice and match roles held in
            # other municipalities (and list a person once per membership).
            return User.objects.filter(
                memberships__municipality=municipality, memberships__role__in=roles
            ).order_by("first_name", "last_name", "username")

        committee, owner, director, contributors = (
            cast(forms.ModelChoiceField, self.fields[name])
            for name in ("committee", "owner", "director", "contributors")
        )
        committee.queryset = Committee.objects.filter(municipality=municipality)
        owner.queryset = members(Role.BUDGET_OFFICE, Role.DIRECTOR, Role.OWNER)
        director.queryset = members(Role.DIRECTOR)
        contributors.queryset = members(
            Role.BUDGET_OFFICE, Role.DIRECTOR, Role.OWNER, Role.CONTRIBUTOR
        )
        contributors.required = False
        committee.empty_label = _("Choose committee")
        owner.empty_label = _("Choose owner")
        director.empty_label = _("No director")
        type_field = cast(forms.ChoiceField, self.fields["type"])
        type_field.choices = [("", _("Choose type")), *ProposalType.choices]
        if not may_assign:
            # Who answers for a proposal is decided by the budget office: an owner who could
            # pick another director could also pick who approves their own proposal.
            for field in (committee, owner, director, contributors):
                field.disabled = True
                field.help_text = _("Only the budget office can change this.")
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
            self.fields["started_from"].initial = json.dumps(proposal_snapshot(self.instance))

    def started_snapshot(self) -> dict[str, Any] | None:
        """The fields as the user first saw them, or None when the form did not say."""
        try:
            values = json.loads(self.cleaned_data.get("started_from") or "")
        except ValueError:
            return None
        if not isinstance(values, dict) or set(values) != set(self.Meta.fields):
            return None
        return values

    def typed_snapshot(self) -> dict[str, Any]:
        return {name: _normal(self.cleaned_data.get(name)) for name in self.Meta.fields}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("origin") == Origin.PARTY and not cleaned.get("party_name", "").strip():
            self.add_error("party_name", _("Name the party group behind a party proposal."))
        return cleaned

    def differences_from(
        self, saved: Proposal, names: set[str] | None = None
    ) -> list[tuple[str, str, str]]:
        """(label, saved value, typed value) for every field (of `names`) where they differ."""
        differences = []
        for name in self.Meta.fields:
            if names is not None and name not in names:
                continue
            field = self.fields[name]
            typed = self.cleaned_data.get(name)
            stored = getattr(saved, name)
            if name == "contributors":
                typed_text = ", ".join(sorted(str(user) for user in typed or []))
                stored_text = ", ".join(sorted(str(user) for user in stored.all()))
            elif isinstance(field, forms.ChoiceField) and not isinstance(
                field, forms.ModelChoiceField
            ):
                labels = dict(field.choices)  # type: ignore[arg-type]
                typed_text, stored_text = (
                    str(labels.get(typed, typed)),
                    str(labels.get(stored, stored)),
                )
            else:
                typed_text = "" if typed is None else str(typed)
                stored_text = "" if stored is None else str(stored)
            if typed_text.strip() != stored_text.strip():
                differences.append((str(field.label), stored_text, typed_text))
        return differences

    def model_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


DIGITS = re.compile(r"[0-9]+")  # not str.isdigit(): it accepts "²", which int() refuses
ROW_KEY = re.compile(r"(?:area|amount)-([0-9]+)(?:-[0-9]+)?")


Cells = dict[tuple[int, int], int]  # (service area id, year) -> kroner
Staff = dict[int, Decimal]  # year -> FTE


def saved_cells(proposal: Proposal) -> tuple[Cells, Staff]:
    """The proposal's saved amounts and FTE, the way `EffectGrid.is_valid()` reads a grid."""
    amounts = {(e.service_area_id, e.year): e.amount for e in proposal.effects.all() if e.amount}
    fte = {s.year: s.fte for s in proposal.staff_effects.all() if s.fte}
    return amounts, fte


def grid_snapshot(proposal: Proposal) -> str:
    """The saved grid as JSON for the form: what the user starts from, in kroner."""
    amounts, fte = saved_cells(proposal)
    return json.dumps(
        {
            "amounts": [[area, year, amount] for (area, year), amount in sorted(amounts.items())],
            "fte": [[year, str(value)] for year, value in sorted(fte.items())],
        }
    )


@dataclass
class GridRow:
    index: int
    area_id: int | None
    values: dict[int, str]
    errors: dict[int, str] = field(default_factory=dict)
    area_error: str = ""


class EffectGrid:
    """The effects of one proposal as one grid: service areas × years, all or nothing.

    Not a Django form because its fields depend on the rows typed; it keeps every typed value
    and puts each error at its cell.
    """

    EXTRA_ROWS = 3

    def __init__(
        self,
        proposal: Proposal,
        areas: Sequence[ServiceArea],
        data: Mapping[str, str] | None = None,
        unit: str = "tkr",
    ) -> None:
        self.proposal = proposal
        self.areas = list(areas)
        self.years = proposal.round.years
        self.data = data
        # The unit decides how the saved amounts are shown and how the typed ones are read;
        # it is chosen before typing (a GET), never switched under typed numbers.
        self.unit = unit if unit in money.UNITS else "tkr"
        self.rows: list[GridRow] = []
        self.fte_values: dict[int, str] = {}
        self.fte_errors: dict[int, str] = {}
        self.non_field_errors: list[str] = []
        self.amounts: dict[tuple[int, int], int] = {}
        self.fte: dict[int, Decimal] = {}
        self.started_from = (
            grid_snapshot(proposal) if data is None else data.get("started_from", "")
        )
        if data is None:
            self._from_proposal()
        else:
            self._from_data(data)

    @property
    def version(self) -> int:
        if self.data is not None:
            try:
                return int(self.data.get("version", ""))
            except ValueError:
                return -1
        return self.proposal.version

    def started_snapshot(self) -> tuple[Cells, Staff] | None:
        """The amounts and FTE the user started from, or None when the form did not say."""
        try:
            values = json.loads(self.started_from or "")
            amounts = {(int(a), int(y)): int(amount) for a, y, amount in values["amounts"]}
            fte = {int(year): Decimal(str(value)) for year, value in values["fte"]}
        except (ValueError, TypeError, KeyError, ArithmeticError):
            return None
        return amounts, fte

    def _from_proposal(self) -> None:
        grid = self.proposal.effect_grid()
        order = {area.pk: i for i, area in enumerate(self.areas)}
        for area_id in sorted(grid, key=lambda pk: order.get(pk, len(order))):
            self.rows.append(
                GridRow(
                    index=len(self.rows),
                    area_id=area_id,
                    values={
                        year: money.tkr_input_value(grid[area_id].get(year), self.unit)
                        for year in self.years
                    },
                )
            )
        self._add_blank_rows(self.EXTRA_ROWS)
        fte = self.proposal.fte_by_year()
        self.fte_values = {
            year: (money.format_number(fte[year], 2).replace("−", "-") if year in fte else "")
            for year in self.years
        }

    def _add_blank_rows(self, count: int) -> None:
        for _i in range(count):
            self.rows.append(
                GridRow(index=len(self.rows), area_id=None, values=dict.fromkeys(self.years, ""))
            )

    def _from_data(self, data: Mapping[str, str]) -> None:
        unit = data.get("unit", "tkr")
        self.unit = unit if unit in money.UNITS else "tkr"
        # Every posted row counts, whatever the row counter says: a row is never dropped.
        indexes = {
            int(match.group(1))
            for key in data
            if (match := ROW_KEY.fullmatch(key)) and len(match.group(1)) <= 3
        }
        for index in range(max(indexes) + 1 if indexes else 0):
            raw_area = data.get(f"area-{index}", "").strip()
            row = GridRow(
                index=index,
                area_id=int(raw_area) if DIGITS.fullmatch(raw_area) else None,
                values={year: data.get(f"amount-{index}-{year}", "") for year in self.years},
            )
            if raw_area and row.area_id is None:
                row.area_error = gettext("Choose a service area from the list.")
            self.rows.append(row)
        self.fte_values = {year: data.get(f"fte-{year}", "") for year in self.years}
        # An amount for a year outside the period has nowhere to go: refuse it, don't drop it.
        for key, value in data.items():
            parts = key.split("-")
            if parts[0] in {"amount", "fte"} and value.strip() and DIGITS.fullmatch(parts[-1]):
                year = int(parts[-1])
                if year not in self.years:
                    self.non_field_errors.append(
                        gettext("%(year)s is outside the round's period %(first)s–%(last)s.")
                        % {"year": year, "first": self.years[0], "last": self.years[-1]}
                    )

    def add_row(self) -> None:
        self._add_blank_rows(1)

    def is_valid(self) -> bool:
        assert self.data is not None, "only a submitted grid can be validated"
        allowed = {area.pk for area in self.areas}
        seen: set[int] = set()
        valid = not self.non_field_errors
        for row in self.rows:
            if row.area_error:
                valid = False
                continue
            typed = any(value.strip() for value in row.values.values())
            if row.area_id is None:
                if typed:
                    row.area_error = gettext("Choose the service area these amounts belong to.")
                    valid = False
                continue
            if row.area_id not in allowed:
                row.area_error = gettext("Choose a service area of this municipality.")
                valid = False
                continue
            if row.area_id in seen:
                row.area_error = gettext("This service area is already in the grid: use one row.")
                valid = False
                continue
            seen.add(row.area_id)
            for year in self.years:
                try:
                    amount = money.parse_amount(row.values[year], self.unit, allow_empty=True)
                except money.AmountError as error:
                    row.errors[year] = amount_error_message(error)
                    valid = False
                    continue
                if amount:
                    self.amounts[(row.area_id, year)] = amount
        for year in self.years:
            try:
                value = money.parse_decimal(self.fte_values[year], max_decimals=2)
            except money.AmountError:
                self.fte_errors[year] = gettext("Write FTE as a number with at most two decimals.")
                valid = False
                continue
            if value:
                self.fte[year] = value
        return valid

    @property
    def has_errors(self) -> bool:
        return bool(
            self.non_field_errors
            or self.fte_errors
            or any(row.errors or row.area_error for row in self.rows)
        )
