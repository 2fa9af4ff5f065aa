"""The Scene: plain geometry and strings, ready for any renderer.

Nothing here knows about SVG, HTML or files.  Coordinates are px with the
origin at the top left; every text carries its measured box so tests (and
renderers) can check overlaps without a font engine.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from timeline.layout.frame import Frame

if TYPE_CHECKING:
    from timeline.layout.typography import Typography

__all__ = ["AxisBreak", "Badge", "Box", "EraBand", "EventMark", "Label", "LaneBand", "NoteEntry", "Scene", "Shape", "Text"]

#: DejaVu Sans ascent and descent as fractions of the font size (hhea 0.928/0.236).
ASCENT, DESCENT = 0.93, 0.24


@attrs.frozen
class Box:
    """An axis-aligned rectangle."""

    x: float
    y: float
    w: float
    h: float

    @property
    def x1(self) -> float:
        """Right edge."""
        return self.x + self.w

    @property
    def y1(self) -> float:
        """Bottom edge."""
        return self.y + self.h

    def intersects(self, other: Box) -> bool:
        """True when the two boxes share interior area."""
        return self.x < other.x1 and other.x < self.x1 and self.y < other.y1 and other.y < self.y1

    def inside(self, outer: Box, slack: float = 0.01) -> bool:
        """True when this box lies within ``outer``."""
        return (self.x >= outer.x - slack and self.y >= outer.y - slack
                and self.x1 <= outer.x1 + slack and self.y1 <= outer.y1 + slack)


@attrs.frozen
class Shape:
    """A mark: ``kind`` is line (x1 y1 x2 y2), rect (x y w h), circle (cx cy r), polyline or polygon (x y ...)."""

    kind: str
    cls: str
    coords: tuple[float, ...]


@attrs.frozen
class Text:
    """One line of text at a baseline point; ``notes`` are superscript footnote numbers after it.

    ``runs`` are (text, italic) pieces when the line mixes styles; otherwise ``text`` is the whole line.
    ``rotate`` is 0 or -90 (reads bottom to top); ``box`` is the measured, rotated extent.
    ``note_x`` is where each footnote number starts (the first after a thin space; the others
    after a comma) and ``note_size`` their font size, so a renderer can place them, or link each,
    without measuring text.
    """

    x: float
    y: float
    text: str
    cls: str
    size: float
    box: Box
    anchor: str = "start"
    bold: bool = False
    notes: tuple[int, ...] = ()
    runs: tuple[tuple[str, bool], ...] = ()
    rotate: int = 0
    note_x: tuple[float, ...] = ()
    note_size: float = 0.0


@attrs.frozen
class Label:
    """An event's label: its text lines, the box they fill, and a leader line back to the mark if moved."""

    box: Box
    lines: tuple[Text, ...]
    leader: tuple[float, ...] = ()


@attrs.frozen
class EventMark:
    """One event as drawn: marks, an optional label, and what it is (classes)."""

    event_id: str
    title: str
    date_label: str
    classes: tuple[str, ...]
    lane: int
    shapes: tuple[Shape, ...]
    label: Label | None
    notes: tuple[int, ...] = ()
    overflow: bool = False


@attrs.frozen
class Badge:
    """A "+N more" marker standing for events that found no room for a label."""

    text: Text
    event_ids: tuple[str, ...]
    lane: int


@attrs.frozen
class NoteEntry:
    """A numbered source in the list at the bottom: its lines of (text, italic) runs."""

    number: int
    lines: tuple[Text, ...]


@attrs.frozen
class EraBand:
    """A shaded period behind the plot: its id and name, its shapes, and its label (if drawn)."""

    era_id: str
    name: str
    shapes: tuple[Shape, ...]
    label: Text | None
    #: The label's further lines, where it wraps (a narrow frame with free height).
    more: tuple[Text, ...] = ()


