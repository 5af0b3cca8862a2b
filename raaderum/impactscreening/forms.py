from __future__ import annotations

import json
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from raaderum.impactscreening import scoring
from raaderum.impactscreening.actions import Answer, has_answers
from raaderum.impactscreening.models import (
    NOT_ASSESSED_LABEL,
    TEXT_MAX_LENGTH,
    ImpactQuestion,
    Scale,
    score_label,
)
from raaderum.organisation.models import Municipality


class QuestionForm(forms.ModelForm):
    position = forms.IntegerField(
        label=_("Order"),
        required=False,
        min_value=0,
        max_value=32767,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        help_text=_("Optional. Questions are shown in this order; a new one goes last."),
        error_messages={"invalid": _("Write the order as a whole number, e.g. 3.")},
    )

    class Meta:
        model = ImpactQuestion
        fields = ["title", "question", "help_text", "scale", "position", "required", "retired"]
        widgets = {
            "question": forms.Textarea(attrs={"rows": 2}),
            "help_text": forms.Textarea(attrs={"rows": 3}),
            "scale": forms.RadioSelect,
        }
        error_messages = {
            "title": {"required": _("Give the question a short title, e.g. Climate.")},
            "question": {"required": _("Write the question the proposal's owner must answer.")},
        }

    def __init__(self, *args: Any, municipality: Municipality, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.municipality = municipality
        self.answered = bool(self.instance.pk) and has_answers(self.instance)
        if self.answered:
            self.fields["scale"].help_text = _(
                "The scale cannot be changed: proposals have been assessed on it."
            )

    def clean_title(self) -> str:
        title = " ".join(self.cleaned_data["title"].split())
        same = ImpactQuestion.objects.filter(
            municipality=self.municipality, title__iexact=title
        ).exclude(pk=self.instance.pk)
        if same.exists():
            raise forms.ValidationError(
                _("Another question already has this title. Choose another.")
            )
        return title

    def clean_question(self) -> str:
        text: str = self.cleaned_data["question"].strip()
        return text

    def clean_scale(self) -> str:
        scale: str = self.cleaned_data["scale"]
        if self.answered and scale != self.instance.scale:
            raise forms.ValidationError(
                _(
                    "The scale cannot be changed: proposals have been assessed on it. Retire "
                    "the question and make a new one instead."
                )
            )
        return scale

    def model_fields(self) -> dict[str, Any]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


NOT_ASSESSED = ""  # the radio button's value for "not assessed"


def _score(value: str) -> int | None:
    return None if value == NOT_ASSESSED else int(value)


def _normal_text(text: str) -> str:
    return text.replace("\r\n", "\n").strip()


class AssessmentForm(forms.Form):
    """A score and an explanation per active question; the explanation is required when the
    score says the proposal has an effect either way."""

    started_from = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(
        self,
        *args: Any,
        questions: list[ImpactQuestion],
        saved: dict[int, Answer],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            score, text = saved.get(question.pk, (None, ""))
            self.fields[f"q{question.pk}-score"] = forms.ChoiceField(
                label=question.question,
                choices=[
                    *((str(value), label) for value, label in question.score_choices()),
                    (NOT_ASSESSED, NOT_ASSESSED_LABEL),
                ],
                required=False,
                initial=NOT_ASSESSED if score is None else str(score),
                widget=forms.RadioSelect,
                help_text=question.help_text,
                error_messages={"invalid_choice": _("Choose one of the steps of the scale.")},
            )
            self.fields[f"q{question.pk}-text"] = forms.CharField(
                label=_("Explanation"),
                required=False,
                initial=text,
                max_length=TEXT_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=_("Required unless the proposal has no significance here."),
                error_messages={"max_length": _("Write at most %(limit_value)d characters.")},
            )
        if not self.is_bound:
            self.fields["started_from"].initial = snapshot(saved, questions)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for question in self.questions:
            value = cleaned.get(f"q{question.pk}-score")
            if value is None:
                continue  # refused by the field itself
            if scoring.needs_text(_score(value)) and not cleaned.get(f"q{question.pk}-text"):
                self.add_error(
                    f"q{question.pk}-text",
                    _(
                        "Explain the assessment in a sentence or two: an explanation is "
                        "required when the proposal is assessed as %(score)s."
                    )
                    % {"score": score_label(question.scale, _score(value)).lower()},
                )
        return cleaned

    def typed(self) -> dict[int, Answer]:
        return {
            question.pk: (
                _score(self.cleaned_data[f"q{question.pk}-score"] or NOT_ASSESSED),
                _normal_text(self.cleaned_data[f"q{question.pk}-text"]),
            )
            for question in self.questions
        }

    def started(self) -> dict[int, Answer] | None:
        """The answers as the user first saw them, or None when the form did not say."""
        return parse_snapshot(self.cleaned_data.get("started_from") or "")

    def rows(self) -> list[tuple[ImpactQuestion, forms.BoundField, forms.BoundField]]:
        return [
            (question, self[f"q{question.pk}-score"], self[f"q{question.pk}-text"])
            for question in self.questions
        ]


def snapshot(answers: dict[int, Answer], questions: list[ImpactQuestion]) -> str:
    """The answers to these questions as JSON for the form's started_from."""
    return json.dumps({str(q.pk): list(answers.get(q.pk, (None, ""))) for q in questions})


def parse_snapshot(value: str) -> dict[int, Answer] | None:
    try:
        data = json.loads(value)
        result: dict[int, Answer] = {}
        for key, (score, text) in data.items():
            if (score is not None and not isinstance(score, int)) or not isinstance(text, str):
                return None
            result[int(key)] = (score, _normal_text(text))
    except (ValueError, TypeError, AttributeError):
        return None
    return result


def posted_with(
    data: Any, answers: dict[int, Answer], questions: list[ImpactQuestion], started: str
) -> dict[str, Any]:
    """A posted form showing these answers (as if typed), starting from `started`."""
    values = data.copy()
    for question in questions:
        score, text = answers.get(question.pk, (None, ""))
        values[f"q{question.pk}-score"] = NOT_ASSESSED if score is None else str(score)
        values[f"q{question.pk}-text"] = text
    values["started_from"] = started
    return values


__all__ = ["AssessmentForm", "QuestionForm", "Scale"]
