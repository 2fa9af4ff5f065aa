"""Turn a Timeline into a Scene: scale, ticks, lanes, marks, labels, notes.

Label placement is greedy and near-linear: events sorted by start go into
the first row whose rightmost end leaves room (TimelineJS's first-fit rows,
with per-row "rightmost end" bookkeeping, so O(n log n) for the sort and
O(n * max_rows) for the fit).  When rows run out the event keeps its mark
and joins a "+N more" badge listed in a note, never silently dropped.  The
vertical layout is a list: labels stacked in date order, with an axis that
bends so each date sits level with its first label (a sort and one pass).
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from timeline.cite import Run, note
from timeline.dates import Bound, HistoricalDate, Span
from timeline.layout.notes import Footnotes, timeline_footnotes
from timeline.layout.options import LayoutOptions
from timeline.layout.scale import (
    MONTHS,
    Tick,
    TimeScale,
    adaptive_scale,
    day_number,
    differs_from_linear,
    focus_scale,
    knot_scale,
    linear_scale,
    ticks,
)
from timeline.layout.scene import (
    ASCENT,
    DESCENT,
    Badge,
    Box,
    EventMark,
    Label,
    NoteEntry,
    Scene,
    Shape,
    Text,
)
from timeline.layout.text import measure, shorten, wrap, wrap_runs
from timeline.model import Event, Timeline, disputed_label

__all__ = ["layout"]

MARGIN = 28.0
TITLE_SIZE, SUBTITLE_SIZE = 22.0, 13.0
LABEL_SIZE, DATE_SIZE, SUP_SIZE = 12.5, 11.0, 8.5
TICK_SIZE, LANE_SIZE, ERA_SIZE, NOTE_SIZE = 11.0, 12.0, 11.0, 10.5
LINE = 1.28  # line height as a multiple of the font size
GAP = 14.0   # least horizontal room between two labels in a row
POINT_R = 4.5


def _text(x: float, y: float, text: str, cls: str, size: float, *, anchor: str = "start", bold: bool = False,
          notes: tuple[int, ...] = (), runs: tuple[tuple[str, bool], ...] = (), rotate: int = 0) -> Text:
    width = measure(text, size, bold=bold) + _sup_width(notes)
    left = x if anchor == "start" else x - width if anchor == "end" else x - width / 2
    box = Box(left, y - ASCENT * size, width, (ASCENT + DESCENT) * size)
    if rotate == -90:  # rotated about (x, y): reads upwards
        box = Box(x - ASCENT * size, y - (left - x) - width, (ASCENT + DESCENT) * size, width)
    return Text(x, y, text, cls, size, box, anchor, bold, notes, runs, rotate)


def _sup_text(notes: Sequence[int]) -> str:
    return ",".join(str(n) for n in notes)


def _sup_width(notes: Sequence[int]) -> float:
    return measure(" " + _sup_text(notes), SUP_SIZE) if notes else 0.0


# -- what each event is ------------------------------------------------------------------

@attrs.frozen
class _Info:
    event: Event
    lane: int
    kind: str                 # point | range
    t0: float | None          # first day (None: unknown or open)
    t1: float | None          # day after the last day
    approx_start: bool
    approx_end: bool
    uncertain: bool
    bound: Bound
    open_start: bool
    open_end: bool
    claims: tuple[tuple[float, float, bool], ...]  # (first, after-last, preferred) per disputed date
    classes: tuple[str, ...]
    notes: tuple[int, ...]
    date_label: str           # the short date as shown ("23 or 26 Mar 1953")


def _days(d: HistoricalDate | None, side: str) -> float | None:
    if d is None:
        return None
    if side == "start":
        return day_number(d.earliest) if d.earliest else None
    return day_number(d.latest) + 1 if d.latest else None


def _info(ev: Event, lane: int, fn: Footnotes) -> _Info:
    when = ev.when
    claims: list[tuple[float, float, bool]] = []
    # Event.date_claims and is_disputed are properties that rebuild their answer on every use;
    # work them out once here (the benchmark counted 40k calls for 10k events).
    date_claims = ev.date_claims
    disputed = len({c.when.edtf for c in date_claims}) > 1
    if ev.display_date:
        label = ev.display_date
    elif disputed:
        label = disputed_label([c.when for c in date_claims], "short")
    else:
        label = when.display("short")
    if disputed:
        for c in date_claims:
            lo, hi = c.when.earliest, c.when.latest
            if lo is None and hi is None:
                continue
            lo, hi = lo or hi, hi or lo
            claims.append((day_number(lo), day_number(hi) + 1, c.rank.value == "preferred"))
        claims.sort()
    if isinstance(when, Span):
        kind = "range"
        t0, t1 = _days(when.start, "start"), _days(when.end, "end")
        a_s = bool(when.start and (when.start.approximate or when.start.uncertain))
        a_e = bool(when.end and (when.end.approximate or when.end.uncertain))
        unc = bool((when.start and when.start.uncertain) or (when.end and when.end.uncertain))
        appr = bool((when.start and when.start.approximate) or (when.end and when.end.approximate))
        bound = Bound.EXACT
        o_s = when.open_start or when.start is None
        o_e = when.open_end or when.end is None
    else:
        kind = "point"
        t0, t1 = _days(when, "start"), _days(when, "end")
        a_s = a_e = when.approximate or when.uncertain
        unc, appr = when.uncertain, when.approximate
        bound = when.bound
        o_s = o_e = False
    classes = ["event", kind]
    if appr:
        classes.append("approximate")
    if unc:
        classes.append("uncertain")
    if kind == "point" and bound is not Bound.EXACT:
        classes.append("bounded")
        classes.append("not-after" if bound is Bound.NOT_AFTER else "not-before")
    if len(claims) > 1:
        classes.append("disputed")
    if o_s or o_e:
        classes.append("open")
    if ev.is_context:
        classes.append("context")
    classes.append(f"lane-{lane}")
    classes.append(f"hue-{lane % 6}")
    return _Info(ev, lane, kind, t0, t1, a_s, a_e, unc, bound, o_s, o_e, tuple(claims), tuple(classes),
                 fn.numbers_for(ev.all_citations), label)


def _anchors(info: _Info) -> list[tuple[float, float]]:
    """The stretches of time this event says something about (for the domain and the density)."""
    out: list[tuple[float, float]] = [(a, b) for a, b, _p in info.claims]
    if info.kind == "range":
        if info.t0 is not None:
            out.append((info.t0, info.t0 + 1))
        if info.t1 is not None:
            out.append((info.t1 - 1, info.t1))
    else:
        if info.t0 is not None and info.t1 is not None:
            out.append((info.t0, info.t1))
        elif info.t1 is not None:
            out.append((info.t1 - 1, info.t1))
        elif info.t0 is not None:
            out.append((info.t0, info.t0 + 1))
    return out


# -- marks, drawn along a time coordinate t and an across coordinate c --------------------

Point = Callable[[float, float], tuple[float, float]]


def _shape(kind: str, cls: str, pts: Sequence[tuple[float, float]], to_xy: Point, extra: Sequence[float] = ()) -> Shape:
    if kind == "rect" and to_xy(1.0, 0.0) == (0.0, 1.0):
        extra = (extra[1], extra[0])  # time runs down: a bar's length is its height
    coords: list[float] = []
    for t, c in pts:
        coords.extend(to_xy(t, c))
    return Shape(kind, cls, (*coords, *extra))


def _arrow(tip: float, c: float, direction: int, to_xy: Point, cls: str = "arrow") -> Shape:
    back = tip - 7 * direction
    return _shape("polygon", cls, [(tip, c), (back, c - 4.5), (back, c + 4.5)], to_xy)


WHISKER = 20.0

#: What each legend key says, in the order the legend lists them.
LEGEND = {
    "day": "exact day",
    "extent": "sometime in (month or year known)",
    "range": "from – to",
    "approx": "approximate (c.)",
    "bound": "on or before / after",
    "disputed": "sources disagree",
    "open": "open end",
    "context": "context",
    "era": "period",
}
LEGEND_GLYPH = 30.0


def _legend_glyph(key: str, x: float, c: float) -> list[Shape]:
    """The sample mark for one legend key, drawn in ``x .. x + LEGEND_GLYPH`` around centre line ``c``."""
    k = "legend-key "
    if key == "day":
        return [Shape("circle", k + "mark", (x + 15, c, POINT_R))]
    if key == "context":
        return [Shape("circle", k + "mark context-key", (x + 15, c, POINT_R))]
    if key == "extent":
        return [Shape("rect", k + "extent", (x + 2, c - 3, 26.0, 6.0)),
                Shape("line", k + "extent-cap", (x + 2, c - 5, x + 2, c + 5)),
                Shape("line", k + "extent-cap", (x + 28, c - 5, x + 28, c + 5))]
    if key == "range":
        return [Shape("rect", k + "bar", (x + 2, c - 3.5, 26.0, 7.0))]
    if key == "approx":
        return [Shape("line", k + "bar-fade", (x + 1, c, x + 9, c)),
                Shape("rect", k + "bar", (x + 9, c - 3.5, 12.0, 7.0)),
                Shape("line", k + "bar-fade", (x + 21, c, x + 29, c))]
    if key == "bound":
        return [Shape("line", k + "whisker", (x + 8, c, x + 24, c)),
                Shape("polygon", k + "whisker-head", (x + 2, c, x + 9, c - 4.5, x + 9, c + 4.5)),
                Shape("circle", k + "mark", (x + 24, c, POINT_R))]
    if key == "disputed":
        return [Shape("line", k + "bracket", (x + 5, c, x + 25, c)),
                Shape("line", k + "bracket", (x + 5, c - 6, x + 5, c + 6)),
                Shape("line", k + "bracket", (x + 25, c - 6, x + 25, c + 6)),
                Shape("circle", k + "mark", (x + 5, c, POINT_R)),
                Shape("circle", k + "mark hollow", (x + 25, c, POINT_R))]
    if key == "open":
        return [Shape("rect", k + "bar", (x + 2, c - 3.5, 19.0, 7.0)),
                Shape("polygon", k + "arrow", (x + 29, c, x + 22, c - 4.5, x + 22, c + 4.5))]
    return [Shape("rect", k + "era", (x + 1, c - 7, 28.0, 14.0))]


def _mark_extent(info: _Info, pos: Callable[[float], float]) -> tuple[float, float]:
    """Where the marks of an event reach along the time axis (px)."""
    if info.claims and len(info.claims) > 1:
        xs = [pos((a + b) / 2) for a, b, _p in info.claims]
        return min(xs) - POINT_R, max(xs) + POINT_R
    if info.kind == "range":
        a = pos(info.t0) if info.t0 is not None else None
        b = pos(info.t1) if info.t1 is not None else None
        if a is None and b is None:
            return 0.0, 0.0
        a = a if a is not None else b - 40
        b = b if b is not None else a + 40
        if b - a < 2 * POINT_R:
            mid = (a + b) / 2
            return mid - POINT_R, mid + POINT_R
        return a - (8 if info.open_start else 0), b + (8 if info.open_end else 0)
    if info.bound is Bound.NOT_AFTER and info.t1 is not None:
        x = pos(info.t1)
        return x - WHISKER - 2, x + POINT_R
    if info.bound is Bound.NOT_BEFORE and info.t0 is not None:
        x = pos(info.t0)
        return x - POINT_R, x + WHISKER + 2
    a, b = pos(info.t0), pos(info.t1)
    if b - a < 2 * POINT_R + 2 or info.t1 - info.t0 <= 1.5:  # a single day is a dot however wide it is drawn
        mid = (a + b) / 2
        return mid - POINT_R, mid + POINT_R
    return a, b


def _kind(info: _Info, m0: float, m1: float) -> str:
    """"extent" for a partial date drawn as a pale bar, else "mark"."""
    if info.kind == "point" and info.bound is Bound.EXACT and len(info.claims) < 2 and m1 - m0 >= 2 * POINT_R + 2:
        return "extent"
    return "mark"


def _marks(info: _Info, pos: Callable[[float], float], c: float, to_xy: Point, thin: bool = False) -> list[Shape]:
    """The shapes of one event centred on across-coordinate ``c``; ``thin`` draws narrow bars (vertical columns)."""
    shapes: list[Shape] = []
    bar, band, cap = (3.5, 3.0, 3.5) if thin else (7.0, 5.0, 5.0)
    hollow = " hollow" if (info.approx_start or info.uncertain) else ""
    if info.claims and len(info.claims) > 1:
        xs = [(pos((a + b) / 2), pref) for a, b, pref in info.claims]
        lo, hi = xs[0][0], xs[-1][0]
        shapes.append(_shape("line", "bracket", [(lo, c), (hi, c)], to_xy))
        for x in (lo, hi):
            shapes.append(_shape("line", "bracket", [(x, c - cap - 1), (x, c + cap + 1)], to_xy))
        for x, pref in xs:
            shapes.append(_shape("circle", "mark" if pref else "mark hollow", [(x, c)], to_xy, (POINT_R,)))
        return shapes
    if info.kind == "range":
        m0, m1 = _mark_extent(info, pos)
        a = m0 + (8 if info.open_start else 0)
        b = m1 - (8 if info.open_end else 0)
        fade = min(14.0, (b - a) / 3)
        body0 = a + fade if info.approx_start else a
        body1 = b - fade if info.approx_end else b
        shapes.append(_shape("rect", "bar", [(body0, c - bar / 2)], to_xy, (max(body1 - body0, 0.0), bar)))
        fade_cls = "bar-fade thin" if thin else "bar-fade"
        if info.approx_start:
            shapes.append(_shape("line", fade_cls, [(a, c), (body0, c)], to_xy))
        if info.approx_end:
            shapes.append(_shape("line", fade_cls, [(body1, c), (b, c)], to_xy))
        if info.open_start:
            shapes.append(_arrow(a - 8, c, -1, to_xy))
        if info.open_end:
            shapes.append(_arrow(b + 8, c, 1, to_xy))
        return shapes
    if info.bound is not Bound.EXACT:
        direction = -1 if info.bound is Bound.NOT_AFTER else 1
        x = pos(info.t1) if info.bound is Bound.NOT_AFTER else pos(info.t0)
        tip = x + direction * WHISKER
        shapes.append(_shape("line", "whisker", [(x, c), (tip - direction * 6, c)], to_xy))
        shapes.append(_arrow(tip, c, direction, to_xy, "whisker-head"))
        shapes.append(_shape("circle", "mark" + hollow, [(x, c)], to_xy, (POINT_R,)))
        return shapes
    a, b = pos(info.t0), pos(info.t1)
    if b - a >= 2 * POINT_R + 2 and info.t1 - info.t0 > 1.5:
        # A partial date (a month, a year, a decade): a pale band over every day it can mean, held
        # by two thin end caps -- lighter than a range's solid bar, so "sometime in" never reads as "all through".
        shapes.append(_shape("rect", "extent", [(a, c - band / 2)], to_xy, (b - a, band)))
        for t in (a + 0.6, b - 0.6):
            shapes.append(_shape("line", "extent-cap" + hollow, [(t, c - cap), (t, c + cap)], to_xy))
        return shapes
    mid = (a + b) / 2
    shapes.append(_shape("circle", "mark" + hollow, [(mid, c)], to_xy, (POINT_R,)))
    return shapes


# -- the public entry ----------------------------------------------------------------------

def layout(tl: Timeline, **options: Any) -> Scene:
    """Lay a timeline out into a Scene (options: see :class:`LayoutOptions`)."""
    opts = options.pop("_options", None) or LayoutOptions.from_kwargs(**options)
    return _Layout(tl, opts).run()


class _Layout:
    def __init__(self, tl: Timeline, opts: LayoutOptions) -> None:
        if not opts.include_context:
            tl = tl.without_tags("context")
        self.tl = tl
        self.opts = opts
        self.width = opts.canvas_width
        self.fn = timeline_footnotes(tl)
        lanes = tl.lane_order()
        self.lane_ids = [lane.id for lane in lanes]
        self.lane_names = [lane.name for lane in lanes]
        index = {lane.id: i for i, lane in enumerate(lanes)}
        for lane in lanes:
            if lane.id == "lane" and lane.label:
                index[lane.label] = index["lane"]
        events = tl.sorted_events()
        if any(ev.lane is None or ev.lane not in index for ev in events):
            self.lane_ids.append("")
            self.lane_names.append("Other events" if lanes else "")
        other = len(self.lane_ids) - 1
        self.infos = [_info(ev, index.get(ev.lane, other) if ev.lane else other, self.fn) for ev in events]

    # -- scale ---------------------------------------------------------------------------

    def _domain(self) -> tuple[list[tuple[float, float]], float, float]:
        anchors = [a for info in self.infos for a in _anchors(info)]
        spans = list(anchors)
        for era in self.tl.eras:
            if era.when.earliest and era.when.latest:
                first, last = day_number(era.when.earliest), day_number(era.when.latest) + 1
                spans.append((first, last))
                # A period's ends are dated things too: a short period must not vanish in a squeezed stretch.
                anchors += [(first, first + 1), (last - 1, last)]
        if not spans:
            today = float(dt.date(2000, 1, 1).toordinal())
            spans = [(today, today + 1)]
        d0 = min(a for a, _ in spans)
        d1 = max(b for _, b in spans)
        length = max(d1 - d0, 30.0)
        pad = length * 0.02
        mid = (d0 + d1) / 2
        d0, d1 = min(d0, mid - length / 2) - pad, max(d1, mid + length / 2) + pad
        d0 = max(d0, 1.0)
        d1 = min(d1, float(dt.date.max.toordinal()))
        return anchors, d0, d1

    def _scale(self, p0: float, p1: float) -> TimeScale:
        anchors, d0, d1 = self._domain()
        if self.opts.focus:
            from timeline.dates import parse_date

            periods = []
            for a, b in self.opts.focus:
                da = parse_date(a) if isinstance(a, str) else a
                db = parse_date(b) if isinstance(b, str) else b
                if da.earliest is None or db.latest is None:
                    continue
                periods.append((day_number(da.earliest), day_number(db.latest) + 1))
            return focus_scale(periods, d0, d1, p0, p1)
        if self.opts.scale == "linear":
            return linear_scale(d0, d1, p0, p1)
        adaptive = adaptive_scale(anchors, d0, d1, p0, p1)
        if self.opts.scale == "adaptive" or differs_from_linear(adaptive):
            return adaptive
        return linear_scale(d0, d1, p0, p1)

    # -- common pieces -----------------------------------------------------------------

    def _header(self) -> tuple[list[Text], float]:
        if not self.opts.header:
            return [], MARGIN
        y = MARGIN + TITLE_SIZE * ASCENT
        avail = self.width - 2 * MARGIN
        out = [_text(MARGIN, y, shorten(self.tl.title, TITLE_SIZE, avail, bold=True), "title", TITLE_SIZE, bold=True)]
        y += TITLE_SIZE * DESCENT
        if self.tl.subtitle:
            for line in wrap(self.tl.subtitle, SUBTITLE_SIZE, avail, max_lines=2):
                y += SUBTITLE_SIZE * LINE
                out.append(_text(MARGIN, y, line, "subtitle", SUBTITLE_SIZE))
        return out, y + 16

    # -- the legend --------------------------------------------------------------------

    def _legend_keys(self, is_extent: Callable[[_Info], bool]) -> list[str]:
        """The mark kinds this chart draws, in the order the legend lists them."""
        used: set[str] = set()
        for info in self.infos:
            if len(info.claims) > 1:
                used.add("disputed")
            elif info.kind == "range":
                used.add("range")
                if info.approx_start or info.approx_end:
                    used.add("approx")
                if info.open_start or info.open_end:
                    used.add("open")
            elif info.bound is not Bound.EXACT:
                used.add("bound")
            else:
                used.add("extent" if is_extent(info) else "day")
                if info.approx_start or info.uncertain:
                    used.add("approx")
            if info.event.is_context:
                used.add("context")
        if any(era.when.earliest and era.when.latest for era in self.tl.eras):
            used.add("era")
        return [k for k in LEGEND if k in used]

    def _legend(self, keys: Sequence[str], y: float) -> tuple[list[Shape], list[Text], float]:
        """A key to the marks, flowing in rows from ``y``; returns shapes, texts and the y below it."""
        if not self.opts.legend or not keys:
            return [], [], y
        shapes: list[Shape] = []
        texts: list[Text] = []
        x, x_end = MARGIN, self.width - MARGIN
        row_h = max(DATE_SIZE * LINE, 14.0) + 4
        c = y + row_h / 2
        for key in keys:
            text = LEGEND[key]
            w = LEGEND_GLYPH + 6 + measure(text, DATE_SIZE)
            if x > MARGIN and x + w > x_end:
                x, c = MARGIN, c + row_h
            text = shorten(text, DATE_SIZE, x_end - x - LEGEND_GLYPH - 6)
            shapes.extend(_legend_glyph(key, x, c))
            texts.append(_text(x + LEGEND_GLYPH + 6, c + DATE_SIZE * 0.35, text, "legend-label", DATE_SIZE))
            x += LEGEND_GLYPH + 6 + measure(text, DATE_SIZE) + 20
        return shapes, texts, c + row_h / 2 + 10

    def _summary(self) -> str:
        n = len(self.infos)
        disputed = sum("disputed" in i.classes for i in self.infos)
        days = [d for i in self.infos for a, b in _anchors(i) for d in (a, b - 1)]
        span = ""
        if days:
            y0, y1 = dt.date.fromordinal(int(min(days))).year, dt.date.fromordinal(int(max(days))).year
            span = f" from {y0} to {y1}" if y0 != y1 else f" in {y0}"
        lanes = [name for name in self.lane_names if name]
        text = f"Timeline of {n} event{'s' if n != 1 else ''}{span}"
        if lanes:
            text += f" in {len(lanes)} lane{'s' if len(lanes) != 1 else ''} ({', '.join(lanes)})"
        text += f"; {disputed} with disputed dates" if disputed else "; no disputed dates"
        if self.tl.eras:
            text += f"; {len(self.tl.eras)} period{'s' if len(self.tl.eras) != 1 else ''} shaded"
        return text + ". Sources are numbered in the notes."

    def _notes(self, y: float) -> tuple[Text | None, list[NoteEntry], float]:
        if not self.opts.footnotes or not len(self.fn):
            return None, [], y
        y += 10
        heading = _text(MARGIN, y + LANE_SIZE * ASCENT, "Sources", "notes-heading", LANE_SIZE, bold=True)
        y = heading.box.y1 + 4
        entries = []
        num_w = measure(f"{len(self.fn)}.", NOTE_SIZE) + 6
        width = self.width - 2 * MARGIN - num_w
        for n in self.fn.notes:
            src = self.tl.sources.get(n.source)
            runs = note(src, n.locator) if src is not None else (Run(f"{n.source}" + (f", {n.locator}" if n.locator else "") + "."),)
            lines = wrap_runs(runs, NOTE_SIZE, width)
            texts = []
            for k, line in enumerate(lines):
                y += NOTE_SIZE * LINE
                if k == 0:
                    texts.append(_text(MARGIN + num_w - 6, y, f"{n.number}.", "note-number", NOTE_SIZE, anchor="end"))
                plain_text = "".join(t for t, _i in line)
                texts.append(_text(MARGIN + num_w, y, plain_text, "note", NOTE_SIZE, runs=line))
            entries.append(NoteEntry(n.number, tuple(texts)))
        return heading, entries, y + NOTE_SIZE * DESCENT

    def _overflow_note(self, overflow: list[_Info], y: float) -> tuple[list[Text], float]:
        if not overflow:
            return [], y
        items = "; ".join(f"{i.event.title} ({i.date_label})" for i in overflow)
        text = f"Not labelled for lack of room ({len(overflow)}, marked “+N more”): {items}."
        out = []
        for line in wrap_runs((Run(text),), DATE_SIZE, self.width - 2 * MARGIN, max_lines=10_000):
            y += DATE_SIZE * LINE
            out.append(_text(MARGIN, y, "".join(t for t, _ in line), "overflow-note", DATE_SIZE))
        return out, y + 8

    def _label_lines(self, info: _Info, max_width: float) -> tuple[tuple[str, ...], str, float]:
        title_lines = wrap(info.event.title, LABEL_SIZE, max_width - _sup_width(info.notes), max_lines=2)
        date = shorten(info.date_label, DATE_SIZE, max_width)
        widths = [measure(t, LABEL_SIZE) for t in title_lines]
        widths[-1] += _sup_width(info.notes)
        return title_lines, date, max([*widths, measure(date, DATE_SIZE)])

    def run(self) -> Scene:
        if self.opts.orientation == "vertical":
            return self._vertical()
        return self._horizontal()

    def _scene(self, height: float, scale: TimeScale, **layers: Any) -> Scene:
        return Scene(
            width=round(self.width, 2), height=round(math.ceil(height), 2), orientation=self.opts.orientation,
            scale=scale.kind, title=self.tl.title, subtitle=self.tl.subtitle, summary=self._summary(), **layers,
        )

    def _eras(self, scale: TimeScale) -> list[tuple[Any, ...]]:
        eras = sorted(self.tl.eras, key=lambda e: (e.when.sort_key, e.id))
        out = []
        for era in eras:
            if not (era.when.earliest and era.when.latest):
                continue
            a, b = scale.pos(day_number(era.when.earliest)), scale.pos(day_number(era.when.latest) + 1)
            out.append((era, a, b, self.fn.numbers_for(era.citations)))
        return out

    def _era_rows(self, eras: Sequence[tuple[Any, ...]], y: float, x0: float,
                  x1: float) -> tuple[list[list[Any]], float]:
        """Era labels in rows above the plot, never overlapping and never cut.

        Longer periods take the upper rows, so a period nested in another sits under it.  A label
        that fits inside its band sits at the band's top (the band reaches up to it); a label wider
        than its band is centred over it with a thin bracket spanning the band.
        """
        order = sorted(range(len(eras)), key=lambda k: (-(eras[k][2] - eras[k][1]), k))
        rows: list[list[tuple[float, float]]] = []
        placed: dict[int, tuple[int, str, float, bool]] = {}
        for k in order:
            era, a, b, notes = eras[k]
            label = shorten(era.label, ERA_SIZE, x1 - x0 - _sup_width(notes))
            w = measure(label, ERA_SIZE) + _sup_width(notes)
            inside = w <= (b - a) - 8
            tx = a + 4 if inside else min(max((a + b) / 2 - w / 2, x0), x1 - w)
            lo, hi = min(tx, a) - 8, max(tx + w, b) + 8
            row = next((r for r, spans in enumerate(rows) if all(hi <= s0 or lo >= s1 for s0, s1 in spans)), len(rows))
            if row == len(rows):
                rows.append([])
            rows[row].append((lo, hi))
            placed[k] = (row, label, tx, inside)
        row_h = ERA_SIZE * LINE + 7
        out = []
        for k, (era, a, b, notes) in enumerate(eras):
            row, label, tx, inside = placed[k]
            top = y + row * row_h
            text = _text(tx, top + 2 + ERA_SIZE * ASCENT, label, "era-name", ERA_SIZE, notes=notes)
            extra: tuple[Shape, ...] = ()
            if not inside:
                yb = top + ERA_SIZE * LINE + 3
                extra = (Shape("polyline", "era-bracket", (a, yb + 4, a, yb, b, yb, b, yb + 4)),)
            out.append([era.id, era.label, (a, b), text, top if inside else 1e18, extra])
        return out, y + len(rows) * row_h + (4 if rows else 0)

    # -- horizontal ------------------------------------------------------------------------

    def _horizontal(self) -> Scene:
        header, y = self._header()
        x0, x1 = MARGIN, self.width - MARGIN
        scale = self._scale(x0 + 6, x1 - 6)
        pos = scale.pos

        legend_shapes, legend_texts, y = self._legend(
            self._legend_keys(lambda i: _kind(i, *_mark_extent(i, pos)) == "extent"), y)
        header = [*header, *legend_texts]
        eras_out, y = self._era_rows(self._eras(scale), y, x0, x1)

        to_xy: Point = lambda t, c: (t, c)
        max_label = min(240.0, (x1 - x0) / 2.6)
        events: list[EventMark] = []
        badges: list[Badge] = []
        lanes_out = []
        overflow: list[_Info] = []
        plot_top = y
        by_lane: dict[int, list[_Info]] = {}
        for info in self.infos:
            by_lane.setdefault(info.lane, []).append(info)
        for lane_index, lane_name in enumerate(self.lane_names):
            infos = by_lane.get(lane_index, [])
            lane_top = y
            texts = []
            if lane_name:
                texts.append(_text(x0, y + LANE_SIZE * ASCENT, shorten(lane_name, LANE_SIZE, x1 - x0, bold=True),
                                   "lane-name", LANE_SIZE, bold=True))
                y += LANE_SIZE * LINE + 6
            placed = []
            rows: list[float] = []
            lane_over: list[tuple[_Info, float, float]] = []
            items = []
            for info in infos:
                m0, m1 = _mark_extent(info, pos)
                items.append((m0, m1, info))
            items.sort(key=lambda it: (it[0], it[2].event.id))
            for m0, m1, info in items:
                lines, date, tw = self._label_lines(info, max_label)
                point_style = m1 - m0 < 3 * POINT_R
                if point_style:
                    tx = m1 + 6
                    if tx + tw > x1:
                        tx = max(x0, m0 - 6 - tw)
                    o0, o1 = min(m0, tx), max(m1, tx + tw)
                else:
                    tx = min(max(m0, x0), x1 - tw)
                    o0, o1 = min(m0, tx), max(m1, tx + tw)
                row = _first_fit(rows, o0, o1 + GAP, self.opts.row_limit)
                if row < 0:
                    lane_over.append((info, m0, m1))
                    continue
                placed.append((info, row, m0, m1, lines, date, tw, tx, point_style))
            heights = [0.0] * len(rows)
            for info, row, m0, m1, lines, date, tw, tx, point_style in placed:
                h = len(lines) * LABEL_SIZE * LINE + DATE_SIZE * LINE + (0 if point_style else 10)
                heights[row] = max(heights[row], h)
            row_y = []
            for h in heights:
                row_y.append(y)
                y += h + 8
            for info, row, m0, m1, lines, date, tw, tx, point_style in placed:
                top = row_y[row]
                if point_style:
                    c = top + LABEL_SIZE * 0.5
                    base = top + LABEL_SIZE * ASCENT
                else:
                    c = top + 4
                    base = top + 10 + LABEL_SIZE * ASCENT
                shapes = _marks(info, pos, c, to_xy)
                texts_ev = []
                for k, line in enumerate(lines):
                    last = k == len(lines) - 1
                    texts_ev.append(_text(tx, base, line, "label", LABEL_SIZE, notes=info.notes if last else ()))
                    base += LABEL_SIZE * LINE
                texts_ev.append(_text(tx, base - LABEL_SIZE * LINE + DATE_SIZE * LINE + 1, date, "date", DATE_SIZE))
                box = _union([t.box for t in texts_ev])
                leader: tuple[float, ...] = ()
                events.append(EventMark(info.event.id, info.event.title, info.date_label, info.classes,
                                        info.lane, tuple(shapes), Label(box, tuple(texts_ev), leader), info.notes))
            if lane_over:
                # One row of "+N more" badges; neighbours that would collide merge into one badge.
                c = y + 5
                groups: list[list[Any]] = []
                for info, m0, m1 in lane_over:
                    label_w = measure("+99 more", DATE_SIZE)
                    if groups and m0 < groups[-1][1] + GAP:
                        groups[-1][2].append(info)
                        groups[-1][1] = max(groups[-1][1], groups[-1][0] + label_w, m1)
                    else:
                        groups.append([m0, max(m0 + label_w, m1), [info]])
                for g0, _g1, group in groups:
                    text = f"+{len(group)} more"
                    w = measure(text, DATE_SIZE)
                    tx = min(max(g0, x0), x1 - w)
                    badges.append(Badge(_text(tx, c + 10 + DATE_SIZE * ASCENT, text, "more", DATE_SIZE),
                                        tuple(i.event.id for i in group), lane_index))
                    for info in group:
                        shapes = _marks(info, pos, c, to_xy)
                        events.append(EventMark(info.event.id, info.event.title, info.date_label,
                                                (*info.classes, "overflow"), info.lane, tuple(shapes), None,
                                                info.notes, overflow=True))
                        overflow.append(info)
                y += 10 + DATE_SIZE * LINE + 8
            y += 10
            sep = (Shape("line", "lane-rule", (x0, lane_top - 6, x1, lane_top - 6)),) if lane_index else ()
            lanes_out.append((self.lane_ids[lane_index], sep, tuple(texts)))
        # The axis, its ticks, compressed stretches.
        axis_y = y + 4
        axis = [Shape("line", "axis", (x0, axis_y, x1, axis_y))]
        grid = list(legend_shapes)
        tick_texts: list[Text] = []
        for tick, tx, context in _pick_ticks(ticks(scale), x0, x1):
            year_start = tick.date.month == 1 and tick.date.day == 1
            axis.append(Shape("line", "tick", (tick.pos, axis_y, tick.pos, axis_y + 5)))
            grid.append(Shape("line", "grid" + (" grid-major" if year_start else ""),
                              (tick.pos, plot_top, tick.pos, axis_y)))
            tick_texts.append(_text(tx, axis_y + 8 + TICK_SIZE * ASCENT, tick.label, "tick", TICK_SIZE, anchor="middle"))
            if context:
                tick_texts.append(_text(tx, axis_y + 8 + TICK_SIZE * ASCENT + TICK_SIZE * LINE, context,
                                        "tick tick-year", TICK_SIZE, anchor="middle", bold=True))
        y = axis_y + 8 + 2 * TICK_SIZE * LINE
        breaks, y = self._breaks(scale, axis_y, plot_top, y, to_xy)
        overflow_texts, y = self._overflow_note(overflow, y)
        heading, notes, y = self._notes(y)
        eras_final = tuple((eid, name, (Shape("rect", "era", (a, min(top, plot_top - 2), max(b - a, 0.0),
                                                            axis_y - min(top, plot_top - 2))), *extra), text)
                           for eid, name, (a, b), text, top, extra in eras_out)
        return self._scene(y + MARGIN, scale, header=tuple(header), eras=eras_final, grid=tuple(grid), axis=tuple(axis),
                           ticks=tuple(tick_texts), breaks=tuple(breaks), lanes=tuple(lanes_out), events=tuple(events),
                           badges=tuple(badges), overflow_note=tuple(overflow_texts), notes_heading=heading,
                           notes=tuple(notes))

    def _breaks(self, scale: TimeScale, axis_c: float, plot_top: float, y: float, to_xy: Point,
                vertical: bool = False) -> tuple[list[tuple[tuple[Shape, ...], Text]], float]:
        out = []
        rows: list[float] = []
        pending = []
        for seg, squeezed in zip(scale.segments, scale.compressed):
            if not squeezed:
                continue
            first = dt.date.fromordinal(int(math.ceil(seg.d0))).year
            last = dt.date.fromordinal(int(seg.d1) - 1).year
            label = f"{first}–{last} compressed" if last > first else f"{first} compressed"
            mid = (seg.p0 + seg.p1) / 2
            zig = []
            for k in range(5):
                zig.append((mid - 6 + 3 * k, axis_c + (-5 if k % 2 else 5)))
            if vertical:
                # Here ``plot_top`` is the far (right) edge of the plot.
                band = Shape("rect", "compressed", (axis_c, seg.p0, plot_top - axis_c, seg.p1 - seg.p0))
                zigzag = Shape("polyline", "break", tuple(v for t, c in zig for v in (c, t)))
            else:
                band = Shape("rect", "compressed", (seg.p0, plot_top, seg.p1 - seg.p0, axis_c - plot_top))
                zigzag = Shape("polyline", "break", tuple(v for t, c in zig for v in (t, c)))
            pending.append((band, zigzag, label, mid, seg))
        for band, zigzag, label, mid, seg in pending:
            w = measure(label, DATE_SIZE)
            if vertical:
                out.append(((band, zigzag), None, label, mid, w))
                continue
            tx = min(max(mid - w / 2, MARGIN), self.width - MARGIN - w)
            row = _first_fit(rows, tx, tx + w + 10, 1000)
            out.append(((band, zigzag), row, label, tx, w))
        final = []
        if not vertical:
            for shapes, row, label, tx, _w in out:
                base = y + 2 + row * DATE_SIZE * LINE + DATE_SIZE * ASCENT
                final.append((shapes, _text(tx, base, label, "break-label", DATE_SIZE)))
            y += len(rows) * DATE_SIZE * LINE + (6 if rows else 0)
            return final, y
        return [(shapes, (label, mid, w)) for shapes, _r, label, mid, w in out], y  # type: ignore[misc]

    # -- vertical ---------------------------------------------------------------------------

    def _vertical(self) -> Scene:
        """Time runs down the page as a list: each label sits at its date, the axis bends to make room.

        Labels are stacked in time order; each date's position on the axis is set where its first
        label lands, and the stretch between two dates gets a little room in proportion to its
        length (capped, with a zig-zag when years are skipped).  So the axis stays monotone and
        true to order, labels stay beside their marks, and leader lines are short elbows.
        """
        header, y = self._header()
        x_right = self.width - MARGIN
        n_lanes = len(self.lane_names)
        _, d0, d1 = self._domain()
        levels = _flow_levels(d0, d1)
        tick_w = _flow_tick_width(levels, d1)
        axis_x = MARGIN + tick_w + 8

        # Lane columns: a dot column, then thin sub-columns (first fit over time) for marks with length.
        lengthy = []
        for k, info in enumerate(self.infos):
            span = _day_span(info, d0, d1)
            if span is not None:
                lengthy.append((span[0], info.event.id, span[1], k))
        lengthy.sort()
        sub_rows: dict[int, list[float]] = {}
        sub_of: dict[int, int] = {}
        for start, _id, end, k in lengthy:
            rows = sub_rows.setdefault(self.infos[k].lane, [])
            sub_of[k] = _first_fit(rows, start, end, 1_000_000)
        sub_w = 6.0
        dot_w = 2 * POINT_R + 3
        need = sum(dot_w + sub_w * len(sub_rows.get(lane, [])) for lane in range(n_lanes)) + 8 * max(0, n_lanes - 1)
        room = max(60.0, (x_right - axis_x - 14) * 0.4)
        if need > room:
            # Too many overlapping spans for the width: narrower sub-columns, then sharing them.
            subs = sum(len(sub_rows.get(lane, [])) for lane in range(n_lanes))
            fixed = n_lanes * dot_w + 8 * max(0, n_lanes - 1)
            sub_w = max(3.0, (room - fixed) / max(1, subs))
        max_sub = max(1, int((room - n_lanes * dot_w - 8 * max(0, n_lanes - 1)) / sub_w / max(1, n_lanes)))
        col_x: list[float] = []
        lane_w: list[float] = []
        cx = axis_x + 14
        for lane in range(n_lanes):
            n_sub = len(sub_rows.get(lane, []))
            if need > room:
                n_sub = min(n_sub, max_sub)
            col_x.append(cx + POINT_R + 1)
            lane_w.append(dot_w + sub_w * n_sub)
            cx += lane_w[-1] + 8
        marks_end = cx - 8
        label_x = marks_end + 18
        max_w = max(60.0, x_right - label_x)

        def across(k: int) -> float:
            info = self.infos[k]
            if k not in sub_of or k in dots:
                return col_x[info.lane]
            n_sub = max(1, int(round((lane_w[info.lane] - dot_w) / sub_w)))
            return col_x[info.lane] + POINT_R + 1.5 + sub_w * (sub_of[k] % n_sub) + sub_w / 2

        # The list: era headings and event labels in time order, each with its height.
        DATE_OFF = DATE_SIZE * 0.6
        items = []  # (day, order, kind, index, height, offset, payload)
        for k, info in enumerate(self.infos):
            lines, date, _tw = self._label_lines(info, max_w)
            h = DATE_SIZE * LINE + len(lines) * LABEL_SIZE * LINE
            items.append((_flow_day(info, d0, d1), 1, k, "event", h, DATE_OFF, (lines, date)))
        era_list = self._eras(linear_scale(d0, d1, 0.0, 1.0))
        for k, (era, _a, _b, notes) in enumerate(era_list):
            label = shorten(era.label, ERA_SIZE, max_w - _sup_width(notes))
            items.append((day_number(era.when.earliest), 0, k, "era", ERA_SIZE * LINE + 4, 0.0, (label, notes)))
        items.sort(key=lambda it: it[:3])
        knots, squeezed, placed = _flow(items, d0, d1)
        rel = knot_scale(knots, squeezed)
        # A partial date too short to show as a span is drawn as a dot in the middle of its period;
        # hang its label there instead, so its leader stays level (a second, final pass).
        dots = set()
        for n, it in enumerate(items):
            if it[3] == "event" and _day_span(self.infos[it[2]], d0, d1) is not None:
                info = self.infos[it[2]]
                if info.kind == "point" and len(info.claims) < 2 and _kind(info, *_mark_extent(info, rel.pos)) != "extent":
                    dots.add(it[2])
                    items[n] = ((info.t0 + info.t1) / 2, *it[1:])
        if dots:
            items.sort(key=lambda it: it[:3])
            knots, squeezed, placed = _flow(items, d0, d1)
            rel = knot_scale(knots, squeezed)

        # Legend and lane key above the columns.
        keys = self._legend_keys(lambda i: _kind(i, *_mark_extent(i, rel.pos)) == "extent")
        legend_shapes, legend_texts, y = self._legend(keys, y)
        header = [*header, *legend_texts]
        lane_key: list[Text] = []
        key_shapes: list[Shape] = []
        named = [(i, n) for i, n in enumerate(self.lane_names) if n]
        if named:
            kx = MARGIN
            y += LANE_SIZE * ASCENT
            for i, name in named:
                label = shorten(f"{i + 1}  {name}", LANE_SIZE, x_right - MARGIN - 12, bold=True)
                w = 12 + measure(label, LANE_SIZE, bold=True)
                if kx > MARGIN and kx + w > x_right:
                    kx = MARGIN
                    y += LANE_SIZE * LINE + 2
                key_shapes.append(Shape("rect", f"lane-swatch lane-hue-{i % 6}", (kx, y - LANE_SIZE * 0.7, 6.0, LANE_SIZE * 0.8)))
                lane_key.append(_text(kx + 12, y, label, "lane-name", LANE_SIZE, bold=True))
                kx += w + 22
            y += LANE_SIZE * DESCENT + 12
        heads_y = y + LANE_SIZE * ASCENT
        top = y + LANE_SIZE * LINE + 10
        scale = knot_scale([(d, p + top) for d, p in knots], squeezed)
        pos = scale.pos
        to_xy: Point = lambda t, c: (c, t)

        events: list[EventMark] = []
        eras_out = []
        bottom = top
        x_elbow = label_x - 10
        for (day, _o, k, kind, h, off, payload), rel_top in zip(items, placed):
            ty = rel_top + top
            if kind == "era":
                era, _a, _b, notes = era_list[k]
                label, notes = payload
                text = _text(label_x, ty + 1 + ERA_SIZE * ASCENT, label, "era-name", ERA_SIZE, notes=notes)
                a = pos(day_number(era.when.earliest))
                b = max(pos(day_number(era.when.latest) + 1), ty + h)
                band = Shape("rect", "era", (axis_x, a, x_right - axis_x, max(b - a, 0.0)))
                eras_out.append((era.id, era.label, (band,), text))
                bottom = max(bottom, text.box.y1)
                continue
            info = self.infos[k]
            lines, date = payload
            c = across(k)
            shapes = _marks(info, pos, c, to_xy, thin=True)
            texts = [_text(label_x, ty + DATE_SIZE * ASCENT, date, "date", DATE_SIZE)]
            base = ty + DATE_SIZE * LINE + LABEL_SIZE * ASCENT
            for n, line in enumerate(lines):
                texts.append(_text(label_x, base, line, "label", LABEL_SIZE,
                                   notes=info.notes if n == len(lines) - 1 else ()))
                base += LABEL_SIZE * LINE
            box = _union([t.box for t in texts])
            dot = shapes[-1].kind == "circle" and len(shapes) == 1
            my = pos(day)
            if dot:
                my = shapes[0].coords[1]
            mx = c + (POINT_R + 1.5 if dot or len(info.claims) > 1 else 3.0)
            ly = ty + off
            if abs(ly - my) < 1.0:
                leader: tuple[float, ...] = (mx, my, label_x - 4, my)
            else:
                leader = (mx, my, x_elbow, my, x_elbow, ly, label_x - 4, ly)
            events.append(EventMark(info.event.id, info.event.title, info.date_label, info.classes,
                                    info.lane, tuple(shapes), Label(box, tuple(texts), leader), info.notes))
            bottom = max(bottom, box.y1)
        axis_end = max(scale.pos(d1), bottom)
        axis = [Shape("line", "axis", (axis_x, top, axis_x, axis_end))]
        for seg, flag in zip(scale.segments, scale.compressed):
            if flag:
                mid = (seg.p0 + seg.p1) / 2
                axis.append(Shape("polyline", "break", tuple(
                    v for j in range(5) for v in (axis_x + (-5 if j % 2 else 5), mid - 6 + 3 * j))))
        grid: list[Shape] = [*legend_shapes, *key_shapes]
        tick_texts = []
        for tpos, label, major in _flow_ticks(scale, d0, d1, levels, top, axis_end):
            axis.append(Shape("line", "tick", (axis_x - 5, tpos, axis_x, tpos)))
            grid.append(Shape("line", "grid" + (" grid-major" if major else ""), (axis_x, tpos, marks_end, tpos)))
            tick_texts.append(_text(axis_x - 8, tpos + TICK_SIZE * 0.35, label, "tick" + (" tick-year" if major else ""),
                                    TICK_SIZE, anchor="end", bold=major))
        lanes_out = []
        for lane in range(n_lanes):
            x = col_x[lane]
            shapes_l: tuple[Shape, ...] = (Shape("line", "lane-rule", (x, top, x, axis_end)),)
            texts_l: tuple[Text, ...] = (_text(x, heads_y, str(lane + 1), "lane-number", LANE_SIZE, anchor="middle", bold=True),)
            if lane == 0:
                texts_l = (*lane_key, *texts_l)
            lanes_out.append((self.lane_ids[lane], shapes_l, texts_l))
        y = axis_end + 18
        heading, notes_out, y = self._notes(y)
        return self._scene(y + MARGIN, scale, header=tuple(header), eras=tuple(eras_out), grid=tuple(grid),
                           axis=tuple(axis), ticks=tuple(tick_texts), breaks=(), lanes=tuple(lanes_out),
                           events=tuple(events), badges=(), overflow_note=(), notes_heading=heading,
                           notes=tuple(notes_out))


# -- helpers -------------------------------------------------------------------------------

def _day_span(info: _Info, d0: float, d1: float) -> tuple[float, float] | None:
    """The days a mark with length covers (a range, a partial date, a dispute), or None for a dot."""
    if len(info.claims) > 1:
        return info.claims[0][0], info.claims[-1][1]
    if info.kind == "range":
        a = info.t0 if info.t0 is not None else (info.t1 - 1 if info.t1 is not None else d0)
        b = info.t1 if info.t1 is not None else d1
        return a, max(b, a + 1)
    if info.bound is Bound.EXACT and info.t0 is not None and info.t1 is not None and info.t1 - info.t0 > 1.5:
        return info.t0, info.t1
    return None


def _flow_day(info: _Info, d0: float, d1: float) -> float:
    """The day an event's label is hung from in the vertical list: where its mark begins (or its dot sits)."""
    if len(info.claims) > 1:
        a, b, _p = info.claims[0]
        return (a + b) / 2
    if info.kind == "range":
        if info.t0 is not None:
            return info.t0
        return info.t1 - 1 if info.t1 is not None else d0
    if info.bound is Bound.NOT_AFTER and info.t1 is not None:
        return info.t1
    if info.bound is Bound.NOT_BEFORE and info.t0 is not None:
        return info.t0
    if info.t0 is None or info.t1 is None:
        return info.t0 if info.t0 is not None else info.t1 if info.t1 is not None else d0
    if info.t1 - info.t0 > 1.5:
        return info.t0
    return (info.t0 + info.t1) / 2


