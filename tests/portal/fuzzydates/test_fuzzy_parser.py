"""Reading fuzzy dates (portal.fuzzydates.parser): English, French and ISO input, the
bilingual error messages, and reading back what FuzzyDate renders."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from hypothesis import given

from portal.fuzzydates import parse_fuzzy_date
from tests.portal.fuzzydates.fuzzy_helpers import (
    ONGOING,
    PROPERTY,
    RENDERINGS,
    TBD,
    day,
    fuzzy_dates,
    month,
    quarter,
    season,
    year,
)

# --- Accepted forms ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ISO and canonical forms
        ("2019-02-15", day(2019, 2, 15)),
        ("2019-2-5", day(2019, 2, 5)),
        ("2018-04", month(2018, 4)),
        ("2018-Q3", quarter(2018, 3)),
        ("2018-q3", quarter(2018, 3)),
        ("2018-fall", season(2018, "fall")),
        ("2018-spring", season(2018, "spring")),
        ("2018-summer", season(2018, "summer")),
        ("2019-winter", season(2019, "winter")),
        ("2016", year(2016)),
        ("ongoing", ONGOING),
        ("tbd", TBD),
        # Months, English and French, full and abbreviated
        ("April 2018", month(2018, 4)),
        ("Apr. 2018", month(2018, 4)),
        ("Apr 2018", month(2018, 4)),
        ("avril 2018", month(2018, 4)),
        ("Avril 2018", month(2018, 4)),
        ("AVRIL 2018", month(2018, 4)),
        ("Juin 2018", month(2018, 6)),
        ("Févr. 2019", month(2019, 2)),
        ("fevr 2019", month(2019, 2)),
        ("févr. 2019", month(2019, 2)),
        ("juil. 2019", month(2019, 7)),
        ("juill. 2019", month(2019, 7)),  # the Canadian French abbreviation
        ("Sept. 2019", month(2019, 9)),
        ("août 2019", month(2019, 8)),
        ("aout 2019", month(2019, 8)),
        ("Décembre 2019", month(2019, 12)),
        ("décembre de 2019", month(2019, 12)),
        ("May 2020", month(2020, 5)),
        ("mai 2020", month(2020, 5)),
        # Seasons
        ("Fall 2018", season(2018, "fall")),
        ("Autumn 2018", season(2018, "fall")),
        ("automne 2018", season(2018, "fall")),
        ("automne de 2018", season(2018, "fall")),
        ("l\u2019automne 2018", season(2018, "fall")),
        ("the fall of 2018", season(2018, "fall")),
        ("Spring 2019", season(2019, "spring")),
        ("printemps 2019", season(2019, "spring")),
        ("Summer 2019", season(2019, "summer")),
        ("été 2019", season(2019, "summer")),
        ("ete 2019", season(2019, "summer")),
        ("Winter 2019", season(2019, "winter")),
        ("hiver 2019", season(2019, "winter")),
        ("Winter 2018-2019", season(2019, "winter")),
        ("hiver 2018\u20132019", season(2019, "winter")),
        ("hiver 2018-19", season(2019, "winter")),
        # Quarters
        ("Q3 2019", quarter(2019, 3)),
        ("q1 2019", quarter(2019, 1)),
        ("T3 2019", quarter(2019, 3)),
        ("Q3-2019", quarter(2019, 3)),
        ("2019 Q4", quarter(2019, 4)),
        ("3e trimestre 2019", quarter(2019, 3)),
        ("3ᵉ trimestre 2019", quarter(2019, 3)),
        ("troisième trimestre de 2019", quarter(2019, 3)),
        ("1er trimestre 2019", quarter(2019, 1)),
        ("third quarter of 2019", quarter(2019, 3)),
        ("2nd quarter 2019", quarter(2019, 2)),
        # Days
        ("15 February 2019", day(2019, 2, 15)),
        ("February 15, 2019", day(2019, 2, 15)),
        ("Feb. 15, 2019", day(2019, 2, 15)),
        ("February 1st, 2019", day(2019, 2, 1)),
        ("15 février 2019", day(2019, 2, 15)),
        ("1er février 2019", day(2019, 2, 1)),
        ("1 février 2019", day(2019, 2, 1)),
        ("29 février 2020", day(2020, 2, 29)),
        # Undated states
        ("Ongoing", ONGOING),
        ("En cours", ONGOING),
        ("EN COURS", ONGOING),
        ("In progress", ONGOING),
        ("TBD", TBD),
        ("T.B.D.", TBD),
        ("To be determined", TBD),
        ("À déterminer", TBD),
        ("À DÉTERMINER", TBD),
        ("a determiner", TBD),
        # Whitespace and line breaks
        ("  2016\n", year(2016)),
        ("Avril\n2018", month(2018, 4)),
        ("À\r\nDÉTERMINER", TBD),
        ("\t15  février\n2019 ", day(2019, 2, 15)),
        ("avril\u00a02018", month(2018, 4)),
    ],
)
def test_parse_accepted_forms(text, expected):
    assert parse_fuzzy_date(text) == expected


def test_parse_returns_a_fuzzy_date_unchanged():
    value = month(2018, 4)
    assert parse_fuzzy_date(value) is value


# --- Rejected text and its messages -----------------------------------------------------------


INVALID_TEXTS = [
    "",
    "   ",
    "soon",
    "bientôt",
    "April",
    "2018 April 15 16",
    "18",
    "20180",
    "Q5 2019",
    "T0 2019",
    "5e trimestre 2019",
    "2018-Q5",
    "2018-autumnal",
    "Smarch 2019",
    "Winter 2018-2020",
    "Summer 2018-2019",
    "15/02/2019",
]
NOT_REAL_DATES = [
    "2019-02-30",
    "2019-13",
    "2018-00",
    "2019-02-29",
    "31 avril 2019",
    "June 31, 2019",
]
OUT_OF_RANGE = ["1899", "2101", "April 1850", "Q1 2200", "1899-12-31", "automne 2150"]


@pytest.mark.parametrize("text", INVALID_TEXTS + NOT_REAL_DATES + OUT_OF_RANGE)
def test_parse_rejects(text):
    with pytest.raises(ValidationError) as excinfo:
        parse_fuzzy_date(text)
    assert excinfo.value.code == "invalid_fuzzy_date"


@pytest.mark.parametrize("text", ["soon", "Smarch 2019", "Q5 2019"])
def test_rejection_message_in_english(text):
    with translation.override("en"), pytest.raises(ValidationError) as excinfo:
        parse_fuzzy_date(text)
    with translation.override("en"):
        message = excinfo.value.messages[0]
    assert message == (
        f"“{text}” is not a date we can read. Use forms such as “2018-04”, “April 2018”, "
        "“Fall 2018”, “Q3 2019”, “2016”, “Ongoing” or “To be determined”."
    )


@pytest.mark.parametrize("text", ["bientôt", "Smarch 2019", "Q5 2019"])
def test_rejection_message_in_french(text):
    with translation.override("fr"), pytest.raises(ValidationError) as excinfo:
        parse_fuzzy_date(text)
    with translation.override("fr"):
        message = excinfo.value.messages[0]
    assert text in message
    assert "«" in message
    for example in ("2018-04", "avril 2018", "automne 2018", "T3 2019", "En cours", "À déterminer"):
        assert example in message
    assert "April 2018" not in message


def test_rejection_message_is_evaluated_in_the_readers_language():
    with pytest.raises(ValidationError) as excinfo:
        parse_fuzzy_date("soon")
    with translation.override("en"):
        assert "April 2018" in excinfo.value.messages[0]
    with translation.override("fr"):
        assert "avril 2018" in excinfo.value.messages[0]


def test_rejection_message_collapses_line_breaks_in_the_quoted_text():
    with translation.override("en"), pytest.raises(ValidationError) as excinfo:
        parse_fuzzy_date("  not\na\ndate ")
    with translation.override("en"):
        assert excinfo.value.messages[0].startswith("“not a date” is not a date we can read.")


@pytest.mark.parametrize("text", NOT_REAL_DATES)
def test_impossible_dates_are_named_as_such(text):
    with pytest.raises(ValidationError) as excinfo:
        parse_fuzzy_date(text)
    with translation.override("en"):
        assert excinfo.value.messages == [f"“{text}” is not a real calendar date."]
    with translation.override("fr"):
        message = excinfo.value.messages[0]
    assert text in message
    assert "date" in message
    assert "real" not in message


@pytest.mark.parametrize("text", OUT_OF_RANGE)
def test_out_of_range_years_are_named_as_such(text):
    with pytest.raises(ValidationError) as excinfo:
        parse_fuzzy_date(text)
    with translation.override("en"):
        assert excinfo.value.messages == [f"The year in “{text}” must be between 1900 and 2100."]
    with translation.override("fr"):
        message = excinfo.value.messages[0]
    assert text in message
    assert "1900" in message
    assert "2100" in message
    assert "must be" not in message


# --- Reading back what FuzzyDate renders ------------------------------------------------------


@pytest.mark.parametrize(("value", "english", "french"), RENDERINGS)
def test_renderings_parse_back(value, english, french):
    assert parse_fuzzy_date(english) == value
    assert parse_fuzzy_date(french) == value


@PROPERTY
@given(fuzzy_dates)
def test_property_rendering_parses_back_in_english(value):
    with translation.override("en"):
        text = str(value)
    assert parse_fuzzy_date(text) == value


@PROPERTY
@given(fuzzy_dates)
def test_property_rendering_parses_back_in_french(value):
    with translation.override("fr"):
        text = str(value)
    assert parse_fuzzy_date(text) == value