@attrs.frozen
class AxisBreak:
    """A stretch of the axis drawn shorter than the rest: a shaded band, a zig-zag, and its label."""

    first_day: float
    after_day: float
    shapes: tuple[Shape, ...]   # the band first, then the zig-zag on the axis
    label: Text | None


@attrs.frozen
class LaneBand:
    """A lane: its id, its rules, and its name (and number) texts."""

    lane_id: str
    shapes: tuple[Shape, ...]
    texts: tuple[Text, ...]


@attrs.frozen
class Scene:
    """A laid-out timeline: canvas size, layers of shapes and texts, events and notes."""

    width: float
    height: float
    orientation: str
    scale: str
    title: str
    subtitle: str
    summary: str
    header: tuple[Text, ...]
    eras: tuple[EraBand, ...]
    grid: tuple[Shape, ...]
    axis: tuple[Shape, ...]
    ticks: tuple[Text, ...]
    breaks: tuple[AxisBreak, ...]
    lanes: tuple[LaneBand, ...]
    events: tuple[EventMark, ...]
    badges: tuple[Badge, ...]
    overflow_note: tuple[Text, ...]
    notes_heading: Text | None
    notes: tuple[NoteEntry, ...]
    #: What this page is: "chart", or "sources" (the source list continued from a fixed frame).
    page: str = "chart"
    #: True when the source list did not fit the frame and is laid out on following pages.
    sources_follow: bool = False
    #: Events drawn as marks but without a label (counted in "+N more" badges), in time order.
    unlabelled: tuple[str, ...] = ()
    #: The frame this Scene was laid out for (its medium, least text size, raster scale).
    frame: Frame | None = None
    #: The font size of every text role, as measured (renderers generate their font CSS from it).
    typography: Typography | Any = None
    #: The time axis: day number -> px along it (x when horizontal, y when vertical); None on a page of sources.
    timescale: Any = None

    def position(self, when: Any) -> float:
        """Where a date sits along the time axis, in px: x (horizontal) or y (vertical).

        ``when`` is a day number, a ``datetime.date``, a date string ("1953-03-05", "March 1953")
        or a parsed date; a partial date gives the position of its first day.  For the
        ``drawing()`` hook: ``x = scene.position("1953-03-05")``.
        """
        if self.timescale is None:
            raise ValueError("this page has no time axis")
        if isinstance(when, (int, float)) and not isinstance(when, bool):
            return self.timescale.pos(float(when))
        if hasattr(when, "toordinal") and not hasattr(when, "first_day"):
            return self.timescale.pos(float(when.toordinal()))
        from timeline.dates import parse_date

        date = parse_date(when) if isinstance(when, str) else when
        if date.first_day is None:
            raise ValueError(f"{when!r} has no first day to place")
        return self.timescale.pos(float(date.first_day))

    @property
    def canvas(self) -> Box:
        """The whole drawing area."""
        return Box(0.0, 0.0, self.width, self.height)

    def texts(self) -> list[tuple[str, Text]]:
        """Every text line with a kind, for overlap and clipping checks."""
        out: list[tuple[str, Text]] = [("header", t) for t in self.header]
        out += [("era", t) for e in self.eras for t in ((e.label,) if e.label is not None else ()) + e.more]
        out += [("tick", t) for t in self.ticks]
        out += [("break", b.label) for b in self.breaks if b.label is not None]
        out += [("lane", t) for lane in self.lanes for t in lane.texts]
        out += [("badge", b.text) for b in self.badges]
        out += [("overflow", t) for t in self.overflow_note]
        if self.notes_heading is not None:
            out.append(("notes", self.notes_heading))
        out += [("note", t) for n in self.notes for t in n.lines]
        return out

    def label_boxes(self) -> list[tuple[str, Box]]:
        """Boxes that must not overlap: each event label as one box, plus every other text line."""
        out = [(f"event:{e.event_id}", e.label.box) for e in self.events if e.label is not None]
        out += [(f"{kind}:{t.text}", t.box) for kind, t in self.texts()]
        return out
