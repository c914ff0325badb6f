"""The administration of the work plan: both languages side by side (tabs), with history."""

from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from portal.locking import VersionedAdminMixin
from workplan.models import Action, Activity, ExpectedResult, Resource, StatusUpdate
from workplan.services import action_follow_latest_update


class ResourceInline(TranslationTabularInline):
    model = Resource
    extra = 0
    fields = ("order", "description")


class ExpectedResultInline(TranslationTabularInline):
    model = ExpectedResult
    extra = 0
    fields = ("order", "description", "state", "date")


@admin.register(Activity)
class ActivityAdmin(VersionedAdminMixin, SimpleHistoryAdmin, TabbedTranslationAdmin):
    list_display = ("number", "objective", "priority", "order")
    list_filter = ("priority",)
    search_fields = ("objective_en", "objective_fr")
    ordering = ("order", "number")


@admin.register(Action)
class ActionAdmin(VersionedAdminMixin, SimpleHistoryAdmin, TabbedTranslationAdmin):
    list_display = ("__str__", "activity", "status", "health", "due", "last_updated")
    list_filter = ("status", "health", "activity")
    list_select_related = ("activity",)
    search_fields = ("description_en", "description_fr", "remarks_en", "remarks_fr")
    filter_horizontal = ("responsible_organizations", "responsible_people")
    inlines = (ResourceInline, ExpectedResultInline)


@admin.register(StatusUpdate)
class StatusUpdateAdmin(TabbedTranslationAdmin):
    list_display = ("action", "date", "author", "language", "status", "health")
    list_filter = ("language", "status", "health")
    list_select_related = ("action__activity", "author")
    search_fields = ("progress_en", "progress_fr", "author__username")
    raw_id_fields = ("action", "author")
    date_hierarchy = "date"

    # The action shows its latest update's status, health and date: keep it in step.
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        action_follow_latest_update(action=obj.action, user=request.user)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        action_follow_latest_update(action=obj.action, user=request.user)

    def delete_queryset(self, request, queryset):
        actions = list(Action.objects.filter(updates__in=queryset).distinct())
        super().delete_queryset(request, queryset)
        for action in actions:
            action_follow_latest_update(action=action, user=request.user)
