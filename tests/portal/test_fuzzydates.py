"""Fuzzy work-plan dates: parsing, rendering (EN/FR), canonical form, ordering, fields."""

import datetime

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.test.utils import isolate_apps
from django.utils import translation
from django.utils.functional import lazy
from hypothesis import given, settings
from hypothesis import strategies as st

from portal.fuzzydates import (
    MAX_YEAR,
    MIN_YEAR,
    SEASONS,
    FuzzyDate,
    FuzzyDateField,
    FuzzyDateFormField,
    parse_fuzzy_date,
)

D = datetime.date
day = FuzzyDate.of_day
month = FuzzyDate.of_month
season = FuzzyDate.of_season
quarter = FuzzyDate.of_quarter
year = FuzzyDate.of_year
ONGOING = FuzzyDate.ongoing()
TBD = FuzzyDate.tbd()

# No example database: property tests must not write a .hypothesis directory into the repo.
PROPERTY = settings(database=None, deadline=None, max_examples=300)


# --- Parsing ----------------------------------------------------------------------------------


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


# --- Rendering --------------------------------------------------------------------------------

RENDERINGS = [
    (day(2019, 2, 15), "February 15, 2019", "15 février 2019"),
    (day(2019, 2, 1), "February 1, 2019", "1er février 2019"),
    (day(2020, 8, 31), "August 31, 2020", "31 août 2020"),
    (month(2018, 4), "April 2018", "avril 2018"),
    (month(2018, 12), "December 2018", "décembre 2018"),
    (season(2018, "spring"), "Spring 2018", "printemps 2018"),
    (season(2018, "summer"), "Summer 2018", "été 2018"),
    (season(2018, "fall"), "Fall 2018", "automne 2018"),
    (season(2019, "winter"), "Winter 2019", "hiver 2019"),
    (quarter(2019, 3), "Q3 2019", "T3 2019"),
    (year(2016), "2016", "2016"),
    (ONGOING, "Ongoing", "En cours"),
    (TBD, "To be determined", "À déterminer"),
]


@pytest.mark.parametrize(("value", "english", "french"), RENDERINGS)
def test_rendering_in_both_languages(value, english, french):
    with translation.override("en"):
        assert str(value) == english
    with translation.override("fr"):
        assert str(value) == french
    with translation.override("fr-ca"):
        assert str(value) == french


@pytest.mark.parametrize(("value", "english", "french"), RENDERINGS)
def test_renderings_parse_back(value, english, french):
    assert parse_fuzzy_date(english) == value
    assert parse_fuzzy_date(french) == value


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


# --- Property tests ---------------------------------------------------------------------------

years = st.integers(MIN_YEAR, MAX_YEAR)
fuzzy_dates = st.one_of(
    st.dates(D(MIN_YEAR, 1, 1), D(MAX_YEAR, 12, 31)).map(FuzzyDate.from_date),
    st.builds(FuzzyDate.of_month, years, st.integers(1, 12)),
    st.builds(FuzzyDate.of_season, years, st.sampled_from(SEASONS)),
    st.builds(FuzzyDate.of_quarter, years, st.integers(1, 4)),
    st.builds(FuzzyDate.of_year, years),
    st.just(ONGOING),
    st.just(TBD),
)
any_days = st.dates(D(MIN_YEAR - 1, 1, 1), D(MAX_YEAR + 1, 12, 31))


@PROPERTY
@given(fuzzy_dates)
def test_property_canonical_round_trip(value):
    assert FuzzyDate.from_canonical(value.canonical) == value
    assert parse_fuzzy_date(value.canonical) == value


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


# --- Model field ------------------------------------------------------------------------------


def test_model_field_deconstructs_without_the_default_max_length():
    field = FuzzyDateField(blank=True)
    _name, path, args, kwargs = field.deconstruct()
    assert path == "portal.fuzzydates.fields.FuzzyDateField"
    assert args == []
    assert kwargs == {"blank": True}
    rebuilt = FuzzyDateField(*args, **kwargs)
    assert rebuilt.max_length == 16
    assert rebuilt.deconstruct()[1:] == (path, args, kwargs)


def test_model_field_deconstructs_a_custom_max_length():
    field = FuzzyDateField(max_length=20, verbose_name="due")
    _, _, _, kwargs = field.deconstruct()
    assert kwargs == {"max_length": 20, "verbose_name": "due"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ("", None),
        ("  ", None),
        (month(2018, 4), month(2018, 4)),
        ("2018-04", month(2018, 4)),
        ("avril 2018", month(2018, 4)),
        ("En cours", ONGOING),
        (D(2019, 2, 15), day(2019, 2, 15)),
        (lazy(lambda: "2016", str)(), year(2016)),  # a lazy string
    ],
)
def test_model_field_to_python(value, expected):
    assert FuzzyDateField().to_python(value) == expected


def test_model_field_to_python_rejects_unreadable_text():
    with pytest.raises(ValidationError) as excinfo:
        FuzzyDateField().to_python("someday")
    assert excinfo.value.code == "invalid_fuzzy_date"


