"""The plan's filters: one FilterSet shared by the plan page and its downloads.

Usage::

    ActionFilter(request.GET, queryset=Action.objects.with_related(), request=request).qs

The filter state lives in the query string (a GET form), so a filtered view can be bookmarked,
shared, and downloaded as it is shown.
"""

import django_filters
from django.utils.translation import gettext_lazy as _

from directory.models import Organization, Person
from portal.filters import FilterSet
from workplan.models import Action, Activity, Priority, Status

OVERDUE = "overdue"
DUE_30 = "30"
DUE_90 = "90"
DUE_CHOICES = (
    (OVERDUE, _("Overdue")),
    (DUE_30, _("Due in the next 30 days")),
    (DUE_90, _("Due in the next 90 days")),
)


class ActionFilter(FilterSet):
    activity = django_filters.ModelChoiceFilter(
        label=_("Activity"),
        queryset=Activity.objects.all(),
        empty_label=_("All activities"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Status.choices, empty_label=_("All statuses")
    )
    priority = django_filters.ChoiceFilter(
        label=_("Priority"),
        field_name="activity__priority",
        choices=Priority.choices,
        empty_label=_("All priorities"),
    )
    organization = django_filters.ModelChoiceFilter(
        label=_("Responsible organization"),
        field_name="responsible_organizations",
        queryset=Organization.objects.all(),
        empty_label=_("All organizations"),
        distinct=True,
    )
    person = django_filters.ModelChoiceFilter(
        label=_("Responsible person"),
        field_name="responsible_people",
        queryset=Person.objects.all(),
        empty_label=_("All people"),
        distinct=True,
    )
    due = django_filters.ChoiceFilter(
        label=_("Due"),
        choices=DUE_CHOICES,
        empty_label=_("Any due date"),
        method="filter_due",
    )

    class Meta:
        model = Action
        fields = ("activity", "status", "priority", "organization", "person", "due")

    def filter_due(self, queryset, name, value):
        if value == OVERDUE:
            return queryset.overdue()
        if value in (DUE_30, DUE_90):
            return queryset.due_within(int(value))
        return queryset
