"""Factories for the directory: users (the one way a test makes a user with roles),
organizations and people."""

import factory
from django.contrib.auth.models import Group

from directory.models import Organization, Person, User

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    """A user with the given roles: ``UserFactory(username="marie", roles=[Role.MEMBER])``;
    ``UserFactory(superuser=True)`` for an administrator. The password is PASSWORD."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    class Params:
        superuser = factory.Trait(is_superuser=True, is_staff=True)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.ca")
    first_name = factory.LazyAttribute(lambda u: u.username.capitalize())
    last_name = "Tester"
    password = factory.django.Password(PASSWORD)

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
