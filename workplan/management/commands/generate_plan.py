from django.core.management.base import BaseCommand

from workplan.synthetic import synthetic_plan_create


class Command(BaseCommand):
    help = "Add a synthetic plan (for benchmarks): --actions N --updates M."

    def add_arguments(self, parser):
        parser.add_argument("--actions", type=int, default=1000)
        parser.add_argument("--updates", type=int, default=10000)

    def handle(self, *args, actions, updates, **options):
        synthetic_plan_create(actions=actions, updates=updates)
        self.stdout.write(f"Added {actions} actions and {updates} status updates.")
