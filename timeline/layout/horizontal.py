"""The horizontal layout: time runs right, lanes stack down, labels in first-fit rows per lane.

Label placement is greedy and near-linear: events sorted by start go into the first row whose
rightmost end leaves room (TimelineJS's first-fit rows, with per-row "rightmost end"
bookkeeping, so O(n log n) for the sort and O(n * max_rows) for the fit).  When rows run out
the event keeps its mark and joins a "+N more" badge listed in a note, never silently dropped.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from timeline.layout import blocks
from timeline.layout.blocks import LabelText
from timeline.layout.chart import MARGIN, Chart, first_fit, union
from timeline.layout.rows import BAR_C, BAR_TRACK, GAP, LanePlan, Placed, fit_lanes, plan_lane, span_text
from timeline.layout.classify import EventInfo
from timeline.layout.ladder import is_deep, stretch_label
from timeline.layout.marks import legend_keys, mark_extent, marks
from timeline.layout.scale import TimeScale
from timeline.layout.scene import ASCENT, AxisBreak, Badge, EraBand, EventMark, Label, LaneBand, Scene, Shape, Text
from timeline.layout.text import measure, shorten, units
from timeline.layout.ticks import locate

__all__ = ["horizontal"]

class _Plot:
    """The lanes of a horizontal chart, laid out top to bottom from ``y``."""

    def __init__(self, ch: Chart, scale: TimeScale, x0: float, x1: float, y: float) -> None:
        self.ch, self.scale, self.x0, self.x1, self.y = ch, scale, x0, x1, y
        ty = ch.ty
        # About 19 em; a fixed frame allows longer one-line labels (rows stay low, so more rows fit).
        self.max_label = min(240.0 * ty.label / 12.5 * (1.4 if ch.frame.fixed else 1.0), (x1 - x0) / 2.6)
        self.events: list[EventMark] = []
        self.badges: list[Badge] = []
        self.lanes: list[LaneBand] = []
        self.overflow: list[EventInfo] = []
        self.pad = 6.0 if ch.frame.fixed else 10.0   # under each lane (a fixed frame packs tighter)
        self.items: dict[int, list[tuple[float, float, EventInfo, _Label]]] = {}
        pos = scale.pos
        for info in ch.infos:
            m0, m1 = mark_extent(info, pos)
            self.items.setdefault(info.lane, []).append((m0, m1, info, _Label(ch, info, self.max_label)))

    def _row_height(self, text: LabelText, point_style: bool) -> float:
        ty = self.ch.ty
        date_line = 0.0 if text.date_x is not None else ty.date * ty.line
        return len(text.lines) * ty.label * ty.line + date_line + (0 if point_style else BAR_TRACK)

    def plan(self, lane: int, limit: int) -> LanePlan:
        """Lane ``lane``'s labels in at most ``limit`` rows."""
        ty = self.ch.ty
        head = (ty.lane * ty.line + 6 if self.ch.lane_names[lane] else 0.0) + self.pad
        return plan_lane(lane, self.items.get(lane, []), self.x0, self.x1, limit, self.ch.frame.fixed,
                         self._row_height, head, 10 + ty.badge * ty.line + self.pad - 2)

    def plans(self, budget: float | None) -> list[LanePlan]:
        """Every lane's plan: as many rows as needed (up to the row limit), or fewer to fit ``budget`` px."""
        ty = self.ch.ty
        # On a fixed frame no lane can use more rows than the height holds at one line a label.
        least = ty.label * ty.line + 8
        limit = self.ch.opts.row_limit if budget is None else max(0, int(budget // least))
        out = [self.plan(lane, limit) for lane in range(len(self.ch.lane_names))]
        if budget is not None:
            out = fit_lanes(out, budget, lambda p, rows: self.plan(p.lane, rows))
        return out

    def draw(self, plans: list[LanePlan]) -> None:
        """Place every lane's labels, marks and badges from ``self.y`` down."""
        ch, ty, x0, x1 = self.ch, self.ch.ty, self.x0, self.x1
        for plan in plans:
            lane_index, lane_name = plan.lane, ch.lane_names[plan.lane]
            lane_top = self.y
            texts = []
            if lane_name:
                texts.append(ty.text(x0, self.y + ty.lane * ASCENT, shorten(lane_name, ty.lane, x1 - x0, bold=True),
                                     "lane-name"))
                self.y += ty.lane * ty.line + 6
            row_y = []
            for h in plan.heights:
                row_y.append(self.y)
                self.y += h + 8
            for p in sorted(plan.placed, key=lambda p: (p.m0, p.info.event.id)):
                track = plan.tracks[p.row]
                self.events.append(self._event(p, row_y[p.row] + (track if p.point_style else 0.0), track))
            if plan.over:
                self._badges(lane_index, plan.over)
            self.y += self.pad
            sep = (Shape("line", "lane-rule", (x0, lane_top - 6, x1, lane_top - 6)),) if lane_index else ()
            self.lanes.append(LaneBand(ch.lane_ids[lane_index], sep, tuple(texts)))

    def _event(self, p: Placed, top: float, track: float) -> EventMark:
        ty, info = self.ch.ty, p.info
        if p.point_style:
            c = top + ty.label * 0.5
            base = top + ty.label * ASCENT
        else:
            c = top + BAR_C
            base = top + track + ty.label * ASCENT
        shapes = marks(info, self.scale.pos, c)
        texts = []
        for k, line in enumerate(p.text.lines):
            last = k == len(p.text.lines) - 1
            texts.append(ty.text(p.tx, base, line, "label", notes=info.notes if last else ()))
            base += ty.label * ty.line
        if p.text.date_x is not None:
            texts.append(ty.text(p.tx + p.text.date_x, base - ty.label * ty.line, p.text.date, "date"))
        else:
            texts.append(ty.text(p.tx, base - ty.label * ty.line + ty.date * ty.line + 1, p.text.date, "date"))
        return EventMark(info.event.id, info.event.title, info.date_label, info.classes, info.lane, tuple(shapes),
                         Label(union([t.box for t in texts]), tuple(texts), ()), info.notes)

    def _badges(self, lane_index: int, lane_over: Sequence[tuple[EventInfo, float, float]]) -> None:
        """One row of "+N more in Mar–Jun 1953" badges; neighbours that would collide merge into one badge."""
        ty = self.ch.ty
        c = self.y + 5
        groups: list[_Group] = []
        widths = _BadgeWidths(ty.badge)
        for info, m0, _m1 in lane_over:
            if groups and m0 < groups[-1].end + GAP:
                groups[-1].add(info, m0)
            else:
                groups.append(_Group(info, m0))
            # Place the last group's text, merging it into the one before while they collide.
            while True:
                groups[-1].place(widths(groups[-1]), self.x0, self.x1)
                if len(groups) > 1 and groups[-1].tx < groups[-2].end + GAP:
                    last = groups.pop()
                    groups[-1].merge(last)
                    continue
                break
        for group in groups:
            self.badges.append(Badge(ty.text(group.tx, c + 10 + ty.badge * ASCENT, group.text(), "more"),
                                     tuple(i.event.id for i in group.infos), lane_index))
            for info in group.infos:
                self.events.append(EventMark(info.event.id, info.event.title, info.date_label,
                                             (*info.classes, "overflow"), info.lane, tuple(marks(info, self.scale.pos, c)),
                                             None, info.notes, overflow=True))
                self.overflow.append(info)
        self.y += 10 + ty.badge * ty.line + self.pad - 2


class _Label:
    """An event's label lines, made the first time a row may take the event (most events at 10k never get
    one); until then its width is known to lie between its date's width and the widest a label may be."""

    __slots__ = ("ch", "info", "least", "max_width", "most", "made")

    def __init__(self, ch: Chart, info: EventInfo, max_width: float) -> None:
        self.ch, self.info, self.max_width = ch, info, max_width
        self.most = max_width + 1e-6  # a whole label's lines are measured against max_width
        self.least = blocks.date_width(ch, info, max_width)
        self.made: LabelText | None = None

    def text(self) -> LabelText:
        if self.made is None:
            ch, info = self.ch, self.info
            made = blocks.label_lines(ch, info, self.max_width, inline=ch.frame.fixed)
            if not made.whole:  # a third line (up to a sixth on a free height) before giving up the label
                made = blocks.label_lines(ch, info, self.max_width, max_lines=3 if ch.frame.fixed else 6)
            self.made = made
        return self.made


class _Group:
    """Unlabelled neighbours counted in one badge, with the time they cover."""

    def __init__(self, info: EventInfo, m0: float) -> None:
        self.infos: list[EventInfo] = []
        self.g0 = m0
        self.first, self.after = math.inf, -math.inf
        self.tx = self.end = m0
        self.add(info, m0)

    def add(self, info: EventInfo, m0: float) -> None:
        self.infos.append(info)
        self.g0 = min(self.g0, m0)
        days = [d for d in (info.t0, info.t1) if d is not None]
        if days:
            self.first, self.after = min(self.first, *days), max(self.after, *days)

    def merge(self, other: _Group) -> None:
        self.infos += other.infos
        self.g0 = min(self.g0, other.g0)
        self.first, self.after = min(self.first, other.first), max(self.after, other.after)

    def where(self) -> str:
        return f" {span_text(self.first, self.after)}" if self.first <= self.after else ""

    def text(self) -> str:
        return f"+{len(self.infos)} more{self.where()}"

    def place(self, w: float, x0: float, x1: float) -> None:
        self.tx = min(max(self.g0, x0), x1 - w)
        self.end = self.tx + w


class _BadgeWidths:
    """The width of a group's text, ``measure(group.text(), size)``, from its two parts' widths, each
    measured once: the count ("+12 more") and the time (" in Mar–Jun 1953") change apart as a group grows.

    Widths add exactly (``text.measure`` sums whole font units), so this is the whole text's width
    (tests/test_fast_layout.py checks it).
    """

    def __init__(self, size: float) -> None:
        self.size = size
        self.counts: dict[int, int] = {}
        self.spans: dict[tuple[float, float], int] = {}

    def __call__(self, group: _Group) -> float:
        n, key = len(group.infos), (group.first, group.after)
        count = self.counts.get(n)
        if count is None:
            count = self.counts[n] = units(f"+{n} more")
        span = self.spans.get(key)
        if span is None:
            span = self.spans[key] = units(group.where())
        return (count + span) * self.size / 1000.0

#: A stretch drawn at under this share of the linear rate, for at least this share of the axis's
#: time, is marked as compressed even where the scale did not flag it (a squeezed autumn on a
#: one-year slide): a reader must never take its spacing for the rest of the axis's.
SQUEEZED_RATE, SQUEEZED_SHARE = 0.55, 0.05


def _squeezed(scale: TimeScale) -> list[tuple[float, float, float, float]]:
    """The compressed stretches of the axis, (first day, after day, first px, after px), neighbours merged."""
    linear = (scale.segments[-1].p1 - scale.segments[0].p0) / max(scale.d1 - scale.d0, 1e-9)
    out: list[tuple[float, float, float, float]] = []
    last = len(scale.segments) - 1
    for k, (seg, flagged) in enumerate(zip(scale.segments, scale.compressed)):
        # The axis's two ends are its padding: a thin stretch there misleads no one.
        slow = (0 < k < last and seg.rate < SQUEEZED_RATE * linear
                and seg.d1 - seg.d0 >= SQUEEZED_SHARE * (scale.d1 - scale.d0))
        if flagged or slow:
            if out and out[-1][1] == seg.d0:
                out[-1] = (out[-1][0], seg.d1, out[-1][2], seg.p1)
            else:
                out.append((seg.d0, seg.d1, seg.p0, seg.p1))
    return out


def _breaks(ch: Chart, scale: TimeScale, axis_y: float, plot_top: float,
            y: float) -> tuple[list[AxisBreak], float]:
    """A shaded band and a zig-zag on the axis per compressed stretch, labelled in rows below the ticks."""
    ty = ch.ty
    out = []
    rows: list[float] = []
    deep = is_deep(scale.d0)
    for d0, d1, p0, p1 in _squeezed(scale):
        label = f"{stretch_label(d0, d1, deep, ch.last_day())} compressed"
        mid = (p0 + p1) / 2
        band = Shape("rect", "compressed", (p0, plot_top, p1 - p0, axis_y - plot_top))
        zigzag = Shape("polyline", "break", tuple(v for k in range(5) for v in (mid - 6 + 3 * k, axis_y + (-5 if k % 2 else 5))))
        w = measure(label, ty.breaks)
        tx = min(max(mid - w / 2, MARGIN), ch.width - MARGIN - w)
        row = first_fit(rows, tx, tx + w + 10, 1000)
        base = y + 2 + row * ty.breaks * ty.line + ty.breaks * ASCENT
        out.append(AxisBreak(d0, d1, (band, zigzag), ty.text(tx, base, label, "break-label")))
    return out, y + len(rows) * ty.breaks * ty.line + (6 if rows else 0)


def _axis(ch: Chart, scale: TimeScale, x0: float, x1: float, plot_top: float,
          axis_y: float) -> tuple[list[Shape], list[Shape], list[Text]]:
    """The axis line, its ticks and grid lines, and the tick labels (with the year under months and days)."""
    ty = ch.ty
    axis = [Shape("line", "axis", (x0, axis_y, x1, axis_y))]
    grid: list[Shape] = []
    tick_texts: list[Text] = []
    ticks = locate(scale, ty, x0, x1, last=ch.last_day())
    # A year among months or days is bold, as the year line under them is.
    mixed = any(tick.kind != "year" for tick in ticks)
    for tick in ticks:
        axis.append(Shape("line", "tick", (tick.pos, axis_y, tick.pos, axis_y + 5)))
        grid.append(Shape("line", "grid" + (" grid-major" if tick.opens_year else ""), (tick.pos, plot_top, tick.pos, axis_y)))
        tick_texts.append(ty.text(tick.centre, axis_y + 8 + ty.tick * ASCENT, tick.label,
                                  "tick tick-year" if mixed and tick.kind == "year" else "tick", anchor="middle"))
        if tick.context:
            tick_texts.append(ty.text(tick.centre, axis_y + 8 + ty.tick * ASCENT + ty.tick * ty.line, tick.context,
                                      "tick tick-year", anchor="middle"))
    return axis, grid, tick_texts


def _plans(ch: Chart, plot: _Plot, scale: TimeScale, plot_top: float) -> tuple[list[LanePlan], bool]:
    """The lanes' label rows, and whether the source list goes on a following page.

    A free-height chart labels everything (up to the row limit).  A fixed frame first tries to hold
    every label and the source list; failing that, the source list moves to a following page and
    the lanes give up rows until the plot fits the frame.
    """
    if not ch.frame.fixed:
        return plot.plans(None), False
    ty = ch.ty
    below = 4 + 8 + 2 * ty.tick * ty.line + _breaks(ch, scale, 0.0, 0.0, 0.0)[1] + MARGIN
    room = ch.frame.height - plot_top - below  # type: ignore[operator]
    notes_h = blocks.notes(ch, 0.0)[2]
    if notes_h and not ch.key_follows:
        plans = plot.plans(room - notes_h)
        if not any(p.over for p in plans) and sum(p.height for p in plans) <= room - notes_h:
            return plans, False
    note_h = blocks.OVERFLOW_LINES_FIXED * ty.overflow * ty.line + 8
    follows = bool(notes_h) or ch.key_follows
    moved_h = ty.overflow * ty.line + 8 if follows else 0.0
    plans = plot.plans(room - moved_h)
    if any(p.over for p in plans):
        plans = plot.plans(room - moved_h - note_h)
    return plans, follows


def horizontal(ch: Chart) -> Scene:
    """Lay the chart out with time running right, in the frame's width (and height, when it has one)."""
    header, y = blocks.header(ch)
    x0, x1 = MARGIN, ch.width - MARGIN
    scale = ch.scale(x0 + 6, x1 - 6)
    legend_shapes, legend_texts, y = blocks.legend(
        ch, legend_keys(ch.infos, ch.tl.eras), y)
    header = [*header, *legend_texts]
    era_rows, y = blocks.era_rows(ch, ch.eras(scale), y, x0, x1)
    plot_top = y
    plot = _Plot(ch, scale, x0, x1, y)
    plans, moved = _plans(ch, plot, scale, plot_top)
    plot.draw(plans)
    axis_y = plot.y + 4
    axis, grid, tick_texts = _axis(ch, scale, x0, x1, plot_top, axis_y)
    y = axis_y + 8 + 2 * ch.ty.tick * ch.ty.line
    breaks, y = _breaks(ch, scale, axis_y, plot_top, y)
    overflow_texts, y = blocks.overflow_note(ch, plot.overflow, y, moved)
    heading, notes, y = (None, [], y) if moved else blocks.notes(ch, y)
    eras = []
    for r in era_rows:
        top = min(r.top, plot_top - 2) if r.top is not None else plot_top - 2
        band = Shape("rect", "era", (r.span.a, top, max(r.span.b - r.span.a, 0.0), axis_y - top))
        eras.append(EraBand(r.span.era.id, r.span.era.label, (band, *r.extra), r.text))
    height = ch.frame.height if ch.frame.fixed else y + MARGIN
    return ch.scene(height, scale, header=tuple(header), eras=tuple(eras), grid=(*legend_shapes, *grid),  # type: ignore[arg-type]
                    axis=tuple(axis), ticks=tuple(tick_texts), breaks=tuple(breaks), lanes=tuple(plot.lanes),
                    events=tuple(plot.events), badges=tuple(plot.badges), overflow_note=tuple(overflow_texts),
                    notes_heading=heading, notes=tuple(notes), sources_follow=moved,
                    unlabelled=tuple(i.event.id for i in plot.overflow))
