"""Fuzzy dates for work plans: "2016", "April 2018", "Fall 2018", "Q3 2019", "Ongoing", "TBD".

A :class:`FuzzyDate` is a date value that carries its precision: a day, a month, a season, a
calendar quarter, a year, or one of the two undated states *ongoing* and *to be determined*.

* ``FuzzyDate.canonical`` is a stable, language-independent, ISO-like text stored in the
  database ("2019-02-15", "2018-04", "2018-Q3", "2018-fall", "2016", "ongoing", "tbd").
* ``str(value)`` renders the value in the active Django language ("Fall 2018" / "automne 2018").
* :func:`parse_fuzzy_date` reads what people type, in English, French or ISO form.
* :class:`FuzzyDateField` (model field) and :class:`FuzzyDateFormField` (form field) plug it
  into Django.

Note: the database column holds the canonical text, whose alphabetical order is *not*
chronological. Sort in Python with ``sorted(values)`` or ``key=FuzzyDate.sort_key``.
"""

from __future__ import annotations

import calendar
import datetime
import re
import unicodedata
from dataclasses import dataclass
from functools import total_ordering

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.query_utils import DeferredAttribute
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

__all__ = [
    "DAY",
    "MAX_YEAR",
    "MIN_YEAR",
    "MONTH",
    "ONGOING",
    "PRECISIONS",
    "QUARTER",
    "SEASON",
    "SEASONS",
    "TBD",
    "YEAR",
    "FuzzyDate",
    "FuzzyDateField",
    "FuzzyDateFormField",
    "parse_fuzzy_date",
]

DAY = "day"
MONTH = "month"
SEASON = "season"
QUARTER = "quarter"
YEAR = "year"
ONGOING = "ongoing"
TBD = "tbd"
PRECISIONS = (DAY, MONTH, SEASON, QUARTER, YEAR, ONGOING, TBD)

SPRING, SUMMER, FALL, WINTER = "spring", "summer", "fall", "winter"
SEASONS = (SPRING, SUMMER, FALL, WINTER)

MIN_YEAR = 1900
MAX_YEAR = 2100

# Which fields each precision uses; every other field must be None.
_FIELDS_BY_PRECISION = {
    DAY: ("year", "month", "day"),
    MONTH: ("year", "month"),
    SEASON: ("year", "season"),
    QUARTER: ("year", "quarter"),
    YEAR: ("year",),
    ONGOING: (),
    TBD: (),
}
_OPTIONAL_FIELDS = ("year", "month", "day", "season", "quarter")
# Tie-breaker for sort_key (periods with the same start and end cannot occur across precisions,
# but the rank keeps sort_key injective whatever happens).
_PRECISION_RANK = {precision: rank for rank, precision in enumerate(PRECISIONS)}

# Seasons: (first month, number of months); winter starts in December of the previous year.
_SEASON_START_MONTH = {SPRING: 3, SUMMER: 6, FALL: 9, WINTER: 12}

# --- Translatable words ---------------------------------------------------------------------

_DAY_FORMAT = pgettext_lazy("fuzzy date", "%(month)s %(day)s, %(year)s")
_FIRST_DAY_FORMAT = pgettext_lazy("fuzzy date, first day of a month", "%(month)s %(day)s, %(year)s")
_MONTH_FORMAT = pgettext_lazy("fuzzy date", "%(month)s %(year)s")
_QUARTER_FORMAT = pgettext_lazy("fuzzy date", "Q%(quarter)s %(year)s")
_SEASON_FORMATS = {
    SPRING: pgettext_lazy("fuzzy date", "Spring %(year)s"),
    SUMMER: pgettext_lazy("fuzzy date", "Summer %(year)s"),
    FALL: pgettext_lazy("fuzzy date", "Fall %(year)s"),
    WINTER: pgettext_lazy("fuzzy date", "Winter %(year)s"),
}
_ONGOING_LABEL = pgettext_lazy("fuzzy date", "Ongoing")
_TBD_LABEL = pgettext_lazy("fuzzy date", "To be determined")

INVALID_MESSAGE = _(
    "“%(value)s” is not a date we can read. Use forms such as “2018-04”, “April 2018”, "
    "“Fall 2018”, “Q3 2019”, “2016”, “Ongoing” or “To be determined”."
)
NOT_A_REAL_DATE_MESSAGE = _("“%(value)s” is not a real calendar date.")
YEAR_RANGE_MESSAGE = _("The year in “%(value)s” must be between %(min_year)s and %(max_year)s.")
HELP_TEXT = _(
    "A day, month, season, quarter or year, for example “April 15, 2018”, “April 2018”, "
    "“Fall 2018”, “Q3 2018” or “2018”; or “Ongoing” or “To be determined”."
)
ERROR_CODE = "invalid_fuzzy_date"


