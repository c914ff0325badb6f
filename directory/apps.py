from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Organizations and people")

    def ready(self):
        # Connects the sign-in receiver that notes whether a password alone is enough.
        from directory.mfa import middleware  # noqa: F401

        # Names of organizations and people show on most pages (portal/fragments.py).
        from directory.models import Organization, Person, User
        from portal import fragments

        fragments.watch(Organization, Person)
        fragments.watch(User, not_shown=frozenset({"last_login", "password"}))
