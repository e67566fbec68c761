"""Calendar arithmetic of the time stage: pure functions, property-tested."""

from __future__ import annotations

from datetime import date

from hypothesis import given, strategies as st

from storyline.time.normalise import (
    interval,
    iso_week_value,
    make_value,
    resolve_month,
    resolve_month_day,
    resolve_weekday,
    shift,
)
from storyline.time.normalise import easter, holiday_date
from storyline.time.resolve import duration_value

days = st.dates(min_value=date(1950, 1, 1), max_value=date(2035, 12, 31))


@given(days, st.integers(1, 7), st.sampled_from([-1, 0, 1]))
def test_normalise_weekday_lands_on_weekday_within_a_week(anchor, weekday, direction):
    d = resolve_weekday(anchor, weekday, direction)
    assert d.isoweekday() == weekday
    assert abs((d - anchor).days) < 7
    if direction < 0:
        assert d <= anchor
    if direction > 0:
        assert d >= anchor


@given(days)
def test_normalise_day_value_interval_is_that_day(d):
    assert interval(d.isoformat()) == (d, d, "day")


@given(days, st.integers(-30, 30), st.sampled_from(["D", "W", "M", "Q", "Y"]))
def test_normalise_shifted_value_contains_the_shifted_day(anchor, amount, unit):
    value, ref = shift(anchor, amount, unit)
    earliest, latest, _ = interval(value)
    assert earliest <= ref <= latest


@given(days)
def test_normalise_week_value_contains_day(d):
    earliest, latest, precision = interval(iso_week_value(d))
    assert precision == "week" and earliest <= d <= latest and (latest - earliest).days == 6


@given(days, st.integers(1, 12), st.integers(1, 28), st.sampled_from([-1, 0, 1]))
def test_normalise_month_day_keeps_month_and_day_near_anchor(anchor, month, day, direction):
    d = resolve_month_day(anchor, month, day, direction)
    assert (d.month, d.day) == (month, day)
    assert abs(d.year - anchor.year) <= 1
    if direction < 0:
        assert d <= anchor
    if direction > 0:
        assert d >= anchor


@given(days, st.integers(1, 12))
def test_normalise_past_month_is_not_after_anchor(anchor, month):
    year = resolve_month(anchor, month, -1)
    assert date(year, month, 1) <= anchor


@given(days)
def test_normalise_resolved_value_lies_in_its_interval(d):
    for value in (
        d.isoformat(),
        f"{d.year}-{d.month:02d}",
        str(d.year),
        f"{d.year}-Q{(d.month - 1) // 3 + 1}",
        str(d.year)[:3],
    ):
        tv = make_value(value, "explicit", None)
        assert tv.earliest <= d <= tv.latest


def test_normalise_unresolved_and_reference_values_have_open_intervals():
    assert interval("XXXX-01-26") == (None, None, "unknown")
    assert interval("PAST_REF", date(2020, 5, 21)) == (None, date(2020, 5, 21), "unknown")
    assert interval("PRESENT_REF", date(2020, 5, 21))[0] == date(2020, 5, 21)
    assert make_value("P3D", "explicit", None).precision == "duration"


def test_normalise_season_and_half_intervals():
    assert interval("1998-SU")[:2] == (date(1998, 6, 1), date(1998, 8, 31))
    assert interval("1998-WI")[:2] == (date(1998, 12, 1), date(1999, 2, 28))
    assert interval("1989-H2")[:2] == (date(1989, 7, 1), date(1989, 12, 31))


def test_normalise_duration_values():
    assert duration_value(3, "D") == "P3D"
    assert duration_value(5.5, "H") == "PT5H30M"
    assert duration_value(2.5, "Y") == "P2Y6M"
    assert duration_value(None, "Y") == "PXY"
    assert duration_value(3, "Q") == "P9M"
    assert duration_value(2, "DE") == "P20Y"


def test_normalise_holidays():
    assert holiday_date("thanksgiving day", 1999) == date(1999, 11, 25)
    assert holiday_date("labor day", 2020) == date(2020, 9, 7)
    assert easter(2024) == date(2024, 3, 31)
    assert easter(2000) == date(2000, 4, 23)
