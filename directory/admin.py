from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_totp.models import TOTPDevice
from modeltranslation.admin import TabbedTranslationAdmin

from directory.mfa import policy
from directory.models import Organization, Person, Service, User
from portal import audit


@admin.register(User)
class PortalUserAdmin(UserAdmin):
    list_display = (*UserAdmin.list_display, "two_step")
    actions = ("second_factor_reset",)

    def get_queryset(self, request):
        authenticators = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
        return super().get_queryset(request).annotate(has_authenticator=Exists(authenticators))

    @admin.display(boolean=True, description=_("two-step verification"))
    def two_step(self, user):
        return user.has_authenticator

    @admin.action(description=_("Reset two-step verification (the person sets it up again)"))
    def second_factor_reset(self, request, queryset):
        people = 0
        for user in queryset:
            if policy.devices_reset(user=user):
                people += 1
                audit.record(
                    kind=audit.Kind.MFA_RESET, request=request, user=user, detail="administrator"
                )
        self.message_user(
            request,
            ngettext(
                "Two-step verification was reset for %(count)d person.",
                "Two-step verification was reset for %(count)d people.",
                people,
            )
            % {"count": people},
            messages.SUCCESS,
        )


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


@admin.register(Service)
class ServiceAdmin(TabbedTranslationAdmin):
    list_display = ("name", "key")
    search_fields = ("name_en", "name_fr", "key")
