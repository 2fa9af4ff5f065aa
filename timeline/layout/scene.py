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

__all__ = ["Badge", "Box", "EventMark", "Label", "NoteEntry", "Scene", "Shape", "Text"]

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
    eras: tuple[tuple[str, str, tuple[Shape, ...], Text | None], ...]
    grid: tuple[Shape, ...]
    axis: tuple[Shape, ...]
    ticks: tuple[Text, ...]
    breaks: tuple[tuple[tuple[Shape, ...], Text], ...]
    lanes: tuple[tuple[str, tuple[Shape, ...], tuple[Text, ...]], ...]
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

    @property
    def canvas(self) -> Box:
        """The whole drawing area."""
        return Box(0.0, 0.0, self.width, self.height)

    def texts(self) -> list[tuple[str, Text]]:
        """Every text line with a kind, for overlap and clipping checks."""
        out: list[tuple[str, Text]] = [("header", t) for t in self.header]
        out += [("era", label) for _id, _name, _shapes, label in self.eras if label is not None]
        out += [("tick", t) for t in self.ticks]
        out += [("break", t) for _shapes, t in self.breaks]
        out += [("lane", t) for _id, _shapes, texts in self.lanes for t in texts]
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
