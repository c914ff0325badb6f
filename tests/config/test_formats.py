import datetime
from decimal import Decimal

from django.utils import translation
from django.utils.formats import date_format, number_format


def test_dates_read_naturally_in_each_language():
    day = datetime.date(2026, 11, 28)
    with translation.override("en"):
        assert date_format(day) == "November 28, 2026"
    with translation.override("fr"):
        assert date_format(day) == "28 novembre 2026"


def test_numbers_follow_each_language():
    with translation.override("en"):
        assert number_format(Decimal("1234.5"), decimal_pos=1, force_grouping=True) == "1,234.5"
    with translation.override("fr"):
        assert number_format(Decimal("1234.5"), decimal_pos=1, force_grouping=True) == "1\xa0234,5"
