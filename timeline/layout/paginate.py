"""Printed pages: one chart laid out for the paper's width, cut into pages between its texts.

A portrait page (``a4``, ``letter``) takes the vertical flow (time runs down the page); a
landscape page (``a4-landscape``, ``letter-landscape``) takes the horizontal layout, tiled
down its lanes.  Either is laid out once at the page's width with paper typography (text
>= 8 pt) and a free height, then cut where no text, mark or label would be split:

- every page after the first repeats the chart's context: a running head (the title,
  "continued"), the lane key and lane columns of the vertical flow, the date the page
  continues from, or the time axis of the horizontal layout;
- every page says "p. 2 of 3" at its foot;
- long shapes that cross a cut (a range bar, an era band, a lane rule, the axis) are cut
  there and go on on the next page; the source list follows the chart on as many pages
  as it needs, never shrunk.

The pages are ordinary Scenes, so each renders to SVG (``NAME-1.svg``...) or PNG.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import attrs

from timeline.dates.calendar import format_year, year_of
from timeline.layout.pagecut import GAP, Layer, cut, empty, is_geometry, merged, shape_span, shift_shape, shift_text, spans
from timeline.layout.scene import ASCENT, DESCENT, Box, Scene, Text
from timeline.layout.text import measure
from timeline.model.timeline import Timeline

__all__ = ["MARGIN", "PAGE_SIZES", "PAPER_MINIMUM", "is_paged", "paginate"]

_MM = 96 / 25.4
#: Printed page sizes in CSS px (96 to the inch).
PAGE_SIZES: dict[str, tuple[float, float]] = {
    "a4": (210 * _MM, 297 * _MM),
    "a4-landscape": (297 * _MM, 210 * _MM),
    "letter": (8.5 * 96, 11 * 96),
    "letter-landscape": (11 * 96, 8.5 * 96),
}
#: White space kept at the top and the foot of every page (about 10 mm; printers need ~5).
MARGIN = 38.0
#: The least text size on paper: 8 pt in CSS px.
PAPER_MINIMUM = 8 * 96 / 72


def is_paged(size: Any) -> bool:
    """True for the printed page sizes that paginate."""
    return isinstance(size, str) and size.strip().lower() in PAGE_SIZES


# -- page furniture --------------------------------------------------------------------------


def _text(x: float, y: float, text: str, cls: str, size: float, anchor: str = "start", bold: bool = False) -> Text:
    width = measure(text, size, bold=bold)
    left = x if anchor == "start" else x - width if anchor == "end" else x - width / 2
    return Text(x, y, text, cls, size, Box(left, y - ASCENT * size, width, (ASCENT + DESCENT) * size), anchor, bold)


def _size_of(scene: Scene, cls: str, fallback: float) -> float:
    for _kind, text in scene.texts():
        if cls in text.cls.split():
            return text.size
    for event in scene.events:
        for line in event.label.lines if event.label else ():
            if cls in line.cls.split():
                return line.size
    return fallback


# -- pages -----------------------------------------------------------------------------------


def paginate(tl: Timeline, size: str | tuple[float, float] = "a4", *, layout_fn: Callable[..., Scene] | None = None,
             **options: Any) -> list[Scene]:
    """Lay a timeline out for printed pages of ``size`` (a name, or (width, height) in px); one Scene per page.

    ``options`` are layout options (scale, focus, legend, footnotes...); the orientation and
    width come from the page.
    """
    from timeline.errors import UsageError

    if isinstance(size, tuple) and len(size) == 2 and all(isinstance(v, (int, float)) and v >= 320 for v in size):
        page_w, page_h = float(size[0]), float(size[1])
    else:
        key = size.strip().lower() if isinstance(size, str) else size
        if key not in PAGE_SIZES:
            raise UsageError(f"paged output needs a page size ({', '.join(PAGE_SIZES)}); got {size!r}")
        page_w, page_h = PAGE_SIZES[key]
    portrait = page_h > page_w
    if layout_fn is None:
        from timeline.layout import layout as layout_fn
    options = {k: v for k, v in options.items() if k not in ("orientation", "width", "size")}
    flow = layout_fn(tl, orientation="vertical" if portrait else "horizontal", **_paper_frame(page_w), **options)
    return _pages(flow, page_w, page_h, portrait)


def _paper_frame(width: float) -> dict[str, Any]:
    """The layout options for a free-height chart the page's width, with paper typography."""
    from timeline.layout.frame import Frame

    return {"size": Frame(round(width, 2), None, "paper", PAPER_MINIMUM, 1.0, "")}


