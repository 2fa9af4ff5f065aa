"""Label rows for the horizontal layout: which events get a label, in which row, within a height.

Events go, one by one, into the first row of their lane where the label's extent is free
(interval rows, bisected).  On a free-height chart they go in time order (TimelineJS's first-fit
rows).  On a fixed frame (a slide, a page) they go in label priority order (see
:attr:`EventInfo.priority`: the author's ``priority``, then ranges, longer first, then events
with more sources), and the lanes give up rows, the tallest lane first, until the plot fits its
height; events left without a row keep their marks and are counted in "+N more in Mar–Jun
1953" badges.  Nothing is dropped.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import Protocol

import attrs

from timeline.dates.calendar import MONTH_ABBRS, format_year, to_gregorian
from timeline.layout.blocks import LabelText
from timeline.layout.classify import EventInfo
from timeline.layout.marks import POINT_R, mark_reach

__all__ = ["BAR_C", "BAR_TRACK", "GAP", "Label", "LanePlan", "Placed", "fit_lanes", "plan_lane", "span_text"]

GAP = 14.0   # least horizontal room between two labels in a row
BAR_C = 4.0   # a bar's centre line below the top of its row (its marks may reach into the gap above)
#: The least height of the bar track at the top of a row that holds a bar; a row's track reaches down
#: past its bars' marks (a weak-only event's ring), so the labels under it never lie over a mark.
BAR_TRACK = 10.0


class Placed:
    """An event given a label row: its mark extent, label text and where the label starts.

    A plain slotted class (one a labelled event), read-only by convention, equal by its fields.
    """

    __slots__ = ("info", "row", "m0", "m1", "text", "tx", "point_style")

    def __init__(self, info: EventInfo, row: int, m0: float, m1: float, text: LabelText, tx: float,
                 point_style: bool) -> None:
        self.info, self.row, self.m0, self.m1, self.text, self.tx, self.point_style = info, row, m0, m1, text, tx, point_style

    def _key(self) -> tuple[object, ...]:
        return (self.info, self.row, self.m0, self.m1, self.text, self.tx, self.point_style)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Placed) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (f"Placed(info={self.info!r}, row={self.row!r}, m0={self.m0!r}, m1={self.m1!r}, text={self.text!r}, "
                f"tx={self.tx!r}, point_style={self.point_style!r})")


@attrs.frozen
class LanePlan:
    """One lane's labels in rows, the events left over, and the height it all takes."""

    lane: int
    limit: int
    placed: tuple[Placed, ...]
    heights: tuple[float, ...]               # per row
    over: tuple[tuple[EventInfo, float, float], ...]   # (info, mark start, mark end), by position
    height: float
    tracks: tuple[float, ...] = ()           # per row: its bar track's height (0: no bar)

    @property
    def rows(self) -> int:
        """Rows in use."""
        return len(self.heights)


class _Intervals:
    """Disjoint, sorted intervals."""

    def __init__(self) -> None:
        self.starts: list[float] = []
        self.ends: list[float] = []

    def free(self, lo: float, hi: float) -> bool:
        i = bisect.bisect_right(self.starts, lo)
        return (i == 0 or self.ends[i - 1] <= lo) and (i == len(self.starts) or self.starts[i] >= hi)

    def add(self, lo: float, hi: float) -> None:
        i = bisect.bisect_right(self.starts, lo)
        self.starts.insert(i, lo)
        self.ends.insert(i, hi)

    def slots(self, lo: float, hi: float) -> list[float]:
        """Candidate starts in ``lo..hi``: ``lo`` and the end of each interval in between."""
        i = bisect.bisect_left(self.ends, lo)
        j = bisect.bisect_right(self.ends, hi)
        return [lo, *self.ends[i:j]]


class _Row:
    """A label row: a thin track at its top for bars, then the labels (and the dots beside them)."""

    def __init__(self) -> None:
        self.track = _Intervals()
        self.text = _Intervals()
        self.track_height = 0.0


class _Cover:
    """How many rows of a lane hold an interval over a point: the starts and ends of every row's intervals.

    Each row's intervals are disjoint, so the rows with one over ``x`` (start <= x < end) number
    the starts <= x less the ends <= x.
    """

    def __init__(self) -> None:
        self.starts: list[float] = []
        self.ends: list[float] = []

    def add(self, lo: float, hi: float) -> None:
        bisect.insort(self.starts, lo)
        bisect.insort(self.ends, hi)

    def count(self, x: float) -> int:
        return bisect.bisect_right(self.starts, x) - bisect.bisect_right(self.ends, x)


