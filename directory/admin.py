from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from modeltranslation.admin import TabbedTranslationAdmin

from directory.models import Organization, Person, User


@admin.register(User)
class PortalUserAdmin(UserAdmin):
    pass


@admin.register(Organization)
class OrganizationAdmin(TabbedTranslationAdmin):
    list_display = ("name", "acronym", "order_of_government", "province")
    list_filter = ("order_of_government", "province")
    search_fields = ("name", "acronym", "key")


@admin.register(Person)
class PersonAdmin(TabbedTranslationAdmin):
    list_display = ("name", "organization", "email", "preferred_language")
    list_filter = ("organization", "preferred_language")
    list_select_related = ("organization",)
    search_fields = ("name", "email")
    raw_id_fields = ("user",)
