from django.contrib import admin

from raaderum.communication.models import (
    Comment,
    Event,
    Notification,
    NotificationSetting,
    Reminder,
)


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    """The activity feed is a record: read it here, never rewrite it."""

    list_display = ["at", "round", "proposal", "actor", "verb", "text"]
    list_filter = ["round__municipality", "verb"]
    search_fields = ["text"]
    date_hierarchy = "at"
    list_select_related = ["round", "proposal__committee", "actor"]

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["created_at", "proposal", "author", "text"]
    list_filter = ["proposal__round__municipality"]
    search_fields = ["text", "author__username", "author__first_name", "author__last_name"]
    date_hierarchy = "created_at"
    raw_id_fields = ["proposal"]
    autocomplete_fields = ["author"]
    list_select_related = ["proposal__committee", "author"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "user", "subject", "sent_at"]
    list_filter = [("sent_at", admin.EmptyFieldListFilter)]
    search_fields = ["subject", "user__username", "user__email"]
    date_hierarchy = "created_at"
    readonly_fields = ["user", "event", "subject", "body", "url", "created_at", "sent_at"]
    list_select_related = ["user"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(NotificationSetting)
class NotificationSettingAdmin(admin.ModelAdmin):
    list_display = ["user", "mode"]
    list_filter = ["mode"]
    search_fields = ["user__username", "user__email"]
    autocomplete_fields = ["user"]


@admin.register(Reminder)
class ReminderAdmin(admin.ModelAdmin):
    list_display = ["day", "user", "proposal", "step"]
    list_filter = ["step"]
    date_hierarchy = "day"
    readonly_fields = ["user", "proposal", "step", "day", "notification"]
    list_select_related = ["user", "proposal__committee"]

    def has_add_permission(self, request, obj=None):
        return False