def _flow(items: Sequence[tuple[Any, ...]], d0: float, d1: float) -> tuple[list[tuple[float, float]], list[bool], list[float]]:
    """Stack list items (day, _, _, _, height, anchor offset, _) down the page: knots (day, px), squeezed gaps, tops.

    Each new date's knot is where its first item's anchor lands: below the item before it, and
    at least a little time-proportional room after the previous date (capped, so a gap of decades
    costs a few lines; such a gap is flagged for a zig-zag).
    """
    total = sum(it[4] + 8 for it in items) or 200.0
    rate = 0.3 * total / max(d1 - d0, 1.0)  # px per day given to time itself
    cap = 70.0
    knots: list[tuple[float, float]] = [(d0, 0.0)]
    squeezed: list[bool] = []
    cursor = 0.0
    placed = []
    for day, _o, _k, _what, h, off, _p in items:
        day = min(max(day, d0), d1)
        prev_day, prev_y = knots[-1]
        if day > prev_day:
            gap = rate * (day - prev_day)
            squeezed.append(gap > cap and day - prev_day > 2 * 365)
            want = prev_y + max(min(gap, cap), 0.5)
            top = max(cursor, want - off)
            knots.append((day, top + off))
        else:
            top = cursor
        placed.append(top)
        cursor = top + h + 8
    prev_day, prev_y = knots[-1]
    if d1 > prev_day:
        gap = rate * (d1 - prev_day)
        squeezed.append(gap > cap and d1 - prev_day > 2 * 365)
        knots.append((d1, prev_y + max(min(gap, cap), 1.0)))
    return knots, squeezed, placed


