from django.contrib import admin

from raaderum.proposals.models import Effect, Proposal, StaffEffect


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    max_num = 0
    can_delete = False

    def has_change_permission(self, request, obj=None):
        return False


class EffectInline(ReadOnlyInline):
    model = Effect
    fields = readonly_fields = ("service_area", "year", "amount")


class StaffEffectInline(ReadOnlyInline):
    model = StaffEffect
    fields = readonly_fields = ("year", "fte")


@admin.register(Proposal)
class ProposalAdmin(admin.ModelAdmin):
    list_display = ["title", "round", "committee", "number", "type", "status", "owner"]
    list_filter = ["round__municipality", "round", "type", "status"]
    search_fields = ["title"]
    # Amounts are edited in the effects grid, which refuses stale edits and bad cells; here
    # they are read-only so the admin cannot bypass those checks.
    readonly_fields = ["round", "committee", "number", "version", "status"]
    inlines = [EffectInline, StaffEffectInline]
    autocomplete_fields = ["owner", "director", "contributors"]

    def has_add_permission(self, request):
        return False  # proposals are created in the app, where codes and rounds are checked

    def save_model(self, request, obj, form, change):
        # An admin edit is an edit: whoever has the proposal open must see the conflict.
        obj.version += 1
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)
