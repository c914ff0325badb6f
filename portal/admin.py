"""The audit trail in the admin: read by superusers, written by nobody (portal/audit.py)."""

from django.contrib import admin

from portal.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["when", "kind", "username", "user", "ip_address", "path", "detail"]
    list_filter = ["kind", "when"]
    date_hierarchy = "when"
    search_fields = ["username", "path", "detail"]
    list_select_related = ["user"]
    list_per_page = 100
    # The list's count of every entry would scan the whole table on each page: not needed.
    show_full_result_count = False

    # Append-only: an entry is never added, changed or deleted by hand, and only superusers
    # read the trail (staff who may administer other things may not).
    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