class Label(Protocol):
    """An event's label, made only when a row may take it: its width lies in ``least..most`` (when whole)."""

    least: float
    most: float

    def text(self) -> LabelText: ...


def _full_at(text: _Cover, track: _Cover, rows: int, m0: float, m1: float, label: Label, x0: float,
             x1: float) -> bool:
    """True when no row of a full lane can take the event, proved from the rows covering two points.

    Every try's text interval holds ``[m0, m1 + GAP]`` beside the mark, and ``first`` under it
    when the label cannot slide (``first == last`` in ``_place``); a bar's track holds ``m0``.  An
    interval over such a point overlaps the try, so when every row has one there, every try fails
    (tests/test_fast_paths.py checks the plans against trying every row).  Where the label's
    bounds decide ``first`` and that it cannot slide, the label is not made (an answer for a label
    that is not whole does not matter: it goes to the badges either way).
    """
    if m1 - m0 < 3 * POINT_R and text.count(m0) != rows:
        return False
    if track.count(m0) == rows:
        return True
    start = max(m0, x0)
    if x1 - label.most >= start and min(m1, x1) - label.least <= start:
        first = start
    else:
        width = label.text().width
        first = min(start, x1 - width)
        if max(first, min(m1 - width, x1 - width)) != first:
            return False
    return text.count(first) == rows


def _place(rows: Sequence[_Row], covers: tuple[_Cover, _Cover], m0: float, m1: float, width: float,
           point_style: bool, x0: float, x1: float, clamp: bool, grow: bool) -> tuple[int, float] | None:
    """The first row that takes the event's label (a new row last, when ``grow``), and where the label starts.

    Without ``clamp`` a point's label must fit wholly right or left of its mark; with it, a label
    may be pushed in from the edge of the plot, closer to its mark but never over it.  What does
    not depend on the row (a point label's two candidate places, a bar label's slide) is worked
    out once, and the rows' intervals are bisected in the loop.  ``covers`` (every row's text and
    track intervals) rule a place out for all rows at once where every row has an interval over
    one point of it (tests/test_fast_layout.py checks all this against trying each row in turn).
    """
    bisect_right = bisect.bisect_right
    text_cover, track_cover = covers
    n = len(rows)
    if point_style:
        # Right of the mark, or else left of it.
        spans = []
        for tx in (m1 + 6, m0 - 6 - width):
            if clamp:
                tx = min(max(tx, x0), x1 - width)
                if tx < m1 and m0 < tx + width:
                    continue
            elif not x0 <= tx <= x1 - width:
                continue
            spans.append((tx, min(m0, tx), max(m1, tx + width) + GAP))
        if not spans:
            return None
        # The mark and the label's ends and middle lie in its place: a point every row covers rules it out.
        live = [span for span in spans if n and not any(
            text_cover.count(x) == n for x in (m0, m1, span[0], span[0] + width / 2, span[0] + width))]
        for r, row in enumerate(rows if live else ()):
            starts, ends = row.text.starts, row.text.ends
            k = len(starts)
            for tx, lo, hi in live:
                i = bisect_right(starts, lo)
                if (i == 0 or ends[i - 1] <= lo) and (i == k or starts[i] >= hi):
                    return r, tx
        return (n, spans[0][0]) if grow else None
    # A label may slide along its bar to the first free place (a year-long bar holds many labels).
    first = min(max(m0, x0), x1 - width)
    last = max(first, min(m1 - width, x1 - width))
    track_hi = m1 + GAP / 2
    # Every row's track over the mark, or every row's text over a point each slide of the label holds.
    blocked = n and (track_cover.count(m0) == n or last < first + width + GAP and text_cover.count(last) == n)
    for r, row in enumerate(rows if not blocked else ()):
        starts, ends = row.track.starts, row.track.ends
        i = bisect_right(starts, m0)
        if not ((i == 0 or ends[i - 1] <= m0) and (i == len(starts) or starts[i] >= track_hi)):
            continue
        for tx in row.text.slots(first, last):
            if tx <= last and row.text.free(tx, tx + width + GAP):
                return r, tx
    return (n, first) if grow else None


