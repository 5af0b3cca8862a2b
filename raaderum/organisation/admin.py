from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from raaderum.organisation.models import (
    Committee,
    Membership,
    Municipality,
    ServiceArea,
    ServiceAreaBudget,
    User,
)


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["municipality"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    inlines = [MembershipInline]
    list_display = ["username", "first_name", "last_name", "email", "is_staff"]


class CommitteeInline(admin.TabularInline):
    model = Committee
    extra = 0


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "slug", "inhabitants"]
    search_fields = ["name", "code"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [CommitteeInline]


class ServiceAreaInline(admin.TabularInline):
    model = ServiceArea
    extra = 0


@admin.register(Committee)
class CommitteeAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "municipality", "position"]
    list_filter = ["municipality"]
    inlines = [ServiceAreaInline]


class ServiceAreaBudgetInline(admin.TabularInline):
    model = ServiceAreaBudget
    extra = 0


@admin.register(ServiceArea)
class ServiceAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "committee", "function_codes"]
    list_filter = ["committee__municipality", "committee"]
    search_fields = ["name", "function_codes"]
    inlines = [ServiceAreaBudgetInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "municipality", "role", "party"]
    list_filter = ["municipality", "role"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    autocomplete_fields = ["user", "municipality"]
