"""The public guide's query-string forms (GET): the case-study list's filters, and the search.

A filtered list or a search can be bookmarked and shared. Filters combine: a case study shown
matches every one chosen.

    CaseStudyFilter(request.GET, queryset=selectors.case_studies_public()).qs
"""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from directory.models import OrderOfGovernment, Province, Service
from partnerships.models import CaseStatus, CaseStudy, PartnershipModel
from portal.filters import FilterSet


class CaseStudyFilter(FilterSet):
    model = django_filters.ModelChoiceFilter(
        label=_("Partnership model"),
        field_name="partnership_models",
        queryset=PartnershipModel.objects.all(),
        empty_label=_("All models"),
        distinct=True,
    )
    government = django_filters.ChoiceFilter(
        label=_("Order of government of a partner"),
        field_name="organizations__order_of_government",
        choices=OrderOfGovernment.choices,
        empty_label=_("All orders of government"),
        distinct=True,
    )
    province = django_filters.ChoiceFilter(
        label=_("Province or territory"),
        choices=Province.choices,
        empty_label=_("All provinces and territories"),
    )
    service = django_filters.ModelChoiceFilter(
        label=_("Service"),
        field_name="services",
        queryset=Service.objects.all(),
        empty_label=_("All services"),
        distinct=True,
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=CaseStatus.choices, empty_label=_("All statuses")
    )

    class Meta:
        model = CaseStudy
        fields = ("model", "government", "province", "service", "status")


class GuideSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the guide"),
        max_length=200,
        required=False,
        strip=True,
        help_text=_("Accents and capital letters do not matter."),
    )
