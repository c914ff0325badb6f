"""Dates in words (portal/dates.py): « 1er » for the first day of a month in French."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

MONTHS_FR = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]


@pytest.mark.parametrize("month", range(1, 13))
def test_the_first_of_every_month_is_an_ordinal_in_french(month):
    from portal.dates import long_date

    first, second = datetime.date(2026, month, 1), datetime.date(2026, month, 2)
    with translation.override("fr"):
        assert long_date(first) == f"1er {MONTHS_FR[month - 1]} 2026"
        assert long_date(second) == f"2 {MONTHS_FR[month - 1]} 2026"
        assert long_date(datetime.date(2026, month, 11)).startswith("11 ")  # not « 11er »
    with translation.override("en"):
        assert long_date(first).endswith(" 1, 2026")


def test_times_read_without_a_leading_zero_in_french():
    from portal.dates import long_date

    moment = timezone.make_aware(datetime.datetime(2026, 12, 1, 9, 40))
    with translation.override("fr"):
        assert long_date(timezone.localtime(moment), "DATETIME_FORMAT") == (
            "1er décembre 2026, 9 h 40"
        )


def test_the_template_filter_says_the_same():
    template = Template("{% load dates %}{{ day|long_date }}|{{ none|long_date }}")
    with translation.override("fr"):
        assert template.render(Context({"day": datetime.date(2026, 12, 1), "none": None})) == (
            "1er décembre 2026|"
        )


def test_the_template_filter_shows_a_stored_time_in_the_portals_time_zone():
    # Stored in UTC (17:13), read in Toronto (12:13 in December), as Django's |date does.
    moment = datetime.datetime(2026, 12, 6, 17, 13, tzinfo=datetime.UTC)
    template = Template('{% load dates %}{{ moment|long_date:"DATETIME_FORMAT" }}')
    with translation.override("fr"):
        assert template.render(Context({"moment": moment})) == "6 décembre 2026, 12 h 13"
