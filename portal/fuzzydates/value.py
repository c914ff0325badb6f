"""Fuzzy dates for work plans: "2016", "April 2018", "Fall 2018", "Q3 2019", "Ongoing", "TBD".

A :class:`FuzzyDate` is a date value that carries its precision: a day, a month, a season, a
calendar quarter, a year, or one of the two undated states *ongoing* and *to be determined*.

* ``FuzzyDate.canonical`` is a stable, language-independent, ISO-like text stored in the
  database ("2019-02-15", "2018-04", "2018-Q3", "2018-fall", "2016", "ongoing", "tbd").
* ``FuzzyDate.edtf`` is the same value in the form other tools read (ISO 8601-2 / EDTF).
* ``str(value)`` renders the value in the active Django language ("Fall 2018" / "automne 2018").

Note: the database column holds the canonical text, whose alphabetical order is *not*
chronological. Sort in Python with ``sorted(values)`` or ``key=FuzzyDate.sort_key``.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from functools import total_ordering

from django.conf import settings
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import pgettext_lazy

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
# EDTF (ISO 8601-2) season numbers; winter is written as an interval (see FuzzyDate.edtf).
_EDTF_SEASON = {SPRING: 21, SUMMER: 22, FALL: 23}

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
    def edtf(self) -> str:
        """The value in ISO 8601-2 / EDTF, which other tools read: "2018-23" for fall 2018.

        Spring, summer and fall are EDTF's seasons 21-23 and quarters its sub-year groupings
        33-36. Winter spans two years, which EDTF's season 24 cannot say (readers take it as
        December of its year), so it is the interval of its months: "2018-12/2019-02". Ongoing
        and to be determined are not dates: "".
        """
        precision = self.precision
        if precision == SEASON:
            if self.season == WINTER:
                return f"{self.year - 1:04d}-12/{self.year:04d}-02"
            return f"{self.year:04d}-{_EDTF_SEASON[self.season]}"
        if precision == QUARTER:
            return f"{self.year:04d}-{32 + self.quarter}"
        if self.is_dated:
            return self.canonical  # a day, a month or a year: the same text
        return ""

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
