from __future__ import annotations

from datetime import date
from typing import Any, cast

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.forms.formsets import DELETION_FIELD_NAME
from django.utils.translation import gettext_lazy as _

from raaderum.followup import evidence
from raaderum.followup.models import (
    DecisionKind,
    FollowUpCycle,
    Initiative,
    Milestone,
    MilestoneStatus,
    RealisationStatus,
)
from raaderum.lib.forms import AmountField, SelectToDeleteFormSet
from raaderum.organisation.models import Municipality, Role, User

DATE_WIDGET = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class ImplementationForm(forms.Form):
    """Who answers for the initiative; the milestones come in MilestoneFormSet beside it."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    responsible = forms.ModelChoiceField(
        label=_("Responsible person"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("The proposal's owner"),
        help_text=_("Enters the realised gains each year. Not shown on the public page."),
    )
    responsible_unit = forms.CharField(
        label=_("Responsible unit"),
        max_length=200,
        required=False,
        help_text=_("E.g. Skole og Dagtilbud. Shown on the public page instead of a name."),
    )

    def __init__(
        self,
        *args: Any,
        initiative: Initiative,
        may_assign: bool,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault(
            "initial",
            {
                "version": initiative.version,
                "responsible": initiative.responsible_id,
                "responsible_unit": initiative.responsible_unit,
            },
        )
        super().__init__(*args, **kwargs)
        responsible = cast(forms.ModelChoiceField, self.fields["responsible"])
        # Only people who may enter the follow-up can be made responsible for it.
        responsible.queryset = User.objects.filter(
            memberships__municipality_id=initiative.municipality_id,
            memberships__role__in=[Role.BUDGET_OFFICE, Role.DIRECTOR, Role.OWNER],
        ).order_by("first_name", "last_name", "username")
        if not may_assign:
            responsible.disabled = True
            responsible.help_text = _("Only the budget office can change this.")


class MilestoneForm(forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["title", "due", "status", "done_on", "note"]
        widgets = {
            "due": DATE_WIDGET,
            "done_on": DATE_WIDGET,
            "note": forms.Textarea(attrs={"rows": 2}),
        }
        labels = {"title": _("Milestone"), "due": _("Due date"), "done_on": _("Done on")}
        error_messages = {
            "title": {"required": _("Write what the milestone is.")},
            "due": {"required": _("Give the date the milestone is due.")},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["done_on"].help_text = _("Filled in with today's date when left empty.")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        done_on = cleaned.get("done_on")
        if done_on and cleaned.get("status") != MilestoneStatus.DONE:
            self.add_error("status", _("A milestone with a done date must have the status Done."))
        return cleaned


class BaseMilestoneFormSet(SelectToDeleteFormSet):
    deletion_label = _("Delete the milestone")


MilestoneFormSet = forms.modelformset_factory(
    Milestone,
    form=MilestoneForm,
    formset=BaseMilestoneFormSet,
    extra=2,
    can_delete=True,
    can_delete_extra=False,
)


def milestone_formset(initiative: Initiative, data: Any = None) -> forms.BaseModelFormSet:
    return MilestoneFormSet(data, queryset=initiative.milestones.all(), prefix="milestones")


def milestone_rows(formset: forms.BaseModelFormSet) -> list[dict[str, Any]]:
    """The formset's rows for do_save_implementation; empty new rows are left out."""
    rows = []
    for form in formset.forms:
        existing = form.instance if form.instance.pk else None
        if existing is None and not form.has_changed():
            continue
        data = form.cleaned_data
        rows.append(
            {
                "milestone": existing,
                "delete": bool(data.get(DELETION_FIELD_NAME)),
                **{name: data.get(name) for name in MilestoneForm.Meta.fields},
            }
        )
    return rows


class KronerField(AmountField):
    """Whole kroner only: a figure typed in 1.000 kr. is refused with a kroner example."""

    def to_python(self, value: Any) -> int | None:  # type: ignore[override]
        try:
            return super().to_python(value)
        except forms.ValidationError as error:
            if error.code == "unit_mismatch":
                raise forms.ValidationError(
                    _("Write the amount in whole kroner, e.g. 250.000."), code="unit_mismatch"
                ) from error
            raise


