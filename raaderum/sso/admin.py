"""Single sign-on identities are made by logging in; the admin shows them and may unlink one
(the person's next login then links again by user name, or makes a new user)."""

from django.contrib import admin

from raaderum.sso.models import SsoIdentity


@admin.register(SsoIdentity)
class SsoIdentityAdmin(admin.ModelAdmin):
    list_display = ["user", "provider", "issuer", "last_login_at"]
    list_filter = ["provider"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "subject"]
    readonly_fields = [
        "user",
        "provider",
        "issuer",
        "subject",
        "groups",
        "created_at",
        "last_login_at",
    ]

    def has_add_permission(self, request):
        return False
