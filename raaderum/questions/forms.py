from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from raaderum.organisation.models import User
from raaderum.publication.models import PublishedProposal
from raaderum.questions import deadlines
from raaderum.questions.models import TEXT_MAX_LENGTH

TEXT_ERRORS = {"max_length": _("Write at most 5,000 characters.")}


class PublishedProposalChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.code} {obj.title}"


class AskForm(forms.Form):
    proposal = PublishedProposalChoice(
        label=_("What is the question about?"),
        queryset=PublishedProposal.objects.none(),
        required=False,
        empty_label=_("The round in general"),
        help_text=_("A proposal of the published catalog, or the round in general."),
        error_messages={"invalid_choice": _("Choose a proposal of the published catalog.")},
    )
    text = forms.CharField(
        label=_("Your question"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Ask one thing at a time, as precisely as you can. The administration answers "
            "within the deadline, and the answer is shared with all the politicians."
        ),
        error_messages={"required": _("Write the question."), **TEXT_ERRORS},
    )

    def __init__(self, *args: Any, proposals: QuerySet[PublishedProposal], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["proposal"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = proposals


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Answer"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_(
            "Write for politicians, in plain Danish. State amounts with the unit and the "
            "price level."
        ),
        error_messages={"required": _("Write the answer."), **TEXT_ERRORS},
    )


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("return", _("Send back"))],
        error_messages={"required": _("Choose to approve or send back.")},
    )
    note = forms.CharField(
        label=_("Note to the one who answers"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you send the answer back: what must be changed?"),
        error_messages={"max_length": _("Write at most 2,000 characters.")},
    )
    public = forms.BooleanField(
        label=_("Publish the answer on the municipality's public pages"), required=False
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("decision") == "return" and not cleaned.get("note", "").strip():
            self.add_error(
                "note", _("Write what must be changed before the answer can be approved.")
            )
        return cleaned


class AnswererChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj)


class RouteForm(forms.Form):
    assignee = AnswererChoice(
        label=_("Answered by"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("The budget office"),
        help_text=_("The budget office answers unless you choose someone else."),
        error_messages={
            "invalid_choice": _("Choose someone in the administration who can write answers.")
        },
    )
    deadline = forms.DateField(
        label=_("Deadline"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Choose the deadline."),
            "invalid": _("Write the date as yyyy-mm-dd, e.g. 2027-05-12."),
        },
    )

    def __init__(self, *args: Any, answerers: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["assignee"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = User.objects.filter(pk__in=[u.pk for u in answerers]).order_by(
            "first_name", "last_name", "username"
        )


class PublicForm(forms.Form):
    public = forms.BooleanField(
        label=_("Publish the answer on the municipality's public pages"), required=False
    )


class SettingsForm(forms.Form):
    working_days = forms.IntegerField(
        label=_("Working days to answer"),
        min_value=1,
        max_value=deadlines.MAX_WORKING_DAYS,
        help_text=_(
            "The deadline of a new question is this many working days after it is asked. "
            "Weekends, public holidays, Christmas Eve, New Year's Eve and Constitution Day do "
            "not count. Questions already asked keep their deadline."
        ),
        error_messages={
            "required": _("Write a number of working days."),
            "invalid": _("Write a whole number, e.g. 5."),
            "min_value": _("Give at least 1 working day."),
            "max_value": _("Give at most 60 working days."),
        },
    )