# --- The value --------------------------------------------------------------------------------


@total_ordering
@dataclass(frozen=True, repr=False, eq=True, order=False)
class FuzzyDate:
    """A date of variable precision (immutable, hashable, ordered chronologically).

    Seasons are meteorological and labelled by the year whose months they mainly cover:
    spring YYYY = Mar 1-May 31, summer YYYY = Jun 1-Aug 31, fall YYYY = Sep 1-Nov 30, and
    winter YYYY = Dec 1 of YYYY-1 to the end of February of YYYY (so "Winter 2019" is the
    winter of 2018-2019). Quarters are calendar quarters (Q1 = Jan-Mar, …).

    Build values with the ``of_*`` class methods, :meth:`ongoing`, :meth:`tbd`,
    :meth:`from_date`, :meth:`from_canonical` or :func:`parse_fuzzy_date`.
    """

    precision: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    season: str | None = None
    quarter: int | None = None

    def __post_init__(self):
        if self.precision not in _FIELDS_BY_PRECISION:
            raise ValueError(f"Unknown fuzzy date precision {self.precision!r}.")
        used = _FIELDS_BY_PRECISION[self.precision]
        for name in _OPTIONAL_FIELDS:
            value = getattr(self, name)
            if name in used and value is None:
                raise ValueError(f"A {self.precision} fuzzy date needs a {name}.")
            if name not in used and value is not None:
                raise ValueError(f"A {self.precision} fuzzy date has no {name}.")
        for name in ("year", "month", "day", "quarter"):
            value = getattr(self, name)
            if value is not None and (type(value) is not int):
                raise ValueError(f"The {name} of a fuzzy date must be an int, not {value!r}.")
        if self.year is not None and not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValueError(f"Year {self.year} is outside {MIN_YEAR}-{MAX_YEAR}.")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"Month {self.month} is not between 1 and 12.")
        if self.day is not None:
            datetime.date(self.year, self.month, self.day)  # raises ValueError if impossible
        if self.season is not None and self.season not in SEASONS:
            raise ValueError(f"Unknown season {self.season!r}.")
        if self.quarter is not None and not 1 <= self.quarter <= 4:
            raise ValueError(f"Quarter {self.quarter} is not between 1 and 4.")

    # Constructors -----------------------------------------------------------------------------

    @classmethod
    def of_day(cls, year: int, month: int, day: int) -> FuzzyDate:
        return cls(DAY, year=year, month=month, day=day)

    @classmethod
    def of_month(cls, year: int, month: int) -> FuzzyDate:
        return cls(MONTH, year=year, month=month)

    @classmethod
    def of_season(cls, year: int, season: str) -> FuzzyDate:
        return cls(SEASON, year=year, season=season)

    @classmethod
    def of_quarter(cls, year: int, quarter: int) -> FuzzyDate:
        return cls(QUARTER, year=year, quarter=quarter)

    @classmethod
    def of_year(cls, year: int) -> FuzzyDate:
        return cls(YEAR, year=year)

    @classmethod
    def ongoing(cls) -> FuzzyDate:
        return cls(ONGOING)

    @classmethod
    def tbd(cls) -> FuzzyDate:
        return cls(TBD)

    @classmethod
    def from_date(cls, value: datetime.date) -> FuzzyDate:
        """The day of a ``datetime.date`` (or the date part of a ``datetime``)."""
        if isinstance(value, datetime.datetime):
            value = value.date()
        return cls.of_day(value.year, value.month, value.day)

    @classmethod
    def from_canonical(cls, text: str) -> FuzzyDate:
        """Read the exact text produced by :attr:`canonical`; raise ``ValueError`` otherwise."""
        if not isinstance(text, str):
            raise ValueError(f"Not a canonical fuzzy date: {text!r}.")
        if text == ONGOING:
            return cls.ongoing()
        if text == TBD:
            return cls.tbd()
        for pattern, build in _CANONICAL_PATTERNS:
            match = pattern.fullmatch(text)
            if match:
                return build(*match.groups())
        raise ValueError(f"Not a canonical fuzzy date: {text!r}.")

    # Derived values ---------------------------------------------------------------------------

    @property
    def is_dated(self) -> bool:
        """True for a day, month, season, quarter or year; False for ongoing and tbd."""
        return self.precision not in (ONGOING, TBD)

    @property
    def is_ongoing(self) -> bool:
        return self.precision == ONGOING

    @property
    def is_tbd(self) -> bool:
        return self.precision == TBD

    @property
    def start(self) -> datetime.date | None:
        """First calendar day of the period, or None when ongoing or to be determined."""
        precision = self.precision
        if precision == DAY:
            return datetime.date(self.year, self.month, self.day)
        if precision == MONTH:
            return datetime.date(self.year, self.month, 1)
        if precision == SEASON:
            if self.season == WINTER:
                return datetime.date(self.year - 1, 12, 1)
            return datetime.date(self.year, _SEASON_START_MONTH[self.season], 1)
        if precision == QUARTER:
            return datetime.date(self.year, 3 * self.quarter - 2, 1)
        if precision == YEAR:
            return datetime.date(self.year, 1, 1)
        return None

    @property
    def end(self) -> datetime.date | None:
        """Last calendar day of the period, or None when ongoing or to be determined."""
        precision = self.precision
        if precision == DAY:
            return datetime.date(self.year, self.month, self.day)
        if precision == MONTH:
            return _last_day(self.year, self.month)
        if precision == SEASON:
            if self.season == WINTER:
                return _last_day(self.year, 2)
            return _last_day(self.year, _SEASON_START_MONTH[self.season] + 2)
        if precision == QUARTER:
            return _last_day(self.year, 3 * self.quarter)
        if precision == YEAR:
            return datetime.date(self.year, 12, 31)
        return None

    @property
    def canonical(self) -> str:
        """Stable ISO-like text: 2019-02-15, 2018-04, 2018-Q3, 2018-fall, 2016, ongoing, tbd."""
        precision = self.precision
        if precision == DAY:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if precision == MONTH:
            return f"{self.year:04d}-{self.month:02d}"
        if precision == SEASON:
            return f"{self.year:04d}-{self.season}"
        if precision == QUARTER:
            return f"{self.year:04d}-Q{self.quarter}"
        if precision == YEAR:
            return f"{self.year:04d}"
        return precision  # "ongoing" or "tbd"

    @property
    def sort_key(self) -> tuple[int, int, int, int]:
        """Chronological by start, shorter periods first on the same start; ongoing, then tbd."""
        if self.precision == ONGOING:
            return (1, 0, 0, 0)
        if self.precision == TBD:
            return (2, 0, 0, 0)
        return (
            0,
            self.start.toordinal(),
            self.end.toordinal(),
            _PRECISION_RANK[self.precision],
        )

    def contains(self, value: datetime.date) -> bool:
        """True when the calendar day lies within the period (never for ongoing/tbd)."""
        if not self.is_dated:
            return False
        value = _as_date(value)
        return self.start <= value <= self.end

    def is_past(self, today: datetime.date | None = None) -> bool:
        """True only once the whole period has ended (``today > end``); never if undated.

        ``today`` defaults to the current local date.
        """
        if not self.is_dated:
            return False
        if today is None:
            today = timezone.localdate() if settings.USE_TZ else datetime.date.today()
        return _as_date(today) > self.end

    # Ordering, rendering ----------------------------------------------------------------------

    def __lt__(self, other):
        if not isinstance(other, FuzzyDate):
            return NotImplemented
        return self.sort_key < other.sort_key

    def __repr__(self) -> str:
        return f"FuzzyDate.from_canonical({self.canonical!r})"

    def __str__(self) -> str:
        """The value in the active language: "Fall 2018" / "automne 2018"."""
        precision = self.precision
        if precision == DAY:
            template = _FIRST_DAY_FORMAT if self.day == 1 else _DAY_FORMAT
            return str(template) % {
                "day": self.day,
                "month": str(MONTHS[self.month]),
                "year": self.year,
            }
        if precision == MONTH:
            return str(_MONTH_FORMAT) % {"month": str(MONTHS[self.month]), "year": self.year}
        if precision == SEASON:
            return str(_SEASON_FORMATS[self.season]) % {"year": self.year}
        if precision == QUARTER:
            return str(_QUARTER_FORMAT) % {"quarter": self.quarter, "year": self.year}
        if precision == YEAR:
            return str(self.year)
        if precision == ONGOING:
            return str(_ONGOING_LABEL)
        return str(_TBD_LABEL)


