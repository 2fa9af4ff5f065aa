"""Layout options as data: one frozen attrs class, validated, with did-you-mean errors."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from timeline.errors import UsageError
from timeline.layout.frame import Frame, default_frame, parse_size

__all__ = ["AUTO_MAX_ROWS", "LayoutOptions", "NARROW_WIDTH", "ORIENTATIONS", "SCALES", "check_names"]

ORIENTATIONS = ("horizontal", "vertical")
#: A frame narrower than this (a phone, an LMS column, a portrait 390x844 or 720x1280) reads as a
#: list down the page unless the horizontal layout is asked for: a chart across 390 px has no room
#: for labels.
NARROW_WIDTH = 800.0
SCALES = ("auto", "linear", "adaptive")
#: Rows per lane when ``max_rows`` is None: room for every label in any real chart, while a
#: hundred events on one day still fold into a "+N more" badge instead of a page of rows.
AUTO_MAX_ROWS = 40


def check_names(given: Iterable[str], known: Iterable[str], what: str) -> None:
    """Raise UsageError for the first unknown option name, suggesting the closest known one."""
    known = sorted(known)
    for name in sorted(given):
        if name not in known:
            import difflib  # only for a did-you-mean: not on every start

            close = difflib.get_close_matches(name, known, n=1)
            hint = f"; did you mean '{close[0]}'?" if close else f"; known options: {', '.join(known)}"
            raise UsageError(f"unknown {what} option '{name}'{hint}")


def _one_of(choices: tuple[str, ...]) -> Any:
    def check(_inst: Any, attribute: attrs.Attribute, value: Any) -> None:
        if value not in choices:
            raise UsageError(f"{attribute.name} must be one of {', '.join(choices)}; got {value!r}")

    return check


def _width(_inst: Any, attribute: attrs.Attribute, value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 320 <= value <= 20000:
        raise UsageError(f"{attribute.name} must be a number of px between 320 and 20000; got {value!r}")


def _rows(_inst: Any, attribute: attrs.Attribute, value: Any) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise UsageError(f"{attribute.name} must be a whole number of rows (1 or more) or None; got {value!r}")


def _size(inst: Any, _attribute: attrs.Attribute, value: Any) -> None:
    if value is None:
        return
    parse_size(value)  # raises a UsageError that says why
    if inst.width is not None:
        raise UsageError(f"give width or size, not both (width={inst.width!r}, size={value!r})")


def _text_scale(_inst: Any, attribute: attrs.Attribute, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 1.0 <= value <= 4.0:
        raise UsageError(f"{attribute.name} must be a number from 1 to 4 (text never goes below the frame's "
                         f"minimum); got {value!r}")


def _title(_inst: Any, attribute: attrs.Attribute, value: Any) -> None:
    if value is not None and not isinstance(value, str):
        raise UsageError(f"{attribute.name} must be a string or None; got {value!r}")


def _window(value: Any) -> tuple[Any, Any] | None:
    if value is None:
        return None
    if isinstance(value, (str, bytes, Mapping)) or len(value) != 2:
        raise UsageError(f"window must be a (start, end) pair, either of which may be None; got {value!r}")
    if value[0] is None and value[1] is None:
        return None
    return (value[0], value[1])


def _focus(value: Any) -> tuple[tuple[str, str], ...]:
    if isinstance(value, (str, bytes)):
        raise UsageError(f"focus must be a list of (start, end) pairs; got {value!r}")
    out = []
    for pair in value or ():
        if isinstance(pair, Mapping) or len(pair) != 2:
            raise UsageError(f"each focus period must be a (start, end) pair; got {pair!r}")
        out.append((pair[0], pair[1]))
    return tuple(out)


@attrs.frozen
class LayoutOptions:
    """How to lay a timeline out (see docs/svg.md for each field)."""

    #: "horizontal" (time runs right; slides, wide screens) or "vertical" (time runs down; documents,
    #: phones).  None (the default): vertical on a frame narrower than NARROW_WIDTH that is not
    #: landscape (``phone``, ``column``, a width under 800 px, a portrait ``390x844`` or ``720x1280``)
    #: and on portrait pages (``a4``, ``letter``), horizontal otherwise (see :attr:`direction`).
    orientation: str | None = attrs.field(default=None, validator=attrs.validators.optional(_one_of(ORIENTATIONS)))
    #: "linear", "adaptive" (dense periods get more room, empty stretches are compressed), or "auto".
    scale: str = attrs.field(default="auto", validator=_one_of(SCALES))
    #: Canvas width in px; None means 1200 (horizontal) or 720 (vertical).  Height follows the content.
    width: float | None = attrs.field(default=None, validator=_width)
    #: Draw events tagged "context" (greyed) as well as the main ones.
    include_context: bool = True
    #: Periods to give extra room, as (start, end) date strings or dates; implies an adaptive scale.
    focus: tuple[tuple[Any, Any], ...] = attrs.field(default=(), converter=_focus)
    #: Leave room for, and lay out, the numbered list of sources at the bottom.
    footnotes: bool = True
    #: Most label rows per lane (horizontal) before events are summarised as "+N more".  None (the
    #: default) lets the canvas grow: every event gets a label unless a lane would need over
    #: AUTO_MAX_ROWS rows (truly dense data, such as a hundred events on one day).
    max_rows: int | None = attrs.field(default=None, validator=_rows)
    #: Draw the title and subtitle at the top.  False leaves them out (a page that prints its own
    #: heading); the SVG keeps its <title> and <desc> for assistive technology either way.
    header: bool = True
    #: Draw a key to the marks actually used (exact day, "sometime in", range, approximate, ...).
    legend: bool = True
    #: The frame to lay out for: a preset ("slide", "slide-4x3", "a4", "a4-landscape", "letter",
    #: "letter-landscape", "column", "phone"), "WxH" in CSS px, or a :class:`Frame`.  None: ``width``
    #: (or 1200 / 720 px) with a height that follows the content.
    size: str | Frame | None = attrs.field(default=None, validator=_size)
    #: Make every text this many times bigger (1 to 4); text never goes below the frame's minimum.
    text_scale: float = attrs.field(default=1.0, validator=_text_scale)
    #: The view window (start, end) as dates or date strings (either may be None): the axis runs over
    #: exactly that time, events outside it are left out, ranges crossing an edge are cut there with a
    #: continuation arrow, and lanes left empty are dropped.
    window: tuple[Any, Any] | None = attrs.field(default=None, converter=_window)
    #: The chart's title in place of the timeline's own (None keeps it).
    title: str | None = attrs.field(default=None, validator=_title)

    @property
    def row_limit(self) -> int:
        """The most label rows a lane may take."""
        return self.max_rows if self.max_rows is not None else AUTO_MAX_ROWS

    @property
    def direction(self) -> str:
        """The orientation laid out: the one asked for, else vertical for a narrow frame that is not
        landscape, or a portrait page."""
        if self.orientation is not None:
            return self.orientation
        if self.size is not None:
            frame = parse_size(self.size)
            # A portrait fixed frame this narrow (390x844, 720x1280) or a portrait page is a list too.
            narrow = (frame.width < NARROW_WIDTH or frame.medium == "paper") if frame.fixed and not frame.landscape \
                else not frame.fixed and frame.width < NARROW_WIDTH
        else:
            narrow = self.width is not None and self.width < NARROW_WIDTH
        return "vertical" if narrow else "horizontal"

    @property
    def frame(self) -> Frame:
        """The frame to lay out for."""
        if self.size is not None:
            return parse_size(self.size)
        return default_frame(self.width, self.direction)

    @property
    def canvas_width(self) -> float:
        """The width to lay out in."""
        return self.frame.width

    @classmethod
    def from_kwargs(cls, **options: Any) -> LayoutOptions:
        """Build options from keyword arguments, refusing unknown names with a suggestion."""
        check_names(options, [f.name for f in attrs.fields(cls)], "layout")
        return cls(**options)
