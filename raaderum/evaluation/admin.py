from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from raaderum.evaluation.models import Evaluation, Lesson, Question, RoundStrategy


@admin.register(RoundStrategy)
class RoundStrategyAdmin(admin.ModelAdmin):
    list_display = ["round", "updated_at"]
    list_filter = ["round__municipality"]
    readonly_fields = ["round", "updated_at", "updated_by"]


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0


class LessonInline(admin.TabularInline):
    model = Lesson
    extra = 0


@admin.register(Evaluation)
class EvaluationAdmin(admin.ModelAdmin):
    """Answers are not shown here: the summary page shows them only once enough have answered,
    and never who answered what."""

    list_display = ["round", "opens_on", "closes_on"]
    list_filter = ["round__municipality"]
    readonly_fields = ["round", "created_at", "created_by"]
    inlines = [QuestionInline, LessonInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
