"""Admin for follow-up: a window on what the app recorded, not a second way to record it.

Initiatives come from the decisions, assessments go through the owner's entry and the budget
office's review, and decisions on initiatives keep expected amounts before and after: so the
records are read-only here. Cycles' deadlines and notes may be corrected.
"""

from django.contrib import admin

from raaderum.followup.models import (
    Evidence,
    FollowUpCycle,
    Initiative,
    InitiativeDecision,
    Milestone,
    Realisation,
)

INITIATIVE_FIELDS = [
    "decision",
    "municipality",
    "responsible",
    "responsible_unit",
    "status",
    "expected",
]
EVIDENCE_FIELDS = ["realisation", "name", "content_type", "size", "description", "uploaded_by"]


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    max_num = 0
    can_delete = False

    def has_change_permission(self, request, obj=None):
        return False


class MilestoneInline(ReadOnlyInline):
    model = Milestone
    fields = ["title", "due", "status", "done_on"]


class RealisationInline(ReadOnlyInline):
    model = Realisation
    fields = ["year", "realised", "status", "state", "reviewed_by", "reviewed_at"]


class InitiativeDecisionInline(ReadOnlyInline):
    model = InitiativeDecision
    fields = ["kind", "reason", "reference", "expected_before", "expected_after", "by", "at"]


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "municipality", "responsible", "responsible_unit", "status"]
    list_filter = ["municipality", "status"]
    search_fields = ["decision__published__code", "decision__published__title"]
    fields = ["decision", "municipality", "responsible", "responsible_unit", "status", "expected"]
    readonly_fields = [
        "decision",
        "municipality",
        "responsible",
        "responsible_unit",
        "status",
        "expected",
    ]
    inlines = [MilestoneInline, RealisationInline, InitiativeDecisionInline]

    def has_add_permission(self, request):
        return False  # made when the decisions are recorded

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(FollowUpCycle)
class FollowUpCycleAdmin(admin.ModelAdmin):
    list_display = ["accounts_year", "municipality", "entry_deadline", "review_deadline"]
    list_filter = ["municipality"]
    fields = ["municipality", "accounts_year", "entry_deadline", "review_deadline", "note"]
    readonly_fields = ["municipality", "accounts_year"]

    def has_add_permission(self, request):
        return False  # opened on the follow-up page, which tells the responsible persons


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["name", "realisation", "size", "uploaded_by", "uploaded_at"]
    fields = ["realisation", "name", "content_type", "size", "description", "uploaded_by"]
    readonly_fields = ["realisation", "name", "content_type", "size", "description", "uploaded_by"]

    def has_add_permission(self, request):
        return False
