"""Factories for the council reports."""

import factory

from reports.models import Meeting


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    title_en = factory.Sequence(lambda n: f"PSSDC meeting {n}")
    title_fr = factory.Sequence(lambda n: f"Réunion du CPSSP {n}")
    kind = "council"
