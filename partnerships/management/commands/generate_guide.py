from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from partnerships.synthetic import synthetic_guide_create

MAX_CASE_STUDIES = 10_000
BAR_WIDTH = 30


class Command(BaseCommand):
    help = "Publish synthetic case studies (for benchmarks): --case-studies N."

    def add_arguments(self, parser):
        parser.add_argument(
            "--case-studies", type=int, default=200, help=f"0 to {MAX_CASE_STUDIES:,}"
        )

    def handle(self, *args, case_studies, **options):
        if not 0 <= case_studies <= MAX_CASE_STUDIES:
            raise CommandError(
                f"--case-studies must be between 0 and {MAX_CASE_STUDIES:,}, not {case_studies}."
            )

        def progress(done: int) -> None:
            filled = BAR_WIDTH * done // case_studies
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            self.stdout.write(f"\r[{bar}] {done}/{case_studies}", ending="")

        try:
            synthetic_guide_create(case_studies=case_studies, progress=progress)
        except DatabaseError as error:
            # One transaction: nothing was added.
            raise CommandError(f"The synthetic guide could not be added: {error}") from None
        self.stdout.write(f"\nPublished {case_studies} case studies.")
