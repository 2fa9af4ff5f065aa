"""What every orientation shares: the classified events and lanes, the time domain and scale, the summary."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Any

import attrs

from timeline._memo import memo
from timeline.layout.classify import EventInfo, anchors, classify, clip
from timeline.layout.notes import timeline_footnotes
from timeline.layout.options import LayoutOptions
from timeline.dates.calendar import format_year, year_of
from timeline.layout.scale import TimeScale, adaptive_scale, differs_from_linear, focus_scale, linear_scale, truthful
from timeline.layout.scene import Box, Scene
from timeline.layout.typography import Typography
from timeline.model.records import Era
from timeline.model.timeline import Timeline

__all__ = ["Chart", "EraSpan", "MARGIN", "classified", "first_fit", "union"]

MARGIN = 28.0


@attrs.frozen
class EraSpan:
    """A dated period with its position along the time axis and its note numbers."""

    era: Era
    a: float
    b: float
    notes: tuple[int, ...]


class Chart:
    """A timeline prepared for laying out: options, typography, footnotes, lanes and event records."""

    def __init__(self, tl: Timeline, opts: LayoutOptions) -> None:
        # A page lays out one timeline for several frames: what does not depend on the frame (the
        # filtered timeline, its lanes and event records) is worked out once per timeline (_memo).
        if not opts.include_context:
            tl = memo(tl, "without-context", lambda: tl.without_tags("context"))
        self.window: tuple[float | None, float | None] | None = None
        if opts.window is not None:
            window = opts.window
            tl, self.window = memo(tl, f"window {window!r}", lambda: _windowed(tl, *window))
        self.tl = tl
        self.opts = opts
        self.frame = opts.frame
        self.width = self.frame.width
        self.ty = Typography.for_minimum(self.frame.min_text, opts.text_scale)
        self.title = opts.title if opts.title is not None else tl.title
        #: Set when a fixed frame is too small for the usual blocks: no subtitle (see build.layout).
        self.compact = False
        #: Set with ``compact`` when the legend was asked for: the key goes first on the next page.
        self.key_follows = False
        self.fn = timeline_footnotes(tl)
        self._domain: tuple[list[tuple[float, float]], float, float, float] | None = None
        lane_ids, lane_names, infos = memo(tl, "classified", lambda: classified(tl))
        self.lane_ids, self.lane_names = list(lane_ids), list(lane_names)
        self.infos: list[EventInfo] = list(infos)
        if self.window is not None:
            self.infos = [clip(info, *self.window) for info in self.infos]

    def merge_lanes(self) -> None:
        """Draw every event in one lane (a last resort for a frame too low for the lanes' headers)."""
        self.lane_ids, self.lane_names = [""], [""]
        self.infos = [i.evolve(lane=0) for i in self.infos]

    def domain(self) -> tuple[list[tuple[float, float]], float, float]:
        """Every dated stretch (for density), and the padded first and last day of the axis.

        The axis covers the data and 2 % of its span (at least 30 days) past each end: never a
        round number of years further, which over deep time would be a billion of them.  With a
        window, exactly the window (or the data on its open side).
        """
        if self._domain is None:
            self._domain = self._find_domain()
        return self._domain[:3]

    def last_day(self) -> float:
        """The last day the data reaches (a window's end, if it sets one): a deep axis ticks nothing after it."""
        if self._domain is None:
            self._domain = self._find_domain()
        return self._domain[3]

    def _find_domain(self) -> tuple[list[tuple[float, float]], float, float, float]:
        spots = [a for info in self.infos for a in anchors(info)]
        spans = list(spots)
        for era in self.tl.eras:
            if era.when.first_day is not None and era.when.last_day is not None:
                first, last = float(era.when.first_day), float(era.when.last_day + 1)
                spans.append((first, last))
                # A period's ends are dated things too: a short period must not vanish in a squeezed stretch.
                spots += [(first, first + 1), (last - 1, last)]
        if not spans:
            today = float(dt.date(2000, 1, 1).toordinal())
            spans = [(today, today + 1)]
        d0 = min(a for a, _ in spans)
        d1 = max(b for _, b in spans)
        if self.window is not None:
            w0, w1 = self.window
            d0, d1 = (w0 if w0 is not None else d0), (w1 if w1 is not None else d1)
            if w0 is not None and w1 is not None and w1 > w0:
                return spots, w0, w1, w1 - 1  # exactly the window asked for
            if w0 is not None and d1 <= w0:
                d1 = w0 + 30
            if w1 is not None and d0 >= w1:
                d0 = w1 - 30
        last = d1 - 1
        length = max(d1 - d0, 30.0)
        pad = length * 0.02
        mid = (d0 + d1) / 2
        d0, d1 = min(d0, mid - length / 2) - pad, max(d1, mid + length / 2) + pad
        return spots, d0, d1, last

    def scale(self, p0: float, p1: float) -> TimeScale:
        """The time scale over ``p0..p1`` px the options ask for."""
        spots, d0, d1 = self.domain()
        if self.opts.focus:
            from timeline.dates import parse_date

            periods = []
            for a, b in self.opts.focus:
                da = parse_date(a) if isinstance(a, str) else a
                db = parse_date(b) if isinstance(b, str) else b
                if da.first_day is None or db.last_day is None:
                    continue
                periods.append((float(da.first_day), float(db.last_day + 1)))
            return focus_scale(periods, d0, d1, p0, p1)
        if self.opts.scale == "linear":
            return linear_scale(d0, d1, p0, p1)
        spans = [(i.t0, i.t1) for i in self.infos if i.kind == "range" and i.t0 is not None and i.t1 is not None]
        spans += [(float(e.when.first_day), float(e.when.last_day + 1)) for e in self.tl.eras
                  if e.when.first_day is not None and e.when.last_day is not None]
        adaptive = adaptive_scale(spots, d0, d1, p0, p1)
        if self.opts.scale == "adaptive":
            return adaptive  # asked for: busy stretches get room, squeezed ones are marked as breaks
        # "auto" never lets the scale lie about durations (a 37-year bar under a 3-year one).
        adaptive = truthful(adaptive, spans)
        if differs_from_linear(adaptive):
            return adaptive
        return linear_scale(d0, d1, p0, p1)

    def eras(self, scale: TimeScale) -> list[EraSpan]:
        """The dated periods in time order, placed on ``scale``."""
        out = []
        for era in sorted(self.tl.eras, key=lambda e: (e.when.sort_key, e.id)):
            if era.when.first_day is None or era.when.last_day is None:
                continue
            a, b = scale.pos(era.when.first_day), scale.pos(era.when.last_day + 1)
            out.append(EraSpan(era, a, b, self.fn.numbers_for(era.citations)))
        return out

    def summary(self) -> str:
        """The one-paragraph text alternative of the chart (the SVG's <desc>)."""
        n = len(self.infos)
        disputed = sum("disputed" in i.classes for i in self.infos)
        days = [d for i in self.infos for a, b in anchors(i) for d in (a, b - 1)]
        span = ""
        if days:
            y0, y1 = year_of(math.floor(min(days))), year_of(math.floor(max(days)))
            mark = (y0 < 1) != (y1 < 1)
            span = (f" from {format_year(y0, mark_ce=mark)} to {format_year(y1, mark_ce=mark)}" if y0 != y1
                    else f" in {format_year(y0)}")
        lanes = [name for name in self.lane_names if name]
        text = f"Timeline of {n} event{'s' if n != 1 else ''}{span}"
        if lanes:
            text += f" in {len(lanes)} lane{'s' if len(lanes) != 1 else ''} ({', '.join(lanes)})"
        text += f"; {disputed} with disputed dates" if disputed else "; no disputed dates"
        if self.tl.eras:
            text += f"; {len(self.tl.eras)} period{'s' if len(self.tl.eras) != 1 else ''} shaded"
        return text + ". Sources are numbered in the notes."

    def scene(self, height: float, scale: TimeScale, **layers: Any) -> Scene:
        """The finished Scene of this chart; its summary lists the unlabelled events (the first 200)."""
        summary = self.summary()
        unlabelled = layers.get("unlabelled", ())
        if unlabelled:
            by_id = {i.event.id: i for i in self.infos}
            names = [f"{by_id[e].event.title} ({by_id[e].date_label})" for e in unlabelled[:200]]
            rest = len(unlabelled) - len(names)
            summary += (f" Not labelled for lack of room ({len(unlabelled)}; each keeps its mark and tooltip): "
                        + "; ".join(names) + (f"; and {rest} more." if rest else "."))
        if layers.get("sources_follow"):
            summary += (" The key to the marks and the sources are on the following page." if self.key_follows
                        else " The sources are listed on the following page.")
        return Scene(
            width=round(self.width, 2), height=round(math.ceil(height), 2), orientation=self.opts.direction,
            scale=scale.kind, title=self.title, subtitle=self.tl.subtitle, summary=summary, frame=self.frame,
            typography=self.ty, timescale=scale if layers.get("page", "chart") == "chart" else None, **layers,
        )


def classified(tl: Timeline) -> tuple[tuple[str, ...], tuple[str, ...], tuple[EventInfo, ...]]:
    """The lanes the events use (ids and names; "" for events of no declared lane) and every event's
    record, in time order: the same for every frame (:class:`Chart` takes them once per timeline)."""
    fn = timeline_footnotes(tl)
    events = tl.sorted_events()
    # Lanes with no events are left out (a view window often empties some).
    used = {ev.lane for ev in events}
    lanes = [lane for lane in tl.lane_order() if lane.id in used or (lane.id == "lane" and lane.label in used)]
    lane_ids = [lane.id for lane in lanes]
    lane_names = [lane.name for lane in lanes]
    index = {lane.id: i for i, lane in enumerate(lanes)}
    for lane in lanes:
        if lane.id == "lane" and lane.label:
            index[lane.label] = index["lane"]
    if any(ev.lane is None or ev.lane not in index for ev in events):
        lane_ids.append("")
        lane_names.append("Other events" if lanes else "")
    other = len(lane_ids) - 1
    infos = tuple(classify(ev, index.get(ev.lane, other) if ev.lane else other, fn, tl.sources) for ev in events)
    return tuple(lane_ids), tuple(lane_names), infos


def _windowed(tl: Timeline, start: Any, end: Any) -> tuple[Timeline, tuple[float | None, float | None]]:
    """The timeline cut to a view window, and the window's first day and the day after its last."""
    from timeline.dates import parse_date

    lo = (parse_date(start) if isinstance(start, str) else start) if start is not None else None
    hi = (parse_date(end) if isinstance(end, str) else end) if end is not None else None
    w0 = float(lo.first_day) if lo is not None and lo.first_day is not None else None
    w1 = float(hi.last_day + 1) if hi is not None and hi.last_day is not None else None
    if w0 is not None and w1 is not None and w1 <= w0:
        from timeline.errors import UsageError

        raise UsageError(f"the window's end ({end}) is before its start ({start})")
    return tl.between(lo, hi), (w0, w1)


def first_fit(rows: list[float], start: float, end: float, max_rows: int) -> int:
    """Put ``start..end`` in the first row whose rightmost end is left of ``start``; -1 when full."""
    for i, right in enumerate(rows):
        if right <= start:
            rows[i] = end
            return i
    if len(rows) < max_rows:
        rows.append(end)
        return len(rows) - 1
    return -1


def union(boxes: Sequence[Box]) -> Box:
    """The smallest box holding all of ``boxes``."""
    x0 = min(b.x for b in boxes)
    y0 = min(b.y for b in boxes)
    x1 = max(b.x1 for b in boxes)
    y1 = max(b.y1 for b in boxes)
    return Box(x0, y0, x1 - x0, y1 - y0)