def _last_day(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def _as_date(value: datetime.date) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return value.date()
    return value


_CANONICAL_PATTERNS = (
    (
        re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})"),
        lambda y, m, d: FuzzyDate.of_day(int(y), int(m), int(d)),
    ),
    (re.compile(r"([0-9]{4})-([0-9]{2})"), lambda y, m: FuzzyDate.of_month(int(y), int(m))),
    (re.compile(r"([0-9]{4})-Q([1-4])"), lambda y, q: FuzzyDate.of_quarter(int(y), int(q))),
    (
        re.compile(r"([0-9]{4})-(spring|summer|fall|winter)"),
        lambda y, s: FuzzyDate.of_season(int(y), s),
    ),
    (re.compile(r"([0-9]{4})"), lambda y: FuzzyDate.of_year(int(y))),
)


# --- Parsing ----------------------------------------------------------------------------------

# Keys are lowercase, without accents or dots.
_MONTH_WORDS = {
    # English
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
    # French
    "janvier": 1, "janv": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4,
    "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "septembre": 9,
    "octobre": 10, "novembre": 11, "decembre": 12,
}  # fmt: skip
_SEASON_WORDS = {
    "spring": SPRING, "printemps": SPRING,
    "summer": SUMMER, "ete": SUMMER,
    "fall": FALL, "autumn": FALL, "automne": FALL,
    "winter": WINTER, "hiver": WINTER,
}  # fmt: skip
_ORDINAL_WORDS = {
    "first": 1, "premier": 1, "premiere": 1,
    "second": 2, "deuxieme": 2, "seconde": 2,
    "third": 3, "troisieme": 3,
    "fourth": 4, "quatrieme": 4,
}  # fmt: skip
_QUARTER_WORDS = {"quarter", "trimestre"}
_ONGOING_WORDS = {"ongoing", "encours", "inprogress"}
_TBD_WORDS = {"tbd", "tobedetermined", "adeterminer", "adet"}
# Words that may surround the date without changing it ("automne de 2018", "the fall of 2018").
_FILLER_WORDS = {"de", "du", "d", "l", "of", "the", "in", "en", "au"}

