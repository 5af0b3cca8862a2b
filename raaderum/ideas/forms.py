from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from raaderum.access import PERMISSIONS, Action
from raaderum.ideas import bulk, spam
from raaderum.ideas.models import (
    DESCRIPTION_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    Assessment,
    Idea,
    IdeaStatus,
    ScreeningCriterion,
    ScreeningRules,
)
from raaderum.lib import concurrency
from raaderum.lib.forms import AmountField, SelectToDeleteFormSet
from raaderum.organisation.models import Committee, Municipality, Role, User
from raaderum.proposals.models import Origin, ProposalType
from raaderum.rounds.models import BudgetRound

ESTIMATE_LABEL = _("Estimated amount a year (kr.)")
ESTIMATE_HELP = _(
    "Optional, a rough estimate is fine. Write what the idea frees each year as a positive "
    "amount, e.g. 250.000. If the idea costs money, write a minus in front."
)
YES, NO = "yes", "no"
YES_NO = [(YES, _("Yes")), (NO, _("No"))]
ANSWER_CHOICES = [("", _("Not answered")), *YES_NO]


def _answer(met: bool | None) -> str:
    return "" if met is None else (YES if met else NO)


def _met(answer: str) -> bool | None:
    return None if not answer else answer == YES


def estimate_field() -> AmountField:
    return AmountField(unit="kr", required=False, label=ESTIMATE_LABEL, help_text=ESTIMATE_HELP)


def _committee_field(form: forms.BaseForm, municipality: Municipality) -> None:
    committee = cast(forms.ModelChoiceField, form.fields["committee"])
    committee.queryset = Committee.objects.filter(municipality=municipality)
    committee.required = False
    committee.empty_label = _("No suggestion")
    committee.label = _("Committee (your suggestion)")