def plan_lane(lane: int, items: Sequence[tuple[float, float, EventInfo, Label]], x0: float, x1: float,
              limit: int, by_priority: bool, row_height: Callable[[LabelText, bool], float],
              fixed_height: float, badge_height: float) -> LanePlan:
    """Place a lane's labels in at most ``limit`` rows.

    ``row_height`` gives a label's height; ``fixed_height`` is the lane's height less its rows;
    ``badge_height`` the row of "+N more" badges.  A row holding a bar is its track taller.
    """
    order = sorted(items, key=(lambda it: (*it[2].priority, it[0], it[2].event.id)) if by_priority
                   else (lambda it: (it[0], it[2].event.id)))
    rows: list[_Row] = []
    placed: list[Placed] = []
    over: list[tuple[EventInfo, float, float]] = []
    text_cover, track_cover = covers = _Cover(), _Cover()
    for m0, m1, info, label in order:
        if len(rows) == limit and _full_at(text_cover, track_cover, limit, m0, m1, label, x0, x1):
            over.append((info, m0, m1))
            continue
        text = label.text()
        if not text.whole:  # a label is shown whole or not at all
            over.append((info, m0, m1))
            continue
        # A point's label beside its mark in any row, or a new row; only then pushed in from the
        # plot's edge; failing that, under its mark as a bar's is (never over it).
        tries = ((True, False), (True, True), (False, True)) if m1 - m0 < 3 * POINT_R else ((False, True),)
        for point_style, clamp in tries:
            found = _place(rows, covers, m0, m1, text.width, point_style, x0, x1, clamp, len(rows) < limit)
            if found is not None:
                if found[0] == len(rows):
                    rows.append(_Row())
                break
        if found is None:
            over.append((info, m0, m1))
            continue
        r, tx = found
        row = rows[r]
        if point_style:
            spans = [(row.text, text_cover, min(m0, tx), max(m1, tx + text.width) + GAP)]
        else:
            spans = [(row.track, track_cover, m0, m1 + GAP / 2), (row.text, text_cover, tx, tx + text.width + GAP)]
        for intervals, cover, lo, hi in spans:
            intervals.add(lo, hi)
            cover.add(lo, hi)
        if not point_style:
            row.track_height = max(row.track_height, BAR_TRACK, BAR_C + mark_reach(info))
        placed.append(Placed(info, r, m0, m1, text, tx, point_style))
    heights = [0.0] * len(rows)
    for p in placed:
        heights[p.row] = max(heights[p.row], row_height(p.text, True))
    heights = [h + row.track_height for h, row in zip(heights, rows)]
    over.sort(key=lambda o: (o[1], o[0].event.id))
    height = fixed_height + sum(h + 8 for h in heights) + (badge_height if over else 0.0)
    return LanePlan(lane, limit, tuple(placed), tuple(heights), tuple(over), height,
                    tuple(row.track_height for row in rows))


def fit_lanes(plans: list[LanePlan], budget: float, replan: Callable[[LanePlan, int], LanePlan]) -> list[LanePlan]:
    """Take rows away until the lanes fit ``budget`` px (or none has rows left).

    Each step takes a row from a lane that keeps at least one (every lane keeps a labelled row
    while any lane has two), choosing the row whose loss leaves the most labels, then saves the
    most height: rows go where they label the most events.
    """
    plans = list(plans)
    while sum(p.height for p in plans) > budget:
        trials = [(k, replan(p, p.rows - 1)) for k, p in enumerate(plans) if p.rows > 0]
        if not trials:
            break
        k, best = max(trials, key=lambda t: (plans[t[0]].rows > 1, len(t[1].placed) - len(plans[t[0]].placed),
                                              plans[t[0]].height - t[1].height, t[0]))
        plans[k] = best
    # Give back any room left over: a row more where it labels the most and still fits.
    while True:
        total = sum(p.height for p in plans)
        trials = [(k, replan(p, p.rows + 1)) for k, p in enumerate(plans) if p.over]
        trials = [(k, t) for k, t in trials if total - plans[k].height + t.height <= budget
                  and len(t.placed) > len(plans[k].placed)]
        if not trials:
            return plans
        k, best = max(trials, key=lambda t: (len(t[1].placed) - len(plans[t[0]].placed), -t[0]))
        plans[k] = best


def span_text(first: float, after: float) -> str:
    """The time a "+N more" badge covers: "on 5 Mar 1953", "in Mar–Jun 1953", "in 1953", "in 1953–1955"."""
    y0, m0, d0 = to_gregorian(int(first))
    y1, m1, d1 = to_gregorian(int(after) - 1 if after > first + 1 else int(first))
    if (y0, m0) == (y1, m1):
        return f"on {d0} {MONTH_ABBRS[m0 - 1]} {format_year(y0)}" if d0 == d1 else f"in {MONTH_ABBRS[m0 - 1]} {format_year(y0)}"
    if y0 == y1:
        if (m0, m1) == (1, 12):
            return f"in {format_year(y0)}"
        return f"in {MONTH_ABBRS[m0 - 1]}–{MONTH_ABBRS[m1 - 1]} {format_year(y0)}"
    return f"in {format_year(y0)}–{format_year(y1)}"