_ISO_DAY = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", re.ASCII)
_ISO_MONTH = re.compile(r"([0-9]{4})-([0-9]{1,2})", re.ASCII)
_ISO_QUARTER = re.compile(r"([0-9]{4})-?q([1-4])", re.ASCII)
_ISO_SEASON = re.compile(r"([0-9]{4})-([a-z]+)", re.ASCII)
_YEAR_TOKEN = re.compile(r"[0-9]{4}", re.ASCII)
_SHORT_YEAR_TOKEN = re.compile(r"[0-9]{2}", re.ASCII)
_DAY_TOKEN = re.compile(r"([0-9]{1,2})(?:er|re|ere|e|st|nd|rd|th)?", re.ASCII)
_QUARTER_TOKEN = re.compile(r"[qt]([1-4])", re.ASCII)
_ORDINAL_TOKEN = re.compile(r"([1-4])(?:er|re|ere|e|eme|st|nd|rd|th)?", re.ASCII)


class _Invalid(Exception):
    """Internal signal: the text does not match any accepted form."""


def _normalize(text: str) -> str:
    """Lowercase, strip accents, unify quotes/dashes, collapse whitespace."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.lower()
    text = re.sub(r"[\u2018\u2019\u02bc`\u00b4]", "'", text)
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    return " ".join(text.split())


def _display(text: str) -> str:
    """The user's text as it will be quoted back in an error message."""
    text = " ".join(text.split())
    return text if len(text) <= 60 else text[:59] + "…"


def _error(message, text: str, **params) -> ValidationError:
    return ValidationError(message, code=ERROR_CODE, params={"value": _display(text), **params})


def _year(token: str) -> int:
    if not _YEAR_TOKEN.fullmatch(token):
        raise _Invalid
    return int(token)