def test_model_field_stores_the_canonical_text():
    field = FuzzyDateField(blank=True)
    assert field.get_prep_value(quarter(2018, 3)) == "2018-Q3"
    assert field.get_prep_value("automne 2018") == "2018-fall"
    assert field.get_prep_value(None) == ""
    assert field.get_prep_value("") == ""
    assert FuzzyDateField(blank=True, null=True).get_prep_value(None) is None


def test_model_field_reads_the_database_value():
    field = FuzzyDateField(blank=True)
    assert field.from_db_value("2018-fall", None, None) == season(2018, "fall")
    assert field.from_db_value("", None, None) is None
    assert field.from_db_value(None, None, None) is None


def test_model_field_clean():
    field = FuzzyDateField()
    assert field.clean("Q3 2019", None) == quarter(2019, 3)
    assert field.clean(ONGOING, None) == ONGOING
    with pytest.raises(ValidationError) as excinfo:
        field.clean("", None)
    assert excinfo.value.code == "blank"
    with pytest.raises(ValidationError) as excinfo:
        field.clean("whenever", None)
    assert excinfo.value.code == "invalid_fuzzy_date"
    assert FuzzyDateField(blank=True).clean("", None) is None


def test_model_field_formfield():
    form_field = FuzzyDateField(blank=True, verbose_name="due date").formfield()
    assert isinstance(form_field, FuzzyDateFormField)
    assert not form_field.required
    assert form_field.label == "Due date"
    assert "maxlength" not in form_field.widget.attrs
    with translation.override("en"):
        assert "April 2018" in str(form_field.help_text)
    assert FuzzyDateField(help_text="When?").formfield().help_text == "When?"
    assert FuzzyDateField().formfield().required


def test_model_attribute_holds_a_fuzzy_date():
    with isolate_apps("workplan"):

        class Milestone(models.Model):
            due = FuzzyDateField(blank=True)

            class Meta:
                app_label = "workplan"

            def __str__(self):
                return str(self.due)

        assert Milestone().due is None
        assert Milestone(due="").due is None
        assert Milestone(due="avril 2018").due == month(2018, 4)
        milestone = Milestone(due=quarter(2019, 3))
        assert milestone.due == quarter(2019, 3)
        milestone.due = "2018-fall"
        assert milestone.due == season(2018, "fall")
        milestone.due = "whenever"  # kept as typed so that full_clean() reports it
        assert milestone.due == "whenever"
        with pytest.raises(ValidationError) as excinfo:
            milestone.clean_fields()
        assert excinfo.value.error_dict["due"][0].code == "invalid_fuzzy_date"
        milestone.due = "En cours"
        milestone.clean_fields(exclude=["id"])
        assert milestone.due == ONGOING
        assert Milestone._meta.get_field("due").value_to_string(milestone) == "ongoing"


# --- Form field -------------------------------------------------------------------------------


class MilestoneForm(forms.Form):
    due = FuzzyDateFormField()
    maybe = FuzzyDateFormField(required=False)


def test_form_field_cleans_to_a_fuzzy_date():
    form = MilestoneForm(data={"due": "  Automne\n2018 ", "maybe": ""})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"due": season(2018, "fall"), "maybe": None}


def test_form_field_errors_in_french():
    with translation.override("fr"):
        form = MilestoneForm(data={"due": "bientôt", "maybe": ""})
        assert not form.is_valid()
        message = form.errors["due"][0]
    assert "bientôt" in message
    assert "avril 2018" in message
    assert form.errors.as_data()["due"][0].code == "invalid_fuzzy_date"


def test_form_field_required():
    form = MilestoneForm(data={"due": "", "maybe": ""})
    assert not form.is_valid()
    assert form.errors.as_data()["due"][0].code == "required"


def test_form_field_shows_the_value_in_the_active_language():
    field = FuzzyDateFormField()
    with translation.override("fr"):
        assert field.prepare_value(month(2018, 4)) == "avril 2018"
        form = MilestoneForm(initial={"due": month(2018, 4)})
        assert 'value="avril 2018"' in str(form["due"])
    with translation.override("en"):
        assert field.prepare_value(month(2018, 4)) == "April 2018"
    assert field.prepare_value("typed text") == "typed text"
    assert field.prepare_value(None) is None


def test_form_field_has_changed():
    field = FuzzyDateFormField(required=False)
    assert not field.has_changed(month(2018, 4), "avril 2018")
    assert not field.has_changed("2018-04", "April 2018")
    assert not field.has_changed(None, "")
    assert field.has_changed(month(2018, 4), "mai 2018")
    assert field.has_changed(None, "2018")
    assert field.has_changed(month(2018, 4), "nonsense")


def test_form_field_help_text_is_translated():
    field = FuzzyDateFormField()
    with translation.override("en"):
        assert "“Fall 2018”" in str(field.help_text)
    with translation.override("fr"):
        assert "automne 2018" in str(field.help_text)
        assert "À déterminer" in str(field.help_text)
