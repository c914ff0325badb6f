"""The administration of the work plan: both languages side by side (tabs), with history.

Actions, activities and status updates are versioned (portal/locking.py): a change form saved
after someone else saved a newer version is refused, listing what changed, rather than
reverting their edit.
"""

from django.contrib import admin
from django.db import models
from django.utils import timezone
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from portal.languages import other_language
from portal.locking import VersionedAdminMixin
from workplan.forms import TextAreaField
from workplan.models import Action, Activity, ExpectedResult, Resource, StatusUpdate
from workplan.selectors import (
    action_changes_since,
    activity_changes_since,
    status_update_changes_since,
)
from workplan.services import action_follow_latest_update

# Texts typed in the admin have their line breaks counted as the portal's forms count them.
TEXT_AREAS = {models.TextField: {"form_class": TextAreaField}}


class ResourceInline(TranslationTabularInline):
    model = Resource
    extra = 0
    fields = ("order", "description")
    formfield_overrides = TEXT_AREAS


class ExpectedResultInline(TranslationTabularInline):
    model = ExpectedResult
    extra = 0
    fields = ("order", "description", "state", "date")
    formfield_overrides = TEXT_AREAS


@admin.register(Activity)
class ActivityAdmin(VersionedAdminMixin, SimpleHistoryAdmin, TabbedTranslationAdmin):
    list_display = ("number", "objective", "priority", "order")
    list_filter = ("priority",)
    search_fields = ("objective_en", "objective_fr")
    ordering = ("order", "number")
    formfield_overrides = TEXT_AREAS

    def version_changes(self, obj, version):
        return activity_changes_since(activity=obj, version=version)


@admin.register(Action)
class ActionAdmin(VersionedAdminMixin, SimpleHistoryAdmin, TabbedTranslationAdmin):
    list_display = ("__str__", "activity", "status", "health", "due", "last_updated")
    list_filter = ("status", "health", "activity")
    list_select_related = ("activity",)
    search_fields = ("description_en", "description_fr", "remarks_en", "remarks_fr")
    filter_horizontal = ("responsible_organizations", "responsible_people")
    inlines = (ResourceInline, ExpectedResultInline)
    formfield_overrides = TEXT_AREAS

    def version_changes(self, obj, version):
        return action_changes_since(action=obj, version=version)


@admin.register(StatusUpdate)
class StatusUpdateAdmin(VersionedAdminMixin, SimpleHistoryAdmin, TabbedTranslationAdmin):
    list_display = ("action", "date", "author", "language", "status", "health")
    list_filter = ("language", "status", "health")
    list_select_related = ("action__activity", "author")
    search_fields = ("progress_en", "progress_fr", "author__username")
    raw_id_fields = ("action", "author")
    readonly_fields = ("translated_by", "translated_at")
    date_hierarchy = "date"
    formfield_overrides = TEXT_AREAS

    def version_changes(self, obj, version):
        return status_update_changes_since(update=obj, version=version)

    def save_model(self, request, obj, form, change):
        # A change to the other language's texts is a translation: the update names its
        # translator, as when it is translated from the portal.
        target = other_language(obj.language)
        if change and any(
            f"{name}_{target}" in form.changed_data for name in StatusUpdate.TEXT_FIELDS
        ):
            obj.translated_by = request.user
            obj.translated_at = timezone.now()
        super().save_model(request, obj, form, change)
        # The action shows its latest update's status, health and date: keep it in step.
        action_follow_latest_update(action=obj.action, user=request.user)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        action_follow_latest_update(action=obj.action, user=request.user)

    def delete_queryset(self, request, queryset):
        actions = list(Action.objects.filter(updates__in=queryset).distinct())
        super().delete_queryset(request, queryset)
        for action in actions:
            action_follow_latest_update(action=action, user=request.user)
