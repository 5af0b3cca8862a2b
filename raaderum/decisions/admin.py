"""Admin for decisions: a window on what the app recorded, not a second way to record it.

Agreements and decisions are recorded on the decisions page, which checks the version, the
cooling-off years and the carried-over proposals and tells the activity feed. Here only the
agreement's wording and the notes may be corrected; carried-over proposals are read-only.
"""

from django.contrib import admin

from raaderum.decisions.models import (
    BudgetAgreement,
    CarryOver,
    CoolingOffOverride,
    Decision,
    DecisionSettings,
)


class DecisionInline(admin.TabularInline):
    model = Decision
    extra = 0
    max_num = 0
    can_delete = False
    fields = ["published", "outcome", "may_return", "return_from_year", "note"]
    readonly_fields = ["published", "outcome", "may_return", "return_from_year"]


@admin.register(BudgetAgreement)
class BudgetAgreementAdmin(admin.ModelAdmin):
    list_display = ["reference", "round", "version", "date", "body", "recorded_by", "recorded_at"]
    list_filter = ["round__municipality"]
    search_fields = ["reference", "body"]
    fields = ["round", "version", "body", "date", "reference", "note", "recorded_by"]
    readonly_fields = ["round", "version", "recorded_by"]
    inlines = [DecisionInline]

    def has_add_permission(self, request):
        return False  # recorded on the decisions page, with every decision at once


@admin.register(DecisionSettings)
class DecisionSettingsAdmin(admin.ModelAdmin):
    list_display = ["municipality", "cooling_off_rounds"]


@admin.register(CarryOver)
class CarryOverAdmin(admin.ModelAdmin):
    list_display = ["proposal", "original", "decision", "to_price_level", "overridden", "by", "at"]
    list_filter = ["overridden", "proposal__round__municipality"]
    readonly_fields = [
        "proposal",
        "original",
        "decision",
        "from_price_level",
        "to_price_level",
        "price_steps",
        "overridden",
        "reason",
        "by",
        "at",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(CoolingOffOverride)
class CoolingOffOverrideAdmin(admin.ModelAdmin):
    list_display = ["proposal", "decision", "by", "at"]
    list_filter = ["proposal__round__municipality"]
    readonly_fields = ["proposal", "decision", "reason", "by", "at"]

    def has_add_permission(self, request):
        return False  # recorded from the proposal's page, which checks the decision

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
