"""Tests for timeline.dates.calendar: day numbers with no year limit, Julian/Gregorian, the year formatter."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dates import calendar as cal
from timeline.errors import UsageError

_DAYS = st.integers(-(10**13), 10**13)


@settings(max_examples=400, deadline=None)
@given(st.integers(1, dt.date.max.toordinal()))
def test_gregorian_matches_datetime(day):
    """Within years 1–9999 the day numbers are Python's ordinals and the fields are datetime's."""
    date = dt.date.fromordinal(day)
    assert cal.to_gregorian(day) == (date.year, date.month, date.day)
    assert cal.from_gregorian(date.year, date.month, date.day) == day
    assert cal.weekday(day) == date.weekday()


@settings(max_examples=400, deadline=None)
@given(st.integers(1, dt.date.max.toordinal()) | st.sampled_from([1, 2, 59, 60, 61, dt.date.max.toordinal()]))
def test_gregorian_fields_from_the_c_date_are_the_arithmetic_ones(day):
    """to_gregorian takes datetime's fields where it reaches (issue 15): the arithmetic used beyond agrees."""
    assert cal._gregorian_fields(day) == cal.to_gregorian(day)
    assert cal.from_gregorian(*cal._gregorian_fields(day)) == day


@settings(max_examples=400, deadline=None)
@given(_DAYS)
def test_day_numbers_round_trip_in_both_calendars(day):
    """Gregorian and Julian fields turn back into the same day number, for any day."""
    assert cal.from_gregorian(*cal.to_gregorian(day)) == day
    assert cal.from_julian(*cal.to_julian(day)) == day


@settings(max_examples=300, deadline=None)
@given(st.integers(-9999, 9999), st.integers(1, 12), st.integers(1, 31))
def test_julian_to_gregorian_round_trips_field_by_field(year, month, day):
    """A valid Julian date converts to a Gregorian day and back to the same Julian fields."""
    day = min(day, cal.julian_days_in_month(year, month))
    number = cal.from_julian(year, month, day)
    assert cal.to_julian(number) == (year, month, day)
    g_year, g_month, g_day = cal.to_gregorian(number)
    assert 1 <= g_day <= cal.days_in_month(g_year, g_month)


@pytest.mark.parametrize(
    ("julian", "gregorian"),
    [
        ((1582, 10, 5), (1582, 10, 15)),     # the first day of the Gregorian calendar
        ((1917, 10, 25), (1917, 11, 7)),     # the October Revolution
        ((1918, 1, 31), (1918, 2, 13)),      # Russia's last Julian day
        ((1752, 9, 2), (1752, 9, 13)),       # Britain's switch
        ((1, 1, 3), (1, 1, 1)),              # two days behind in 1 CE
        ((-44, 3, 15), (-44, 3, 13)),        # the Julian calendar's early years, proleptic
        ((1700, 2, 29), (1700, 3, 11)),      # a Julian leap day the Gregorian calendar does not have
    ],
)
def test_julian_anchors(julian, gregorian):
    """Known Julian/Gregorian pairs agree (Britain and Russia's switch days, 1582, 1 CE)."""
    assert cal.from_julian(*julian) == cal.from_gregorian(*gregorian)


def test_epoch_and_julian_day_number():
    """Day 1 is 1 January 1 CE (Gregorian); day 0 is 31 December 1 BCE; JDN 2451545 is 1 January 2000."""
    assert cal.to_gregorian(1) == (1, 1, 1)
    assert cal.to_gregorian(0) == (0, 12, 31)
    assert cal.from_gregorian(2000, 1, 1) + cal.JULIAN_DAY_OFFSET == 2451545
    assert cal.is_leap(0) and not cal.is_leap(-1) and cal.is_leap(-4) and not cal.is_leap(-100)


@pytest.mark.parametrize(
    ("year", "long", "short", "bc_ad"),
    [
        (1953, "1953", "1953", "1953"),
        (79, "79 CE", "79 CE", "AD 79"),
        (1, "1 CE", "1 CE", "AD 1"),
        (0, "1 BCE", "1 BCE", "1 BC"),
        (-1, "2 BCE", "2 BCE", "2 BC"),
        (-43, "44 BCE", "44 BCE", "44 BC"),
        (-11999, "12,000 BCE", "12,000 BCE", "12,000 BC"),
        (12000, "12,000", "12,000", "12,000"),
        (-66_000_000, "66 million years ago", "66 Ma", "66 million years ago"),
        (-13_800_000_000, "13.8 billion years ago", "13.8 Ga", "13.8 billion years ago"),
        (-66_038_000, "66,038,001 BCE", "66,038,001 BCE", "66,038,001 BC"),
    ],
)
def test_format_year(year, long, short, bc_ad):
    """Years read without a year 0, BCE/CE or BC/AD, with deep time from the table when round enough."""
    assert cal.format_year(year) == long
    assert cal.format_year(year, short=True) == short
    assert cal.format_year(year, era="BC") == bc_ad


def test_format_year_marks_ce_on_request_and_refuses_unknown_eras():
    """mark_ce adds CE to a late year (for ranges and axes that also show BCE); an unknown era is misuse."""
    assert cal.format_year(1453, mark_ce=True) == "1453 CE"
    assert cal.format_year(1453, era="BC", mark_ce=True) == "AD 1453"
    with pytest.raises(UsageError, match="era must be 'BCE'"):
        cal.format_year(1953, era="AH")


def test_calendar_day_stands_in_for_date_outside_python():
    """Outside years 1–9999 bounds are CalendarDays: ISO with astronomical years, ordered with dates."""
    day = cal.to_date(cal.from_gregorian(-43, 3, 15))
    assert isinstance(day, cal.CalendarDay)
    assert day.isoformat() == "-0043-03-15" and (day.year, day.month, day.day) == (-43, 3, 15)
    assert day < dt.date(1, 1, 1) and dt.date(1, 1, 1) > day and day != dt.date(1, 1, 1)
    assert sorted([dt.date(1953, 1, 1), day]) == [day, dt.date(1953, 1, 1)]
    assert isinstance(cal.to_date(1), dt.date) and cal.to_date(None) is None
    assert cal.to_date(cal.from_gregorian(10000, 1, 1)).isoformat() == "10000-01-01"
    assert hash(day) == hash(cal.to_date(day.toordinal()))
