from django.core.management.base import BaseCommand

from workplan.models import Action, Activity
from workplan.seed import plan_load


class Command(BaseCommand):
    help = "Load the working group's work plan (fixtures/workplan.json); safe to run again."

    def handle(self, *args, **options):
        plan_load()
        self.stdout.write(
            f"Work plan: {Activity.objects.count()} activities, {Action.objects.count()} actions."
        )