class IdeaForm(forms.ModelForm):
    """An idea from a member of the administration."""

    origin = forms.ChoiceField(
        label=_("Submitted as"),
        choices=[(o.value, o.label) for o in (Origin.EMPLOYEE, Origin.MANAGER)],
    )
    estimated_amount = estimate_field()

    class Meta:
        model = Idea
        fields = ["title", "description", "origin", "committee", "estimated_amount"]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "title": _("A short name for the idea, e.g. “Digital post to all citizens”."),
            "description": _("What would change, and why it frees money."),
        }

    def __init__(self, *args: Any, municipality: Municipality, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["description"].required = True
        _committee_field(self, municipality)

    def model_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class PartyProposalForm(forms.ModelForm):
    """A party group's proposal, for the administration to cost."""

    estimated_amount = estimate_field()

    class Meta:
        model = Idea
        fields = ["title", "description", "party_name", "committee", "estimated_amount"]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}
        help_texts = {"party_name": _("The party group that puts the proposal forward.")}

    def __init__(self, *args: Any, municipality: Municipality, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["description"].required = True
        self.fields["party_name"].required = True
        _committee_field(self, municipality)

    def model_fields(self) -> dict[str, Any]:
        return {
            **{name: self.cleaned_data[name] for name in self.Meta.fields},
            "origin": Origin.PARTY,
        }


class PublicIdeaForm(forms.Form):
    """The citizens' form: what it asks is all that is stored, and nothing internal is shown."""

    title = forms.CharField(
        label=_("Title"),
        min_length=5,
        max_length=TITLE_MAX_LENGTH,
        help_text=_("A short name for your idea, between 5 and 200 characters."),
        error_messages={
            "required": _("Write a title for your idea."),
            "min_length": _("Write a title of at least 5 characters."),
            "max_length": _("Write a title of at most 200 characters."),
        },
    )
    description = forms.CharField(
        label=_("Your idea"),
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "What should the municipality do differently, and how would it save money? "
            "At most 5,000 characters."
        ),
        error_messages={
            "required": _("Describe your idea."),
            "max_length": _("Write at most 5,000 characters."),
        },
    )
    name = forms.CharField(
        label=_("Your name"),
        max_length=bulk.NAME_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("Your e-mail"),
        required=False,
        help_text=_(
            "Only if you want the municipality to be able to ask you about the idea. "
            "It is not published."
        ),
        error_messages={"invalid": _("Write a valid e-mail address, e.g. navn@example.dk.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    # The honeypot: people never see it (the template hides it from eyes and screen readers
    # alike), programs that fill in every field do.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def clean_title(self) -> str:
        title: str = self.cleaned_data["title"]
        if not any(character.isalpha() for character in title):
            raise forms.ValidationError(_("Write the title in words."), code="no_letters")
        return title

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        links = spam.count_links(cleaned.get("title", ""), cleaned.get("description", ""))
        if links > spam.MAX_LINKS:
            self.add_error(
                "description",
                forms.ValidationError(
                    _("Write at most %(max)s links (web addresses)."),
                    code="too_many_links",
                    params={"max": spam.MAX_LINKS},
                ),
            )
        return cleaned

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get(spam.HONEYPOT_FIELD, "").strip())

    def model_fields(self) -> dict[str, Any]:
        return {
            "title": self.cleaned_data["title"],
            "description": self.cleaned_data["description"],
            "submitter_name": self.cleaned_data["name"],
            "submitter_email": self.cleaned_data["email"],
        }


class AssessmentForm(forms.Form):
    """The screening of one idea against the round's standard and free criteria."""

    estimated_amount = AmountField(
        unit="kr",
        required=False,
        label=_("Estimated amount a year (kr.)"),
        help_text=_(
            "Your estimate of what the idea frees each year when fully phased in, as a "
            "positive amount. Compared with the round's minimum."
        ),
    )
    full_effect_year = forms.IntegerField(
        label=_("Year of full effect"),
        required=False,
        min_value=2000,
        max_value=2100,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={"invalid": _("Write a year, e.g. 2028.")},
    )
    needs_political_decision = forms.ChoiceField(
        label=_("Needs a political decision"),
        choices=ANSWER_CHOICES,
        required=False,
        help_text=_(
            "Ideas the administration can carry out on its own do not belong in the catalog."
        ),
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea({"rows": 3}))

    def __init__(
        self,
        *args: Any,
        idea: Idea,
        criteria: list[ScreeningCriterion],
        assessment: Assessment | None,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("prefix", "assess")
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        answers = {a.criterion_id: a for a in assessment.answers.all()} if assessment else {}
        if assessment is not None:
            self.initial.update(
                estimated_amount=assessment.estimated_amount,
                full_effect_year=assessment.full_effect_year,
                needs_political_decision=_answer(assessment.needs_political_decision),
                note=assessment.note,
            )
        else:
            self.initial.update(estimated_amount=idea.estimated_amount)
        for criterion in criteria:
            answer = answers.get(criterion.pk)
            self.fields[f"criterion_{criterion.pk}"] = forms.ChoiceField(
                label=criterion.text,
                choices=ANSWER_CHOICES,
                required=False,
                initial=_answer(answer.met if answer else None),
            )
            self.fields[f"criterion_{criterion.pk}_note"] = forms.CharField(
                label=_("Note on this criterion"),
                required=False,
                max_length=500,
                initial=answer.note if answer else "",
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for criterion in self.criteria:
            if cleaned.get(f"criterion_{criterion.pk}_note") and not cleaned.get(
                f"criterion_{criterion.pk}"
            ):
                self.add_error(
                    f"criterion_{criterion.pk}",
                    _("Answer yes or no: a note is only kept with an answer."),
                )
        return cleaned

    def criterion_fields(
        self,
    ) -> list[tuple[ScreeningCriterion, forms.BoundField, forms.BoundField]]:
        return [
            (c, self[f"criterion_{c.pk}"], self[f"criterion_{c.pk}_note"]) for c in self.criteria
        ]

    def assessment_fields(self) -> dict[str, Any]:
        return {
            "estimated_amount": self.cleaned_data["estimated_amount"],
            "full_effect_year": self.cleaned_data["full_effect_year"],
            "needs_political_decision": _met(self.cleaned_data["needs_political_decision"]),
            "note": self.cleaned_data["note"],
        }

    def answers(self) -> dict[int, tuple[bool, str]]:
        """criterion id -> (met, note) for the criteria answered yes or no."""
        result = {}
        for criterion in self.criteria:
            met = self.cleaned_data[f"criterion_{criterion.pk}"]
            if met:
                result[criterion.pk] = (
                    met == YES,
                    self.cleaned_data[f"criterion_{criterion.pk}_note"],
                )
        return result


def members_of(municipality: Municipality, roles: frozenset[Role]) -> QuerySet[User]:
    return (
        User.objects.filter(
            memberships__municipality=municipality, memberships__role__in=list(roles)
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class PassForm(forms.Form):
    """Pass the idea on: it becomes a draft proposal with an owner (and a director)."""

    type = forms.ChoiceField(label=_("Type of proposal"), choices=ProposalType.choices)
    committee = forms.ModelChoiceField(
        label=_("Committee"), queryset=Committee.objects.none(), empty_label=_("Choose committee")
    )
    owner = forms.ModelChoiceField(
        label=_("Owner"),
        queryset=User.objects.none(),
        empty_label=_("Choose owner"),
        help_text=_("The project lead who writes and costs the proposal."),
    )
    cross_cutting = forms.ChoiceField(
        label=_("Cross-cutting"),
        choices=YES_NO,
        initial=NO,
        help_text=_("Yes if the proposal will have effects under several committees."),
    )
    director = forms.ModelChoiceField(
        label=_("Director"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("No director"),
        help_text=_("Required for a cross-cutting proposal: a director owns it from the start."),
    )

    def __init__(self, *args: Any, idea: Idea, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "pass")
        super().__init__(*args, **kwargs)
        municipality = idea.round.municipality
        committee, owner, director = (
            cast(forms.ModelChoiceField, self.fields[name])
            for name in ("committee", "owner", "director")
        )
        committee.queryset = Committee.objects.filter(municipality=municipality)
        # An owner must be able to edit the proposal afterwards.
        owners = PERMISSIONS[Action.EDIT_OWN_PROPOSAL] | PERMISSIONS[Action.EDIT_ANY_PROPOSAL]
        owner.queryset = members_of(municipality, owners)
        director.queryset = members_of(municipality, frozenset({Role.DIRECTOR}))
        if idea.committee_id and not self.is_bound:
            self.initial["committee"] = idea.committee_id

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("cross_cutting") == YES and not cleaned.get("director"):
            self.add_error(
                "director",
                _("A cross-cutting proposal needs a director as owner from the start: choose one."),
            )
        return cleaned


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for rejection"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Whoever submitted the idea sees the reason. Write it in plain language."),
        error_messages={"required": _("Write why the idea is rejected.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "reject")
        super().__init__(*args, **kwargs)


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(
        label=_("Merge into"),
        queryset=Idea.objects.none(),
        empty_label=_("Choose the idea it duplicates"),
        help_text=_("The idea is closed as a duplicate and points to the idea chosen here."),
        error_messages={
            "required": _("Choose the idea this one duplicates."),
            "invalid_choice": _("Choose another open idea of the same round."),
        },
    )

    def __init__(self, *args: Any, idea: Idea, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "merge")
        super().__init__(*args, **kwargs)
        into = cast(forms.ModelChoiceField, self.fields["into"])
        into.queryset = (
            Idea.objects.filter(round_id=idea.round_id)
            .exclude(pk=idea.pk)
            .exclude(status__in=[IdeaStatus.MERGED, IdeaStatus.REJECTED])
            .order_by("title")
        )


class ScreeningRulesForm(forms.ModelForm):
    min_amount = AmountField(
        unit="kr",
        required=False,
        label=_("Minimum amount a year (kr.)"),
        help_text=_("An idea should free at least this much each year when fully phased in."),
    )
    loaded_state = concurrency.loaded_state_field()

    class Meta:
        model = ScreeningRules
        fields = ["min_amount", "latest_full_effect_year"]
        widgets = {"latest_full_effect_year": forms.TextInput(attrs={"inputmode": "numeric"})}

    def __init__(self, *args: Any, budget_round: BudgetRound, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "rules")
        super().__init__(*args, **kwargs)
        self.instance.round = budget_round
        self.fields["latest_full_effect_year"].help_text = _(
            "The latest year in which the idea must have its full effect, e.g. %(year)s."
        ) % {"year": budget_round.full_effect_year}

    def clean_min_amount(self) -> int | None:
        value: int | None = self.cleaned_data["min_amount"]
        if value is not None and value < 0:
            raise forms.ValidationError(
                _("Write the minimum as a positive amount: what an idea must free."),
                code="negative",
            )
        return value


class CriterionForm(forms.ModelForm):
    # Not the model field: an empty position means "after the others" (actions decide it).
    position = forms.IntegerField(
        label=_("Order"),
        required=False,
        min_value=0,
        max_value=32767,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        help_text=_("Optional. Criteria are shown in this order."),
    )

    class Meta:
        model = ScreeningCriterion
        fields = ["text"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["position"].initial = self.instance.position


class BaseCriterionFormSet(SelectToDeleteFormSet):
    deletion_label = _("Delete the criterion")


CriterionFormSet = forms.modelformset_factory(
    ScreeningCriterion,
    form=CriterionForm,
    formset=BaseCriterionFormSet,
    extra=2,
    can_delete=True,
    can_delete_extra=False,
)


def criterion_formset(budget_round: BudgetRound, data: Any = None) -> forms.BaseModelFormSet:
    return CriterionFormSet(data, queryset=budget_round.screening_criteria.all(), prefix="criteria")


class ImportForm(forms.Form):
    """Ideas from a workshop or citizen conference, pasted or uploaded; all or nothing."""

    origin = forms.ChoiceField(
        label=_("Where the ideas come from"),
        choices=[(o.value, o.label) for o in Origin if o != Origin.PARTY],
        initial=Origin.WORKSHOP,
    )
    lines = forms.CharField(
        label=_("Paste the ideas"),
        required=False,
        strip=False,  # leading blank lines count: row numbers are the lines the user sees
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "One idea per line: the title, then a tab and the description. Rows copied from a "
            "spreadsheet with the columns Titel, Beskrivelse, Navn and E-mail work too."
        ),
    )
    file = forms.FileField(
        label=_("Or upload a spreadsheet"),
        required=False,
        help_text=_(
            "An .xlsx or .csv file of at most 2 MB with the columns Titel, Beskrivelse, and "
            "optionally Navn and E-mail. CSV separated by semicolons or commas, in UTF-8."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows: list[bulk.Row] = []
        self.row_errors: list[bulk.RowError] = []

    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if not upload:
            return upload
        if not upload.name.lower().endswith(bulk.FILE_TYPES):
            raise forms.ValidationError(
                _("Upload an Excel (.xlsx) or CSV (.csv) file."), code="file_type"
            )
        if upload.size > bulk.MAX_FILE_SIZE:
            raise forms.ValidationError(
                _("The file is larger than 2 MB. Split it into smaller files."), code="file_size"
            )
        return upload

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.errors:
            return cleaned
        lines, upload = cleaned.get("lines", ""), cleaned.get("file")
        if lines.strip() and upload:
            self.add_error(
                None, _("Paste the ideas or upload a file, not both: nothing was entered.")
            )
            return cleaned
        try:
            if upload:
                self.rows = bulk.rows_from_file(upload.name, upload.read())
            elif lines.strip():
                self.rows = bulk.rows_from_paste(lines)
            else:
                self.add_error(None, _("Paste the ideas or choose a file."))
                return cleaned
        except bulk.ImportFileError as error:
            self.add_error("file" if upload else "lines", str(error))
            return cleaned
        if not self.rows:
            self.add_error("file" if upload else "lines", _("No ideas were found."))
            return cleaned
        self.row_errors = bulk.check_rows(self.rows)
        if self.row_errors:
            self.add_error(
                None,
                _("Some rows have errors. Correct them and try again: no ideas were entered."),
            )
        return cleaned