def parse_fuzzy_date(text: str) -> FuzzyDate:
    """Read a fuzzy date typed in English, French or ISO form.

    Case, accents, surrounding whitespace and line breaks do not matter. Examples: "2019-02-15",
    "2018-04", "2018-Q3", "2018-fall", "2016", "April 2018", "Apr. 2018", "avril 2018",
    "Févr. 2019", "Fall 2018", "automne de 2018", "Winter 2018-2019", "Q3 2019", "T3 2019",
    "3e trimestre 2019", "February 15, 2019", "15 février 2019", "1er février 2019",
    "Ongoing", "En cours", "TBD", "To be determined", "À déterminer".

    Raise ``ValidationError`` (code ``invalid_fuzzy_date``) with a translated message otherwise.
    """
    if isinstance(text, FuzzyDate):
        return text
    if not isinstance(text, str):
        raise _error(INVALID_MESSAGE, str(text))
    try:
        return _parse(_normalize(text))
    except _Invalid:
        raise _error(INVALID_MESSAGE, text) from None
    except _YearOutOfRange:
        raise _error(YEAR_RANGE_MESSAGE, text, min_year=MIN_YEAR, max_year=MAX_YEAR) from None
    except ValueError:  # an impossible calendar date, e.g. 2019-02-30
        raise _error(NOT_A_REAL_DATE_MESSAGE, text) from None


class _YearOutOfRange(Exception):
    pass


def _build(factory, year: int, *args) -> FuzzyDate:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise _YearOutOfRange
    return factory(year, *args)


def _parse(text: str) -> FuzzyDate:
    if not text:
        raise _Invalid
    compact = re.sub(r"[\s.'-]", "", text)
    if compact in _ONGOING_WORDS:
        return FuzzyDate.ongoing()
    if compact in _TBD_WORDS:
        return FuzzyDate.tbd()

    # ISO and canonical forms.
    if match := _ISO_DAY.fullmatch(text):
        year, month, day = (int(group) for group in match.groups())
        if not 1 <= month <= 12:
            raise ValueError("month")
        return _build(FuzzyDate.of_day, year, month, day)
    if match := _ISO_MONTH.fullmatch(text):
        year, month = (int(group) for group in match.groups())
        if not 1 <= month <= 12:
            raise ValueError("month")
        return _build(FuzzyDate.of_month, year, month)
    if match := _ISO_QUARTER.fullmatch(text):
        return _build(FuzzyDate.of_quarter, int(match[1]), int(match[2]))
    if (match := _ISO_SEASON.fullmatch(text)) and match[2] in _SEASON_WORDS:
        return _build(FuzzyDate.of_season, int(match[1]), _SEASON_WORDS[match[2]])
    if _YEAR_TOKEN.fullmatch(text):
        return _build(FuzzyDate.of_year, int(text))

    # Words: "April 2018", "Fall 2018", "Q3 2019", "15 February 2019", "February 15, 2019", …
    words = re.sub(r"\b([ld])'", r"\1 ", text)  # "l'automne" -> "l automne"
    words = re.sub(r"[.,;:/'()-]", " ", words)
    tokens = [token for token in words.split() if token not in _FILLER_WORDS]

    if len(tokens) == 2:
        first, second = tokens
        if first in _MONTH_WORDS:
            return _build(FuzzyDate.of_month, _year(second), _MONTH_WORDS[first])
        if first in _SEASON_WORDS:
            return _build(FuzzyDate.of_season, _year(second), _SEASON_WORDS[first])
        if match := _QUARTER_TOKEN.fullmatch(first):
            return _build(FuzzyDate.of_quarter, _year(second), int(match[1]))
        if match := _QUARTER_TOKEN.fullmatch(second):
            return _build(FuzzyDate.of_quarter, _year(first), int(match[1]))
        if second in _SEASON_WORDS:
            return _build(FuzzyDate.of_season, _year(first), _SEASON_WORDS[second])
        raise _Invalid

    if len(tokens) == 3:
        first, second, third = tokens
        # "15 February 2019", "1er février 2019"
        if (match := _DAY_TOKEN.fullmatch(first)) and second in _MONTH_WORDS:
            return _build(FuzzyDate.of_day, _year(third), _MONTH_WORDS[second], int(match[1]))
        # "February 15, 2019"
        if first in _MONTH_WORDS and (match := _DAY_TOKEN.fullmatch(second)):
            return _build(FuzzyDate.of_day, _year(third), _MONTH_WORDS[first], int(match[1]))
        # "3e trimestre 2019", "third quarter 2019"
        if second in _QUARTER_WORDS:
            if match := _ORDINAL_TOKEN.fullmatch(first):
                quarter = int(match[1])
            elif first in _ORDINAL_WORDS:
                quarter = _ORDINAL_WORDS[first]
            else:
                raise _Invalid
            return _build(FuzzyDate.of_quarter, _year(third), quarter)
        # "Winter 2018-2019", "hiver 2018-19": the winter that ends in the second year.
        if _SEASON_WORDS.get(first) == WINTER:
            start_year = _year(second)
            if (_YEAR_TOKEN.fullmatch(third) and int(third) == start_year + 1) or (
                _SHORT_YEAR_TOKEN.fullmatch(third) and int(third) == (start_year + 1) % 100
            ):
                return _build(FuzzyDate.of_season, start_year + 1, WINTER)
        raise _Invalid

    raise _Invalid


