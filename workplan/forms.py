"""Forms of the work plan's pages: they validate; the services in workplan/services.py write.

Every free text has its limit from portal/limits.py, the same as its model field's: a longer
text is a field error in the reader's language, with what was typed kept, and the text area
carries it as its maxlength.
"""

import uuid

from django import forms
from django.forms import inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Organization, Person
from portal import limits
from portal.forms import (
    ModelMultipleChoiceField,
    bilingual_labels,
    bilingual_text_areas,
    text_area,
)
from portal.languages import LANGUAGES, in_language, other_language
from portal.locking import INCOMPLETE, VERSION_FIELD, VersionedFormMixin
from workplan.models import (
    Action,
    Activity,
    ExpectedResult,
    Health,
    Resource,
    Status,
    StatusUpdate,
)


class TextAreaField(forms.CharField):
    """A text typed in a text area, its line breaks stored as one character each.

    A browser counts each line break as one character against the text area's maxlength, then
    sends it as two (CR LF): kept as one, a text the browser let through fits the limit.
    """

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n") if value else value


def text_area_fields(*names: str) -> dict[str, type[forms.Field]]:
    """``Meta.field_classes`` for both languages of translated text fields."""
    return {f"{name}_{language}": TextAreaField for name in names for language in LANGUAGES}


# --- Status updates -------------------------------------------------------------------------

SUBMISSION_FIELD = "submission_token"


