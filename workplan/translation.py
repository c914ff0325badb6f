import simple_history
from modeltranslation.translator import TranslationOptions, register

from workplan.models import Action, Activity, ExpectedResult, Resource, StatusUpdate


@register(Activity)
class ActivityTranslation(TranslationOptions):
    fields = ("objective",)


@register(Action)
class ActionTranslation(TranslationOptions):
    fields = ("description", "remarks")
    required_languages = {"en": ("description",), "fr": ("description",)}


@register(Resource)
class ResourceTranslation(TranslationOptions):
    fields = ("description",)


@register(ExpectedResult)
class ExpectedResultTranslation(TranslationOptions):
    fields = ("description",)


@register(StatusUpdate)
class StatusUpdateTranslation(TranslationOptions):
    # Written in one language; the other may follow as a translation, so neither is required.
    fields = ("progress", "next_steps", "challenges")
    required_languages = ()


# History is registered here, after translation, so each history row keeps both languages
# (a HistoricalRecords() field on a translated model crashes on save).
simple_history.register(Activity)
simple_history.register(Action, m2m_fields=["responsible_organizations", "responsible_people"])
simple_history.register(Resource)
simple_history.register(ExpectedResult)
# Who posted, translated or corrected an update, and what each saved: kept for every update.
simple_history.register(StatusUpdate)
