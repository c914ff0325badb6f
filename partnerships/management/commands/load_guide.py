"""``manage.py load_guide``: loads the guide's sample content (fixtures/guide/guide.json);
safe to run again (what is already there is left as editors made it)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from partnerships.models import CaseStudy, Chapter
from partnerships.seed import guide_load


class Command(BaseCommand):
    help = (
        "Load the partnership guide's sample content (chapters and case studies, marked as "
        "sample content); safe to run again."
    )

    def handle(self, *args, **options):
        try:
            loaded = guide_load()
        except (ValidationError, DatabaseError) as error:
            # One transaction: nothing of the sample content was kept.
            raise CommandError(
                f"The sample guide could not be loaded; nothing was kept: {error}"
            ) from None
        self.stdout.write(
            f"Partnership guide (sample content): added {loaded.chapters} chapters, "
            f"{loaded.sections} sections, {loaded.case_studies} case studies; "
            f"{Chapter.objects.public().count()} chapters and "
            f"{CaseStudy.objects.public().count()} case studies are published."
        )
