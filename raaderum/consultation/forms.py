from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from raaderum.consultation.actions import Settings
from raaderum.consultation.models import (
    COMMENT_MAX_LENGTH,
    MAX_ANSWERS_PER_ADDRESS,
    TITLE_MAX_LENGTH,
)
from raaderum.lib import money
from raaderum.lib.forms import AmountField
from raaderum.publication.models import PublishedProposal

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_ERRORS = {
    "required": _("Choose the date."),
    "invalid": _("Write the date as yyyy-mm-dd, e.g. 2027-06-01."),
}


class ConsultationForm(forms.Form):
    """What the budget office decides when it opens a consultation. Targets in 1,000 kr."""

    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX_LENGTH,
        error_messages={"required": _("Give the consultation a title.")},
    )
    intro = forms.CharField(
        label=_("Introduction for the citizens"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What are the citizens asked, and what happens with their answers?"),
    )
    opens_on = forms.DateField(label=_("Opens"), widget=DATE_INPUT, error_messages=DATE_ERRORS)
    closes_on = forms.DateField(
        label=_("Closes"),
        widget=DATE_INPUT,
        error_messages=DATE_ERRORS,
        help_text=_("Answers are taken to the end of the day."),
    )
    answers_per_address = forms.IntegerField(
        label=_("Answers from one network address within 10 minutes"),
        min_value=1,
        max_value=MAX_ANSWERS_PER_ADDRESS,
        help_text=_(
            "Stops floods of answers. 5 suits answers from home; for a citizen meeting where "
            "everyone answers on the town hall's network, raise it to the number of people "
            "expected."
        ),
        error_messages={
            "required": _("Enter how many answers one address may send, e.g. 5."),
            "invalid": _("Enter a whole number, e.g. 5."),
            "min_value": _("Allow at least 1 answer."),
            "max_value": _("Allow at most %(limit_value)s answers."),
        },
    )
    proposals = forms.MultipleChoiceField(
        label=_("Proposals the citizens choose among"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one proposal for the citizens."),
            "invalid_choice": _("Choose proposals of the published catalog."),
        },
    )

    def __init__(
        self,
        *args: Any,
        proposals: list[PublishedProposal],
        years: list[int],
        locked: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.published = {str(p.pk): p for p in proposals}
        field = self.fields["proposals"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(str(p.pk), f"{p.code} {p.title}") for p in proposals]
        self.years = years
        self.locked = locked  # answers exist: the choice cannot change
        for year in years:
            self.fields[f"target_{year}"] = AmountField(
                unit="tkr",
                label=_("Target %(year)s (1,000 kr.)") % {"year": year},
                required=True,
                error_messages={"required": _("Enter the target, 0 if there is none.")},
            )
        if locked:
            for name in ["proposals", *self.target_names]:
                self.fields[name].disabled = True
            # A disabled field cleans its initial value: give the targets as typed, in t.kr.
            for name in self.target_names:
                if isinstance(self.initial.get(name), int):
                    self.initial[name] = money.tkr_input_value(self.initial[name], "tkr")

    @property
    def target_names(self) -> list[str]:
        return [f"target_{year}" for year in self.years]

    def target_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.target_names]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        opens, closes = cleaned.get("opens_on"), cleaned.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", _("The consultation must close on or after it opens."))
        return cleaned

    def settings(self) -> Settings:
        data = self.cleaned_data
        return Settings(
            title=data["title"],
            intro=data["intro"],
            opens_on=data["opens_on"],
            closes_on=data["closes_on"],
            target={year: data[f"target_{year}"] for year in self.years},
            answers_per_address=data["answers_per_address"],
        )

    def chosen_proposals(self) -> list[PublishedProposal]:
        return [self.published[pk] for pk in self.cleaned_data["proposals"]]


class AnswerForm(forms.Form):
    """The citizens' answer. The proposals are checkboxes the template draws by committee."""

    chosen = forms.MultipleChoiceField(
        required=False,
        error_messages={
            "invalid_choice": _(
                "One or more of the chosen proposals are not part of the consultation. Your "
                "answer was not saved."
            )
        },
    )
    comment = forms.CharField(
        label=_("Your comment"),
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Why did you choose as you did, or what would you rather do? At most 2,000 "
            "characters. Do not write your name or other personal details: the politicians "
            "read the comment."
        ),
        error_messages={
            "max_length": _("Write at most 2,000 characters. Your answer was not saved.")
        },
    )
    token = forms.CharField(widget=forms.HiddenInput, required=False)
    # The honeypot, as on the public idea form: people never see it, programs fill it in.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, codes: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["chosen"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(code, code) for code in codes]

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get("website", "").strip())


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the comment hidden?"),
        max_length=300,
        error_messages={
            "required": _("Write why the comment is hidden."),
            "max_length": _("Write at most 300 characters."),
        },
    )
