from django.utils.translation import gettext_lazy as _

from portal.navigation import Section, register

register(
    Section("home", _("Home"), "home", order=0),
    # Django's admin has no navigation module of its own: the directory, which holds the
    # accounts it administers, declares it.
    Section("admin", _("Administration"), "admin:index", superuser=True, order=1000),
)
