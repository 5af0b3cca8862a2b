from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from raaderum.lib import concurrency
from raaderum.lib.forms import AmountField
from raaderum.rounds.models import BudgetRound, PhaseKind


class RoundForm(forms.ModelForm):
    """A round's name, period and target. Amounts are typed in 1,000 kr."""

    target_amount = AmountField(
        unit="tkr",
        label=_("Target (1,000 kr.)"),
        help_text=_("E.g. 30.000 for 30 mio. kr. a year from the full-effect year."),
    )
    loaded_state = concurrency.loaded_state_field()

    class Meta:
        model = BudgetRound
        fields = [
            "name",
            "budget_year",
            "price_level_year",
            "target_amount",
            "full_effect_year",
            "max_lix",
            "description",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args: Any, municipality: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.instance.municipality = municipality
        self.year_fields: list[tuple[int, str]] = []
        if self.instance.pk:
            # Optional targets per year, for a round that phases its target in.
            explicit = self.instance.explicit_targets()
            for year in self.instance.years:
                name = f"year_target_{year}"
                self.fields[name] = AmountField(
                    unit="tkr",
                    required=False,
                    label=_("Target %(year)s (1,000 kr.)") % {"year": year},
                    initial=explicit.get(year),
                )
                self.year_fields.append((year, name))

    def clean_name(self) -> str:
        name: str = self.cleaned_data["name"]
        others = BudgetRound.objects.filter(
            municipality=self.instance.municipality, name__iexact=name
        ).exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(
                _("The municipality already has a round with this name."), code="unique"
            )
        return name

    def clean_target_amount(self) -> int:
        value = self.cleaned_data["target_amount"]
        if value is None:
            raise forms.ValidationError(_("Enter the target."), code="required")
        if value < 0:
            raise forms.ValidationError(
                _("Write the target as a positive amount: the headroom the round must free."),
                code="negative",
            )
        return int(value)

    def year_targets(self) -> dict[int, int]:
        """The explicit per-year targets typed, by year (clean() refuses years off the period)."""
        return {
            year: self.cleaned_data[name]
            for year, name in self.year_fields
            if self.cleaned_data.get(name) is not None
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        budget_year = cleaned.get("budget_year")
        published = self.instance.pk and self.instance.catalog_versions.exists()
        for name in ("budget_year", "price_level_year"):
            if published and cleaned.get(name) and cleaned[name] != getattr(self.instance, name):
                # A published catalog is frozen in its years and prices; moving them would
                # change what the politicians were shown.
                self.add_error(
                    name,
                    _("The catalog is published: the period and the price level cannot change."),
                )
        if self.instance.pk and budget_year and budget_year != self.instance.budget_year:
            # Effects are entered per year of the period; moving the period would orphan them.
            from raaderum.proposals.models import Effect

            new_years = [budget_year + offset for offset in range(4)]
            orphans = (
                Effect.objects.filter(proposal__round=self.instance)
                .exclude(year__in=new_years)
                .values("proposal")
                .distinct()
                .count()
            )
            if orphans:
                self.add_error(
                    "budget_year",
                    _(
                        "The period cannot move: %(count)s proposals have effects in years "
                        "outside the new period."
                    )
                    % {"count": orphans},
                )
        period = [budget_year + offset for offset in range(4)] if budget_year else []
        for year, name in self.year_fields:
            value = cleaned.get(name)
            if value is not None and value < 0:
                self.add_error(name, _("Write the target as a positive amount."))
            elif value is not None and period and year not in period:
                self.add_error(
                    name,
                    _("%(year)s is outside the new period %(first)s–%(last)s. Empty the field.")
                    % {"year": year, "first": period[0], "last": period[-1]},
                )
        return cleaned


class PlanForm(forms.Form):
    """Start and deadline of each phase (optional) and the phase the round is in now."""

    current_phase = forms.ChoiceField(label=_("The round is now in the phase"), required=False)
    loaded_state = concurrency.loaded_state_field()

    def __init__(self, *args: Any, budget_round: BudgetRound, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.budget_round = budget_round
        existing = {phase.kind: phase for phase in budget_round.phases.all()}
        current = self.fields["current_phase"]
        current.choices = [("", _("Not started")), *PhaseKind.choices]  # type: ignore[attr-defined]
        current.initial = budget_round.current_phase
        self.phase_rows: list[tuple[str, str, str, str]] = []
        for kind, label in PhaseKind.choices:
            phase = existing.get(kind)
            start, deadline = f"{kind}_starts_on", f"{kind}_deadline"
            self.fields[start] = forms.DateField(
                label=_("%(phase)s starts") % {"phase": label},
                required=False,
                initial=phase.starts_on if phase else None,
                widget=forms.DateInput(attrs={"type": "date"}),
            )
            self.fields[deadline] = forms.DateField(
                label=_("%(phase)s deadline") % {"phase": label},
                required=False,
                initial=phase.deadline if phase else None,
                widget=forms.DateInput(attrs={"type": "date"}),
            )
            self.phase_rows.append((kind, str(label), start, deadline))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for _kind, _label, start, deadline in self.phase_rows:
            begins, ends = cleaned.get(start), cleaned.get(deadline)
            if bool(begins) != bool(ends):
                missing = deadline if begins else start
                self.add_error(missing, _("Give both the start and the deadline, or neither."))
            elif begins and ends and ends < begins:
                self.add_error(deadline, _("The deadline must be on or after the start."))
        return cleaned

    def phases(self) -> dict[str, tuple[Any, Any]]:
        """kind -> (starts_on, deadline) for the phases with dates."""
        return {
            kind: (self.cleaned_data[start], self.cleaned_data[deadline])
            for kind, _label, start, deadline in self.phase_rows
            if self.cleaned_data.get(start) and self.cleaned_data.get(deadline)
        }
