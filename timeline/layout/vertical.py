"""The vertical layout: a list down the page, each label at its date, the axis bending to make room.

Labels are stacked in time order; each date's position on the axis is set where its first label
lands, and the stretch between two dates gets a little room in proportion to its length (capped,
with a zig-zag when years are skipped).  So the axis stays monotone and true to order, labels
stay beside their marks, and leader lines are short elbows.  The list (and, on a fixed frame,
which events get a label and which are counted in "+N more" badges) comes from
:mod:`timeline.layout.flow`; this module draws it.
"""

from __future__ import annotations

from timeline.layout import blocks
from timeline.layout.chart import MARGIN, Chart, union
from timeline.layout.columns import Columns
from timeline.layout.marks import POINT_R, legend_keys, mark_extent, marks
from timeline.layout.scale import knot_scale, linear_scale
from timeline.layout.flow import Flow, flow_list
from timeline.layout.scene import (ASCENT, DESCENT, AxisBreak, Badge, EraBand, EventMark, Label, LaneBand, Scene,
                                   Shape, Text)
from timeline.layout.text import measure, shorten
from timeline.layout.ticks import label_width, locate

__all__ = ["NARROW_EM", "vertical"]

#: A frame narrower than this many label-size em (a 390-px phone is 27) packs its axis and lane
#: columns tight so that labels get most of the width.
NARROW_EM = 40


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
    finest = ("year" if (narrow and years > 3) or years > 60 else
              "month" if years > 3 else "day" if years > 3 / 365 else "hour")
    axis_x = MARGIN + label_width(ty, d0, d1, finest, ch.last_day()) + 8
    cols = Columns(ch, axis_x, x_right, d0, d1, narrow=narrow)
    label_x = cols.end + (12 if narrow else 18)
    max_w = max(60.0, x_right - label_x)
    keys = legend_keys(ch.infos, ch.tl.eras)
    legend_shapes, legend_texts, y = blocks.legend(ch, keys, y)
    header = [*header, *legend_texts]
    key_shapes, lane_key, y = _lane_key(ch, y, x_right)
    heads_y = y + ty.lane * ASCENT
    flow, moved = _flow(ch, max_w, d0, d1, y + ty.lane * ty.line + 10)
    # A whisker or an open range's arrow may run on above the first date: room for it under the lane numbers.
    top = y + ty.lane * ty.line + 10 + flow.extent(ch.infos)[0]
    knots, squeezed = flow.knots, flow.squeezed
    scale = knot_scale([(d, p + top) for d, p in knots], squeezed)
    pos = scale.pos

    events: list[EventMark] = []
    badges: list[Badge] = []
    eras_out = []
    era_list = ch.eras(linear_scale(d0, d1, 0.0, 1.0))
    bottom = top
    x_elbow = label_x - (7 if narrow else 10)
    for it, rel_top in zip(flow.items, flow.placed):
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
        if it.kind == "badge":
            members = [ch.infos[k] for k in it.members]
            text = ty.text(label_x, ty_top + ty.badge * ASCENT, it.lines[0], "more")
            badges.append(Badge(text, tuple(i.event.id for i in members), members[0].lane))
            events.extend(EventMark(i.event.id, i.event.title, i.date_label, (*i.classes, "overflow"), i.lane,
                                    tuple(marks(i, pos, cols.across(k), vertical=True, thin=True)), None, i.notes,
                                    overflow=True) for k, i in zip(it.members, members))
            bottom = max(bottom, text.box.y1)
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
    # The axis runs on past the last date as far as any mark does (a whisker "after 1956").
    axis_end = max([scale.pos(d1), bottom, *(mark_extent(info, pos)[1] for info in ch.infos)])
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
    for tick in locate(scale, ty, top - ty.tick * ty.line / 2, axis_end, vertical=True, finest=finest,
                       last=ch.last_day()):
        year = tick.kind == "year"
        axis.append(Shape("line", "tick", (axis_x - 5, tick.pos, axis_x, tick.pos)))
        grid.append(Shape("line", "grid" + (" grid-major" if year else ""), (axis_x, tick.pos, cols.end, tick.pos)))
        tick_texts.append(ty.text(axis_x - 8, tick.centre + ty.tick * 0.35, tick.text,
                                  "tick" + (" tick-year" if year else ""), anchor="end"))
    lanes_out = []
    for lane in range(len(ch.lane_names)):
        x = cols.col_x[lane]
        texts_l: tuple[Text, ...] = (ty.text(x, heads_y, str(lane + 1), "lane-number", anchor="middle"),)
        if lane == 0:
            texts_l = (*lane_key, *texts_l)
        lanes_out.append(LaneBand(ch.lane_ids[lane], (Shape("line", "lane-rule", (x, top, x, axis_end)),), texts_l))
    overflow_texts, y = blocks.overflow_note(ch, [ch.infos[k] for k in flow.unlabelled], axis_end + 8, moved)
    heading, notes_out, y = (None, [], y) if moved else blocks.notes(ch, y + 10)
    height = ch.frame.height if ch.frame.fixed else y + MARGIN
    return ch.scene(height, scale, header=tuple(header), eras=tuple(eras_out), grid=tuple(grid),
                    axis=tuple(axis), ticks=tuple(tick_texts), breaks=tuple(breaks), lanes=tuple(lanes_out),
                    events=tuple(events), badges=tuple(badges), overflow_note=tuple(overflow_texts),
                    notes_heading=heading, notes=tuple(notes_out), sources_follow=moved,
                    unlabelled=tuple(ch.infos[k].event.id for k in flow.unlabelled))


def _flow(ch: Chart, max_w: float, d0: float, d1: float, top: float) -> tuple[Flow, bool]:
    """The list, and whether the source list goes on a following page.

    A free height labels every event.  A fixed frame first tries to hold every label and the source
    list under the chart; failing that, the sources move to a following page and the list labels as
    many events as the height holds above the note that counts the rest.
    """
    if not ch.frame.fixed:
        return flow_list(ch, max_w, d0, d1), False
    room = ch.frame.height - MARGIN - top - 8
    notes_h = blocks.notes(ch, 0.0)[2]
    if notes_h and not ch.key_follows:
        flow = flow_list(ch, max_w, d0, d1, room - 10 - notes_h)
        if not flow.unlabelled:
            return flow, False
    moved = bool(notes_h) or ch.key_follows
    flow = flow_list(ch, max_w, d0, d1, room - blocks.overflow_note(ch, (), 0.0, moved)[1])
    if flow.unlabelled:  # room for the note that counts them (as long as it can be: every event)
        flow = flow_list(ch, max_w, d0, d1, room - blocks.overflow_note(ch, ch.infos, 0.0, moved)[1])
    return flow, moved
