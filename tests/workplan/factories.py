"""Factories for the work plan."""

import factory

from portal.fuzzydates import FuzzyDate
from tests.directory.factories import UserFactory
from workplan.models import Action, Activity, ExpectedResult, Resource, StatusUpdate


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    number = factory.Sequence(lambda n: n + 100)
    order = factory.SelfAttribute("number")
    objective_en = factory.Sequence(lambda n: f"Objective {n}")
    objective_fr = factory.Sequence(lambda n: f"Objectif {n}")
    priority = "high"


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    activity = factory.SubFactory(ActivityFactory)
    number = factory.Sequence(lambda n: n + 1)
    description_en = factory.Sequence(lambda n: f"Action description {n}")
    description_fr = factory.Sequence(lambda n: f"Description de la mesure {n}")
    start = FuzzyDate.of_month(2026, 1)
    due = FuzzyDate.of_month(2027, 6)
    status = "in_progress"


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource

    action = factory.SubFactory(ActionFactory)
    description_en = "Staff time"
    description_fr = "Temps du personnel"


class ExpectedResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpectedResult

    action = factory.SubFactory(ActionFactory)
    description_en = factory.Sequence(lambda n: f"Deliverable {n}")
    description_fr = factory.Sequence(lambda n: f"Livrable {n}")


class StatusUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatusUpdate

    action = factory.SubFactory(ActionFactory)
    author = factory.SubFactory(UserFactory)
    language = "en"
    status = "in_progress"
    health = "on_track"
    progress_en = "Work went well."