class StatusUpdateForm(forms.Form):
    """A member's dated progress report, written in the page's language.

    Each rendering of the empty form carries a new one-time token (hidden): the service stores
    the update with it, so the same form sent twice (a double click, a resent request) stores
    one update. A form shown again with its errors keeps its token: nothing used it yet.
    """

    date = forms.DateField(
        label=_("Date"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("The day the update reports on; today or earlier."),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=Status.choices,
        help_text=_("The action's status as of this update."),
    )
    health = forms.ChoiceField(
        label=_("Health"),
        choices=Health.choices,
        help_text=_("Is the action on track to deliver its expected results?"),
    )
    progress = TextAreaField(
        label=_("Progress made"),
        max_length=limits.PROGRESS,
        widget=text_area(rows=4),
        help_text=_("What was done since last time."),
        error_messages={"required": _("Say what progress was made.")},
    )
    next_steps = TextAreaField(
        label=_("Next steps"),
        required=False,
        max_length=limits.NEXT_STEPS,
        widget=text_area(),
        help_text=_("What comes next."),
    )
    challenges = TextAreaField(
        label=_("Challenges or decisions needed"),
        required=False,
        max_length=limits.CHALLENGES,
        widget=text_area(),
        help_text=_("Obstacles, risks, or decisions the working group must take."),
    )
    # A character field, checked in clean(): a missing or forged token must give the error
    # above the form, not one on a field nobody can see.
    submission_token = forms.CharField(widget=forms.HiddenInput, required=False, initial=uuid.uuid4)

    def __init__(self, *args, action: Action | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if action is not None and not self.is_bound:
            # Start from where the action stands: most updates change little.
            self.initial.setdefault("status", action.status)
            if action.health:
                self.initial.setdefault("health", action.health)

    def clean(self):
        cleaned = super().clean()
        try:
            cleaned[SUBMISSION_FIELD] = uuid.UUID(str(cleaned.get(SUBMISSION_FIELD) or ""))
        except ValueError:
            self.add_error(None, INCOMPLETE)
            # Shown again, the form carries a token that works: sending it again is enough.
            self.data = self.data.copy()
            self.data[SUBMISSION_FIELD] = str(uuid.uuid4())
        return cleaned


class StatusUpdateTranslationForm(VersionedFormMixin, forms.Form):
    """The other official language's version of an update's texts, based on the version of
    the update the translator loaded (see portal/locking.py)."""

    progress = TextAreaField(
        label=_("Progress made"),
        max_length=limits.PROGRESS,
        error_messages={"required": _("Translate the progress made.")},
    )
    next_steps = TextAreaField(label=_("Next steps"), required=False, max_length=limits.NEXT_STEPS)
    challenges = TextAreaField(
        label=_("Challenges or decisions needed"), required=False, max_length=limits.CHALLENGES
    )

    def __init__(self, *args, update: StatusUpdate, **kwargs):
        self.instance = update  # the record VersionedFormMixin reads the version from
        self.target = other_language(update.language)
        initial = kwargs.pop("initial", None) or {
            name: in_language(update, name, self.target) for name in StatusUpdate.TEXT_FIELDS
        }
        super().__init__(*args, initial=initial, **kwargs)
        for name in StatusUpdate.TEXT_FIELDS:
            field = self.fields[name]
            field.widget = text_area(self.target, rows=4 if name == "progress" else 3)
            field.widget.attrs.update(field.widget_attrs(field.widget))  # its maxlength

    def translation_fields(self) -> dict:
        """The cleaned texts the service writes (everything but the version)."""
        return {name: self.cleaned_data[name] for name in StatusUpdate.TEXT_FIELDS}


# --- Actions --------------------------------------------------------------------------------


class PersonChoiceField(ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name_with_organization


class ActionForm(VersionedFormMixin, forms.ModelForm):
    """A co-chair's edit of an action's own fields (its lists are inline formsets)."""

    responsible_organizations = ModelMultipleChoiceField(
        label=_("Responsible organizations"),
        queryset=Organization.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Organizations accountable for the action."),
    )
    responsible_people = PersonChoiceField(
        label=_("Responsible people"),
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("People accountable for the action."),
    )

    class Meta:
        model = Action
        fields = (
            "number",
            "description_en",
            "description_fr",
            "responsible_organizations",
            "responsible_people",
            "start",
            "due",
            "remarks_en",
            "remarks_fr",
            "status",
        )
        labels = bilingual_labels(description=_("Description / measure"), remarks=_("Remarks"))
        widgets = {
            **bilingual_text_areas("description", rows=4),
            **bilingual_text_areas("remarks"),
        }
        field_classes = text_area_fields("description", "remarks")

    def __init__(self, *args, activity: Activity, **kwargs):
        super().__init__(*args, **kwargs)
        self.activity = activity
        # Set per form: modeltranslation orders by the name in the language active now.
        self.fields["responsible_organizations"].queryset = Organization.objects.order_by("name")
        self.fields["responsible_people"].queryset = Person.objects.select_related(
            "organization"
        ).order_by("name")
        if not self.is_bound and self.instance.pk is None:
            numbers = activity.actions.values_list("number", flat=True)
            self.initial["number"] = max(numbers, default=0) + 1

    def clean_number(self):
        number = self.cleaned_data["number"]
        taken = Action.objects.filter(activity=self.activity, number=number)
        if self.instance.pk:
            taken = taken.exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(
                _("Activity %(activity)s already has an action %(code)s."),
                code="taken",
                params={
                    "activity": self.activity.number,
                    "code": f"{self.activity.number}.{number}",
                },
            )
        return number

    def action_fields(self) -> dict:
        """The cleaned values the service writes (everything but the version)."""
        return {name: value for name, value in self.cleaned_data.items() if name != VERSION_FIELD}


class ResourceForm(forms.ModelForm):
    class Meta:
        model = Resource
        fields = ("description_en", "description_fr")
        labels = bilingual_labels(description=_("Resource needed"))
        widgets = bilingual_text_areas("description", rows=2)
        field_classes = text_area_fields("description")


class ExpectedResultForm(forms.ModelForm):
    class Meta:
        model = ExpectedResult
        fields = ("description_en", "description_fr", "state", "date")
        labels = bilingual_labels(description=_("Expected result"))
        widgets = bilingual_text_areas("description", rows=2)
        field_classes = text_area_fields("description")


ResourceFormSet = inlineformset_factory(
    Action, Resource, form=ResourceForm, extra=1, can_delete=True
)
ExpectedResultFormSet = inlineformset_factory(
    Action, ExpectedResult, form=ExpectedResultForm, extra=1, can_delete=True
)


def formset_items(formset) -> list[dict]:
    """A validated inline formset as the list the action services take, in its order."""
    items = []
    for form in formset.forms:
        if not form.has_changed() and form.instance.pk is None:
            continue  # an extra form left blank
        data = form.cleaned_data
        if not data:
            continue
        existing = data.get("id")
        item = {name: data.get(name) for name in form._meta.fields}
        item["id"] = existing.pk if existing else None
        item["delete"] = bool(data.get("DELETE"))
        items.append(item)
    return items


# --- Activities -----------------------------------------------------------------------------


class ActivityForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Activity
        fields = ("number", "objective_en", "objective_fr", "priority", "order")
        labels = bilingual_labels(objective=_("Objective"))
        widgets = bilingual_text_areas("objective")
        field_classes = text_area_fields("objective")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and self.instance.pk is None:
            last = Activity.objects.order_by("-number").values_list("number", flat=True)
            number = (last.first() or 0) + 1
            self.initial["number"] = number
            self.initial["order"] = number

    def activity_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}
