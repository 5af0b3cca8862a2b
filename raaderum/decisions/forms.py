from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from raaderum.decisions import rules
from raaderum.decisions.models import BudgetAgreement, Decision, DecisionSettings, Outcome
from raaderum.lib import money
from raaderum.proposals import calculation
from raaderum.publication.models import CatalogVersion, PublishedProposal
from raaderum.rounds.forms import RoundForm
from raaderum.rounds.models import BudgetRound


@dataclass
class DecisionRow:
    published: PublishedProposal
    outcome: forms.BoundField
    note: forms.BoundField
    may_return: forms.BoundField
    return_from_year: forms.BoundField

    @property
    def full_year(self) -> int:
        return calculation.full_year_effect(self.published.headroom_by_year())


class AgreementForm(forms.Form):
    """The agreement and one decision per proposal of the chosen version, saved all at once."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    body = forms.CharField(
        label=_("Decided by"),
        max_length=120,
        help_text=_("E.g. Kommunalbestyrelsen."),
        error_messages={"required": _("Write who took the decision.")},
    )
    date = forms.DateField(
        label=_("Date of the decision"),
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        error_messages={"required": _("Give the date of the decision.")},
    )
    reference = forms.CharField(
        label=_("Reference"),
        max_length=200,
        help_text=_("E.g. Budgetaftale 2027–2030 af 8. oktober 2026."),
        error_messages={"required": _("Write the agreement's reference.")},
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(
        self,
        *args: Any,
        budget_round: BudgetRound,
        version: CatalogVersion,
        agreement: BudgetAgreement | None,
        default_return_year: int,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.budget_round = budget_round
        self.catalog_version = version
        self.agreement = agreement
        self.default_return_year = default_return_year
        published = list(version.proposals.select_related("committee"))
        existing: dict[int, Decision] = {}
        if agreement is not None:
            existing = {
                d.published.proposal_id: d for d in agreement.decisions.select_related("published")
            }
            for name in ("body", "date", "reference", "note"):
                self.fields[name].initial = getattr(agreement, name)
        else:
            self.fields["body"].initial = _("Kommunalbestyrelsen")
        self.fields["version"].initial = version.number
        self.row_names: list[tuple[PublishedProposal, str]] = []
        for item in published:
            # Keyed by the underlying proposal, so decisions follow it to a newer version.
            decision = existing.get(item.proposal_id)
            prefix = f"p{item.position}"
            self.fields[f"{prefix}_outcome"] = forms.ChoiceField(
                label=_("Decision on %(code)s") % {"code": item.code},
                choices=[("", _("Choose")), *Outcome.choices],
                initial=decision.outcome if decision else "",
                error_messages={"required": _("Choose adopted, rejected or deferred.")},
            )
            self.fields[f"{prefix}_note"] = forms.CharField(
                label=_("Note on %(code)s") % {"code": item.code},
                required=False,
                initial=decision.note if decision else "",
            )
            # Unticked until the council decides that a rejected proposal may come back: a
            # ticked default would let proposals return that nobody actively allowed.
            self.fields[f"{prefix}_may_return"] = forms.BooleanField(
                label=_("%(code)s may be presented again") % {"code": item.code},
                required=False,
                initial=decision.may_return if decision else False,
            )
            self.fields[f"{prefix}_return_from_year"] = forms.IntegerField(
                label=_("%(code)s may be presented again from budget") % {"code": item.code},
                required=False,
                min_value=2000,
                max_value=2100,
                initial=(
                    decision.return_from_year
                    if decision and decision.return_from_year
                    else default_return_year
                ),
                widget=forms.NumberInput(attrs={"class": "input-width-xs"}),
            )
            self.row_names.append((item, prefix))

    @property
    def rows(self) -> list[DecisionRow]:
        return [
            DecisionRow(
                published=item,
                outcome=self[f"{prefix}_outcome"],
                note=self[f"{prefix}_note"],
                may_return=self[f"{prefix}_may_return"],
                return_from_year=self[f"{prefix}_return_from_year"],
            )
            for item, prefix in self.row_names
        ]

    def clean_version(self) -> int:
        number: int = self.cleaned_data["version"]
        if number != self.catalog_version.number:
            raise forms.ValidationError(
                _("The published version changed. Choose the version again."), code="version"
            )
        return number

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self._would_drop_carried_over():
            raise forms.ValidationError(
                _(
                    "The decisions cannot be moved to another version, because the next budget "
                    "round has already presented proposals from them again."
                ),
                code="carried_over",
            )
        self._keep_carried_over(cleaned)
        for _item, prefix in self.row_names:
            if cleaned.get(f"{prefix}_outcome") != rules.REJECTED:
                continue
            if not cleaned.get(f"{prefix}_may_return"):
                continue
            year = cleaned.get(f"{prefix}_return_from_year")
            name = f"{prefix}_return_from_year"
            if year is None and name not in self.errors:
                cleaned[name] = self.default_return_year
            elif year is not None and year <= self.budget_round.budget_year:
                self.add_error(
                    name,
                    _("Give a budget year after %(year)s.")
                    % {"year": self.budget_round.budget_year},
                )
        return cleaned

    def _keep_carried_over(self, cleaned: dict[str, Any]) -> None:
        """A decision a later round copied a proposal on cannot change its outcome: the
        proposal would be counted twice (adopted here, re-presented there)."""
        if self.agreement is None:
            return
        carried = {
            d.published_id: d
            for d in self.agreement.decisions.filter(carry_overs__isnull=False).distinct()
        }
        for item, prefix in self.row_names:
            decision = carried.get(item.pk)
            name = f"{prefix}_outcome"
            if decision and cleaned.get(name) and cleaned[name] != decision.outcome:
                self.add_error(
                    name,
                    _(
                        "%(code)s has already been presented again in the next budget round; "
                        "its decision cannot change."
                    )
                    % {"code": item.code},
                )

    def _would_drop_carried_over(self) -> bool:
        """Would saving replace a decision that a proposal of a later round was copied on?

        Decisions belong to the version they were taken on; saving them on another version
        replaces them, which the carried-over proposals' lineage forbids.
        """
        if self.agreement is None:
            return False
        kept = [item.pk for item, _prefix in self.row_names]
        return (
            self.agreement.decisions.exclude(published__in=kept)
            .filter(carry_overs__isnull=False)
            .exists()
        )

    def decisions(self) -> dict[int, dict[str, Any]]:
        """Published proposal id -> the decision's fields, normalised by outcome."""
        result = {}
        for item, prefix in self.row_names:
            outcome = self.cleaned_data[f"{prefix}_outcome"]
            rejected = outcome == rules.REJECTED
            may_return = rejected and bool(self.cleaned_data[f"{prefix}_may_return"])
            result[item.pk] = {
                "outcome": outcome,
                "note": self.cleaned_data[f"{prefix}_note"].strip(),
                "may_return": may_return,
                "return_from_year": (
                    self.cleaned_data[f"{prefix}_return_from_year"] if may_return else None
                ),
            }
        return result

    def agreement_fields(self) -> dict[str, Any]:
        return {
            "body": self.cleaned_data["body"].strip(),
            "date": self.cleaned_data["date"],
            "reference": self.cleaned_data["reference"].strip(),
            "note": self.cleaned_data["note"].strip(),
        }


