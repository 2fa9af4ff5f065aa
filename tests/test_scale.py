"""Tests for timeline.layout.scale: the auto scale never draws a duration shorter than a shorter one."""

from __future__ import annotations

import datetime as dt
import itertools

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
