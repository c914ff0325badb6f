from modeltranslation.translator import TranslationOptions, register

from directory.models import Organization, Person, Service


@register(Organization)
class OrganizationTranslation(TranslationOptions):
    fields = ("name", "acronym")
    required_languages = {"en": ("name",), "fr": ("name",)}


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = ()


@register(Service)
class ServiceTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = {"en": ("name",), "fr": ("name",)}
