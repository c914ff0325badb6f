"""Fuzzy dates: the value (``value``), reading what people type (``parser``), Django fields
(``fields``). Import from here: ``from portal.fuzzydates import FuzzyDate, FuzzyDateField``."""

from portal.fuzzydates.fields import FuzzyDateField, FuzzyDateFormField
from portal.fuzzydates.parser import parse_fuzzy_date
from portal.fuzzydates.value import (
    DAY,
    MAX_YEAR,
    MIN_YEAR,
    MONTH,
    ONGOING,
    PRECISIONS,
    QUARTER,
    SEASON,
    SEASONS,
    TBD,
    YEAR,
    FuzzyDate,
)

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
