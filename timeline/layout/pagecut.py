"""Cutting a laid-out Scene at page windows: the y-extent of its parts, where a cut may fall, and
each part limited to one window [top, bottom) and moved onto its page.

Used by ``paginate``; works through tuples and attrs records generically, so a Scene that
gains layers keeps paging.
"""

from __future__ import annotations

import bisect
from typing import Any

import attrs

from timeline.layout.scene import Box, Label, Shape, Text

__all__ = ["GAP", "Layer", "UNCUTTABLE", "cut", "empty", "is_geometry", "merged", "shape_span", "shift_shape",
           "shift_text", "spans", "window"]

#: Shapes shorter than this are never cut (ticks, caps, marks); longer ones may be.
UNCUTTABLE = 24.0
#: The space kept between a cut and the text above it.
GAP = 3.0


def shape_span(shape: Shape) -> tuple[float, float]:
    c = shape.coords
    if shape.kind == "line":
        return min(c[1], c[3]), max(c[1], c[3])
    if shape.kind == "rect":
        return c[1], c[1] + c[3]
    if shape.kind == "circle":
        return c[1] - c[2], c[1] + c[2]
    ys = c[1::2]
    return min(ys), max(ys)


def shift_shape(shape: Shape, dy: float) -> Shape:
    c = list(shape.coords)
    if shape.kind == "line":
        c[1] += dy
        c[3] += dy
    elif shape.kind in ("rect", "circle"):
        c[1] += dy
    else:
        c[1::2] = [y + dy for y in c[1::2]]
    return attrs.evolve(shape, coords=tuple(c))


def clip_shape(shape: Shape, top: float, bottom: float) -> Shape | None:
    """The part of a shape inside [top, bottom): long lines and rects are cut, others kept whole or dropped."""
    lo, hi = shape_span(shape)
    if hi < top or lo >= bottom:
        return None
    if hi - lo < UNCUTTABLE or shape.kind not in ("line", "rect"):
        return shape if top <= (lo + hi) / 2 < bottom else None
    c = list(shape.coords)
    if shape.kind == "line":
        c[1], c[3] = min(max(c[1], top), bottom), min(max(c[3], top), bottom)
    else:
        y0, y1 = max(c[1], top), min(c[1] + c[3], bottom)
        c[1], c[3] = y0, y1 - y0
    return attrs.evolve(shape, coords=tuple(c))


def shift_box(box: Box, dy: float) -> Box:
    return attrs.evolve(box, y=box.y + dy)


def shift_text(text: Text, dy: float) -> Text:
    return attrs.evolve(text, y=text.y + dy, box=shift_box(text.box, dy))


def inside(box: Box, top: float, bottom: float) -> bool:
    return top <= (box.y + box.y1) / 2 < bottom


def window(value: Any, top: float, bottom: float, dy: float) -> Any:
    """``value`` (any part of a Scene) limited to [top, bottom) and moved by ``dy``; None when nothing is left.

    Works through tuples and attrs records generically, so a Scene that gains layers keeps paging.
    """
    if isinstance(value, Text):
        return shift_text(value, dy) if inside(value.box, top, bottom) else None
    if isinstance(value, Shape):
        clipped = clip_shape(value, top, bottom)
        return None if clipped is None else shift_shape(clipped, dy)
    if isinstance(value, Label):
        if not inside(value.box, top, bottom):
            return None
        leader = list(value.leader)
        leader[1::2] = [min(max(y, top), bottom) + dy for y in leader[1::2]]
        return Label(shift_box(value.box, dy), tuple(shift_text(t, dy) for t in value.lines), tuple(leader))
    if isinstance(value, Box):
        return shift_box(value, dy) if inside(value, top, bottom) else None
    if isinstance(value, tuple):
        parts = [(is_geometry(v), window(v, top, bottom, dy)) for v in value]
        if value and all(geo for geo, _ in parts) and homogeneous(value):
            return tuple(v for _, v in parts if v is not None)  # a layer: keep what is left
        if any(geo for geo, _ in parts) and all(v is None or v == () for geo, v in parts if geo):
            return None  # a record (id, name, shapes, label) with nothing left on this page
        return tuple(v if geo else orig for (geo, v), orig in zip(parts, value, strict=True))
    fields = _record_fields(type(value))
    if fields is not None:
        changes, geometric, alive = {}, False, False
        for name, nothing in fields:
            item = getattr(value, name)
            if is_geometry(item):
                geometric = True
                moved = window(item, top, bottom, dy)
                if moved is None and not isinstance(item, tuple) and nothing == ():
                    return None  # a record whose required text or label is on another page
                changes[name] = moved if moved is not None else nothing
                alive = alive or moved not in (None, ())
        if geometric and not alive:
            return None
        return attrs.evolve(value, **changes)
    return value


