from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkplanConfig(AppConfig):
    name = "workplan"
    verbose_name = _("Work plan")

    def ready(self):
        # Every page that shows the plan keeps its fragments until the plan changes.
        from portal import fragments
        from workplan.models import Action, Activity, ExpectedResult, Resource, StatusUpdate

        fragments.watch(Activity, Action, Resource, ExpectedResult, StatusUpdate)