def _flow_top(flow: Scene) -> float:
    """Where the chart's flow starts: the top of the axis (vertical) or of the first lane (horizontal)."""
    if flow.orientation == "vertical":
        lines = [s for s in flow.axis if s.kind == "line" and "axis" in s.cls.split()]
        if lines:
            return min(shape_span(s)[0] for s in lines)
    tops = [t.box.y for band in flow.lanes for t in band.texts]
    tops += [e.label.box.y for e in flow.events if e.label is not None]
    return min(tops) - GAP if tops else 0.0


def _pages(flow: Scene, page_w: float, page_h: float, portrait: bool) -> list[Scene]:
    small = _size_of(flow, "legend-label", PAPER_MINIMUM)
    foot = page_h - MARGIN + small  # the page number's baseline
    bottom_limit = page_h - MARGIN - small * 0.5  # content ends above the foot line
    flow_top = _flow_top(flow)
    head_h = small * 2.2  # the running head on later pages
    # Later pages repeat the vertical flow's lane key and columns, or the horizontal axis.
    axis_y: float | None = None
    axis_lo = axis_h = 0.0
    if portrait:
        repeat = tuple(t for band in flow.lanes for t in band.texts if t.box.y1 <= flow_top + 0.5)
        repeat_top = min((t.box.y for t in repeat), default=flow_top)
        swatches = tuple(s for s in flow.grid if "lane-swatch" in s.cls.split()
                         and repeat_top - GAP <= shape_span(s)[0] < flow_top)
        repeat_h = flow_top - repeat_top if repeat else 0.0
    else:
        repeat, repeat_h, repeat_top, swatches = (), 0.0, flow_top, ()
        lane_size = _size_of(flow, "lane-name", PAPER_MINIMUM)
        repeat_h = lane_size * 1.6  # "Lane name (continued)" under the running head
        axis_line = [s for s in flow.axis if "axis" in s.cls.split() and s.kind == "line"]
        if axis_line:
            axis_y = axis_line[0].coords[1]
            axis_lo = min(shape_span(s)[0] for s in flow.axis)
            axis_h = max([t.box.y1 for t in flow.ticks] + [axis_lo]) - axis_lo + GAP * 2
    notes_top = min((t.box.y for _k, t in flow.texts() if _k in ("notes", "note")), default=flow.height)

    hard: list[tuple[float, float]] = []
    soft: list[tuple[float, float]] = []
    spans(flow, hard, soft)
    blocked, texts_only = merged(hard + soft), merged(hard)

    windows: list[tuple[float, float, float, bool]] = []  # (top, bottom, its top on the page, part of the chart)
    start, first = 0.0, True
    while start < flow.height - 0.5:
        in_chart = start < notes_top - GAP * 2  # pages of the source list repeat no chart context
        page_top = 0.0 if first else MARGIN + head_h + (repeat_h if in_chart else 0.0)
        reserve = axis_h if (not portrait and start < notes_top) else 0.0
        room = bottom_limit - page_top - reserve
        limit = start + room
        floor = max(start, flow_top if first else start)
        end = flow.height if limit >= flow.height else cut(blocked, floor, limit)
        if end < limit - room * 0.12:
            # Keeping a fan of leader lines whole would leave an eighth of the page empty: cut through
            # the leaders instead (never through a text or a mark); they run on from the page's edge.
            end = max(end, cut(texts_only, floor, limit))
        if not portrait and start < notes_top < end:
            end = min(end, notes_top - GAP) if notes_top - GAP > start + room * 0.25 else end
        windows.append((start, end, page_top, in_chart))
        start, first = end, False

    total = len(windows)
    layers = {f.name: Layer(getattr(flow, f.name), windows) for f in attrs.fields(Scene)
              if is_geometry(getattr(flow, f.name))}
    pages = []
    for number, (top, bottom, page_top, in_chart) in enumerate(windows, 1):
        dy = page_top - top
        parts = {name: layer.window(number - 1, top, bottom, dy) for name, layer in layers.items()}
        extra: list[Any] = []
        if number > 1:
            extra.append(_text(28.0, MARGIN + small, f"{flow.title} (continued)", "legend-label", small))
        if number > 1 and in_chart:
            extra += [shift_text(t, MARGIN + head_h - repeat_top) for t in repeat]
            parts["grid"] = (*(parts.get("grid") or ()),
                             *(shift_shape(s, MARGIN + head_h - repeat_top) for s in swatches))
            lane = None if portrait else _lane_at(flow, top)
            if lane is not None and not top <= lane.box.y:
                extra.append(_text(lane.x, MARGIN + head_h + lane_size, f"{lane.text} (continued)",
                                   lane.cls, lane.size, bold=lane.bold))
            context = _continues_from(flow, top) if portrait else None
            if context is not None:
                extra.append(shift_text(context, page_top - context.box.y1 - GAP))
        if axis_y is not None and in_chart and not top <= axis_y < bottom:
            # The horizontal layout's time axis, repeated under this page's part of the chart.
            axis_dy = (bottom - top) + page_top + GAP - axis_lo
            parts["axis"] = tuple(shift_shape(s, axis_dy) for s in flow.axis)
            parts["ticks"] = tuple(shift_text(t, axis_dy) for t in flow.ticks)
        extra.append(_text(page_w / 2, foot, f"p. {number} of {total}", "legend-label page-number", small,
                           anchor="middle"))
        header = tuple(parts.get("header") or ()) + tuple(extra)
        values = {f.name: getattr(flow, f.name) for f in attrs.fields(Scene)}
        for name, value in parts.items():
            values[name] = value if value is not None else empty(attrs.fields_dict(Scene)[name])
        values.update(width=round(page_w, 2), height=round(page_h, 2), header=header,
                      summary=f"{flow.summary} Page {number} of {total}.", frame=_page_frame(page_w, page_h),
                      # Across the page, dates keep their x; down a portrait page each page has its own offset.
                      timescale=flow.timescale if not portrait else None)
        pages.append(Scene(**values))
    return pages


