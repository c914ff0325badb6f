from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from workplan.synthetic import synthetic_plan_create

# Sizes a benchmark needs, with room: far larger would take minutes and activity numbers (small
# integers in the database) would run out.
MAX_ACTIONS = 100_000
MAX_UPDATES = 1_000_000


class Command(BaseCommand):
    help = "Add a synthetic plan (for benchmarks): --actions N --updates M."

    def add_arguments(self, parser):
        parser.add_argument("--actions", type=int, default=1000, help=f"0 to {MAX_ACTIONS:,}")
        parser.add_argument("--updates", type=int, default=10000, help=f"0 to {MAX_UPDATES:,}")

    def handle(self, *args, actions, updates, **options):
        if not 0 <= actions <= MAX_ACTIONS:
            raise CommandError(f"--actions must be between 0 and {MAX_ACTIONS:,}, not {actions}.")
        if not 0 <= updates <= MAX_UPDATES:
            raise CommandError(f"--updates must be between 0 and {MAX_UPDATES:,}, not {updates}.")
        try:
            synthetic_plan_create(actions=actions, updates=updates)
        except DatabaseError as error:
            # One transaction: nothing was added.
            raise CommandError(f"The synthetic plan could not be added: {error}") from None
        self.stdout.write(f"Added {actions} actions and {updates} status updates.")
