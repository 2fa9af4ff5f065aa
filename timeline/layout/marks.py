"""The marks of an event, drawn along a time coordinate t and an across coordinate c, and the legend's glyphs.

Each mark kind means one thing, and the legend says what: a dot is an exact day, a pale capped
band is "sometime in" a month or year, a solid bar is a range, a whisker a bound, a bracket a
dispute.  An event that only blog, forum or partisan sources back gets a dashed ring around its
marks as well (a pattern, not a colour, so it survives print and forced colours).  ``vertical``
swaps the coordinates (time runs down).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence

import attrs

from timeline.dates import Bound, Precision
from timeline.layout.classify import EventInfo
from timeline.layout.scene import Shape
from timeline.model.records import Era

__all__ = ["LEGEND", "LEGEND_GLYPH", "LegendKey", "POINT_R", "WHISKER", "extent_text", "legend_glyph",
           "legend_keys", "mark_extent", "mark_kind", "mark_reach", "marks"]

POINT_R = 4.5
WHISKER = 20.0
#: What each legend key says, in the order the legend lists them ("extent" is worded by :func:`extent_text`).
LEGEND = {
    "day": "exact day",
    "extent": "sometime in",
    "range": "from – to",
    "approx": "approximate (c.)",
    "bound": "on or before / after",
    "disputed": "sources disagree",
    "open": "open end",
    "continues": "continues outside the window",
    "context": "context",
    "weak": "only a partisan, forum or blog source",
    "era": "period",
}
WEAK_GAP = 2.5  # px between a mark and its dashed "weak sources only" ring
LEGEND_GLYPH = 30.0

Pos = Callable[[float], float]


def _shape(kind: str, cls: str, pts: Sequence[tuple[float, float]], vertical: bool, extra: Sequence[float] = ()) -> Shape:
    if not vertical:
        return Shape(kind, cls, (*pts[0], *extra) if len(pts) == 1 else (*(v for pt in pts for v in pt), *extra))
    if kind == "rect":
        extra = (extra[1], extra[0])  # time runs down: a bar's length is its height
    return Shape(kind, cls, (*(v for t, c in pts for v in (c, t)), *extra))


def _arrow(tip: float, c: float, direction: int, vertical: bool, cls: str = "arrow") -> Shape:
    back = tip - 7 * direction
    return _shape("polygon", cls, [(tip, c), (back, c - 4.5), (back, c + 4.5)], vertical)


def legend_glyph(key: str, x: float, c: float) -> list[Shape]:
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
    if key == "weak":
        return [Shape("circle", k + "mark", (x + 15, c, POINT_R)),
                Shape("circle", k + "weak-ring", (x + 15, c, POINT_R + WEAK_GAP))]
    if key == "continues":
        return [Shape("rect", k + "bar", (x + 9, c - 3.5, 19.0, 7.0)),
                Shape("polygon", k + "arrow continues", (x + 1, c, x + 8, c - 4.5, x + 8, c + 4.5))]
    if key == "open":
        return [Shape("rect", k + "bar", (x + 2, c - 3.5, 19.0, 7.0)),
                Shape("polygon", k + "arrow", (x + 29, c, x + 22, c - 4.5, x + 22, c + 4.5))]
    return [Shape("rect", k + "era", (x + 1, c - 7, 28.0, 14.0))]


@attrs.frozen
class LegendKey:
    """One entry of the legend: the mark kind (a key of :data:`LEGEND`) and the words beside its sample."""

    key: str
    text: str


#: What a "sometime in" band stands for, by the date's precision (finest first).
_UNITS = {Precision.MONTH: "month", Precision.SEASON: "season", Precision.YEAR: "year", Precision.DECADE: "decade",
          Precision.CENTURY: "century", Precision.MILLENNIUM: "millennium"}
#: A date given to a few significant digits ("66 Ma", Y-300000S1): a block of years, not a calendar unit.
_ROUNDED = "rounded span"


def extent_text(known: Collection[tuple[Precision, bool]]) -> str:
    """The legend words of the "sometime in" band for the (precision, significant digits) of the dates it draws.

    "sometime in a year", "sometime in a month, year or decade"; a date given to significant digits
    is "a rounded span"; more than three kinds read as a span ("sometime in a month to a century").
    """
    kinds = {_ROUNDED if rounded or precision not in _UNITS else _UNITS[precision]
             for precision, rounded in known if precision > Precision.DAY}
    words = [w for w in (*_UNITS.values(), _ROUNDED) if w in kinds]
    if not words:
        return LEGEND["extent"]
    if len(words) > 3:
        return f"{LEGEND['extent']} a {words[0]} to a {words[-1]}"
    listed = words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"
    return f"{LEGEND['extent']} a {listed}"


def legend_keys(infos: Iterable[EventInfo], eras: Iterable[Era]) -> list[LegendKey]:
    """The mark kinds a chart draws and what each means on it, in the order the legend lists them."""
    used: set[str] = set()
    known: set[tuple[Precision, bool]] = set()  # what the chart's "sometime in" bands stand for
    for info in infos:
        if info.disputed:
            used.add("disputed")
        elif info.kind == "range":
            used.add("range")
            if info.approx_start or info.approx_end:
                used.add("approx")
            if info.open_start or info.open_end:
                used.add("open")
            if info.cut_start or info.cut_end:
                used.add("continues")
        elif info.bound is not Bound.EXACT:
            used.add("bound")
        else:
            if mark_kind(info) == "extent":
                used.add("extent")
                when = info.event.when
                known.add((when.precision, "S" in when.edtf))
            else:
                used.add("day")
            if info.approx_start or info.uncertain:
                used.add("approx")
        if info.event.is_context:
            used.add("context")
        if info.weak:
            used.add("weak")
    if any(era.when.first_day is not None and era.when.last_day is not None for era in eras):
        used.add("era")
    return [LegendKey(k, extent_text(known) if k == "extent" else LEGEND[k]) for k in LEGEND if k in used]


def mark_extent(info: EventInfo, pos: Pos) -> tuple[float, float]:
    """Where the marks of an event reach along the time axis (px)."""
    if info.disputed:
        xs = [pos(c.mid) for c in info.claims]
        return min(xs) - POINT_R, max(xs) + POINT_R
    if info.kind == "range":
        a = pos(info.t0) if info.t0 is not None else None
        b = pos(info.t1) if info.t1 is not None else None
        if a is None and b is None:
            return 0.0, 0.0
        a = a if a is not None else b - 40  # type: ignore[operator]
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
    a, b = pos(info.t0), pos(info.t1)  # type: ignore[arg-type]
    if info.t1 - info.t0 <= 1.5:  # type: ignore[operator]  # a single day is a dot however wide it is drawn
        mid = (a + b) / 2
        return mid - POINT_R, mid + POINT_R
    return _widened(a, b)


#: The least drawn width of a "sometime in" band: a month on a century axis is still a band, never a dot.
MIN_EXTENT = 2 * POINT_R + 2


def _widened(a: float, b: float) -> tuple[float, float]:
    if b - a >= MIN_EXTENT:
        return a, b
    mid = (a + b) / 2
    return mid - MIN_EXTENT / 2, mid + MIN_EXTENT / 2


def mark_reach(info: EventInfo) -> float:
    """How far an event's marks reach across their centre line (px), as :func:`marks` draws them (not thin)."""
    if info.weak:
        return POINT_R + WEAK_GAP      # the dashed ring around a dot (a bar's ring reaches 3.5 + WEAK_GAP)
    return 6.0 if info.disputed else 5.0   # a bracket's end ticks; a band's caps (dots, whiskers, bars less)


