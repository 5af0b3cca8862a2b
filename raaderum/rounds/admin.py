from django.contrib import admin

from raaderum.rounds.models import BudgetRound, RoundYearTarget


class RoundYearTargetInline(admin.TabularInline):
    model = RoundYearTarget
    extra = 0


@admin.register(BudgetRound)
class BudgetRoundAdmin(admin.ModelAdmin):
    list_display = ["name", "municipality", "budget_year", "target_amount", "full_effect_year"]
    list_filter = ["municipality"]
    inlines = [RoundYearTargetInline]
