"""The vertical layout: a list down the page, each label at its date, the axis bending to make room.

Labels are stacked in time order; each date's position on the axis is set where its first label
lands, and the stretch between two dates gets a little room in proportion to its length (capped,
with a zig-zag when years are skipped).  So the axis stays monotone and true to order, labels
stay beside their marks, and leader lines are short elbows.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from timeline.layout import blocks
from timeline.layout.chart import MARGIN, Chart, union
from timeline.layout.columns import Columns
from timeline.layout.marks import POINT_R, legend_keys, mark_extent, mark_kind, marks
from timeline.layout.scale import TimeScale, knot_scale, linear_scale
from timeline.layout.classify import EventInfo, day_span, flow_day
from timeline.layout.scene import ASCENT, DESCENT, AxisBreak, EraBand, EventMark, Label, LaneBand, Scene, Shape, Text
from timeline.layout.text import measure, shorten, wrap
from timeline.layout.ticks import label_width, locate

__all__ = ["NARROW_EM", "vertical"]

#: A frame narrower than this many label-size em (a 390-px phone is 27) packs its axis and lane
#: columns tight so that labels get most of the width.
NARROW_EM = 40


@attrs.frozen
class _Item:
    """One entry of the list: an era heading or an event label, hung from ``day``."""

    day: float
    order: int                 # eras (0) before events (1) on the same day
    index: int                 # into the chart's infos, or its era list
    kind: str                  # "era" or "event"
    height: float
    offset: float              # from the item's top to the point level with its date
    lines: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    notes: tuple[int, ...] = ()

    @property
    def key(self) -> tuple[float, int, int]:
        """The list order."""
        return self.day, self.order, self.index


def _flow(items: Sequence[_Item], d0: float, d1: float) -> tuple[list[tuple[float, float]], list[bool], list[float]]:
    """Stack the items down the page: knots (day, px), squeezed gaps, and each item's top.

    Each new date's knot is where its first item's anchor lands: below the item before it, and
    at least a little time-proportional room after the previous date (capped, so a gap of decades
    costs a few lines; such a gap is flagged for a zig-zag).
    """
    total = sum(it.height + 8 for it in items) or 200.0
    rate = 0.3 * total / max(d1 - d0, 1.0)  # px per day given to time itself
    cap = 70.0
    knots: list[tuple[float, float]] = [(d0, 0.0)]
    squeezed: list[bool] = []
    cursor = 0.0
    placed = []
    for it in items:
        day = min(max(it.day, d0), d1)
        prev_day, prev_y = knots[-1]
        if day > prev_day:
            gap = rate * (day - prev_day)
            squeezed.append(gap > cap and day - prev_day > 2 * 365)
            want = prev_y + max(min(gap, cap), 0.5)
            top = max(cursor, want - it.offset)
            knots.append((day, top + it.offset))
        else:
            top = cursor
        placed.append(top)
        cursor = top + it.height + 8
    prev_day, prev_y = knots[-1]
    if d1 > prev_day:
        gap = rate * (d1 - prev_day)
        squeezed.append(gap > cap and d1 - prev_day > 2 * 365)
        knots.append((d1, prev_y + max(min(gap, cap), 1.0)))
    return knots, squeezed, placed


def _lane_key(ch: Chart, y: float, x_right: float) -> tuple[list[Shape], list[Text], float]:
    """The numbered key of lane names above the columns."""
    ty = ch.ty
    texts: list[Text] = []
    shapes: list[Shape] = []
    named = [(i, n) for i, n in enumerate(ch.lane_names) if n]
    if not named:
        return shapes, texts, y
    kx = MARGIN
    y += ty.lane * ASCENT
    for i, name in named:
        label = shorten(f"{i + 1}  {name}", ty.lane, x_right - MARGIN - 12, bold=True)
        w = 12 + measure(label, ty.lane, bold=True)
        if kx > MARGIN and kx + w > x_right:
            kx = MARGIN
            y += ty.lane * ty.line + 2
        shapes.append(Shape("rect", f"lane-swatch lane-hue-{i % 6}", (kx, y - ty.lane * 0.7, 6.0, ty.lane * 0.8)))
        texts.append(ty.text(kx + 12, y, label, "lane-name"))
        kx += w + 22
    return shapes, texts, y + ty.lane * DESCENT + 12


def _label_text(ch: Chart, info: EventInfo, max_w: float) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """An event label's title lines and date lines.

    The height is free, so the title and date wrap onto as many lines as they need; a fixed
    frame keeps a shortened label (the full text stays in the mark's <title>).
    """
    ty = ch.ty
    if ch.frame.fixed:
        # A narrow column gives titles a third and fourth line rather than cutting them short.
        text = blocks.label_lines(ch, info, max_w, max_lines=2 if max_w >= 16 * ty.label else 4)
        return text.lines, (text.date,)
    lines = wrap(info.event.title, ty.label, max_w, max_lines=blocks.FREE_LINES)
    sup = ty.sup_width(info.notes)
    if measure(lines[-1], ty.label) + sup > max_w:  # the footnote numbers go after the last line
        lines = (*lines[:-1], *wrap(lines[-1], ty.label, max_w - sup, max_lines=blocks.FREE_LINES))
    return lines, wrap(info.date_label, ty.date, max_w, max_lines=blocks.FREE_LINES)


def _list(ch: Chart, cols: Columns, d0: float, d1: float,
          max_w: float) -> tuple[list[_Item], list[tuple[float, float]], list[bool], list[float]]:
    """The list of era headings and event labels in time order, and the flow scale through them."""
    ty = ch.ty
    items = []
    for k, info in enumerate(ch.infos):
        lines, dates = _label_text(ch, info, max_w)
        h = len(dates) * ty.date * ty.line + len(lines) * ty.label * ty.line
        items.append(_Item(flow_day(info, d0, d1), 1, k, "event", h, ty.date * 0.6, lines, dates))
    for k, e in enumerate(ch.eras(linear_scale(d0, d1, 0.0, 1.0))):
        room = max_w - ty.sup_width(e.notes)
        labels = ((shorten(e.era.label, ty.era, room),) if ch.frame.fixed
                  else wrap(e.era.label, ty.era, room, max_lines=blocks.FREE_LINES))
        items.append(_Item(float(e.era.when.first_day), 0, k, "era", len(labels) * ty.era * ty.line + 4, 0.0, labels,
                           (), e.notes))
    items.sort(key=lambda it: it.key)
    knots, squeezed, placed = _flow(items, d0, d1)
    rel = knot_scale(knots, squeezed)
    # A partial date too short to show as a span is drawn as a dot in the middle of its period;
    # hang its label there instead, so its leader stays level (a second, final pass).
    for n, it in enumerate(items):
        info = ch.infos[it.index] if it.kind == "event" else None
        if info is not None and day_span(info, d0, d1) is not None and info.kind == "point" and not info.disputed \
                and mark_kind(info, *mark_extent(info, rel.pos)) != "extent":
            cols.dots.add(it.index)
            items[n] = attrs.evolve(it, day=(info.t0 + info.t1) / 2)
    if cols.dots:
        items.sort(key=lambda it: it.key)
        knots, squeezed, placed = _flow(items, d0, d1)
    return items, knots, squeezed, placed


def vertical(ch: Chart) -> Scene:
    """Lay the chart out with time running down the page."""
    ty = ch.ty
    header, y = blocks.header(ch)
    x_right = ch.width - MARGIN
    _, d0, d1 = ch.domain()
    # On a narrow frame (a phone) the labels get most of the width: years-only ticks over a span of
    # years, and lane columns a few px each.  Elsewhere ticks go as fine as the span can use.
    narrow = ch.width < NARROW_EM * ty.label
    years = (d1 - d0) / 365.2425
    finest = "year" if (narrow and years > 3) or years > 60 else "month" if years > 3 else "day" if years > 3 / 365 else "hour"
    axis_x = MARGIN + label_width(ty, d0, d1, finest) + 8
    cols = Columns(ch, axis_x, x_right, d0, d1, narrow=narrow)
    label_x = cols.end + (12 if narrow else 18)
    items, knots, squeezed, placed = _list(ch, cols, d0, d1, max(60.0, x_right - label_x))
    rel = knot_scale(knots, squeezed)

    keys = legend_keys(ch.infos, ch.tl.eras, lambda i: mark_kind(i, *mark_extent(i, rel.pos)) == "extent")
    legend_shapes, legend_texts, y = blocks.legend(ch, keys, y)
    header = [*header, *legend_texts]
    key_shapes, lane_key, y = _lane_key(ch, y, x_right)
    heads_y = y + ty.lane * ASCENT
    top = y + ty.lane * ty.line + 10
    scale = knot_scale([(d, p + top) for d, p in knots], squeezed)
    pos = scale.pos

    events: list[EventMark] = []
    eras_out = []
    era_list = ch.eras(linear_scale(d0, d1, 0.0, 1.0))
    bottom = top
    x_elbow = label_x - (7 if narrow else 10)
    for it, rel_top in zip(items, placed):
        ty_top = rel_top + top
        if it.kind == "era":
            era = era_list[it.index].era
            lines = [ty.text(label_x, ty_top + 1 + ty.era * (ASCENT + n * ty.line), line, "era-name",
                             notes=it.notes if n == len(it.lines) - 1 else ()) for n, line in enumerate(it.lines)]
            a = pos(era.when.first_day)
            b = max(pos(era.when.last_day + 1), ty_top + it.height)
            band = Shape("rect", "era", (axis_x, a, x_right - axis_x, max(b - a, 0.0)))
            eras_out.append(EraBand(era.id, era.label, (band,), lines[0], tuple(lines[1:])))
            bottom = max(bottom, lines[-1].box.y1)
            continue
        info = ch.infos[it.index]
        c = cols.across(it.index)
        shapes = marks(info, pos, c, vertical=True, thin=True)
        texts = [ty.text(label_x, ty_top + ty.date * (ASCENT + n * ty.line), line, "date")
                 for n, line in enumerate(it.dates)]
        base = ty_top + len(it.dates) * ty.date * ty.line + ty.label * ASCENT
        for n, line in enumerate(it.lines):
            texts.append(ty.text(label_x, base, line, "label", notes=info.notes if n == len(it.lines) - 1 else ()))
            base += ty.label * ty.line
        box = union([t.box for t in texts])
        dot = shapes[-1].kind == "circle" and len(shapes) == 1
        my = shapes[0].coords[1] if dot else pos(it.day)
        mx = c + (POINT_R + 1.5 if dot or info.disputed else 3.0)
        ly = ty_top + it.offset
        if abs(ly - my) < 1.0:
            leader: tuple[float, ...] = (mx, my, label_x - 4, my)
        else:
            leader = (mx, my, x_elbow, my, x_elbow, ly, label_x - 4, ly)
        events.append(EventMark(info.event.id, info.event.title, info.date_label, info.classes,
                                info.lane, tuple(shapes), Label(box, tuple(texts), leader), info.notes))
        bottom = max(bottom, box.y1)
    axis_end = max(scale.pos(d1), bottom)
    axis = [Shape("line", "axis", (axis_x, top, axis_x, axis_end))]
    # The list's axis is not proportional: a stretch of years skipped is shaded across the marks and
    # zig-zagged on the axis, as the horizontal chart marks its compressed stretches.
    breaks = []
    for seg, flag in zip(scale.segments, scale.compressed):
        if flag:
            mid = (seg.p0 + seg.p1) / 2
            band = Shape("rect", "compressed", (axis_x, seg.p0, cols.end - axis_x, seg.p1 - seg.p0))
            zigzag = Shape("polyline", "break", tuple(
                v for j in range(5) for v in (axis_x + (-5 if j % 2 else 5), mid - 6 + 3 * j)))
            breaks.append(AxisBreak(seg.d0, seg.d1, (band, zigzag), None))
    grid: list[Shape] = [*legend_shapes, *key_shapes]
    tick_texts = []
    for tick in locate(scale, ty, top - ty.tick * ty.line / 2, axis_end, vertical=True, finest=finest):
        year = tick.kind == "year"
        axis.append(Shape("line", "tick", (axis_x - 5, tick.pos, axis_x, tick.pos)))
        grid.append(Shape("line", "grid" + (" grid-major" if year else ""), (axis_x, tick.pos, cols.end, tick.pos)))
        tick_texts.append(ty.text(axis_x - 8, tick.centre + ty.tick * 0.35, tick.text, "tick" + (" tick-year" if year else ""),
                                  anchor="end"))
    lanes_out = []
    for lane in range(len(ch.lane_names)):
        x = cols.col_x[lane]
        texts_l: tuple[Text, ...] = (ty.text(x, heads_y, str(lane + 1), "lane-number", anchor="middle"),)
        if lane == 0:
            texts_l = (*lane_key, *texts_l)
        lanes_out.append(LaneBand(ch.lane_ids[lane], (Shape("line", "lane-rule", (x, top, x, axis_end)),), texts_l))
    heading, notes_out, y = blocks.notes(ch, axis_end + 18)
    return ch.scene(y + MARGIN, scale, header=tuple(header), eras=tuple(eras_out), grid=tuple(grid),
                    axis=tuple(axis), ticks=tuple(tick_texts), breaks=tuple(breaks), lanes=tuple(lanes_out),
                    events=tuple(events), badges=(), overflow_note=(), notes_heading=heading,
                    notes=tuple(notes_out))

