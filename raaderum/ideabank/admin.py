from __future__ import annotations

from django.contrib import admin

from raaderum.ideabank.models import BankIdea, BankIdeaUse


@admin.register(BankIdea)
class BankIdeaAdmin(admin.ModelAdmin):
    list_display = ["title", "municipality", "source_name", "type", "updated_at"]
    list_filter = ["municipality", "type"]
    search_fields = ["title", "description", "service_area", "external_id"]
    # BankIdea.save() keeps the search fields in step, so edits here are found by the search.
    readonly_fields = ["public_id", "shared_from", "created_at", "updated_at", "created_by"]
    raw_id_fields = ["created_by"]


@admin.register(BankIdeaUse)
class BankIdeaUseAdmin(admin.ModelAdmin):
    list_display = ["bank_title", "idea", "used_at"]
    readonly_fields = ["idea", "bank_idea", "bank_title", "source_name", "used_by", "used_at"]
