"""Tests for timeline.layout.ticks across eras: BCE/CE without a year 0, and deep time in Ma/Ga."""

from __future__ import annotations

import pytest

from timeline.dates import calendar as cal
from timeline.layout.scale import adaptive_scale, linear_scale
from timeline.layout.ticks import choose_unit, flow_levels, flow_ticks, pick_ticks, ticks
from timeline.layout.typography import Typography


def _labels(first_year: int, last_year: int, px: float = 1000) -> list[str]:
    d0, d1 = cal.from_gregorian(first_year, 1, 1), cal.from_gregorian(last_year, 1, 1)
    return [t.label for t in ticks(linear_scale(d0, d1, 0, px))]


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        (-300, 200, ["300 BCE", "250 BCE", "200 BCE", "150 BCE", "100 BCE", "50 BCE", "1 CE", "50 CE", "100 CE",
                     "150 CE", "200 CE"]),
        (-10, 3, ["11 BCE", "10 BCE", "9 BCE", "8 BCE", "7 BCE", "6 BCE", "5 BCE", "4 BCE", "3 BCE", "2 BCE", "1 BCE",
                  "1 CE", "2 CE", "3 CE"]),
        (-20000, 2000, ["20,000 BCE", "18,000 BCE", "16,000 BCE", "14,000 BCE", "12,000 BCE", "10,000 BCE",
                        "8000 BCE", "6000 BCE", "4000 BCE", "2000 BCE", "1 CE", "2000 CE"]),
        (-70_000_000, -60_000_000, ["70 Ma", "69 Ma", "68 Ma", "67 Ma", "66 Ma", "65 Ma", "64 Ma", "63 Ma", "62 Ma",
                                    "61 Ma", "60 Ma"]),
        (-3_000_000, 2000, ["3 Ma", "2.75 Ma", "2.5 Ma", "2.25 Ma", "2 Ma", "1.75 Ma", "1.5 Ma", "1.25 Ma", "1 Ma",
                            "0.75 Ma", "0.5 Ma", "0.25 Ma", "0 Ma"]),
        (1930, 1957, ["1930", "1932", "1934", "1936", "1938", "1940", "1942", "1944", "1946", "1948", "1950", "1952",
                      "1954", "1956"]),
    ],
)
def test_year_ticks_cross_the_era_boundary_without_year_zero(first, last, expected):
    """Year ticks count BCE years down and CE years up from 1 CE; deep time reads in Ma; modern years stay bare."""
    assert _labels(first, last) == expected


def test_big_bang_axis_reads_in_billions_of_years():
    """An axis from the Big Bang to today ticks in Ga on a phone-width axis."""
    labels = _labels(-13_800_000_000, 2000, px=390)
    assert labels and all(label.endswith(" Ga") for label in labels)
    assert labels[0] == "12 Ga" and labels[-1] == "0 Ga"


def test_month_ticks_in_a_bce_year_name_the_year_in_bce():
    """Month ticks in 44 BCE carry '44 BCE' (not '-43') as their year line."""
    d0, d1 = cal.from_gregorian(-43, 1, 1), cal.from_gregorian(-43, 12, 31)
    out = ticks(linear_scale(d0, d1, 0, 900))
    kept = pick_ticks(Typography.for_minimum(), out, 0, 900)
    assert kept[0][2] == "44 BCE"
    assert all(t.date.year == -43 for t in out)
    assert [t.label for t in out][:3] == ["Jan", "Feb", "Mar"]


def test_tick_dates_are_dates_or_calendar_days():
    """Ticks inside years 1–9999 carry datetime.date; outside, CalendarDay with the same day number."""
    d0, d1 = cal.from_gregorian(-300, 1, 1), cal.from_gregorian(200, 1, 1)
    for tick in ticks(linear_scale(d0, d1, 0, 1000)):
        assert isinstance(tick.date, (cal.CalendarDay, type(cal.to_date(1))))
        assert tick.date.toordinal() == cal.from_gregorian(tick.date.year, 1, 1)


def test_ladder_reaches_deep_time():
    """choose_unit walks on from decades to millennia, Ma and Ga as the span grows."""
    day = cal.from_gregorian(1953, 1, 1)
    assert choose_unit(day - 365 * 3000, day, 1000)[0] == "decade"
    assert choose_unit(day - 365 * 20_000, day, 1000)[0] == "millennium"
    assert choose_unit(day - 365 * 50_000_000, day, 1000)[0] == "Ma"
    assert choose_unit(day - 365 * 13_800_000_000, day, 1000)[0] == "Ga"


def test_adaptive_scale_over_deep_time_is_finite():
    """The density scale bins 14 billion years into a bounded number of calendar bins."""
    d0, d1 = cal.from_gregorian(-14_000_000_000, 1, 1), cal.from_gregorian(2025, 1, 1)
    big_bang = cal.from_gregorian(-13_800_000_000, 1, 1)
    scale = adaptive_scale([(big_bang, big_bang + 1), (d1 - 10, d1 - 9)], d0, d1, 0, 1000)
    assert 1 <= len(scale.segments) <= 400
    xs = [scale.pos(d0 + k * (d1 - d0) / 50) for k in range(51)]
    assert xs == sorted(xs)


@pytest.mark.parametrize(
    ("first", "last", "wanted"),
    [(-300, 200, {"200 BCE", "100 BCE", "1 CE", "100 CE"}), (-13_800_000_000, 2000, {"10 Ga", "5 Ga"})],
)
def test_vertical_ticks_use_the_same_calendar(first, last, wanted):
    """The vertical axis labels BCE/CE and deep time with the same rules as the horizontal one."""
    ty = Typography.for_minimum()
    d0, d1 = cal.from_gregorian(first, 1, 1), cal.from_gregorian(last, 1, 1)
    scale = linear_scale(d0, d1, 0, 2000)
    labels = {label for _p, label, _year in flow_ticks(ty, scale, d0, d1, flow_levels(d0, d1), 0, 2000)}
    assert wanted <= labels, labels
    assert "0" not in labels and not any(label.startswith("-") for label in labels)
