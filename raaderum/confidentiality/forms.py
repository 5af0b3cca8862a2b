"""The visibility of a catalog version or a proposal: a level and an optional release date."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from raaderum.confidentiality import rules, visibility
from raaderum.confidentiality.models import ProposalVisibility, Visibility

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATE_ERRORS = {"invalid": _("Write the date as yyyy-mm-dd, e.g. 2027-10-01.")}

PROBLEMS = {
    rules.RELEASE_WITHOUT_CONFIDENTIAL: _(
        "Only confidential material has a release date. Choose »Confidential to the "
        "politicians« or remove the date."
    ),
    rules.RELEASE_IN_PAST: _(
        "The release date must be after today. To release it now, choose »Open to the public«."
    ),
}


class VisibilityFields(forms.Form):
    """The two fields, checked together; the error goes next to the release date."""

    level_choices: Any = Visibility.choices

    visibility = forms.ChoiceField(
        label=_("Visibility"),
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose who may read it.")},
    )
    release_date = forms.DateField(
        label=_("Release date"),
        required=False,
        widget=DATE_INPUT,
        error_messages=DATE_ERRORS,
        help_text=_(
            "Confidential only: from this date it is public, on the public page too, without "
            "anyone doing more."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["visibility"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = self.level_choices

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        level = cleaned.get("visibility")
        if level and "release_date" not in self.errors:
            problem = rules.setting_problem(level, cleaned.get("release_date"), visibility.today())
            if problem is not None:
                self.add_error("release_date", str(PROBLEMS[problem]))
        return cleaned


class VersionVisibilityForm(VisibilityFields):
    level_choices = Visibility.choices


class ProposalVisibilityForm(VisibilityFields):
    level_choices = ProposalVisibility.choices

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["visibility"].help_text = _(
            "A proposal can only be more restricted than the catalog it is published in, e.g. "
            "internal when it names staff."
        )
        self.fields["release_date"].help_text = _(
            "Confidential only: from this date the proposal is as visible as its catalog."
        )


class AccessLogFilterForm(forms.Form):
    """The access log's filters (GET): period, person and item."""

    from_date = forms.DateField(
        label=_("From"), required=False, widget=DATE_INPUT, error_messages=DATE_ERRORS
    )
    to_date = forms.DateField(
        label=_("To"), required=False, widget=DATE_INPUT, error_messages=DATE_ERRORS
    )
    person = forms.ChoiceField(label=_("Person"), required=False)
    item = forms.CharField(
        label=_("Item"),
        required=False,
        max_length=100,
        help_text=_("Part of the title, the code or the version, e.g. BU-03 or version 2."),
    )

    def __init__(self, *args: Any, people: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["person"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", _("Everyone")), *people]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("from_date"), cleaned.get("to_date")
        if start and end and end < start:
            self.add_error("to_date", _("The end date must be on or after the start date."))
        return cleaned
