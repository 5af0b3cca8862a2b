"""Forms of the carry-over path and of its override for proposals entered by hand.

Beside forms.py rather than in it: `CarryOverForm` extends `NextRoundForm` with one price index
per price-level year (see rules.py for why uprating goes year by year).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from raaderum.decisions import rules
from raaderum.decisions.forms import NextRoundForm, PriceIndexField


class CarryOverForm(NextRoundForm):
    """The next round, with an index for each price-level year the carried-over amounts pass.

    The years run from the lowest price level among the proposals that may be carried over to
    the new round's price level as typed; the last year is NextRoundForm's `price_index`, an
    earlier one (a proposal rejected in 2027 that comes back in 2029) `price_index_<year>`,
    prefilled with the index entered for that year when an earlier round was started.
    """

    def __init__(
        self,
        *args: Any,
        from_levels: Iterable[int],
        recorded: Mapping[int, tuple[Decimal, str]],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.from_levels = sorted(set(from_levels))
        new_level = self._typed_price_level()
        lowest = self.from_levels[0] if self.from_levels else new_level
        years = rules.price_steps(lowest, new_level) if lowest < new_level else []
        self.step_names: list[tuple[int, str]] = []
        for year in years:
            name = "price_index" if year == new_level else f"price_index_{year}"
            if name != "price_index":
                self.fields[name] = PriceIndexField()
                if year in recorded:
                    index, round_name = recorded[year]
                    self.fields[name].initial = rules.index_text(index)
                    self.fields[name].help_text = _("As entered when %(round)s was started.") % {
                        "round": round_name
                    }
            field = self.fields[name]
            field.label = _("Price index from %(from)s-P/L to %(to)s-P/L") % {
                "from": year - 1,
                "to": year,
            }
            if name == "price_index":
                field.help_text = _("E.g. 1,032 when prices and wages rise 3,2 %.")
            self.step_names.append((year, name))
        if not years:
            # Nothing to uprate: every proposal carried over is at the new price level already.
            del self.fields["price_index"]

    def _typed_price_level(self) -> int:
        default = self.source.price_level_year + 1
        if not self.is_bound:
            return default
        value = str(self.data.get("price_level_year", "")).strip()
        return int(value) if value.isdigit() and len(value) == 4 else default

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        level = cleaned.get("price_level_year")
        if level is not None and self.from_levels and level < self.from_levels[-1]:
            self.add_error(
                "price_level_year",
                _(
                    "Proposals at %(year)s-P/L are carried over: the new round's price level "
                    "cannot be earlier."
                )
                % {"year": self.from_levels[-1]},
            )
        return cleaned

    def index_fields(self) -> list[forms.BoundField]:
        """The index fields in year order, for the page."""
        return [self[name] for _year, name in self.step_names]

    def step_indices(self) -> dict[int, Decimal]:
        """Price-level year (the year a step ends in) -> the index typed for it."""
        return {year: self.cleaned_data[name] for year, name in self.step_names}


class CoolingOffOverrideForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for presenting the proposal again"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Write why the proposal is presented again despite the decision.")
        },
        help_text=_("The reason is recorded with your name and shown on the proposal."),
    )
