"""Tests for timeline.layout.scale: the auto scale never draws a duration shorter than a shorter one; axis extents."""

from __future__ import annotations

import datetime as dt
import itertools
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.layout.chart import Chart
from timeline.layout.options import LayoutOptions
from timeline.layout.scale import adaptive_scale, differs_from_linear, truthful
from timeline.model import Timeline

_FIRST, _LAST = dt.date(1800, 1, 1).toordinal(), dt.date(2000, 12, 31).toordinal()


def _iso(day: int) -> str:
    return dt.date.fromordinal(day).isoformat()


@st.composite
def dense_and_sparse(draw):
    """A dense cluster of days (so the adaptive scale gives it room) and ranges of any length, some equal."""
    tl = Timeline(title="Durations")
    centre = draw(st.integers(_FIRST + 400, _LAST - 400))
    for k in range(draw(st.integers(0, 25))):
        tl = tl.add_event(f"p{k}", f"Point {k}", _iso(centre + draw(st.integers(-300, 300))))
    lengths = st.integers(1, 60 * 365) | st.sampled_from([365, 3 * 365, 1096])
    for k in range(draw(st.integers(2, 14))):
        length = draw(lengths)
        start = draw(st.integers(_FIRST, _LAST - length))
        tl = tl.add_event(f"r{k}", f"Range {k}", f"{_iso(start)}/{_iso(start + length)}")
    if draw(st.booleans()):
        start = draw(st.integers(_FIRST, _LAST - 4000))
        tl = tl.add_era("era", "A period", f"{_iso(start)}/{_iso(start + draw(st.integers(30, 3999)))}")
    return tl


def _spans(ch: Chart) -> list[tuple[float, float]]:
    spans = [(i.t0, i.t1) for i in ch.infos if i.kind == "range"]
    return spans + [(float(e.when.first_day), float(e.when.last_day + 1)) for e in ch.tl.eras]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tl=dense_and_sparse(), width=st.sampled_from([700.0, 1200.0, 1920.0]))
def test_auto_scale_never_inverts_two_durations(tl, width):
    """For every pair of ranges and periods, the longer in time is never drawn shorter (ties may be equal)."""
    ch = Chart(tl, LayoutOptions(width=width))
    scale = ch.scale(34.0, width - 34.0)
    drawn = [(b - a, scale.pos(b) - scale.pos(a)) for a, b in _spans(ch)]
    for (da, la), (db, lb) in itertools.combinations(drawn, 2):
        if da < db:
            assert la <= lb + 1e-6, (da, la, db, lb, scale.kind)
        elif db < da:
            assert lb <= la + 1e-6, (da, la, db, lb, scale.kind)


def test_truthful_blends_no_further_than_needed():
    """A dense 100 days drawn longer than a sparse 300: the blend evens them and stops short of linear."""
    dense = [(float(d), float(d + 1)) for d in range(1000, 1100, 2)]
    adaptive = adaptive_scale(dense, 0.0, 4000.0, 0.0, 1000.0)
    spans = [(1000.0, 1100.0), (3000.0, 3300.0)]
    assert adaptive.pos(1100) - adaptive.pos(1000) > adaptive.pos(3300) - adaptive.pos(3000)
    fixed = truthful(adaptive, spans)
    assert fixed.kind == "adaptive" and differs_from_linear(fixed)
    assert fixed.pos(1100) - fixed.pos(1000) <= fixed.pos(3300) - fixed.pos(3000) + 1e-6


# -- the axis extent: the data and a little padding, for every scale and era ---------------------

def _era_timeline(*whens: str) -> Timeline:
    tl = Timeline(title="Era")
    for k, when in enumerate(whens):
        tl = tl.add_event(f"e{k}", f"Event {k}", when)
    return tl


def _years(day: float) -> int:
    from timeline.dates.calendar import year_of

    return year_of(int(day // 1))


@pytest.mark.parametrize(
    ("whens", "first_year", "last_year"),
    [
        (("Y-13800000000", "Y-4540000000", "2020"), -14_076_000_041, 276_002_061),
        (("Y-252000000", "Y-201000000", "Y-66000000"), -255_720_001, -62_279_999),
        (("Y-300000", "Y-70000", "-9999"), -305_801, -4198),
        (("-3000", "-0752", "-0030-09-02"), -3060, 30),
        (("0800-12-25", "1066-10-14", "1492-10-12"), 787, 1506),
        (("2000-01-01", "2008-09-15", "2026"), 1999, 2027),
        (("2024-01-01", "2024-06-21", "2024-12-31"), 2023, 2025),
    ],
)
@pytest.mark.parametrize("kind", ["auto", "linear", "adaptive"])
def test_axis_spans_the_data_with_padding_whatever_the_scale(whens, first_year, last_year, kind):
    """Every scale runs over the same padded domain: never out to a round bin edge (a Ga bin: 1,000,000,000 CE)."""
    ch = Chart(_era_timeline(*whens), LayoutOptions(width=1200.0, scale=kind))
    scale = ch.scale(34.0, 1166.0)
    _spots, d0, d1 = ch.domain()
    assert (scale.d0, scale.d1) == (d0, d1)
    assert (_years(scale.d0), _years(scale.d1)) == (first_year, last_year)
    assert scale.segments[0].p0 == 34.0 and abs(scale.segments[-1].p1 - 1166.0) < 1e-6


def _edtf_year(year: int) -> str:
    if -9999 <= year <= 9999:
        return f"-{-year:04d}" if year < 0 else f"{year:04d}"
    return f"Y{year}"


@st.composite
def any_span(draw):
    """Events over any span from a day to the age of the universe, anywhere from the Big Bang to 2100."""
    if draw(st.booleans()):   # days: day-precision dates within a century or so
        start = draw(st.integers(dt.date(1800, 1, 1).toordinal(), dt.date(2000, 1, 1).toordinal()))
        span = draw(st.integers(0, 36_000))
        days = [start, start + span, *draw(st.lists(st.integers(start, start + span), max_size=4))]
        return _era_timeline(*(_iso(d) for d in days))
    first = draw(st.integers(-13_800_000_000, 2000))
    span = int(10 ** draw(st.floats(0, math.log10(13_800_000_000 + 2100))))
    last = min(first + span, 2100)
    years = [first, last, *draw(st.lists(st.integers(first, last), max_size=4))]
    return _era_timeline(*(_edtf_year(y) for y in years))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tl=any_span(), kind=st.sampled_from(["auto", "linear", "adaptive"]),
       vertical=st.booleans(), width=st.sampled_from([390.0, 1200.0, 1920.0]))
def test_axis_covers_the_data_and_pads_it_by_a_bounded_share(tl, kind, vertical, width):
    """Any span, days to 13.8 Ga: the axis holds every date and runs past each end by 2% of the span at most.

    A span under 30 days counts as the 30 days centred on it (a single day still gets an axis).
    """
    from timeline.layout import layout

    scene = layout(tl, scale=kind, width=width, orientation="vertical" if vertical else "horizontal")
    first = min(e.when.first_day for e in tl.events)
    after = max(e.when.last_day for e in tl.events) + 1
    span = max(after - first, 30)
    widened = (span - (after - first)) / 2
    axis = scene.timescale
    assert axis.d0 <= first and axis.d1 >= after
    bound = widened + 0.02 * span + 8 * math.ulp(max(abs(first), abs(after)))   # day numbers to 5e12 are floats
    assert first - axis.d0 <= bound and axis.d1 - after <= bound
