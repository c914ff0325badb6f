from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Progress reports")

    def ready(self):
        # A meeting's date and title show on the report page (portal/fragments.py).
        from portal import fragments
        from reports.models import Meeting

        fragments.watch(Meeting)
