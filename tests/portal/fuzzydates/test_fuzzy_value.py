"""The FuzzyDate value (portal.fuzzydates.value): rendering (EN/FR), canonical form, EDTF,
periods, ordering."""

import datetime
import time

import pytest
from django.utils import translation
from edtf import parse_edtf
from hypothesis import given
from hypothesis import strategies as st

from portal.fuzzydates import FuzzyDate, parse_fuzzy_date
from tests.portal.fuzzydates.fuzzy_helpers import (
    ONGOING,
    PROPERTY,
    RENDERINGS,
    TBD,
    D,
    any_days,
    dated_fuzzy_dates,
    day,
    fuzzy_dates,
    month,
    quarter,
    season,
    year,
)

# --- Rendering --------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "english", "french"), RENDERINGS)
def test_rendering_in_both_languages(value, english, french):
    with translation.override("en"):
        assert str(value) == english
    with translation.override("fr"):
        assert str(value) == french
    with translation.override("fr-ca"):
        assert str(value) == french


def test_repr_shows_the_canonical_form():
    assert repr(quarter(2018, 3)) == "FuzzyDate.from_canonical('2018-Q3')"


# --- Canonical form ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "canonical"),
    [
        (day(2019, 2, 15), "2019-02-15"),
        (day(1900, 1, 1), "1900-01-01"),
        (month(2018, 4), "2018-04"),
        (quarter(2018, 3), "2018-Q3"),
        (season(2018, "fall"), "2018-fall"),
        (season(2019, "winter"), "2019-winter"),
        (year(2016), "2016"),
        (ONGOING, "ongoing"),
        (TBD, "tbd"),
    ],
)
def test_canonical_round_trip(value, canonical):
    assert value.canonical == canonical
    assert FuzzyDate.from_canonical(canonical) == value
    assert parse_fuzzy_date(canonical) == value


@pytest.mark.parametrize(
    "text",
    [
        "April 2018",
        "2018-4",
        "2018-q3",
        "2018-Fall",
        "2018-autumn",
        "",
        " 2016",
        "2019-02-30",
        "1899",
    ],
)
def test_from_canonical_is_strict(text):
    with pytest.raises(ValueError, match=r"canonical|day|Year"):
        FuzzyDate.from_canonical(text)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"precision": "week", "year": 2019},
        {"precision": "month", "year": 2019},
        {"precision": "month", "year": 2019, "month": 13},
        {"precision": "year", "year": 2019, "month": 1},
        {"precision": "day", "year": 2019, "month": 2, "day": 29},
        {"precision": "season", "year": 2019, "season": "autumn"},
        {"precision": "quarter", "year": 2019, "quarter": 0},
        {"precision": "year", "year": 1899},
        {"precision": "year", "year": "2019"},
        {"precision": "ongoing", "year": 2019},
    ],
)
def test_constructor_rejects_inconsistent_values(kwargs):
    with pytest.raises(ValueError, match=r"."):
        FuzzyDate(**kwargs)


def test_values_are_immutable_and_hashable():
    value = month(2018, 4)
    with pytest.raises(AttributeError):
        value.year = 2019
    assert len({value, month(2018, 4), FuzzyDate.from_canonical("2018-04")}) == 1


# --- Periods ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        (day(2019, 2, 15), D(2019, 2, 15), D(2019, 2, 15)),
        (month(2019, 2), D(2019, 2, 1), D(2019, 2, 28)),
        (month(2020, 2), D(2020, 2, 1), D(2020, 2, 29)),
        (month(2018, 12), D(2018, 12, 1), D(2018, 12, 31)),
        (season(2018, "spring"), D(2018, 3, 1), D(2018, 5, 31)),
        (season(2018, "summer"), D(2018, 6, 1), D(2018, 8, 31)),
        (season(2018, "fall"), D(2018, 9, 1), D(2018, 11, 30)),
        (season(2019, "winter"), D(2018, 12, 1), D(2019, 2, 28)),
        (season(2020, "winter"), D(2019, 12, 1), D(2020, 2, 29)),
        (quarter(2019, 1), D(2019, 1, 1), D(2019, 3, 31)),
        (quarter(2019, 2), D(2019, 4, 1), D(2019, 6, 30)),
        (quarter(2019, 3), D(2019, 7, 1), D(2019, 9, 30)),
        (quarter(2019, 4), D(2019, 10, 1), D(2019, 12, 31)),
        (year(2016), D(2016, 1, 1), D(2016, 12, 31)),
        (ONGOING, None, None),
        (TBD, None, None),
    ],
)
def test_start_and_end(value, start, end):
    assert value.start == start
    assert value.end == end


