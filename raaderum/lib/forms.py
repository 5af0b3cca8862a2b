"""Form fields for Danish amounts. Parsing and rounding live in raaderum.lib.money."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.forms.formsets import DELETION_FIELD_NAME
from django.utils.translation import gettext_lazy as _

from raaderum.lib import money

AMOUNT_ERRORS = {
    "empty": _("Enter an amount."),
    "invalid": _("Write the amount as a number, e.g. 1.234 or −250,5."),
    "decimal_point": _("Use a comma as the decimal separator, e.g. 1,5."),
    "not_whole_kroner": _("The amount must be whole kroner."),
    "too_large": _("The amount is too large."),
    "unit_mismatch": _("The amount is written in another unit than the one chosen above."),
    "too_many_decimals": _("Write fewer decimals, e.g. 2,5."),
}

UNIT_CHOICES = [("tkr", _("1,000 kr.")), ("kr", _("kr."))]


def amount_error_message(error: money.AmountError) -> str:
    return str(AMOUNT_ERRORS.get(error.code, AMOUNT_ERRORS["invalid"]))


class AmountField(forms.CharField):
    """A whole-kroner amount typed the Danish way (1.234 / −250 / 1.234,5) in kr. or t.kr."""

    def __init__(self, *, unit: str = "kr", **kwargs: Any) -> None:
        self.unit = unit
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(**kwargs)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, int):
            return money.tkr_input_value(value, self.unit)
        return value

    def to_python(self, value: Any) -> int | None:  # type: ignore[override]
        text = super().to_python(value) or ""
        try:
            return money.parse_amount(text, self.unit, allow_empty=True)
        except money.AmountError as error:
            raise forms.ValidationError(amount_error_message(error), code=error.code) from error


class FteField(forms.CharField):
    """Full-time equivalents with up to two decimals, Danish decimal comma."""

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, Decimal):
            return money.format_number(value, 2 if value != value.to_integral() else 0).replace(
                "−", "-"
            )
        return value

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        text = super().to_python(value) or ""
        try:
            return money.parse_decimal(text, max_decimals=2)
        except money.AmountError as error:
            raise forms.ValidationError(
                _("Write FTE as a number with at most two decimals, e.g. −2,5."), code=error.code
            ) from error


class SelectToDeleteFormSet(forms.BaseModelFormSet):
    """A model formset whose rows are deleted with a select, not Django's checkbox.

    Det Fælles Designsystem draws checkboxes only with its own markup, which
    includes/field.html does not write; a select it draws like every other field.
    """

    deletion_label: Any = _("Delete")

    def add_fields(self, form: forms.Form, index: int | None) -> None:
        super().add_fields(form, index)
        form.fields[DELETION_FIELD_NAME] = forms.ChoiceField(
            label=self.deletion_label,
            choices=[("", _("No")), ("delete", _("Yes"))],
            required=False,
        )
