"""The horizontal layout's fast paths (issue 15) give exactly what the full paths give, on generated input."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def generated():
    """1,500 events from bench/generate.py (dense: most of them end up in the badges)."""
    import timeline

    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return timeline.loads(generate.to_toml(generate.generate(1500)))


_days = st.builds(lambda y, m, d: f"{y}-{m:02d}-{d:02d}", st.sampled_from([1953, 1960]), st.integers(1, 12),
                  st.integers(1, 28))
_events = st.lists(st.tuples(st.text(alphabet="abcdefgh MWi", min_size=1, max_size=60).map(str.strip).filter(bool),
                             _days | st.sampled_from(["1953", "1953-04", "1955~", "before 1954", "after 1956", "../1954", "1953/1956"]),
                             st.none() | _days, st.integers(0, 2)), min_size=1, max_size=60)


def _timeline(events):
    import timeline

    tl = timeline.Timeline(title="Dense")
    for i, (title, first, last, lane) in enumerate(events):
        when = f"{min(first, last)}/{max(first, last)}" if last and last != first and first[:1].isdigit() and "/" not in first else first
        tl = tl.add_event(f"e{i}", title, when, lane=("a", "b", "c")[lane])
    return tl


def _eager_labels(monkeypatch):
    """Every label made, and every row tried for every event: the plan before labels were made lazily."""
    from timeline.layout import rows

    monkeypatch.setattr(rows, "_full_at", lambda *args: False)


def _with_and_without(patch, tl, **options):
    from timeline.layout import layout

    fast = layout(tl, **options)
    with pytest.MonkeyPatch.context() as monkeypatch:
        patch(monkeypatch)
        full = layout(tl, **options)
    return fast, full


_OPTIONS = st.sampled_from([{}, {"max_rows": 1}, {"max_rows": 2}, {"size": "slide"}, {"width": 500}])


@settings(max_examples=80, deadline=None)
@given(_events, _OPTIONS)
def test_labels_made_only_where_a_row_may_take_them_give_the_eager_plan(events, options):
    """A label made only when its bounds cannot settle a full lane gives the scene trying every label in every row gives."""
    fast, full = _with_and_without(_eager_labels, _timeline(events), **options)
    assert fast == full


def test_most_generated_labels_are_never_made(monkeypatch, generated):
    """On 1,500 generated events a fifth of the labels at least are never made, and the scene is the eager one."""
    from timeline.layout import horizontal, layout

    made = []
    real = horizontal.blocks.label_lines
    monkeypatch.setattr(horizontal.blocks, "label_lines", lambda *a, **k: made.append(1) or real(*a, **k))
    fast = layout(generated)
    lazy = len(made)
    _eager_labels(monkeypatch)
    assert layout(generated) == fast
    assert 0 < lazy < 0.8 * (len(made) - lazy)


def _measured_badges(monkeypatch):
    """Each badge's text measured whole, as it was before its two parts were measured apart."""
    from timeline.layout import horizontal

    monkeypatch.setattr(horizontal._BadgeWidths, "__call__",
                        lambda self, group: horizontal.measure(group.text(), self.size))


@settings(max_examples=60, deadline=None)
@given(_events, _OPTIONS)
def test_badge_widths_from_their_parts_give_the_measured_badges(events, options):
    """A "+N more" badge's width from its count and its time measured apart places it where measuring it whole does."""
    fast, full = _with_and_without(_measured_badges, _timeline(events), **options)
    assert fast == full


def test_badge_widths_on_the_generated_timeline(generated):
    """On 1,500 generated events the badges are the measured ones (and there are many)."""
    fast, full = _with_and_without(_measured_badges, generated)
    assert fast == full
    assert len(fast.badges) > 20


@settings(max_examples=300)
@given(st.lists(st.floats(-1e6, 1e6), min_size=2, max_size=8, unique=True), st.floats(-2e6, 2e6),
       st.floats(0, 5000))
def test_a_scale_position_is_the_segment_formula(knots, day, width):
    """pos() from the kept (d0, d1, p0, rate) tuples is the clamped formula on the segment the day falls in."""
    from timeline.layout.scale import Segment, TimeScale

    knots.sort()
    step = width / (len(knots) - 1)
    segs = tuple(Segment(a, b, k * step, (k + 1) * step) for k, (a, b) in enumerate(zip(knots, knots[1:])))
    scale = TimeScale(segs, (False,) * len(segs), "adaptive")
    seg = next((s for s in reversed(segs) if s.d0 <= day), segs[0])
    got, formula = scale.pos(day), seg.p0 + (min(max(day, seg.d0), seg.d1) - seg.d0) * seg.rate
    assert got == formula or math.isnan(got) and math.isnan(formula)  # (a subnormal segment's rate is inf)