def _tick_ordinal(d: dt.date, level: str) -> int:
    """A tick's count within its level (years // step, months, weeks), for thinning to every 2nd or 5th."""
    if level.startswith("year"):
        return d.year // int(level[4:])
    if level in ("quarter", "month"):
        return d.year * 12 + d.month - 1
    return d.day // 7


def _flow_levels(d0: float, d1: float) -> tuple[str, ...]:
    """Tick levels for the vertical axis, coarse to fine, keeping the candidate count small."""
    years = (d1 - d0) / 365.25
    out = [f"year{step}" for step in (1000, 500, 100, 50, 10, 5, 1) if years / step <= 2000]
    if years <= 60:
        out += ["quarter", "month"]
    if years <= 3:
        out.append("day")
    return tuple(out)


def _flow_tick_width(levels: Sequence[str], d1: float) -> float:
    """The widest tick label the levels can produce (so none is ever cut)."""
    year = str(dt.date.fromordinal(int(min(d1, dt.date.max.toordinal()))).year)
    sample = "28 Sep " + year if "day" in levels else "Sep " + year if "month" in levels else year
    return max(measure(sample, TICK_SIZE, bold=True), measure(year, TICK_SIZE, bold=True))


def _flow_ticks(scale: TimeScale, d0: float, d1: float, levels: Sequence[str], lo: float,
                hi: float) -> list[tuple[float, str, bool]]:
    """(position, label, is a year) for the vertical axis: coarse levels first, finer ones fill the gaps.

    A month or day tick says its year when the tick above it is in another year, so every kept
    label reads on its own.
    """
    first, last = dt.date.fromordinal(int(math.ceil(d0))), dt.date.fromordinal(int(d1) - 1)
    seen: set[dt.date] = set()
    kept: list[float] = [lo - 1e9, hi + 1e9]  # sentinels: every candidate falls between two kept positions
    chosen: list[tuple[float, dt.date, int]] = []
    min_gap = TICK_SIZE * 1.4
    for rank, level in enumerate(levels):
        dates: list[dt.date] = []
        if level.startswith("year"):
            step = int(level[4:])
            y0 = -(-first.year // step) * step
            dates = [dt.date(y, 1, 1) for y in range(max(y0, 1), last.year + 1, step)]
        elif level in ("quarter", "month"):
            months = (4, 7, 10) if level == "quarter" else tuple(range(2, 13))
            dates = [dt.date(y, m, 1) for y in range(first.year, last.year + 1) for m in months]
        else:
            d = first
            while d <= last:
                if d.day in (8, 15, 22):
                    dates.append(d)
                d += dt.timedelta(days=1)
        # Ticks of a level go in all together between two kept ticks, or not at all, so the
        # steps stay regular (no lone "1861" between "1860" and "1865").
        groups: dict[int, list[tuple[float, dt.date]]] = {}
        for d in dates:
            if not first <= d <= last or d in seen:
                continue
            p = scale.pos(day_number(d))
            if lo <= p <= hi:
                groups.setdefault(bisect.bisect_left(kept, p), []).append((p, d))
        adds = []
        for i, group in groups.items():
            group.sort()
            for every in (1, 2, 5):
                # Every 1st, 2nd or 5th tick of the level, counted on the calendar so the steps stay round.
                sub = [(p, d) for p, d in group if _tick_ordinal(d, level) % every == 0]
                ps = [kept[i - 1], *(p for p, _d in sub), kept[i]]
                if sub and all(b - a >= min_gap for a, b in zip(ps, ps[1:])):
                    adds.extend(sub)
                    break
        for p, d in adds:
            seen.add(d)
            bisect.insort(kept, p)
            chosen.append((p, d, rank))
    chosen.sort()
    out = []
    last_year = None
    for p, d, _rank in chosen:
        if d.month == 1 and d.day == 1:
            out.append((p, str(d.year), True))
        else:
            label = MONTHS[d.month - 1] if d.day == 1 else f"{d.day} {MONTHS[d.month - 1]}"
            if d.year != last_year:
                label += f" {d.year}"
            out.append((p, label, False))
        last_year = d.year
    return out


def _pick_ticks(candidates: Sequence[Tick], x0: float, x1: float, gap: float = 8.0) -> list[tuple[Tick, float, str]]:
    """The ticks whose labels fit side by side: (tick, label centre, year line or "").

    Year boundaries are placed first, those opening the longest stretch before the next
    boundary winning a clash (on an adaptive scale a squeezed year must not hide the busy year
    after it); then the other ticks fill the gaps.  The year line under month and day ticks is
    worked out over the ticks kept, so every kept label can be read without a dropped neighbour.
    """
    cands = sorted(candidates, key=lambda t: (t.pos, t.date))
    starts = [k for k, t in enumerate(cands) if t.date.month == 1 and t.date.day == 1]
    room = {}
    for j, k in enumerate(starts):
        nxt = cands[starts[j + 1]].pos if j + 1 < len(starts) else x1
        room[k] = nxt - cands[k].pos
    order = sorted(starts, key=lambda k: (-room[k], k)) + [k for k in range(len(cands)) if k not in room]
    taken: list[tuple[float, float]] = []  # kept label extents, sorted
    kept: dict[int, float] = {}
    for k in order:
        t = cands[k]
        w = measure(t.label, TICK_SIZE)
        if t.unit in ("day", "month", "quarter"):
            w = max(w, measure(str(t.date.year), TICK_SIZE, bold=True))
        tx = min(max(t.pos, x0 + w / 2), x1 - w / 2)
        lo, hi = tx - w / 2, tx + w / 2
        i = bisect.bisect_left(taken, (lo, hi))
        if (i > 0 and taken[i - 1][1] + gap > lo) or (i < len(taken) and taken[i][0] < hi + gap):
            continue
        taken.insert(i, (lo, hi))
        kept[k] = tx
    out = []
    last_year = None
    for k in sorted(kept):
        t = cands[k]
        context = ""
        if t.unit in ("day", "month", "quarter") and t.date.year != last_year:
            context = str(t.date.year)
        last_year = t.date.year
        out.append((t, kept[k], context))
    return out


def _first_fit(rows: list[float], start: float, end: float, max_rows: int) -> int:
    """Put ``start..end`` in the first row whose rightmost end is left of ``start``; -1 when full."""
    for i, right in enumerate(rows):
        if right <= start:
            rows[i] = end
            return i
    if len(rows) < max_rows:
        rows.append(end)
        return len(rows) - 1
    return -1


def _union(boxes: Sequence[Box]) -> Box:
    x0 = min(b.x for b in boxes)
    y0 = min(b.y for b in boxes)
    x1 = max(b.x1 for b in boxes)
    y1 = max(b.y1 for b in boxes)
    return Box(x0, y0, x1 - x0, y1 - y0)