def _page_frame(width: float, height: float) -> Any:
    from timeline.layout.frame import Frame

    return Frame(round(width, 2), round(height, 2), "paper", PAPER_MINIMUM, 1.0, "")


def _lane_at(flow: Scene, top: float) -> Text | None:
    """The name of the horizontal lane that the flow at ``top`` belongs to."""
    names = [band.texts[0] for band in flow.lanes if band.texts]
    above = [t for t in names if t.box.y <= top]
    return max(above, key=lambda t: t.y) if above else None


def _continues_from(flow: Scene, top: float) -> Text | None:
    """On a vertical page that starts mid-flow, the year it picks up in ("1951 (cont.)"), at the year ticks' place.

    The year is the one drawn at the page's top edge (the flow's scale), not the last year tick
    above it: with ticks every two or five years that could be a year the page does not show.
    """
    above = [t for t in flow.ticks if t.box.y1 <= top and "tick-year" in t.cls.split()]
    if not above:
        return None
    last = max(above, key=lambda t: t.y)
    year = last.text
    if flow.timescale is not None:
        year = format_year(year_of(math.floor(flow.timescale.day_at(top))), short=True)
    text = f"{year} (cont.)"
    width = measure(text, last.size, bold=last.bold)
    if last.anchor == "end" and last.x - width < 0:   # a narrow tick column holds the year alone
        text, width = year, measure(year, last.size, bold=last.bold)
    x = last.x - width if last.anchor == "end" else last.box.x
    return attrs.evolve(last, text=text, box=Box(x, last.box.y, width, last.box.h))