class DecisionSettingsForm(forms.ModelForm):
    class Meta:
        model = DecisionSettings
        fields = ["cooling_off_rounds"]


class PriceIndexField(forms.CharField):
    """A price index typed the Danish way, e.g. 1,032 for prices 3,2 % higher."""

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        text = super().to_python(value) or ""
        try:
            index = money.parse_decimal(text, max_decimals=4, allow_empty=False)
        except money.AmountError as error:
            raise forms.ValidationError(
                _("Write the index as a decimal number with a comma, e.g. 1,032."),
                code="invalid",
            ) from error
        assert index is not None
        if not rules.MIN_INDEX <= index <= rules.MAX_INDEX:
            raise forms.ValidationError(
                _("The index must be between 0,5 and 2,0, e.g. 1,032."), code="range"
            )
        return index


# The hidden input that tells which blocked proposals the page showed when it was submitted.
SHOWN_BLOCKED = "blocked_shown"


class NextRoundForm(RoundForm):
    """A new round prefilled from `source`, a price index and the overrides of blocked ones."""

    price_index = PriceIndexField(
        label=_("Price index to the new price level"),
        help_text=_(
            "The carried-over amounts are multiplied by this and rounded to whole kroner. "
            "E.g. 1,032 when prices and wages rise 3,2 %."
        ),
    )

    def __init__(
        self,
        *args: Any,
        source: BudgetRound,
        blocked: list[Any],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, municipality=source.municipality, **kwargs)
        self.source = source
        next_year = source.budget_year + 1
        self.fields["name"].initial = f"Budget {next_year}–{next_year + 3}"
        self.fields["budget_year"].initial = next_year
        self.fields["price_level_year"].initial = source.price_level_year + 1
        self.fields["target_amount"].initial = source.target_amount
        self.fields["full_effect_year"].initial = source.full_effect_year + 1
        self.fields["max_lix"].initial = source.max_lix
        self.fields["description"].initial = source.description
        self.fields["price_index"].initial = "1,000"
        self.blocked = blocked
        self.override_names: list[tuple[Any, str, str]] = []
        for candidate in blocked:
            override, reason = f"override_{candidate.key}", f"reason_{candidate.key}"
            self.fields[override] = forms.BooleanField(
                label=_("Present %(code)s again anyway") % {"code": candidate.code},
                required=False,
            )
            self.fields[reason] = forms.CharField(
                label=_("Reason for presenting %(code)s again") % {"code": candidate.code},
                required=False,
                help_text=_("Required when the box above is ticked."),
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.override_names.append((candidate, override, reason))

    def clean_budget_year(self) -> int:
        year: int = self.cleaned_data["budget_year"]
        if year <= self.source.budget_year:
            raise forms.ValidationError(
                _("The new round's budget year must be after %(year)s.")
                % {"year": self.source.budget_year},
                code="not_later",
            )
        return year

    def clean(self) -> dict[str, Any]:
        # The round's own clean() checks that the full-effect year lies in the new period.
        cleaned = super().clean()
        for _candidate, override, reason in self.override_names:
            if cleaned.get(override) and not (cleaned.get(reason) or "").strip():
                self.add_error(
                    reason, _("Write why the proposal is presented again despite the decision.")
                )
        year = cleaned.get("budget_year")
        newly = self.newly_blocked()
        if year is not None and newly:
            # The list depends on the budget year: one blocked only for the year now typed was
            # never offered for override, and must not silently stay behind.
            self.add_error(
                None,
                _(
                    "With budget year %(year)s these proposals are blocked by the decision and "
                    "would not be copied: %(codes)s. They are now listed under “Blocked by the "
                    "decision”: tick the ones to present again anyway, or submit again to leave "
                    "them out."
                )
                % {"year": year, "codes": ", ".join(c.code for c in newly)},
            )
            for candidate in newly:
                self.add_error(None, candidate.message())
        return cleaned

    def blocked_keys(self) -> str:
        """The value of the SHOWN_BLOCKED input: the blocked proposals this page shows."""
        return ",".join(candidate.key for candidate in self.blocked)

    def newly_blocked(self) -> list[Any]:
        """The blocked candidates the submitted page did not show (none when unbound)."""
        if not self.is_bound:
            return []
        shown = {key.strip() for key in str(self.data.get(SHOWN_BLOCKED, "")).split(",")}
        return [candidate for candidate in self.blocked if candidate.key not in shown]

    def overrides(self) -> dict[str, str]:
        """candidate key -> reason, for the blocked proposals the budget office lets through."""
        return {
            candidate.key: self.cleaned_data[reason].strip()
            for candidate, override, reason in self.override_names
            if self.cleaned_data.get(override)
        }
