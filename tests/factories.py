"""factory_boy factories shared by every test module."""

import factory
from django.contrib.auth.models import Group

from directory.models import Organization, Person, User
from portal.fuzzydates import FuzzyDate
from reports.models import Meeting
from workplan.models import Action, Activity, ExpectedResult, Resource, StatusUpdate


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.ca")
    password = factory.django.Password("correct-horse-battery-staple")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for role in extracted or ():
            self.groups.add(Group.objects.get(name=role))


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    key = factory.Sequence(lambda n: f"org-{n}")
    name_en = factory.Sequence(lambda n: f"Organization {n}")
    name_fr = factory.Sequence(lambda n: f"Organisation {n}")
    order_of_government = "provincial"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Person {n}")
    organization = factory.SubFactory(OrganizationFactory)


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


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    title_en = factory.Sequence(lambda n: f"PSSDC meeting {n}")
    title_fr = factory.Sequence(lambda n: f"Réunion du CPSSP {n}")
    kind = "council"
