from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.db.models import ForeignKey
from django.forms import ModelChoiceField
from django.http import HttpRequest

from raaderum.ideas.models import (
    Assessment,
    CriterionAnswer,
    Idea,
    ScreeningCriterion,
    ScreeningRules,
)
from raaderum.organisation.models import Committee


@admin.register(Idea)
class IdeaAdmin(admin.ModelAdmin):
    list_display = ["title", "round", "origin", "status", "created_at"]
    list_filter = ["round__municipality", "round", "origin", "status"]
    search_fields = ["title", "description", "party_name", "submitter_name"]
    # Screening decisions create proposals and events (actions.py); the admin only reads them.
    # The round is fixed and the committee limited to the round's municipality, so the admin
    # cannot move an idea (and a citizen's name and e-mail) to another municipality. Ideas come
    # in through the forms and the import, never the admin.
    readonly_fields = [
        "round",
        "public_id",
        "status",
        "merged_into",
        "proposal",
        "decided_by",
        "decided_at",
        "created_at",
    ]
    raw_id_fields = ["submitted_by"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def formfield_for_foreignkey(
        self, db_field: ForeignKey[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> ModelChoiceField | None:
        if db_field.name == "committee":
            match = request.resolver_match
            object_id = match.kwargs.get("object_id") if match else None
            idea = self.get_object(request, unquote(object_id)) if object_id else None
            kwargs["queryset"] = (
                Committee.objects.filter(municipality_id=idea.round.municipality_id)
                if idea is not None
                else Committee.objects.none()
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class CriterionAnswerInline(admin.TabularInline):
    model = CriterionAnswer
    extra = 0


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["idea", "assessed_by", "assessed_at", "estimated_amount", "full_effect_year"]
    list_filter = ["idea__round__municipality", "idea__round"]
    raw_id_fields = ["idea", "assessed_by"]
    inlines = [CriterionAnswerInline]


@admin.register(ScreeningRules)
class ScreeningRulesAdmin(admin.ModelAdmin):
    list_display = ["round", "min_amount", "latest_full_effect_year"]
    list_filter = ["round__municipality"]


@admin.register(ScreeningCriterion)
class ScreeningCriterionAdmin(admin.ModelAdmin):
    list_display = ["text", "round", "position"]
    list_filter = ["round__municipality", "round"]
