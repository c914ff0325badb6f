"""Shared by the fuzzy date tests: short names for values, the examples rendered in both
languages, and the hypothesis strategies."""

import datetime

from hypothesis import settings
from hypothesis import strategies as st

from portal.fuzzydates import MAX_YEAR, MIN_YEAR, SEASONS, FuzzyDate

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

# (value, English, French): how each kind of value reads, and what the parser reads back.
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

# --- Hypothesis strategies --------------------------------------------------------------------

years = st.integers(MIN_YEAR, MAX_YEAR)
# Every day, month, season, quarter and year of the accepted range.
dated_fuzzy_dates = st.one_of(
    st.dates(D(MIN_YEAR, 1, 1), D(MAX_YEAR, 12, 31)).map(FuzzyDate.from_date),
    st.builds(FuzzyDate.of_month, years, st.integers(1, 12)),
    st.builds(FuzzyDate.of_season, years, st.sampled_from(SEASONS)),
    st.builds(FuzzyDate.of_quarter, years, st.integers(1, 4)),
    st.builds(FuzzyDate.of_year, years),
)
# ... and the two undated states.
fuzzy_dates = st.one_of(dated_fuzzy_dates, st.just(ONGOING), st.just(TBD))
# Calendar days a little beyond the accepted years, on both sides.
any_days = st.dates(D(MIN_YEAR - 1, 1, 1), D(MAX_YEAR + 1, 12, 31))
