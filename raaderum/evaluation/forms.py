from __future__ import annotations

from typing import Any

from django import forms
from django.forms.formsets import DELETION_FIELD_NAME
from django.utils.translation import gettext_lazy as _

from raaderum.evaluation.actions import QuestionData
from raaderum.evaluation.models import (
    TEXT_ANSWER_MAX_LENGTH,
    Evaluation,
    HeadroomWay,
    Question,
    QuestionKind,
    RoundStrategy,
)

MAX_LESSONS = 20
LESSON_MAX_LENGTH = 1000
DATE_FORMATS = ["%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y", "%Y-%m-%d"]


class StrategyForm(forms.ModelForm):
    ways = forms.MultipleChoiceField(
        label=_("Which of KL's five ways to headroom does the round use?"),
        choices=HeadroomWay.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = RoundStrategy
        fields = ["purpose", "goals", "ways", "knowledge_base", "stakeholders", "ownership"]
        widgets = {
            name: forms.Textarea(attrs={"rows": 4})
            for name in ["purpose", "goals", "knowledge_base", "stakeholders", "ownership"]
        }
        help_texts = {
            "purpose": _(
                "Why the round frees money, e.g. to balance the budget or fund new plans."
            ),
            "goals": _("What the round must reach, e.g. the target and how it is phased in."),
            "knowledge_base": _(
                "What the work builds on, e.g. key figures, analyses and ideas from other "
                "municipalities."
            ),
            "stakeholders": _(
                "Who is involved and how: the council, committees, staff, unions, citizens."
            ),
            "ownership": _(
                "Who owns the work and the proposals: the executive board, directors, owners."
            ),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["ways"] = list(self.instance.ways)

    def model_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class EvaluationForm(forms.ModelForm):
    opens_on = forms.DateField(
        label=_("Open from"),
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Write a date, e.g. 1-9-2027.")},
    )
    closes_on = forms.DateField(
        label=_("Open until"),
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The last day on which people can answer."),
        error_messages={"invalid": _("Write a date, e.g. 30-9-2027.")},
    )

    class Meta:
        model = Evaluation
        fields = ["introduction", "opens_on", "closes_on"]
        widgets = {"introduction": forms.Textarea(attrs={"rows": 3})}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        opens, closes = cleaned.get("opens_on"), cleaned.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", _("The last day must be on or after the first day."))
        return cleaned

    def model_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class QuestionForm(forms.ModelForm):
    position = forms.IntegerField(
        label=_("Order"),
        required=False,
        min_value=0,
        max_value=32767,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        help_text=_("Optional. Questions are asked in this order."),
    )

    class Meta:
        model = Question
        fields = ["text", "kind", "low_label", "high_label"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # An emptied row (also a suggested question) is left out rather than refused.
        self.fields["text"].required = False
        self.fields["kind"].required = False
        if self.instance.pk:
            self.fields["position"].initial = self.instance.position

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("text") and not cleaned.get("kind"):
            self.add_error("kind", _("Choose whether the answer is a scale or free text."))
        if self.instance.pk and not cleaned.get("text") and not cleaned.get(DELETION_FIELD_NAME):
            self.add_error("text", _("Write the question, or choose to delete it."))
        return cleaned


class BaseQuestionFormSet(forms.BaseModelFormSet):
    def add_fields(self, form: forms.Form, index: int | None) -> None:
        super().add_fields(form, index)
        # A select rather than Django's checkbox, as on the screening criteria page.
        form.fields[DELETION_FIELD_NAME] = forms.ChoiceField(
            label=_("Delete the question"),
            choices=[("", _("No")), ("delete", _("Yes"))],
            required=False,
        )

    def questions(self) -> tuple[list[QuestionData], list[int]]:
        """(questions to save, ids to delete); empty new rows are left out."""
        deleted = [form.instance.pk for form in self.deleted_forms if form.instance.pk]
        kept = []
        for form in self.forms:
            if form in self.deleted_forms or not form.cleaned_data.get("text"):
                continue
            if not form.instance.pk and not form.has_changed():
                continue
            kept.append(
                QuestionData(
                    pk=form.instance.pk,
                    text=form.cleaned_data["text"],
                    kind=form.cleaned_data["kind"],
                    low_label=form.cleaned_data["low_label"],
                    high_label=form.cleaned_data["high_label"],
                    position=form.cleaned_data.get("position"),
                )
            )
        return kept, deleted


QuestionFormSet = forms.modelformset_factory(
    Question,
    form=QuestionForm,
    formset=BaseQuestionFormSet,
    extra=2,
    can_delete=True,
    can_delete_extra=False,
)


def suggested_questions() -> list[dict[str, str]]:
    """A start for a first evaluation, after what Norddjurs asked about its first round."""
    agree = {"low_label": str(_("Disagree")), "high_label": str(_("Agree"))}
    return [
        {
            "text": str(_("The purpose and the target of the round were clear.")),
            "kind": "scale",
            **agree,
        },
        {"text": str(_("My role and tasks in the round were clear.")), "kind": "scale", **agree},
        {
            "text": str(_("There was enough time to cost the proposals well.")),
            "kind": "scale",
            **agree,
        },
        {
            "text": str(_("The catalog was easy for the politicians to read.")),
            "kind": "scale",
            **agree,
        },
        {"text": str(_("What should we do differently in the next round?")), "kind": "text"},
    ]


def question_formset(evaluation: Evaluation | None, data: Any = None) -> BaseQuestionFormSet:
    queryset = evaluation.questions.all() if evaluation is not None else Question.objects.none()
    if evaluation is None:
        initial = suggested_questions()
        formset_class = forms.modelformset_factory(
            Question,
            form=QuestionForm,
            formset=BaseQuestionFormSet,
            extra=len(initial) + 1,
            can_delete=True,
            can_delete_extra=False,
        )
        return formset_class(data, queryset=queryset, prefix="questions", initial=initial)  # type: ignore[return-value]
    return QuestionFormSet(data, queryset=queryset, prefix="questions")  # type: ignore[return-value]


class AnswerForm(forms.Form):
    """One field per question; every question may be skipped, but not all of them."""

    def __init__(self, *args: Any, questions: list[Question], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            name = f"q{question.pk}"
            if question.kind == QuestionKind.SCALE:
                self.fields[name] = forms.TypedChoiceField(
                    label=question.text,
                    choices=[(value, scale_label(question, value)) for value in range(1, 6)],
                    coerce=int,
                    empty_value=None,
                    required=False,
                    widget=forms.RadioSelect,
                )
            else:
                self.fields[name] = forms.CharField(
                    label=question.text,
                    required=False,
                    max_length=TEXT_ANSWER_MAX_LENGTH,
                    widget=forms.Textarea(attrs={"rows": 4}),
                    error_messages={"max_length": _("Write at most %(limit_value)d characters.")},
                )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.errors and not any(value not in (None, "") for value in cleaned.values()):
            raise forms.ValidationError(
                _("Answer at least one question before you send your answers."), code="empty"
            )
        return cleaned

    def answers(self) -> dict[int, tuple[int | None, str]]:
        result: dict[int, tuple[int | None, str]] = {}
        for question in self.questions:
            value = self.cleaned_data.get(f"q{question.pk}")
            if question.kind == QuestionKind.SCALE:
                result[question.pk] = (value, "")
            else:
                result[question.pk] = (None, (value or "").strip())
        return result

    def question_fields(self) -> list[tuple[Question, forms.BoundField]]:
        return [(question, self[f"q{question.pk}"]) for question in self.questions]


def scale_label(question: Question, value: int) -> str:
    if value == 1 and question.low_label:
        return f"1 – {question.low_label}"
    if value == 5 and question.high_label:
        return f"5 – {question.high_label}"
    return str(value)


class LessonsForm(forms.Form):
    lessons = forms.CharField(
        label=_("Lessons for the next round"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "One lesson per line, in plain language. They are shown on the next round's page "
            "to everyone in the municipality."
        ),
    )

    def clean_lessons(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["lessons"].splitlines() if line.strip()]
        if len(lines) > MAX_LESSONS:
            raise forms.ValidationError(
                _("Write at most %(max)s lessons."), params={"max": MAX_LESSONS}, code="too_many"
            )
        long = [index for index, line in enumerate(lines, start=1) if len(line) > LESSON_MAX_LENGTH]
        if long:
            raise forms.ValidationError(
                _("A lesson has at most %(max)s characters; shorten line %(lines)s."),
                params={"max": LESSON_MAX_LENGTH, "lines": ", ".join(map(str, long))},
                code="too_long",
            )
        return lines
