import simple_history
from modeltranslation.translator import TranslationOptions, register

from partnerships.models import CaseStudy, Chapter, Contact, PartnershipModel, Section

# Texts may be written one language at a time: a side left empty is what the translation
# queue lists, and publishing refuses (partnerships/workflow.py), so none is required here.


@register(Chapter)
class ChapterTranslation(TranslationOptions):
    fields = ("title", "slug", "introduction")
    required_languages = ()


@register(Section)
class SectionTranslation(TranslationOptions):
    fields = ("title", "slug", "body")
    required_languages = ()


@register(CaseStudy)
class CaseStudyTranslation(TranslationOptions):
    fields = ("title", "slug", "summary", "outcomes", "lessons", "image_alt")
    required_languages = ()


@register(PartnershipModel)
class PartnershipModelTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = {"en": ("name",), "fr": ("name",)}


@register(Contact)
class ContactTranslation(TranslationOptions):
    fields = ("role",)
    required_languages = ()


# Revisions: every save of a working copy (public copies are saved without one). Registered
# after translation so that each record keeps both languages (see ../shared/design.md).
simple_history.register(Chapter)
simple_history.register(Section)
simple_history.register(
    CaseStudy, m2m_fields=["organizations", "partnership_models", "services", "contacts"]
)
