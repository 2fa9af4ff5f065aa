"""The one typography table: every text role's size, weight and style, for a frame.

The layout measures every text with these sizes, and the SVG renderer generates its font CSS
from the same table (the Scene carries it), scoped to the chart's id and written after any theme
or user CSS, so a stylesheet cannot silently change a size the layout measured.  Sizes scale with the frame's guaranteed minimum text size
(the smallest role, the source list, is exactly that minimum) and with ``text_scale``; the
footnote superscripts may be smaller, never below 70% of the minimum.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from timeline.layout.scene import ASCENT, DESCENT, Box, Text
from timeline.layout.text import measure

__all__ = ["BASE_MINIMUM", "FOOTNOTE_FLOOR", "LINE", "ROLES", "Role", "Typography"]


@attrs.frozen
class Role:
    """One kind of text: its CSS classes and its size at the base scale (the default 1200-px chart)."""

    name: str
    classes: tuple[str, ...]
    base: float
    bold: bool = False
    italic: bool = False


#: Every text the chart draws.  ``base`` sizes are today's screen chart; the smallest is the note.
ROLES: tuple[Role, ...] = (
    Role("title", ("title",), 22.0, bold=True),
    Role("subtitle", ("subtitle",), 13.0),
    Role("label", ("label",), 12.5),
    Role("date", ("date",), 11.0),
    Role("legend", ("legend-label",), 11.0),
    Role("badge", ("more",), 11.0),
    Role("overflow", ("overflow-note",), 11.0),
    Role("breaks", ("break-label",), 11.0),
    Role("tick", ("tick",), 11.0),
    Role("tick_year", ("tick-year",), 11.0, bold=True),
    Role("lane", ("lane-name", "lane-number", "notes-heading"), 12.0, bold=True),
    Role("era", ("era-name",), 11.0, italic=True),
    Role("note", ("note", "note-number"), 10.5),
    Role("footnote", ("fn",), 8.5),
)
_BY_CLASS = {cls: role for role in ROLES for cls in role.classes}
#: Roles already looked up, by class list (a chart has a few dozen).
_ROLE_OF: dict[str, Role] = {}
#: The smallest base size of a reading text (the source list): a frame's minimum maps onto it.
BASE_MINIMUM = min(r.base for r in ROLES if r.name != "footnote")
#: Footnote superscripts are never smaller than this share of the frame's minimum.
FOOTNOTE_FLOOR = 0.7
#: Line height as a multiple of the font size.
LINE = 1.28


def _px(value: float) -> float:
    return round(value, 2)


@attrs.frozen
class Typography:
    """Font sizes in px for every role of :data:`ROLES`, as attributes (``ty.label``, ``ty.tick``...)."""

    title: float
    subtitle: float
    label: float
    date: float
    legend: float
    badge: float
    overflow: float
    breaks: float
    tick: float
    tick_year: float
    lane: float
    era: float
    note: float
    footnote: float
    minimum: float
    line: float = LINE

    @classmethod
    def for_minimum(cls, minimum: float = BASE_MINIMUM, text_scale: float = 1.0) -> Typography:
        """Sizes for a frame whose smallest reading text must be at least ``minimum`` px."""
        k = max(minimum, BASE_MINIMUM) / BASE_MINIMUM * text_scale
        sizes = {r.name: _px(r.base * k) for r in ROLES}
        sizes["footnote"] = max(sizes["footnote"], _px(FOOTNOTE_FLOOR * minimum))
        return cls(**sizes, minimum=minimum)

    def role(self, cls: str) -> Role:
        """The role of a text with CSS classes ``cls`` (the last class the table knows wins)."""
        role = _ROLE_OF.get(cls)
        if role is None:
            role = next((_BY_CLASS[word] for word in reversed(cls.split()) if word in _BY_CLASS), None)
            if role is None:
                raise KeyError(f"no typography role for class {cls!r}")
            if len(_ROLE_OF) < 4096:
                _ROLE_OF[cls] = role
        return role

    def size(self, cls: str) -> float:
        """The font size of a text with CSS classes ``cls``."""
        return float(getattr(self, self.role(cls).name))

    def sup_text(self, notes: Sequence[int]) -> str:
        """Footnote numbers as drawn after a text: "1,2"."""
        return ",".join(str(n) for n in notes)

    def sup_width(self, notes: Sequence[int]) -> float:
        """The width the superscript numbers (and their gap) add after a text."""
        return measure(" " + self.sup_text(notes), self.footnote) if notes else 0.0

    def text(self, x: float, y: float, text: str, cls: str, *, anchor: str = "start",
             notes: tuple[int, ...] = (), runs: tuple[tuple[str, bool], ...] = (), rotate: int = 0) -> Text:
        """A measured line of text at baseline point (x, y), sized by its role."""
        role = self.role(cls)
        size = float(getattr(self, role.name))
        main = measure(text, size, bold=role.bold)
        width = main + self.sup_width(notes)
        left = x if anchor == "start" else x - width if anchor == "end" else x - width / 2
        box = Box(left, y - ASCENT * size, width, (ASCENT + DESCENT) * size)
        if rotate == -90:  # rotated about (x, y): reads upwards
            box = Box(x - ASCENT * size, y - (left - x) - width, (ASCENT + DESCENT) * size, width)
        note_x: list[float] = []
        if notes:
            nx = left + main + measure("\u2009", size, bold=role.bold)
            for k, n in enumerate(notes):
                note_x.append(nx)
                nx += measure(("," if k else "") + str(n), self.footnote)
        return Text(x, y, text, cls, size, box, anchor, role.bold, notes, runs, rotate,
                    note_x=tuple(note_x), note_size=self.footnote if notes else 0.0)
