"""The horizontal layout: time runs right, lanes stack down, labels in first-fit rows per lane.

Label placement is greedy and near-linear: events sorted by start go into the first row whose
rightmost end leaves room (TimelineJS's first-fit rows, with per-row "rightmost end"
bookkeeping, so O(n log n) for the sort and O(n * max_rows) for the fit).  When rows run out
the event keeps its mark and joins a "+N more" badge listed in a note, never silently dropped.
"""

from __future__ import annotations

import math

import attrs

from timeline.dates.calendar import format_year, year_of
from timeline.layout import blocks
from timeline.layout.blocks import LabelText
from timeline.layout.chart import MARGIN, Chart, first_fit, union
from timeline.layout.classify import EventInfo
from timeline.layout.marks import POINT_R, legend_keys, mark_extent, mark_kind, marks
from timeline.layout.scale import TimeScale
from timeline.layout.scene import ASCENT, Badge, EventMark, Label, Scene, Shape, Text
from timeline.layout.text import measure, shorten
from timeline.layout.ticks import pick_ticks, ticks

__all__ = ["horizontal"]

GAP = 14.0   # least horizontal room between two labels in a row


@attrs.frozen
class _Placed:
    """An event given a label row: its mark extent, label text and where the label starts."""

    info: EventInfo
    row: int
    m0: float
    m1: float
    text: LabelText
    tx: float
    point_style: bool


class _Plot:
    """The lanes of a horizontal chart, laid out top to bottom from ``y``."""

    def __init__(self, ch: Chart, scale: TimeScale, x0: float, x1: float, y: float) -> None:
        self.ch, self.scale, self.x0, self.x1, self.y = ch, scale, x0, x1, y
        self.max_label = min(240.0, (x1 - x0) / 2.6)
        self.events: list[EventMark] = []
        self.badges: list[Badge] = []
        self.lanes: list[tuple[str, tuple[Shape, ...], tuple[Text, ...]]] = []
        self.overflow: list[EventInfo] = []

    def run(self) -> None:
        by_lane: dict[int, list[EventInfo]] = {}
        for info in self.ch.infos:
            by_lane.setdefault(info.lane, []).append(info)
        for lane_index, lane_name in enumerate(self.ch.lane_names):
            self._lane(lane_index, lane_name, by_lane.get(lane_index, []))

    def _lane(self, lane_index: int, lane_name: str, infos: list[EventInfo]) -> None:
        ch, ty, x0, x1 = self.ch, self.ch.ty, self.x0, self.x1
        lane_top = self.y
        texts = []
        if lane_name:
            texts.append(ty.text(x0, self.y + ty.lane * ASCENT, shorten(lane_name, ty.lane, x1 - x0, bold=True),
                                 "lane-name"))
            self.y += ty.lane * ty.line + 6
        placed: list[_Placed] = []
        rows: list[float] = []
        lane_over: list[tuple[EventInfo, float, float]] = []
        items = sorted(((*mark_extent(info, self.scale.pos), info) for info in infos),
                       key=lambda it: (it[0], it[2].event.id))
        for m0, m1, info in items:
            text = blocks.label_lines(ch, info, self.max_label)
            point_style = m1 - m0 < 3 * POINT_R
            tx = min(max(m0, x0), x1 - text.width)
            if point_style:
                tx = m1 + 6
                if tx + text.width > x1:
                    tx = max(x0, m0 - 6 - text.width)
            o0, o1 = min(m0, tx), max(m1, tx + text.width)
            row = first_fit(rows, o0, o1 + GAP, ch.opts.row_limit)
            if row < 0:
                lane_over.append((info, m0, m1))
                continue
            placed.append(_Placed(info, row, m0, m1, text, tx, point_style))
        heights = [0.0] * len(rows)
        for p in placed:
            h = len(p.text.lines) * ty.label * ty.line + ty.date * ty.line + (0 if p.point_style else 10)
            heights[p.row] = max(heights[p.row], h)
        row_y = []
        for h in heights:
            row_y.append(self.y)
            self.y += h + 8
        for p in placed:
            self.events.append(self._event(p, row_y[p.row]))
        if lane_over:
            self._badges(lane_index, lane_over)
        self.y += 10
        sep = (Shape("line", "lane-rule", (x0, lane_top - 6, x1, lane_top - 6)),) if lane_index else ()
        self.lanes.append((ch.lane_ids[lane_index], sep, tuple(texts)))

    def _event(self, p: _Placed, top: float) -> EventMark:
        ty, info = self.ch.ty, p.info
        if p.point_style:
            c = top + ty.label * 0.5
            base = top + ty.label * ASCENT
        else:
            c = top + 4
            base = top + 10 + ty.label * ASCENT
        shapes = marks(info, self.scale.pos, c)
        texts = []
        for k, line in enumerate(p.text.lines):
            last = k == len(p.text.lines) - 1
            texts.append(ty.text(p.tx, base, line, "label", notes=info.notes if last else ()))
            base += ty.label * ty.line
        texts.append(ty.text(p.tx, base - ty.label * ty.line + ty.date * ty.line + 1, p.text.date, "date"))
        return EventMark(info.event.id, info.event.title, info.date_label, info.classes, info.lane, tuple(shapes),
                         Label(union([t.box for t in texts]), tuple(texts), ()), info.notes)

    def _badges(self, lane_index: int, lane_over: list[tuple[EventInfo, float, float]]) -> None:
        """One row of "+N more" badges; neighbours that would collide merge into one badge."""
        ty = self.ch.ty
        c = self.y + 5
        groups: list[list] = []
        label_w = measure("+99 more", ty.badge)
        for info, m0, m1 in lane_over:
            if groups and m0 < groups[-1][1] + GAP:
                groups[-1][2].append(info)
                groups[-1][1] = max(groups[-1][1], groups[-1][0] + label_w, m1)
            else:
                groups.append([m0, max(m0 + label_w, m1), [info]])
        for g0, _g1, group in groups:
            text = f"+{len(group)} more"
            tx = min(max(g0, self.x0), self.x1 - measure(text, ty.badge))
            self.badges.append(Badge(ty.text(tx, c + 10 + ty.badge * ASCENT, text, "more"),
                                     tuple(i.event.id for i in group), lane_index))
            for info in group:
                self.events.append(EventMark(info.event.id, info.event.title, info.date_label,
                                             (*info.classes, "overflow"), info.lane, tuple(marks(info, self.scale.pos, c)),
                                             None, info.notes, overflow=True))
                self.overflow.append(info)
        self.y += 10 + ty.badge * ty.line + 8


