from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from reports.models import Meeting


@admin.register(Meeting)
class MeetingAdmin(TabbedTranslationAdmin):
    list_display = ("title", "date", "kind")
    list_filter = ("kind",)
    search_fields = ("title_en", "title_fr")
    date_hierarchy = "date"
