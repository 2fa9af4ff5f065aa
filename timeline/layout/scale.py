"""Time scales: linear, density-adaptive, focused, and through knots (the vertical list).

A scale maps a day number (:mod:`timeline.dates.calendar`: day 1 is 1 January 1 CE,
the same as ``date.toordinal()``, any year, fractions allowed) to a
position along the axis.  It is piecewise linear: one segment for the
linear scale, several for the adaptive one, each with its own rate.  The
ticks drawn on a scale come from :mod:`timeline.layout.ticks`.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence

import attrs

from timeline.dates import calendar as cal
from timeline.layout.ladder import Rung, is_deep, rung_days

__all__ = ["Segment", "TimeScale", "UNIT_YEARS", "adaptive_scale", "add_unit", "day_number", "differs_from_linear",
           "floor_unit", "focus_scale", "knot_scale", "linear_scale", "truthful"]


@attrs.frozen
class Segment:
    """A stretch of time ``d0..d1`` (day numbers) drawn linearly over ``p0..p1`` (px)."""

    d0: float
    d1: float
    p0: float
    p1: float

    @property
    def rate(self) -> float:
        """px per day."""
        return (self.p1 - self.p0) / (self.d1 - self.d0)


@attrs.frozen
class TimeScale:
    """A monotone piecewise-linear map from day numbers to px; ``compressed`` marks squeezed segments."""

    segments: tuple[Segment, ...]
    compressed: tuple[bool, ...]
    kind: str
    _starts: tuple[float, ...] = attrs.field(init=False, repr=False, eq=False)
    _pieces: tuple[tuple[float, float, float, float | None], ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        # Kept once so pos() is a bisection, not a list rebuilt per call (a flow scale has a segment per date),
        # and each segment's (d0, d1, p0, rate) a tuple, not attribute and property lookups per call.
        object.__setattr__(self, "_starts", tuple(s.d0 for s in self.segments))
        object.__setattr__(self, "_pieces", tuple((s.d0, s.d1, s.p0, s.rate if s.d1 != s.d0 else None)
                                                  for s in self.segments))

    @property
    def d0(self) -> float:
        """First day of the domain."""
        return self.segments[0].d0

    @property
    def d1(self) -> float:
        """Day after the last day of the domain."""
        return self.segments[-1].d1

    def day_at(self, position: float) -> float:
        """The day number drawn at ``position`` px (the inverse of :meth:`pos`, clamped)."""
        for seg in self.segments:
            if position <= seg.p1 or seg is self.segments[-1]:
                if seg.p1 == seg.p0:
                    return seg.d0
                return seg.d0 + (min(max(position, seg.p0), seg.p1) - seg.p0) / seg.rate
        return self.d1

    def pos(self, day: float) -> float:
        """The position of a day number (clamped to the domain)."""
        i = bisect.bisect_right(self._starts, day) - 1
        d0, d1, p0, rate = self._pieces[i if i > 0 else 0]
        if rate is None:  # an empty segment: Segment.rate raises, as it always has
            rate = self.segments[i if i > 0 else 0].rate
        day = min(max(day, d0), d1)
        return p0 + (day - d0) * rate


def day_number(date) -> float:
    """The day number of a ``datetime.date`` or ``CalendarDay`` (the ordinal of its first moment)."""
    return float(date.toordinal())


def linear_scale(d0: float, d1: float, p0: float, p1: float) -> TimeScale:
    """One linear segment."""
    return TimeScale((Segment(d0, d1, p0, p1),), (False,), "linear")


# -- calendar arithmetic (on day numbers, any year: timeline.dates.calendar) -------

#: Years in one step of each year-like unit.
UNIT_YEARS = {"year": 1, "decade": 10, "millennium": 1000, "Ma": 1_000_000, "Ga": 1_000_000_000}


def floor_unit(day: int, unit: str, step: int) -> int:
    """The first day of the ``step`` x ``unit`` period holding day number ``day``."""
    if unit == "day":
        return day
    year, month, _ = cal.to_gregorian(day)
    if unit in ("month", "quarter"):
        months = 3 * step if unit == "quarter" else step
        return cal.from_gregorian(year, (month - 1) // months * months + 1, 1)
    years = UNIT_YEARS[unit] * step
    return cal.from_gregorian(year // years * years, 1, 1)


def add_unit(day: int, unit: str, step: int) -> int:
    """Day number ``day`` (the first of a month or year) moved on by ``step`` units."""
    if unit == "day":
        return day + step
    year, month, _ = cal.to_gregorian(day)
    if unit in ("month", "quarter"):
        months = month - 1 + (3 * step if unit == "quarter" else step)
        return cal.from_gregorian(year + months // 12, months % 12 + 1, 1)
    return cal.from_gregorian(year + UNIT_YEARS[unit] * step, 1, 1)


# -- adaptive and focus scales -------------------------------------------------

def _bin_unit(days: float) -> tuple[str, int]:
    """A bin unit and step giving about 8..160 bins over ``days``: day, month, year, or years by a round step."""
    years = days / 365.2425
    if years <= 6:
        return ("month", 1) if days > 120 else ("day", 1)
    if years <= 150:
        return "year", 1
    for unit in ("Ga", "Ma", "millennium", "decade"):
        size = UNIT_YEARS[unit]
        for step in (100, 50, 20, 10, 5, 2, 1):
            if size * step * 8 <= years:
                return unit, step
    return "decade", 1


def _bins(d0: float, d1: float, deep: bool) -> tuple[str, list[float]]:
    """Calendar bin edges from the last at or before d0 to the first at or after d1 (8..160 bins).

    Years are cut where the ticks fall (:func:`timeline.layout.ladder.rung_days`: BCE years
    counted down to 1 CE, or years ago from year 0 on a ``deep`` axis), so a squeezed stretch
    starts and ends on tick boundaries and its label reads in the ticks' terms.
    """
    unit, step = _bin_unit(d1 - d0)
    if unit in UNIT_YEARS:
        reach = UNIT_YEARS[unit] * step * 366.0
        edges = rung_days(Rung(unit, step), d0 - reach, d1 + reach, deep)
        first = bisect.bisect_right(edges, d0) - 1
        return ("decade" if unit != "year" else unit), edges[first:bisect.bisect_left(edges, d1) + 1]
    day = floor_unit(math.floor(d0), unit, step)
    out = [float(day)]
    while out[-1] < d1:
        day = add_unit(day, unit, step)
        out.append(float(day))
    return unit, out


def _spread(edges: Sequence[float], weights: list[float], a: float, b: float, w: float) -> None:
    """Add weight ``w`` spread evenly over the bins that ``a..b`` touches."""
    i = max(0, bisect.bisect_right(edges, a) - 1)
    j = max(i, min(len(weights) - 1, bisect.bisect_left(edges, b) - 1))
    share = w / (j - i + 1)
    for k in range(i, min(j, len(weights) - 1) + 1):
        weights[k] += share


def _allocate(edges: Sequence[float], counts: Sequence[float], total: float) -> list[float]:
    """Lengths per bin: empty runs of 2+ bins are squeezed, busy bins grow with their count."""
    n = len(counts)
    weights = []
    for k, c in enumerate(counts):
        empty_run = c == 0 and ((k > 0 and counts[k - 1] == 0) or (k + 1 < n and counts[k + 1] == 0))
        weights.append(0.22 if empty_run else 1.0 + 1.6 * c)
    s = sum(weights)
    return [total * w / s for w in weights]


def adaptive_scale(anchors: Sequence[tuple[float, float]], d0: float, d1: float, p0: float, p1: float) -> TimeScale:
    """A scale giving each calendar bin room in proportion to the events in it.

    ``anchors`` are (first day, last day + 1) of every dated thing (an event's date, a range's
    ends, each disputed alternative).  Busy bins (a fifth or more of all anchors) are refined once
    into finer calendar bins.  Neighbouring bins with similar rates are merged so ticks stay
    evenly spaced; a run of empty bins squeezed well below the linear rate is marked compressed.
    The axis is ``d0..d1`` exactly, never stretched to a round bin edge (a Ga bin would run it a
    billion years past the data): the end bins are cut there (see :func:`_padded`).
    """
    deep = is_deep(d0)
    unit, edges = _bins(d0, d1, deep)
    counts = [0.0] * (len(edges) - 1)
    for a, b in anchors:
        _spread(edges, counts, a, b, 1.0)
    lengths = _allocate(edges, counts, p1 - p0)
    pieces: list[tuple[float, float, float]] = []  # (d0, d1, length)
    total_anchors = max(1.0, float(len(anchors)))
    for k in range(len(counts)):
        a, b, length = edges[k], edges[k + 1], lengths[k]
        if counts[k] >= max(4.0, total_anchors / 5) and unit in ("decade", "year", "month"):
            _sub_unit, sub_edges = _bins(a, b, deep) if unit != "year" else ("month", _month_edges(a, b))
            sub_counts = [0.0] * (len(sub_edges) - 1)
            for x, y in anchors:
                if x < b and y > a:
                    _spread(sub_edges, sub_counts, max(x, a), min(y, b), 1.0)
            sub_lengths = _allocate(sub_edges, sub_counts, length)
            pieces += [(sub_edges[i], sub_edges[i + 1], sub_lengths[i]) for i in range(len(sub_lengths))]
        else:
            pieces.append((a, b, length))
    return _merge(_padded(pieces, anchors, d0, d1, p1 - p0), d0, d1, p0, p1, "adaptive")


def _padded(pieces: Sequence[tuple[float, float, float]], anchors: Sequence[tuple[float, float]], d0: float,
            d1: float, total: float) -> list[tuple[float, float, float]]:
    """The pieces cut to ``d0..d1`` and their lengths scaled to ``total``, each keeping its rate.

    Only beyond the first and last anchor (the padding) a piece runs no faster than the average:
    a busy last bin does not stretch the padding after a "now" across a tenth of the axis.
    """
    lo = max(d0, min((a for a, _b in anchors), default=d0))
    hi = min(d1, max((b for _a, b in anchors), default=d1))
    average = sum(length for _a, _b, length in pieces) / (pieces[-1][1] - pieces[0][0])
    kept = []
    for a, b, length in pieces:
        rate = length / (b - a)
        for x, y, busy in ((a, min(b, lo), False), (max(a, lo), min(b, hi), True), (max(a, hi), b, False)):
            x, y = max(x, d0), min(y, d1)
            if y > x:
                kept.append((x, y, (y - x) * (rate if busy else min(rate, average))))
    scale = total / sum(length for _a, _b, length in kept)
    return [(a, b, length * scale) for a, b, length in kept]


def _month_edges(a: float, b: float) -> list[float]:
    edges = [a]
    day = add_unit(floor_unit(math.floor(a), "month", 1), "month", 1)
    while day < b:
        edges.append(float(day))
        day = add_unit(day, "month", 1)
    edges.append(b)
    return edges


def _merge(pieces: list[tuple[float, float, float]], d0: float, d1: float, p0: float, p1: float,
           kind: str) -> TimeScale:
    linear_rate = (p1 - p0) / max(d1 - d0, 1e-9)
    merged: list[list[float]] = []
    for a, b, length in pieces:
        rate = length / max(b - a, 1e-9)
        if merged:
            ma, mb, ml = merged[-1]
            mrate = ml / max(mb - ma, 1e-9)
            if max(rate, mrate) / max(min(rate, mrate), 1e-12) < 1.6:
                merged[-1] = [ma, b, ml + length]
                continue
        merged.append([a, b, length])
    segments = []
    compressed = []
    pos = p0
    for a, b, length in merged:
        segments.append(Segment(a, b, pos, pos + length))
        compressed.append(length / max(b - a, 1e-9) < 0.45 * linear_rate and (b - a) > 2 * 365)
        pos += length
    if len(segments) == 1:
        return linear_scale(d0, d1, p0, p1)
    return TimeScale(tuple(segments), tuple(compressed), kind)


#: How much shorter (px) a longer span may be drawn and still count as drawn no shorter: rounding only.
_TOLERANCE = 1e-6


def _inverts(scale: TimeScale, spans: Sequence[tuple[float, float]]) -> bool:
    """True when some span is drawn shorter than a span that is shorter in time.

    Durations are counted inside the scale's domain (a period cut by a view window is as long as
    the part of it shown); equal durations may be drawn at any lengths.
    """
    d0, d1 = scale.d0, scale.d1
    drawn = sorted((min(b, d1) - max(a, d0), scale.pos(b) - scale.pos(a)) for a, b in spans
                   if min(b, d1) > max(a, d0))
    longest = -math.inf   # the longest drawing among the strictly shorter durations
    k = 0
    for duration, length in drawn:
        while drawn[k][0] < duration:
            longest = max(longest, drawn[k][1])
            k += 1
        if length + _TOLERANCE < longest:
            return True
    return False


def truthful(scale: TimeScale, spans: Sequence[tuple[float, float]]) -> TimeScale:
    """``scale``, blended toward linear just enough that no span is drawn shorter than a shorter one.

    An adaptive scale gives busy stretches more room; over sparse data it can draw a 37-year
    range shorter than a 3-year one.  The blend keeps the adaptive knots and moves each toward its
    linear position by a share ``s``.  Every position is linear in ``s`` (the knots keep their days),
    so for each pair of spans the order holds from some share on, and the shares that keep every
    order form one interval ending at 1 (linear): a bisection finds its start.
    """
    if len(scale.segments) < 2 or not _inverts(scale, spans):
        return scale
    d0, d1 = scale.d0, scale.d1
    p0, p1 = scale.segments[0].p0, scale.segments[-1].p1
    rate = (p1 - p0) / max(d1 - d0, 1e-9)
    knots = [(scale.segments[0].d0, p0), *((s.d1, s.p1) for s in scale.segments)]

    def blend(share: float) -> TimeScale:
        mixed = [(d, (1 - share) * p + share * (p0 + (d - d0) * rate)) for d, p in knots]
        flags = [(b[1] - a[1]) / max(b[0] - a[0], 1e-9) < 0.45 * rate and b[0] - a[0] > 2 * 365
                 for a, b in zip(mixed, mixed[1:])]
        return knot_scale(mixed, flags, scale.kind)

    lo, hi = 0.0, 1.0   # lo inverts; hi (linear) does not
    for _ in range(12):
        mid = (lo + hi) / 2
        if _inverts(blend(mid), spans):
            lo = mid
        else:
            hi = mid
    blended = blend(hi)
    if hi > 0.999 or _inverts(blended, spans):
        return linear_scale(d0, d1, p0, p1)
    return blended


def focus_scale(periods: Sequence[tuple[float, float]], d0: float, d1: float, p0: float, p1: float,
                share: float = 0.55) -> TimeScale:
    """A scale giving the focus periods ``share`` of the length (by duration), the rest linear."""
    spans = sorted((max(a, d0), min(b, d1)) for a, b in periods if b > a)
    cuts: list[tuple[float, float, bool]] = []
    cursor = d0
    for a, b in spans:
        a = max(a, cursor)
        if b <= a:
            continue
        if a > cursor:
            cuts.append((cursor, a, False))
        cuts.append((a, b, True))
        cursor = b
    if cursor < d1:
        cuts.append((cursor, d1, False))
    focus_days = sum(b - a for a, b, f in cuts if f)
    other_days = sum(b - a for a, b, f in cuts if not f)
    if not focus_days:
        return linear_scale(d0, d1, p0, p1)
    if not other_days:
        share = 1.0
    total = p1 - p0
    pieces = [(a, b, total * (share * (b - a) / focus_days if f else (1 - share) * (b - a) / other_days))
              for a, b, f in cuts]
    return _merge(pieces, d0, d1, p0, p1, "focus")


def knot_scale(knots: Sequence[tuple[float, float]], compressed: Sequence[bool] = (), kind: str = "flow") -> TimeScale:
    """A scale through ``knots`` (day, px), both strictly increasing; ``compressed`` flags each gap between knots."""
    if len(knots) < 2:
        (d, p), = knots or ((0.0, 0.0),)
        return TimeScale((Segment(d, d + 1, p, p + 1),), (False,), kind)
    segs = tuple(Segment(a[0], b[0], a[1], b[1]) for a, b in zip(knots, knots[1:]))
    flags = tuple(compressed) if compressed else (False,) * len(segs)
    return TimeScale(segs, flags, kind)


def differs_from_linear(scale: TimeScale) -> bool:
    """True when some segment runs at under half or over twice the linear rate."""
    seg0, seg1 = scale.segments[0], scale.segments[-1]
    linear = (seg1.p1 - seg0.p0) / max(seg1.d1 - seg0.d0, 1e-9)
    return any(not 0.5 <= s.rate / linear <= 2.0 for s in scale.segments)