def _breaks(ch: Chart, scale: TimeScale, axis_y: float, plot_top: float,
            y: float) -> tuple[list[tuple[tuple[Shape, ...], Text]], float]:
    """A shaded band and a zig-zag on the axis per compressed stretch, labelled in rows below the ticks."""
    ty = ch.ty
    out = []
    rows: list[float] = []
    for seg, squeezed in zip(scale.segments, scale.compressed):
        if not squeezed:
            continue
        first, last = year_of(math.ceil(seg.d0)), year_of(math.ceil(seg.d1) - 1)
        mark = (first < 1) != (last < 1)
        label = (f"{format_year(first, mark_ce=mark)}–{format_year(last, mark_ce=mark)} compressed" if last > first
                 else f"{format_year(first)} compressed")
        mid = (seg.p0 + seg.p1) / 2
        band = Shape("rect", "compressed", (seg.p0, plot_top, seg.p1 - seg.p0, axis_y - plot_top))
        zigzag = Shape("polyline", "break", tuple(v for k in range(5) for v in (mid - 6 + 3 * k, axis_y + (-5 if k % 2 else 5))))
        w = measure(label, ty.breaks)
        tx = min(max(mid - w / 2, MARGIN), ch.width - MARGIN - w)
        row = first_fit(rows, tx, tx + w + 10, 1000)
        base = y + 2 + row * ty.breaks * ty.line + ty.breaks * ASCENT
        out.append(((band, zigzag), ty.text(tx, base, label, "break-label")))
    return out, y + len(rows) * ty.breaks * ty.line + (6 if rows else 0)


def horizontal(ch: Chart) -> Scene:
    """Lay the chart out with time running right."""
    ty = ch.ty
    header, y = blocks.header(ch)
    x0, x1 = MARGIN, ch.width - MARGIN
    scale = ch.scale(x0 + 6, x1 - 6)
    pos = scale.pos
    legend_shapes, legend_texts, y = blocks.legend(
        ch, legend_keys(ch.infos, ch.tl.eras, lambda i: mark_kind(i, *mark_extent(i, pos)) == "extent"), y)
    header = [*header, *legend_texts]
    era_rows, y = blocks.era_rows(ch, ch.eras(scale), y, x0, x1)
    plot_top = y
    plot = _Plot(ch, scale, x0, x1, y)
    plot.run()
    y = plot.y
    # The axis, its ticks, compressed stretches.
    axis_y = y + 4
    axis = [Shape("line", "axis", (x0, axis_y, x1, axis_y))]
    grid = list(legend_shapes)
    tick_texts: list[Text] = []
    for tick, tx, context in pick_ticks(ty, ticks(scale), x0, x1):
        year_start = tick.date.month == 1 and tick.date.day == 1
        axis.append(Shape("line", "tick", (tick.pos, axis_y, tick.pos, axis_y + 5)))
        grid.append(Shape("line", "grid" + (" grid-major" if year_start else ""), (tick.pos, plot_top, tick.pos, axis_y)))
        tick_texts.append(ty.text(tx, axis_y + 8 + ty.tick * ASCENT, tick.label, "tick", anchor="middle"))
        if context:
            tick_texts.append(ty.text(tx, axis_y + 8 + ty.tick * ASCENT + ty.tick * ty.line, context,
                                      "tick tick-year", anchor="middle"))
    y = axis_y + 8 + 2 * ty.tick * ty.line
    breaks, y = _breaks(ch, scale, axis_y, plot_top, y)
    overflow_texts, y = blocks.overflow_note(ch, plot.overflow, y)
    heading, notes, y = blocks.notes(ch, y)
    eras = []
    for r in era_rows:
        top = min(r.top, plot_top - 2) if r.top is not None else plot_top - 2
        band = Shape("rect", "era", (r.span.a, top, max(r.span.b - r.span.a, 0.0), axis_y - top))
        eras.append((r.span.era.id, r.span.era.label, (band, *r.extra), r.text))
    return ch.scene(y + MARGIN, scale, header=tuple(header), eras=tuple(eras), grid=tuple(grid), axis=tuple(axis),
                    ticks=tuple(tick_texts), breaks=tuple(breaks), lanes=tuple(plot.lanes), events=tuple(plot.events),
                    badges=tuple(plot.badges), overflow_note=tuple(overflow_texts), notes_heading=heading,
                    notes=tuple(notes))
