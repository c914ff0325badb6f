"""Dates in words, in the reader's language: the one formatter every page and file uses.

Django's formats give "28 novembre 2026" (config/formats/fr/formats.py); French writes the
first day of a month as an ordinal, « 1er décembre 2026 », which no format string can say.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

_FIRST_DAY = re.compile(r"^1(?=\s)")


def long_date(value: datetime.date, format_name: str = "DATE_FORMAT") -> str:
    """ "December 1, 2026" / « 1er décembre 2026 » (with a time: DATETIME_FORMAT)."""
    text = formats.date_format(value, format_name)
    if (get_language() or "")[:2] == "fr" and value.day == 1:
        text = _FIRST_DAY.sub("1er", text)
    return text


# The years a date of the portal may fall in (as fuzzy dates do): a day far outside them is
# a typing error, and arithmetic on it (the day after 9999-12-31) would fail.
FIRST_YEAR, LAST_YEAR = 1900, 2100


def validate_plausible_date(value: datetime.date) -> None:
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValidationError(
            _("Enter a date between %(first)s and %(last)s."),
            code="implausible_date",
            params={"first": FIRST_YEAR, "last": LAST_YEAR},
        )