@pytest.mark.parametrize(
    ("value", "last_day"),
    [
        (day(2019, 2, 15), D(2019, 2, 15)),
        (month(2018, 4), D(2018, 4, 30)),
        (month(2019, 2), D(2019, 2, 28)),
        (month(2020, 2), D(2020, 2, 29)),  # leap year
        (month(2018, 12), D(2018, 12, 31)),
        (season(2018, "fall"), D(2018, 11, 30)),
        (season(2019, "winter"), D(2019, 2, 28)),  # winter spans the new year
        (season(2020, "winter"), D(2020, 2, 29)),  # ... and ends on a leap day
        (quarter(2019, 3), D(2019, 9, 30)),
        (quarter(2019, 4), D(2019, 12, 31)),
        (year(2016), D(2016, 12, 31)),
    ],
)
def test_is_past_only_after_the_last_day(value, last_day):
    next_day = last_day + datetime.timedelta(days=1)
    assert not value.is_past(value.start)
    assert not value.is_past(last_day)
    assert value.is_past(next_day)
    assert value.is_past(datetime.datetime.combine(next_day, datetime.time(0, 1)))


def test_winter_is_not_past_in_january_of_its_year():
    winter = season(2019, "winter")
    assert not winter.is_past(D(2018, 12, 31))
    assert not winter.is_past(D(2019, 1, 15))
    assert winter.is_past(D(2019, 3, 1))
    assert not winter.is_past(D(2018, 11, 30))


def test_february_of_a_leap_year_is_not_past_on_the_29th():
    assert not month(2020, 2).is_past(D(2020, 2, 29))
    assert month(2020, 2).is_past(D(2020, 3, 1))
    assert month(2019, 2).is_past(D(2019, 3, 1))


@pytest.mark.parametrize("value", [ONGOING, TBD])
def test_undated_values_are_never_past(value):
    assert not value.is_past(D(2100, 12, 31))
    assert not value.is_past()
    assert not value.contains(D(2019, 1, 1))


def test_is_past_defaults_to_today():
    assert year(1900).is_past()
    assert not year(2100).is_past()


def test_contains():
    assert season(2019, "winter").contains(D(2018, 12, 1))
    assert season(2019, "winter").contains(D(2019, 2, 28))
    assert not season(2019, "winter").contains(D(2019, 3, 1))


# --- Ordering ---------------------------------------------------------------------------------


def test_sorting_a_mixed_list_is_chronological():
    expected = [
        year(2016),
        season(2018, "winter"),  # Dec 2017 - Feb 2018
        day(2018, 1, 1),
        month(2018, 1),
        quarter(2018, 1),
        year(2018),
        month(2018, 4),
        day(2018, 6, 1),
        month(2018, 6),
        season(2018, "summer"),
        quarter(2018, 3),
        season(2018, "fall"),
        season(2019, "winter"),  # Dec 2018 - Feb 2019
        day(2019, 2, 15),
        ONGOING,
        TBD,
    ]
    shuffled = [*expected[::2], *expected[1::2]][::-1]
    assert sorted(shuffled) == expected
    assert sorted(shuffled, key=lambda value: value.sort_key) == expected


def test_comparisons():
    assert month(2018, 4) < month(2018, 5)
    assert month(2018, 4) <= month(2018, 4)
    assert year(2100) < ONGOING < TBD
    assert TBD > ONGOING
    assert TBD >= TBD
    assert day(2018, 4, 1) < month(2018, 4) < quarter(2018, 2)
    with pytest.raises(TypeError):
        _ = month(2018, 4) < "2018-05"
    assert month(2018, 4) != "2018-04"


# --- EDTF (ISO 8601-2) ------------------------------------------------------------------------


