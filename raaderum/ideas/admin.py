from django.contrib import admin

from raaderum.ideas.models import (
    Assessment,
    CriterionAnswer,
    Idea,
    ScreeningCriterion,
    ScreeningRules,
)


@admin.register(Idea)
class IdeaAdmin(admin.ModelAdmin):
    list_display = ["title", "round", "origin", "status", "created_at"]
    list_filter = ["round__municipality", "round", "origin", "status"]
    search_fields = ["title", "description", "party_name", "submitter_name"]
    # Screening decisions create proposals and events (actions.py); the admin only reads them.
    readonly_fields = [
        "public_id",
        "status",
        "merged_into",
        "proposal",
        "decided_by",
        "decided_at",
        "created_at",
    ]
    raw_id_fields = ["submitted_by"]


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