def mark_kind(info: EventInfo) -> str:
    """"extent" for a partial date drawn as a pale bar, else "mark"."""
    if (info.kind == "point" and info.bound is Bound.EXACT and not info.disputed and info.t0 is not None
            and info.t1 is not None and info.t1 - info.t0 > 1.5):
        return "extent"  # a month or a year: never the exact-day dot, however narrow
    return "mark"


def marks(info: EventInfo, pos: Pos, c: float, vertical: bool = False, thin: bool = False) -> list[Shape]:
    """The shapes of one event centred on across-coordinate ``c``; ``thin`` draws narrow bars (vertical columns)."""
    shapes = _plain_marks(info, pos, c, vertical, thin)
    return [*shapes, *_weak_rings(shapes)] if info.weak else shapes


def _weak_rings(shapes: Sequence[Shape]) -> list[Shape]:
    """A dashed ring around each dot and a dashed outline around each bar or band."""
    g = WEAK_GAP
    rings = []
    for shape in shapes:
        kind = shape.cls.split()[0]
        if shape.kind == "circle" and kind == "mark":
            x, y, r = shape.coords
            rings.append(Shape("circle", "weak-ring", (x, y, r + g)))
        elif shape.kind == "rect" and kind in ("bar", "extent"):
            x, y, w, h = shape.coords
            rings.append(Shape("rect", "weak-ring", (x - g, y - g, w + 2 * g, h + 2 * g)))
    return rings


