"""Reading fuzzy dates as people type them, in English, French or ISO form."""

from __future__ import annotations

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.fuzzydates.value import (
    FALL,
    MAX_YEAR,
    MIN_YEAR,
    SPRING,
    SUMMER,
    WINTER,
    FuzzyDate,
)

INVALID_MESSAGE = _(
    "“%(value)s” is not a date we can read. Use forms such as “2018-04”, “April 2018”, "
    "“Fall 2018”, “Q3 2019”, “2016”, “Ongoing” or “To be determined”."
)
NOT_A_REAL_DATE_MESSAGE = _("“%(value)s” is not a real calendar date.")
YEAR_RANGE_MESSAGE = _("The year in “%(value)s” must be between %(min_year)s and %(max_year)s.")
ERROR_CODE = "invalid_fuzzy_date"
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
    "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juill": 7, "juil": 7, "aout": 8,
    "septembre": 9,
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
