"""Forms of the work plan's pages: they validate; the services in workplan/services.py write."""

from django import forms
from django.forms import inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Organization, Person
from portal.forms import bilingual_labels, bilingual_text_areas, text_area
from portal.languages import in_language, other_language
from portal.locking import VERSION_FIELD, VersionedFormMixin
from workplan.models import (
    Action,
    Activity,
    ExpectedResult,
    Health,
    Resource,
    Status,
    StatusUpdate,
)

# --- Status updates -------------------------------------------------------------------------


class StatusUpdateForm(forms.Form):
    """A member's dated progress report, written in the page's language."""

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
    progress = forms.CharField(
        label=_("Progress made"),
        widget=text_area(rows=4),
        help_text=_("What was done since last time."),
        error_messages={"required": _("Say what progress was made.")},
    )
    next_steps = forms.CharField(
        label=_("Next steps"),
        required=False,
        widget=text_area(),
        help_text=_("What comes next."),
    )
    challenges = forms.CharField(
        label=_("Challenges or decisions needed"),
        required=False,
        widget=text_area(),
        help_text=_("Obstacles, risks, or decisions the working group must take."),
    )

    def __init__(self, *args, action: Action | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if action is not None and not self.is_bound:
            # Start from where the action stands: most updates change little.
            self.initial.setdefault("status", action.status)
            if action.health:
                self.initial.setdefault("health", action.health)


class StatusUpdateTranslationForm(forms.Form):
    """The other official language's version of an update's texts."""

    progress = forms.CharField(
        label=_("Progress made"),
        error_messages={"required": _("Translate the progress made.")},
    )
    next_steps = forms.CharField(label=_("Next steps"), required=False)
    challenges = forms.CharField(label=_("Challenges or decisions needed"), required=False)

    def __init__(self, *args, update: StatusUpdate, **kwargs):
        self.target = other_language(update.language)
        initial = kwargs.pop("initial", None) or {
            name: in_language(update, name, self.target) for name in StatusUpdate.TEXT_FIELDS
        }
        super().__init__(*args, initial=initial, **kwargs)
        for name, field in self.fields.items():
            field.widget = text_area(self.target, rows=4 if name == "progress" else 3)


# --- Actions --------------------------------------------------------------------------------


class PersonChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name_with_organization


class ActionForm(VersionedFormMixin, forms.ModelForm):
    """A co-chair's edit of an action's own fields (its lists are inline formsets)."""

    responsible_organizations = forms.ModelMultipleChoiceField(
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


class ExpectedResultForm(forms.ModelForm):
    class Meta:
        model = ExpectedResult
        fields = ("description_en", "description_fr", "state", "date")
        labels = bilingual_labels(description=_("Expected result"))
        widgets = bilingual_text_areas("description", rows=2)


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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound and self.instance.pk is None:
            last = Activity.objects.order_by("-number").values_list("number", flat=True)
            number = (last.first() or 0) + 1
            self.initial["number"] = number
            self.initial["order"] = number

    def activity_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}