def _plain_marks(info: EventInfo, pos: Pos, c: float, vertical: bool, thin: bool) -> list[Shape]:
    shapes: list[Shape] = []
    bar, band, cap = (3.5, 3.0, 3.5) if thin else (7.0, 5.0, 5.0)
    hollow = " hollow" if (info.approx_start or info.uncertain) else ""
    if info.disputed:
        xs = [(pos(cl.mid), cl.preferred) for cl in info.claims]
        lo, hi = xs[0][0], xs[-1][0]
        shapes.append(_shape("line", "bracket", [(lo, c), (hi, c)], vertical))
        for x in (lo, hi):
            shapes.append(_shape("line", "bracket", [(x, c - cap - 1), (x, c + cap + 1)], vertical))
        for x, pref in xs:
            shapes.append(_shape("circle", "mark" if pref else "mark hollow", [(x, c)], vertical, (POINT_R,)))
        return shapes
    if info.kind == "range":
        m0, m1 = mark_extent(info, pos)
        a = m0 + (8 if info.open_start else 0)
        b = m1 - (8 if info.open_end else 0)
        # A range cut by the view window: the bar stops short of the edge, an arrow points on.
        if info.cut_start:
            shapes.append(_arrow(a, c, -1, vertical, "arrow continues"))
            a += 8
        if info.cut_end:
            shapes.append(_arrow(b, c, 1, vertical, "arrow continues"))
            b -= 8
        fade = min(14.0, max(b - a, 0.0) / 3)
        body0 = a + fade if info.approx_start else a
        body1 = b - fade if info.approx_end else b
        shapes.append(_shape("rect", "bar", [(body0, c - bar / 2)], vertical, (max(body1 - body0, 0.0), bar)))
        fade_cls = "bar-fade thin" if thin else "bar-fade"
        if info.approx_start:
            shapes.append(_shape("line", fade_cls, [(a, c), (body0, c)], vertical))
        if info.approx_end:
            shapes.append(_shape("line", fade_cls, [(body1, c), (b, c)], vertical))
        if info.open_start:
            shapes.append(_arrow(a - 8, c, -1, vertical))
        if info.open_end:
            shapes.append(_arrow(b + 8, c, 1, vertical))
        return shapes
    if info.bound is not Bound.EXACT:
        direction = -1 if info.bound is Bound.NOT_AFTER else 1
        x = pos(info.t1) if info.bound is Bound.NOT_AFTER else pos(info.t0)  # type: ignore[arg-type]
        tip = x + direction * WHISKER
        shapes.append(_shape("line", "whisker", [(x, c), (tip - direction * 6, c)], vertical))
        shapes.append(_arrow(tip, c, direction, vertical, "whisker-head"))
        shapes.append(_shape("circle", "mark" + hollow, [(x, c)], vertical, (POINT_R,)))
        return shapes
    a, b = pos(info.t0), pos(info.t1)  # type: ignore[arg-type]
    if info.t1 - info.t0 > 1.5:  # type: ignore[operator]
        a, b = _widened(a, b)
        # A partial date (a month, a year, a decade): a pale band over every day it can mean, held
        # by two thin end caps -- lighter than a range's solid bar, so "sometime in" never reads as "all through".
        shapes.append(_shape("rect", "extent", [(a, c - band / 2)], vertical, (b - a, band)))
        for t in (a + 0.6, b - 0.6):
            shapes.append(_shape("line", "extent-cap" + hollow, [(t, c - cap), (t, c + cap)], vertical))
        return shapes
    mid = (a + b) / 2
    shapes.append(_shape("circle", "mark" + hollow, [(mid, c)], vertical, (POINT_R,)))
    return shapes