# --- Django fields --------------------------------------------------------------------------


class FuzzyDateDescriptor(DeferredAttribute):
    """Turns what is assigned to the model attribute into a FuzzyDate (or None) right away.

    Text that cannot be read is kept as is, so that ``full_clean()`` reports it.
    """

    def __set__(self, instance, value):
        instance.__dict__[self.field.attname] = self.field.coerce_assigned(value)


class FuzzyDateField(models.CharField):
    """Stores ``FuzzyDate.canonical`` in a CharField column; Python value: FuzzyDate or None.

    With ``blank=True`` the empty string (or NULL with ``null=True``) means "no date" (None).
    """

    description = _("Fuzzy date (day, month, season, quarter, year, ongoing or to be determined)")
    descriptor_class = FuzzyDateDescriptor
    default_max_length = 16

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", self.default_max_length)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("max_length") == self.default_max_length:
            del kwargs["max_length"]
        return name, path, args, kwargs

    def coerce_assigned(self, value):
        if value is None or isinstance(value, FuzzyDate):
            return value
        try:
            return self.to_python(value)
        except ValidationError:
            return value

    def to_python(self, value):
        return _coerce(value)

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def get_prep_value(self, value):
        value = self.to_python(models.Field.get_prep_value(self, value))
        if value is None:
            return None if self.null else ""
        return value.canonical

    def value_to_string(self, obj):
        value = self.value_from_object(obj)
        return value.canonical if isinstance(value, FuzzyDate) else (value or "")

    def validate(self, value, model_instance):
        if value is None:
            # "" and NULL both mean "no date": report a missing date as blank, not null.
            if not self.blank:
                raise ValidationError(self.error_messages["blank"], code="blank")
            return
        super().validate(value, model_instance)

    def run_validators(self, value):
        # CharField's MaxLengthValidator measures the stored text, not the FuzzyDate.
        if isinstance(value, FuzzyDate):
            value = value.canonical
        super().run_validators(value)

    def formfield(self, **kwargs):
        kwargs.setdefault("form_class", FuzzyDateFormField)
        kwargs.setdefault("help_text", self.help_text or HELP_TEXT)
        # Skip CharField.formfield: the typed text ("15 septembre 2019") may be longer than the
        # stored canonical text, so max_length must not reach the form field.
        return models.Field.formfield(self, **kwargs)


class FuzzyDateFormField(forms.CharField):
    """A text input read with :func:`parse_fuzzy_date`; cleans to a FuzzyDate (or None)."""

    def __init__(self, *, help_text=HELP_TEXT, max_length=None, min_length=None, **kwargs):
        # max_length/min_length are accepted for compatibility and ignored: they would measure
        # the typed text, whose length depends on the language, not the value.
        kwargs.setdefault("empty_value", None)
        super().__init__(help_text=help_text, **kwargs)

    def to_python(self, value):
        if isinstance(value, FuzzyDate):
            return value
        value = super().to_python(value)
        if value in self.empty_values:
            return None
        return parse_fuzzy_date(value)

    def prepare_value(self, value):
        if isinstance(value, FuzzyDate):
            return str(value)
        return value

    def has_changed(self, initial, data):
        if self.disabled:
            return False
        try:
            return _coerce(initial) != self.to_python(data)
        except ValidationError:
            return True


def _coerce(value) -> FuzzyDate | None:
    """FuzzyDate, date, canonical or typed text -> FuzzyDate; None or blank text -> None."""
    if value is None or isinstance(value, FuzzyDate):
        return value
    if isinstance(value, datetime.date):
        return FuzzyDate.from_date(value)
    value = str(value).strip()  # str() also resolves lazy strings
    if not value:
        return None
    try:
        return FuzzyDate.from_canonical(value)
    except ValueError:
        return parse_fuzzy_date(value)
