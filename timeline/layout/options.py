"""Layout options as data: one frozen attrs class, validated, with did-you-mean errors."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from timeline.errors import UsageError

__all__ = ["AUTO_MAX_ROWS", "LayoutOptions", "ORIENTATIONS", "SCALES", "check_names"]

ORIENTATIONS = ("horizontal", "vertical")
SCALES = ("auto", "linear", "adaptive")
#: Rows per lane when ``max_rows`` is None: room for every label in any real chart, while a
#: hundred events on one day still fold into a "+N more" badge instead of a page of rows.
AUTO_MAX_ROWS = 40


def check_names(given: Iterable[str], known: Iterable[str], what: str) -> None:
    """Raise UsageError for the first unknown option name, suggesting the closest known one."""
    known = sorted(known)
    for name in sorted(given):
        if name not in known:
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

    #: "horizontal" (time runs right; slides, wide screens) or "vertical" (time runs down; documents, phones).
    orientation: str = attrs.field(default="horizontal", validator=_one_of(ORIENTATIONS))
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

    @property
    def row_limit(self) -> int:
        """The most label rows a lane may take."""
        return self.max_rows if self.max_rows is not None else AUTO_MAX_ROWS

    @property
    def canvas_width(self) -> float:
        """The width to lay out in."""
        if self.width is not None:
            return float(self.width)
        return 1200.0 if self.orientation == "horizontal" else 720.0

    @classmethod
    def from_kwargs(cls, **options: Any) -> LayoutOptions:
        """Build options from keyword arguments, refusing unknown names with a suggestion."""
        check_names(options, [f.name for f in attrs.fields(cls)], "layout")
        return cls(**options)