class RealisationForm(forms.Form):
    """The owner's assessment of one year. Submitting needs the amount, status and reason."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    realised = KronerField(
        label=_("Realised råderum (kr.)"),
        required=False,
        help_text=_(
            "Whole kroner, as money freed: e.g. 1.250.000. A negative amount means the "
            "initiative cost money instead."
        ),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Choose status")), *RealisationStatus.choices],
        required=False,
    )
    assessment = forms.CharField(
        label=_("Assessment: why"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Why the gain was or was not realised, in plain language."),
    )
    learning = forms.CharField(
        label=_("What was learned"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "What others should know when they write a similar proposal. Shown beside similar "
            "proposals in later rounds once approved."
        ),
    )

    # Needed to submit, not to save a draft: shown as required, checked only on submitting.
    NEEDED_TO_SUBMIT = {
        "realised": _("Enter the realised amount before submitting."),
        "status": _("Choose a status before submitting."),
        "assessment": _("Write why before submitting."),
    }

    def __init__(self, *args: Any, submit: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.submit = submit
        for name, message in self.NEEDED_TO_SUBMIT.items():
            field = self.fields[name]
            field.required = submit or not self.is_bound
            field.error_messages["required"] = message

    def fields_for_save(self) -> dict[str, Any]:
        return {
            "realised": self.cleaned_data["realised"],
            "status": self.cleaned_data["status"],
            "assessment": self.cleaned_data["assessment"].strip(),
            "learning": self.cleaned_data["learning"].strip(),
        }


class ReviewForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("Note to the owner"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when sending the assessment back."),
    )

    def __init__(self, *args: Any, approve: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.approve = approve

    def clean_note(self) -> str:
        note: str = self.cleaned_data["note"].strip()
        if not self.approve and not note:
            raise forms.ValidationError(_("Write what the owner must change."), code="required")
        return note


EVIDENCE_ERRORS = {
    evidence.EMPTY: _("The file is empty."),
    evidence.TOO_LARGE: _("The file is larger than 10 MB."),
    evidence.TYPE_NOT_ALLOWED: _(
        "Attach a PDF, Word (.docx), Excel (.xlsx), PNG, JPG or CSV file."
    ),
    evidence.CONTENT_MISMATCH: _(
        "The file's content is not what its name says (%(extension)s). Save it again in that "
        "format, or attach it as one of the allowed types."
    ),
}


class EvidenceForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, Word (.docx), Excel (.xlsx), PNG, JPG or CSV, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.xlsx,.png,.jpg,.jpeg,.csv"}),
        error_messages={"required": _("Choose a file to attach.")},
    )
    description = forms.CharField(label=_("What the file shows"), max_length=300, required=False)

    def clean_file(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["file"]
        # Refused on the size the upload says before reading it, then checked on the bytes.
        if (upload.size or 0) > evidence.MAX_SIZE:
            raise forms.ValidationError(EVIDENCE_ERRORS[evidence.TOO_LARGE], code="too_large")
        content = upload.read()
        try:
            self.checked = evidence.check(upload.name or "", content)
        except evidence.EvidenceRefused as refused:
            message = EVIDENCE_ERRORS[refused.code]
            raise forms.ValidationError(
                message,
                code=refused.code,
                params={"extension": "." + evidence.extension_of(upload.name or "")},
            ) from refused
        self.content = content
        return upload


KIND_CHOICES = [
    (DecisionKind.ADJUST, _("Adjust the expected amounts")),
    (DecisionKind.CLOSE, _("Close the initiative: it is no longer followed up")),
    (DecisionKind.REOPEN, _("Reopen the initiative")),
]


class DecideForm(forms.Form):
    """Adjust the expected amounts, close or reopen the initiative: a recorded decision."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    kind = forms.ChoiceField(
        label=_("What is decided?"),
        choices=KIND_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what is decided.")},
    )
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Write why.")},
    )
    reference = forms.CharField(
        label=_("Reference"),
        max_length=200,
        help_text=_("E.g. Økonomiudvalget 12. marts 2027, punkt 4."),
        error_messages={"required": _("Write where it was decided.")},
    )

    def __init__(self, *args: Any, initiative: Initiative, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initiative = initiative
        self.fields["version"].initial = initiative.version
        expected = initiative.expected_by_year()
        self.year_names: list[tuple[int, str]] = []
        for year in initiative.years:
            name = f"expected_{year}"
            self.fields[name] = KronerField(
                label=_("Expected råderum %(year)s (kr.)") % {"year": year},
                initial=expected[year],
                error_messages={"required": _("Enter an amount.")},
            )
            self.year_names.append((year, name))
        closed = initiative.status == "closed"
        kind = cast(forms.ChoiceField, self.fields["kind"])
        kind.choices = [
            (value, label)
            for value, label in KIND_CHOICES
            if value != (DecisionKind.CLOSE if closed else DecisionKind.REOPEN)
        ]

    @property
    def year_fields(self) -> list[forms.BoundField]:
        return [self[name] for _year, name in self.year_names]

    def expected(self) -> dict[int, int] | None:
        """The new expected amounts, or None when unchanged."""
        new = {year: self.cleaned_data[name] for year, name in self.year_names}
        return None if new == self.initiative.expected_by_year() else new

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        adjust = cleaned.get("kind") == DecisionKind.ADJUST
        if adjust and not self.errors and self.expected() is None:
            self.add_error(None, _("Change at least one expected amount to adjust them."))
        return cleaned


class CycleForm(forms.ModelForm):
    class Meta:
        model = FollowUpCycle
        fields = ["accounts_year", "entry_deadline", "review_deadline", "note"]
        widgets = {
            "accounts_year": forms.NumberInput(attrs={"class": "input-width-xs"}),
            "entry_deadline": DATE_WIDGET,
            "review_deadline": DATE_WIDGET,
            "note": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "entry_deadline": _("Deadline for the owners' assessments"),
            "review_deadline": _("Deadline for the budget office's review"),
        }
        help_texts = {
            "accounts_year": _("The year whose accounts the gains are assessed against."),
            "note": _("Shown to the owners on the cycle's page, e.g. what to attach."),
        }

    def __init__(self, *args: Any, municipality: Municipality, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        if self.instance.pk:
            self.fields["accounts_year"].disabled = True
        else:
            self.fields["accounts_year"].initial = date.today().year - 1

    def clean_accounts_year(self) -> int:
        year: int = self.cleaned_data["accounts_year"]
        others = FollowUpCycle.objects.filter(municipality=self.municipality, accounts_year=year)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(
                _("The follow-up of the accounts %(year)s is already open."),
                params={"year": year},
                code="exists",
            )
        return year

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        entry, review = cleaned.get("entry_deadline"), cleaned.get("review_deadline")
        if entry and review and review < entry:
            self.add_error(
                "review_deadline",
                _("The review deadline must be on or after the owners' deadline."),
            )
        return cleaned

    def model_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class CloseCycleForm(forms.Form):
    closed = forms.BooleanField(
        label=_("The follow-up of this accounts year is finished"),
        required=False,
        help_text=_("A finished cycle sends no more reminders."),
    )
