"""Forms of the work plan's pages: they validate; the services in workplan/services.py write."""

from django import forms
from django.core import signing
from django.forms import inlineformset_factory
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import Organization, Person
from portal.languages import other_language
from workplan.models import (
    Action,
    Activity,
    ExpectedResult,
    Health,
    Resource,
    Status,
    StatusUpdate,
)

SNAPSHOT_SALT = "workplan.activity-snapshot"


def snapshot_sign(snapshot: dict) -> str:
    """The values a user saw, signed, for a hidden field."""
    return signing.dumps(snapshot, salt=SNAPSHOT_SALT)


def _text_area(language: str | None = None, rows: int = 3) -> forms.Textarea:
    attrs = {"rows": rows}
    if language:
        attrs["lang"] = language
    return forms.Textarea(attrs=attrs)


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
        widget=_text_area(rows=4),
        help_text=_("What was done since last time."),
        error_messages={"required": _("Say what progress was made.")},
    )
    next_steps = forms.CharField(
        label=_("Next steps"),
        required=False,
        widget=_text_area(),
        help_text=_("What comes next."),
    )
    challenges = forms.CharField(
        label=_("Challenges or decisions needed"),
        required=False,
        widget=_text_area(),
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
            name: getattr(update, f"{name}_{self.target}") or ""
            for name in StatusUpdate.TEXT_FIELDS
        }
        super().__init__(*args, initial=initial, **kwargs)
        for name, field in self.fields.items():
            field.widget = _text_area(self.target, rows=4 if name == "progress" else 3)


# --- Actions --------------------------------------------------------------------------------


class PersonChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name_with_organization


class ActionForm(forms.ModelForm):
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
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

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
        labels = {
            "description_en": _("Description / measure (English)"),
            "description_fr": _("Description / measure (French)"),
            "remarks_en": _("Remarks (English)"),
            "remarks_fr": _("Remarks (French)"),
        }
        widgets = {
            "description_en": _text_area("en", rows=4),
            "description_fr": _text_area("fr", rows=4),
            "remarks_en": _text_area("en"),
            "remarks_fr": _text_area("fr"),
        }

    def __init__(self, *args, activity: Activity, **kwargs):
        super().__init__(*args, **kwargs)
        self.activity = activity
        # Set per form: modeltranslation orders by the name in the language active now.
        self.fields["responsible_organizations"].queryset = Organization.objects.order_by("name")
        self.fields["responsible_people"].queryset = Person.objects.select_related(
            "organization"
        ).order_by("name")
        if not self.is_bound:
            self.initial["version"] = self.instance.version
            if self.instance.pk is None:
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

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is not None and cleaned.get("version") is None:
            # A hidden field: the error goes above the form, where it can be seen.
            self.add_error(None, _("The form was incomplete; load the page again."))
        return cleaned

    def action_fields(self) -> dict:
        """The cleaned values the service writes (everything but the version)."""
        return {name: value for name, value in self.cleaned_data.items() if name != "version"}


class ResourceForm(forms.ModelForm):
    class Meta:
        model = Resource
        fields = ("description_en", "description_fr")
        labels = {
            "description_en": _("Resource needed (English)"),
            "description_fr": _("Resource needed (French)"),
        }
        widgets = {
            "description_en": _text_area("en", rows=2),
            "description_fr": _text_area("fr", rows=2),
        }


class ExpectedResultForm(forms.ModelForm):
    class Meta:
        model = ExpectedResult
        fields = ("description_en", "description_fr", "state", "date")
        labels = {
            "description_en": _("Expected result (English)"),
            "description_fr": _("Expected result (French)"),
        }
        widgets = {
            "description_en": _text_area("en", rows=2),
            "description_fr": _text_area("fr", rows=2),
        }


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


class ActivityForm(forms.ModelForm):
    snapshot = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Activity
        fields = ("number", "objective_en", "objective_fr", "priority", "order")
        labels = {
            "objective_en": _("Objective (English)"),
            "objective_fr": _("Objective (French)"),
        }
        widgets = {
            "objective_en": _text_area("en"),
            "objective_fr": _text_area("fr"),
        }

    def __init__(self, *args, snapshot: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            if snapshot is not None:
                self.initial["snapshot"] = snapshot_sign(snapshot)
            if self.instance.pk is None:
                last = Activity.objects.order_by("-number").values_list("number", flat=True)
                number = (last.first() or 0) + 1
                self.initial["number"] = number
                self.initial["order"] = number

    def clean(self):
        cleaned = super().clean()
        value = cleaned.get("snapshot")
        cleaned["snapshot"] = None
        if value:
            try:
                cleaned["snapshot"] = signing.loads(value, salt=SNAPSHOT_SALT)
            except signing.BadSignature:
                # A hidden field: the error goes above the form, where it can be seen.
                self.add_error(
                    None,
                    forms.ValidationError(
                        _("The form was altered; load the page again."), code="snapshot"
                    ),
                )
        return cleaned

    def activity_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}
