"""Forms of the report page: what the report is as of, since when, for which activities."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import get_language

from portal.dates import long_date, validate_plausible_date
from portal.forms import ModelMultipleChoiceField, bilingual_labels
from portal.languages import Language
from reports.models import Meeting
from workplan.models import Activity


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, meeting):
        return f"{long_date(meeting.date)} – {meeting.title} ({meeting.get_kind_display()})"


class ActivityChoiceField(ModelMultipleChoiceField):
    def label_from_instance(self, activity):
        return _("Activity %(number)s: %(objective)s") % {
            "number": activity.number,
            "objective": activity.objective,
        }


class ReportForm(forms.Form):
    """A GET form: every field may stay blank (the report then picks sensible defaults)."""

    meeting = MeetingChoiceField(
        label=_("Meeting"),
        queryset=Meeting.objects.order_by("-date", "-pk"),
        required=False,
        empty_label=_("No meeting: as of the date below, or today"),
        help_text=_(
            "The report is as of the meeting's date and, unless you give a date below, covers "
            "the changes since the previous meeting of the same kind."
        ),
    )
    as_of = forms.DateField(
        validators=[validate_plausible_date],
        label=_("As of (date)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Instead of a meeting: the plan as it stood at the end of this day."),
    )
    since = forms.DateField(
        validators=[validate_plausible_date],
        label=_("Changes since (date)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_(
            "Status updates and changes after this day. Blank: since the previous meeting "
            "(or, with none, since the beginning)."
        ),
    )
    activities = ActivityChoiceField(
        label=_("Activities"),
        queryset=Activity.objects.order_by("order", "number"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unchecked for the whole plan."),
    )
    language = forms.ChoiceField(
        label=_("Language of the report"),
        choices=Language.choices,
        required=False,
        help_text=_("The page stays in its language; the report and its files use this one."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = get_language()

    def clean(self):
        cleaned = super().clean()
        meeting, as_of, since = cleaned.get("meeting"), cleaned.get("as_of"), cleaned.get("since")
        if meeting and as_of:
            self.add_error(
                "as_of", ValidationError(_("Choose a meeting or a date, not both."), code="both")
            )
        end = meeting.date if meeting else (as_of or timezone.localdate())
        if since and since >= end:
            self.add_error(
                "since",
                ValidationError(
                    _("The changes must start before the day the report is as of."),
                    code="order",
                ),
            )
        if not cleaned.get("language"):
            cleaned["language"] = self.fields["language"].initial
        return cleaned


class MeetingForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ("date", "title_en", "title_fr", "kind")
        labels = bilingual_labels(title=_("Title"))
        help_texts = {
            # Translators: the example is the English title: keep it in English.
            "title_en": _("E.g. “PSSDC spring meeting”."),
            # Translators: the example is the French title: keep it in French.
            "title_fr": _("E.g. “Réunion du printemps du CPSSP”."),
        }
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "title_en": forms.TextInput(attrs={"lang": "en"}),
            "title_fr": forms.TextInput(attrs={"lang": "fr"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title_en"].required = True
        self.fields["title_fr"].required = True
