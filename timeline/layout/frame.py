"""The frame a chart will be seen in: its size in CSS px, its medium and its least text size.

A layout is made for its frame (never scaled from one made for another): a 1920x1080 slide, a
printed page, a 720-px LMS column, a 390-px phone.  Each medium guarantees a least rendered text
size when the frame is shown at its own size; :mod:`timeline.layout.typography` derives every
font size from it.  Paper sizes are CSS px at 96 px to the inch, so 8 pt is 10.67 px.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from timeline.errors import UsageError

__all__ = ["DEFAULT_MINIMUM", "Frame", "MEDIA", "MINIMUMS", "PRESETS", "default_frame", "parse_size"]

#: Mediums, and the least text size in px each guarantees at the frame's own size.
MINIMUMS = {
    "screen": 10.5,          # today's default chart: a width, free height, scaled by its viewer
    "slide": 18.0,           # 1920x1080 projected
    "paper": 8 * 96 / 72,    # 8 pt
    "column": 11.0,          # an LMS or blog column, 720 px
    "phone": 12.0,           # a 390-px phone viewport
}
MEDIA = tuple(MINIMUMS)
DEFAULT_MINIMUM = MINIMUMS["screen"]
_MM = 96 / 25.4
_IN = 96.0


@attrs.frozen
class Frame:
    """A target size: ``width`` px, ``height`` px (None: the height follows the content), medium, least text size."""

    width: float
    height: float | None
    medium: str = "screen"
    #: The least rendered text size (px) this frame guarantees; footnotes may go to 70% of it.
    min_text: float = DEFAULT_MINIMUM
    #: How many device pixels per CSS px a raster (PNG) of this frame should have.
    raster_scale: float = 1.0
    #: The preset's name ("slide", "a4"...), or "" for a size given as WxH.
    name: str = ""

    @property
    def fixed(self) -> bool:
        """True when everything must fit inside width x height."""
        return self.height is not None

    @property
    def landscape(self) -> bool:
        """True for a fixed frame wider than it is tall."""
        return self.height is not None and self.width > self.height

    def describe(self) -> str:
        """A short human name: "slide (1920x1080)", "phone (390 wide)"."""
        size = f"{_n(self.width)}x{_n(self.height)}" if self.height is not None else f"{_n(self.width)} wide"
        return f"{self.name} ({size})" if self.name else size


def _n(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _page(name: str, w: float, h: float) -> Frame:
    return Frame(round(w, 2), round(h, 2), "paper", MINIMUMS["paper"], 1.0, name)


#: The named sizes ``--size`` takes.
PRESETS: dict[str, Frame] = {
    "slide": Frame(1920.0, 1080.0, "slide", MINIMUMS["slide"], 2.0, "slide"),
    "slide-4x3": Frame(1440.0, 1080.0, "slide", MINIMUMS["slide"], 2.0, "slide-4x3"),
    "a4": _page("a4", 210 * _MM, 297 * _MM),
    "a4-landscape": _page("a4-landscape", 297 * _MM, 210 * _MM),
    "letter": _page("letter", 8.5 * _IN, 11 * _IN),
    "letter-landscape": _page("letter-landscape", 11 * _IN, 8.5 * _IN),
    "column": Frame(720.0, None, "column", MINIMUMS["column"], 1.0, "column"),
    "phone": Frame(390.0, None, "phone", MINIMUMS["phone"], 1.0, "phone"),
}

_WXH = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[xX×]\s*(\d+(?:\.\d+)?)\s*$")
_W = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*$")
MIN_WIDTH, MAX_SIDE = 320.0, 20000.0
MIN_HEIGHT = 240.0
#: A portrait ``WxH`` at most this wide reads as a phone (text >= 12 px); narrower than
#: PORTRAIT_COLUMN, as a column (>= 11 px).
PORTRAIT_PHONE, PORTRAIT_COLUMN = 480.0, 800.0


def _checked(w: float, h: float | None, text: str) -> None:
    if not MIN_WIDTH <= w <= MAX_SIDE:
        raise UsageError(f"size {text!r}: the width must be between {_n(MIN_WIDTH)} and {_n(MAX_SIDE)} px; got {_n(w)}")
    if h is not None and not MIN_HEIGHT <= h <= MAX_SIDE:
        raise UsageError(f"size {text!r}: the height must be between {_n(MIN_HEIGHT)} and {_n(MAX_SIDE)} px; got {_n(h)}")


def parse_size(value: Any) -> Frame:
    """A Frame from a preset name ("slide", "a4", "phone"...), "WxH" or "W" (free height) in CSS px, or a Frame."""
    if isinstance(value, Frame):
        _checked(value.width, value.height, value.describe())
        return value
    if not isinstance(value, str):
        raise UsageError(f"size must be a preset name or 'WIDTHxHEIGHT' in px; got {value!r}")
    key = value.strip().lower()
    if key in PRESETS:
        return PRESETS[key]
    m = _WXH.match(key)
    if m:
        w, h = float(m.group(1)), float(m.group(2))
        _checked(w, h, value)
        if w > h and w >= 1024:
            # A landscape screen this size is a slide: its text scales with the 1920-px standard.
            return Frame(w, h, "slide", round(max(DEFAULT_MINIMUM, MINIMUMS["slide"] * w / 1920), 2), 2.0)
        if h >= w and w < PORTRAIT_COLUMN:
            # A portrait screen this narrow is a phone (390x844) or a column (720x1280): their text sizes.
            medium = "phone" if w <= PORTRAIT_PHONE else "column"
            return Frame(w, h, medium, MINIMUMS[medium])
        return Frame(w, h, "screen", DEFAULT_MINIMUM)
    m = _W.match(key)
    if m:
        w = float(m.group(1))
        _checked(w, None, value)
        return Frame(w, None, "screen", DEFAULT_MINIMUM)
    import difflib

    close = difflib.get_close_matches(key, list(PRESETS), n=1)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    raise UsageError(f"size {value!r} is neither a preset ({', '.join(PRESETS)}) nor WIDTHxHEIGHT in px "
                     f"(e.g. 1920x1080){hint}")


def default_frame(width: float | None, orientation: str) -> Frame:
    """Today's default: a width (1200 px horizontal, 720 px vertical) with a height that follows the content."""
    w = float(width) if width is not None else 1200.0 if orientation == "horizontal" else 720.0
    return Frame(w, None, "screen", DEFAULT_MINIMUM)
