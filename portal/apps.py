from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        # Each app's navigation.py registers its sections (portal/navigation.py).
        autodiscover_modules("navigation")
        # Sign-ins, lockouts and role changes go to the audit trail (portal/audit.py).
        from portal import audit

        audit.connect()
        # The session limits' clock starts at sign-in (a receiver in portal/middleware.py).
        from portal import middleware  # noqa: F401
