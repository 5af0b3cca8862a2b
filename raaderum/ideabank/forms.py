from __future__ import annotations

from typing import Any, cast

from django import forms
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from raaderum.ideabank import exchange
from raaderum.ideabank.models import (
    LINK_MAX_LENGTH,
    MAIN_ACCOUNTS,
    MAX_LINKS,
    MAX_TAGS,
    TAG_MAX_LENGTH,
    BankIdea,
)
from raaderum.ideabank.search import Filters
from raaderum.lib.forms import AmountField
from raaderum.organisation.models import Municipality
from raaderum.proposals.models import ProposalType
from raaderum.rounds.models import BudgetRound

EFFECT_HELP = _(
    "What the idea freed or is expected to free each year when fully phased in, in the source "
    "municipality, as a positive amount, e.g. 250.000. A minus means it costs money."
)


class BankIdeaForm(forms.ModelForm):
    """An entry of the bank, written by the budget office of the municipality that keeps it."""

    effect_min = AmountField(
        unit="kr",
        required=False,
        label=_("Expected effect a year, from (kr.)"),
        help_text=EFFECT_HELP,
    )
    effect_max = AmountField(
        unit="kr",
        required=False,
        label=_("Expected effect a year, to (kr.)"),
        help_text=_("The same as “from” if you know one amount."),
    )
    links = forms.CharField(
        label=_("Links"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One web address per line, e.g. the decision or the evaluation of the idea."),
    )
    tags = forms.CharField(
        label=_("Keywords"),
        required=False,
        max_length=1000,
        help_text=_("Separated by commas, e.g. “vikarer, skoler, sygefravær”."),
    )

    class Meta:
        model = BankIdea
        fields = [
            "municipality",
            "title",
            "service_area",
            "function_code",
            "type",
            "description",
            "effect_min",
            "effect_max",
            "source_name",
            "source_code",
            "links",
            "tags",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "source_code": forms.TextInput(attrs={"inputmode": "numeric"}),
        }
        help_texts = {
            "title": _("A short name for the idea, e.g. “Fewer substitute teachers”."),
            "description": _(
                "What the idea changes, how it frees money, and what it takes. Others read it "
                "to decide whether it fits their municipality."
            ),
        }

    def __init__(self, *args: Any, municipalities: list[Municipality], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        municipality = cast(forms.ModelChoiceField, self.fields["municipality"])
        municipality.queryset = Municipality.objects.filter(pk__in=[m.pk for m in municipalities])
        municipality.empty_label = None
        municipality.label = _("Kept by")
        municipality.help_text = _(
            "The municipality whose budget office keeps the idea up to date."
        )
        if self.instance.pk or len(municipalities) == 1:
            # Fixed: an entry does not move to another municipality.
            municipality.disabled = True
            municipality.widget = forms.HiddenInput()
            if not self.instance.pk:
                self.initial["municipality"] = municipalities[0].pk
        type_field = cast(forms.ChoiceField, self.fields["type"])
        type_field.choices = [("", _("Choose type")), *ProposalType.choices]
        if self.instance.pk and not self.is_bound:
            self.initial["links"] = "\n".join(self.instance.links)
            self.initial["tags"] = ", ".join(self.instance.tags)

    def clean_links(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        if len(lines) > MAX_LINKS:
            raise forms.ValidationError(
                _("Write at most %(max)s links."), params={"max": MAX_LINKS}, code="max_links"
            )
        validate = URLValidator(schemes=["http", "https"])
        bad = []
        for line in lines:
            try:
                if len(line) > LINK_MAX_LENGTH:
                    raise forms.ValidationError("too long")
                validate(line)
            except forms.ValidationError:
                bad.append(line[:80])
        if bad:
            raise forms.ValidationError(
                _("Write web addresses that start with https:// or http://: %(links)s"),
                params={"links": ", ".join(bad)},
                code="invalid_link",
            )
        return lines

    def clean_tags(self) -> list[str]:
        tags: list[str] = []
        for tag in self.cleaned_data["tags"].replace(exchange.LIST_SEPARATOR, ",").split(","):
            tag = tag.strip()
            if tag and tag.casefold() not in (t.casefold() for t in tags):
                tags.append(tag)
        if len(tags) > MAX_TAGS:
            raise forms.ValidationError(
                _("Write at most %(max)s keywords."), params={"max": MAX_TAGS}, code="max_tags"
            )
        long = [tag for tag in tags if len(tag) > TAG_MAX_LENGTH]
        if long:
            raise forms.ValidationError(
                _("A keyword has at most %(max)s characters: %(tags)s"),
                params={"max": TAG_MAX_LENGTH, "tags": ", ".join(long)},
                code="long_tag",
            )
        return tags

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        low, high = cleaned.get("effect_min"), cleaned.get("effect_max")
        if low is not None and high is not None and low > high:
            self.add_error("effect_max", _("The highest effect must be at least the lowest."))
        return cleaned

    def model_fields(self) -> dict[str, Any]:
        return {
            name: self.cleaned_data[name] for name in self.Meta.fields if name != "municipality"
        }


class SearchForm(forms.Form):
    """The search and filters of the idea bank; a bad value is ignored, never an error page."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    area = forms.CharField(label=_("Service area"), required=False, max_length=120)
    account = forms.ChoiceField(
        label=_("Main account"),
        required=False,
        choices=[("", _("All main accounts")), *MAIN_ACCOUNTS],
    )
    type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All types")), *ProposalType.choices]
    )
    source = forms.ChoiceField(label=_("Source municipality"), required=False, choices=[])
    effect_from = AmountField(unit="kr", required=False, label=_("Effect a year from (kr.)"))
    effect_to = AmountField(unit="kr", required=False, label=_("Effect a year to (kr.)"))

    def __init__(self, *args: Any, sources: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        source = cast(forms.ChoiceField, self.fields["source"])
        source.choices = [("", _("All municipalities")), *((name, name) for name in sources)]

    def filters(self) -> Filters:
        """The valid filters; a field with a bad value is left out."""
        self.is_valid()
        values = {name: self.cleaned_data.get(name) for name in self.fields if name != "q"}
        return Filters(
            area=values["area"] or "",
            account=values["account"] or "",
            type=values["type"] or "",
            source=values["source"] or "",
            effect_from=values["effect_from"],
            effect_to=values["effect_to"],
        )

    @property
    def query(self) -> str:
        self.is_valid()
        return str(self.cleaned_data.get("q") or "")


class ImportForm(forms.Form):
    municipality = forms.ModelChoiceField(
        label=_("Import for"),
        queryset=Municipality.objects.none(),
        empty_label=None,
        help_text=_("The municipality whose budget office will keep the imported ideas."),
    )
    file = forms.FileField(
        label=_("File"),
        help_text=_(
            "A .json or .csv file in the idea bank's format (see the description of the format), "
            "at most 10 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".json,.csv"}),
        error_messages={"required": _("Choose a file to import.")},
    )

    def __init__(self, *args: Any, municipalities: list[Municipality], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["municipality"])
        field.queryset = Municipality.objects.filter(pk__in=[m.pk for m in municipalities])
        if len(municipalities) == 1:
            field.disabled = True
            field.widget = forms.HiddenInput()
            field.initial = municipalities[0].pk
        self.entries: list[exchange.Entry] = []
        self.entry_errors: list[exchange.EntryError] = []

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        upload = cleaned.get("file")
        if upload is None:
            return cleaned
        if upload.size > exchange.MAX_FILE_SIZE:
            self.add_error("file", _("The file is larger than 10 MB. Split it into smaller files."))
            return cleaned
        try:
            self.entries, self.entry_errors = exchange.read_file(upload.name, upload.read())
        except exchange.ExchangeFileError as error:
            self.add_error("file", str(error))
        return cleaned


def round_with_municipality(budget_round: BudgetRound) -> str:
    return f"{budget_round.name} ({budget_round.municipality.name})"


class UseForm(forms.Form):
    round = forms.ModelChoiceField(
        label=_("Budget round"),
        queryset=BudgetRound.objects.none(),
        empty_label=_("Choose a round"),
        help_text=_("The idea is added to the round's ideas and is screened like the others."),
        error_messages={
            "required": _("Choose the round the idea should go into."),
            "invalid_choice": _("Choose one of your own rounds that takes ideas."),
        },
    )

    def __init__(self, *args: Any, rounds: list[BudgetRound], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["round"])
        field.queryset = BudgetRound.objects.filter(pk__in=[r.pk for r in rounds]).select_related(
            "municipality"
        )
        if len({r.municipality_id for r in rounds}) > 1:
            field.label_from_instance = round_with_municipality  # type: ignore[method-assign,assignment]