def edtf_period(text: str) -> tuple[datetime.date, datetime.date]:
    """The first and last day of an EDTF text, as the ``edtf`` package reads it."""
    parsed = parse_edtf(text)
    return as_day(parsed.lower_strict()), as_day(parsed.upper_strict())


def as_day(moment: time.struct_time) -> datetime.date:
    return D(moment.tm_year, moment.tm_mon, moment.tm_mday)


@pytest.mark.parametrize(
    ("value", "edtf"),
    [
        (day(2019, 2, 15), "2019-02-15"),
        (day(1900, 1, 1), "1900-01-01"),
        (month(2019, 2), "2019-02"),
        (month(2018, 12), "2018-12"),
        (season(2018, "spring"), "2018-21"),
        (season(2018, "summer"), "2018-22"),
        (season(2018, "fall"), "2018-23"),
        # Winter is Dec 1 of the year before to the end of February: EDTF's season 24 would be
        # read as December only, so it is the interval of its months.
        (season(2019, "winter"), "2018-12/2019-02"),
        (season(2020, "winter"), "2019-12/2020-02"),
        (season(1900, "winter"), "1899-12/1900-02"),  # starts before MIN_YEAR
        (quarter(2019, 1), "2019-33"),
        (quarter(2019, 2), "2019-34"),
        (quarter(2019, 3), "2019-35"),
        (quarter(2019, 4), "2019-36"),
        (year(2016), "2016"),
        (ONGOING, ""),
        (TBD, ""),
    ],
)
def test_edtf(value, edtf):
    assert value.edtf == edtf


@pytest.mark.parametrize(
    ("edtf", "start", "end"),
    [
        ("2018-23", D(2018, 9, 1), D(2018, 11, 30)),
        ("2019-33", D(2019, 1, 1), D(2019, 3, 31)),
        ("2019-36", D(2019, 10, 1), D(2019, 12, 31)),
        ("2018-12/2019-02", D(2018, 12, 1), D(2019, 2, 28)),
        ("2019-12/2020-02", D(2019, 12, 1), D(2020, 2, 29)),
    ],
)
def test_edtf_examples_mean_the_periods_they_stand_for(edtf, start, end):
    assert edtf_period(edtf) == (start, end)


@PROPERTY
@given(dated_fuzzy_dates)
def test_property_edtf_is_read_back_as_the_same_period(value):
    parsed = parse_edtf(value.edtf)
    assert str(parsed) == value.edtf  # already in the form the edtf package writes
    assert edtf_period(value.edtf) == (value.start, value.end)


@PROPERTY
@given(fuzzy_dates)
def test_property_edtf_is_empty_exactly_when_undated(value):
    assert (value.edtf == "") == (not value.is_dated)


# --- Property tests ---------------------------------------------------------------------------


@PROPERTY
@given(fuzzy_dates)
def test_property_canonical_round_trip(value):
    assert FuzzyDate.from_canonical(value.canonical) == value
    assert parse_fuzzy_date(value.canonical) == value


@PROPERTY
@given(fuzzy_dates, fuzzy_dates)
def test_property_order_agrees_with_start_dates(first, second):
    if first.is_dated and second.is_dated and first.start < second.start:
        assert first < second
    if first.is_dated and not second.is_dated:
        assert first < second
    if first.is_ongoing and second.is_tbd:
        assert first < second
    assert (first < second) == (first.sort_key < second.sort_key)
    assert (first == second) == (first.sort_key == second.sort_key)
    assert (first < second) + (first == second) + (first > second) == 1


@PROPERTY
@given(st.lists(fuzzy_dates, max_size=20))
def test_property_sorted_starts_never_decrease(values):
    ordered = sorted(values)
    starts = [value.start for value in ordered if value.is_dated]
    assert starts == sorted(starts)
    undated = [value.precision for value in ordered if not value.is_dated]
    assert undated == sorted(undated)  # "ongoing" < "tbd"
    assert [value.is_dated for value in ordered] == sorted(
        (value.is_dated for value in ordered), reverse=True
    )


@PROPERTY
@given(fuzzy_dates, any_days)
def test_property_is_past_iff_after_the_end(value, today):
    if value.is_dated:
        assert value.is_past(today) == (today > value.end)
        assert value.start <= value.end
        assert value.contains(value.start)
        assert value.contains(value.end)
    else:
        assert not value.is_past(today)
