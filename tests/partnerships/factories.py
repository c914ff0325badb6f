"""Factories for the guide: working copies of chapters, sections and case studies, written
in both languages (so that they can be published), and the lists editors keep."""

import factory

from directory.models import Service
from partnerships.models import CaseStudy, Chapter, Contact, PartnershipModel, Section
from tests.directory.factories import OrganizationFactory


class ChapterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Chapter

    number = factory.Sequence(lambda n: n + 1)
    title_en = factory.Sequence(lambda n: f"Chapter {n}")
    title_fr = factory.Sequence(lambda n: f"Chapitre {n}")
    slug_en = factory.Sequence(lambda n: f"chapter-{n}")
    slug_fr = factory.Sequence(lambda n: f"chapitre-{n}")
    introduction_en = "<p>Why partnerships matter.</p>"
    introduction_fr = "<p>Pourquoi les partenariats comptent.</p>"


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    chapter = factory.SubFactory(ChapterFactory)
    order = factory.Sequence(lambda n: n)
    title_en = factory.Sequence(lambda n: f"Section {n}")
    title_fr = factory.Sequence(lambda n: f"Section {n} (fr)")
    slug_en = factory.Sequence(lambda n: f"section-{n}")
    slug_fr = factory.Sequence(lambda n: f"section-fr-{n}")
    body_en = "<p>Plan the shared front counter with every partner.</p>"
    body_fr = "<p>Planifier le comptoir commun avec chaque partenaire du réseau.</p>"


class PartnershipModelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnershipModel
        django_get_or_create = ("key",)

    key = factory.Sequence(lambda n: f"model-{n}")
    name_en = factory.Sequence(lambda n: f"Model {n}")
    name_fr = factory.Sequence(lambda n: f"Modèle {n}")


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service
        django_get_or_create = ("key",)

    key = factory.Sequence(lambda n: f"service-{n}")
    name_en = factory.Sequence(lambda n: f"Service {n}")
    name_fr = factory.Sequence(lambda n: f"Service {n} (fr)")


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    name = factory.Sequence(lambda n: f"Contact {n}")
    organization = factory.SubFactory(OrganizationFactory)
    role_en = "Partnership lead"
    role_fr = "Responsable des partenariats"
    email = factory.Sequence(lambda n: f"contact{n}@example.ca")


class CaseStudyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseStudy
        skip_postgeneration_save = True

    title_en = factory.Sequence(lambda n: f"Case study {n}")
    title_fr = factory.Sequence(lambda n: f"Étude de cas {n}")
    slug_en = factory.Sequence(lambda n: f"case-study-{n}")
    slug_fr = factory.Sequence(lambda n: f"etude-de-cas-{n}")
    summary_en = "<p>A federal office and a provincial centre share one front counter.</p>"
    summary_fr = "<p>Un bureau fédéral et un centre provincial partagent un comptoir.</p>"
    province = "NB"
    place = "Saint John"
    year_started = 2019
    status = "active"

    @factory.post_generation
    def organizations(self, create, extracted, **kwargs):
        self.organizations.set(extracted or [OrganizationFactory()])
