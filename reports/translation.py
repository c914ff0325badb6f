from modeltranslation.translator import TranslationOptions, register

from reports.models import Meeting


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("title",)