class Layer:
    """One geometric layer of the flow, indexed by page: which of its items can reach each window.

    ``window`` of a whole layer visits every item; over hundreds of pages that is quadratic.
    An item whose y-extent misses a window gives None there, so each page windows only the
    items whose extent reaches it and gets what ``window`` of the whole layer gives
    (tests/test_fast_paths.py compares the two on every page).
    """

    def __init__(self, value: Any, windows: list[tuple[float, float, float, bool]]) -> None:
        self.value = value
        self.by_page: list[list[Any]] | None = None
        if not (isinstance(value, tuple) and value and homogeneous(value) and all(map(is_geometry, value))):
            return  # a single record, or a mixed tuple: windowed whole (small)
        tops = [w[0] for w in windows]
        bottoms = [w[1] for w in windows]
        self.by_page = [[] for _ in windows]
        for item in value:
            ys: list[float] = []
            extent(item, ys)
            # The pages whose window [top, bottom) the item's [lo, hi] reaches: bottom > lo and top <= hi.
            first = bisect.bisect_right(bottoms, min(ys))
            last = bisect.bisect_right(tops, max(ys)) - 1
            for page in range(first, last + 1):
                self.by_page[page].append(item)

    def window(self, page: int, top: float, bottom: float, dy: float) -> Any:
        """``window(value, top, bottom, dy)`` for page number ``page`` (0-based) of the windows."""
        if self.by_page is None:
            return window(self.value, top, bottom, dy)
        moved = (window(item, top, bottom, dy) for item in self.by_page[page])
        return tuple(v for v in moved if v is not None)


def extent(value: Any, ys: list[float]) -> None:
    """Collect the y of everything ``window`` looks at in ``value`` (boxes, shapes, leaders) into ``ys``."""
    if isinstance(value, Text):
        ys += (value.box.y, value.box.y1)
    elif isinstance(value, Shape):
        ys += shape_span(value)
    elif isinstance(value, Label):
        ys += (value.box.y, value.box.y1)
        for line in value.lines:
            ys += (line.box.y, line.box.y1)
    elif isinstance(value, Box):
        ys += (value.y, value.y1)
    elif isinstance(value, tuple):
        for item in value:
            extent(item, ys)
    elif attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            extent(getattr(value, field.name), ys)


def empty(field: attrs.Attribute) -> Any:
    """What a geometric field holds when nothing of it is on the page: None if it may be None, else ()."""
    return None if "None" in str(field.type) else ()


def homogeneous(items: tuple) -> bool:
    return len({type(v) for v in items}) == 1


def is_geometry(value: Any) -> bool:
    if value.__class__ in _PLAIN:
        return False
    if isinstance(value, (Text, Shape, Label, Box)):
        return True
    if isinstance(value, tuple):
        return bool(value) and any(is_geometry(v) for v in value)
    fields = _record_fields(type(value))
    return fields is not None and any(is_geometry(getattr(value, name)) for name, _ in fields)


#: Classes that are never geometry and never hold any (most fields of a Scene's records).
_PLAIN = frozenset({str, int, float, bool, type(None)})
_RECORDS: dict[type, tuple[tuple[str, Any], ...] | None] = {}


def _record_fields(cls: type) -> tuple[tuple[str, Any], ...] | None:
    """(name, ``empty`` value) of each field of an attrs class, or None for any other class; once per class."""
    try:
        return _RECORDS[cls]
    except KeyError:
        out = tuple((f.name, empty(f)) for f in attrs.fields(cls)) if attrs.has(cls) else None
        _RECORDS[cls] = out
        return out


def spans(value: Any, out: list[tuple[float, float]], soft: list[tuple[float, float]]) -> None:
    """Collect the y-extent of everything that must not be cut (texts, labels, short shapes) into
    ``out``, and of what had better not be (leader lines) into ``soft``."""
    if isinstance(value, Text):
        out.append((value.box.y, value.box.y1))
    elif isinstance(value, Label):
        out.append((value.box.y, value.box.y1))
        if value.leader:
            ys = value.leader[1::2]
            soft.append((min(ys), max(ys)))
    elif isinstance(value, Shape):
        lo, hi = shape_span(value)
        if hi - lo < UNCUTTABLE or value.kind not in ("line", "rect"):
            out.append((lo, hi))
    elif isinstance(value, tuple):
        for item in value:
            spans(item, out, soft)
    elif attrs.has(type(value)):
        if type(value).__name__ == "NoteEntry" and getattr(value, "lines", ()):
            lines = value.lines
            out.append((min(t.box.y for t in lines), max(t.box.y1 for t in lines)))
        for field in attrs.fields(type(value)):
            spans(getattr(value, field.name), out, soft)


def merged(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for lo, hi in sorted(spans):
        if out and lo < out[-1][1] + 0.5:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def cut(blocked: list[tuple[float, float]], start: float, limit: float) -> float:
    """The lowest y in (start, limit] that no uncuttable item straddles (limit itself if none is)."""
    best = limit
    # ``blocked`` is merged: sorted and disjoint, so only the last span starting below ``limit`` can straddle it.
    i = bisect.bisect_left(blocked, (limit,)) - 1
    if i >= 0 and blocked[i][0] < limit < blocked[i][1]:
        best = blocked[i][0] - GAP
    if best <= start + (limit - start) * 0.25:  # one item taller than most of a page: cut through it
        return limit
    return best
