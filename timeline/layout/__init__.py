"""Layout: from a Timeline to a Scene of plain geometry and strings.

Nothing here imports svgwrite or jinja2; renderers draw the Scene.
"""

from __future__ import annotations

from timeline.layout.build import layout, layout_pages
from timeline.layout.frame import PRESETS, Frame, parse_size
from timeline.layout.options import LayoutOptions
from timeline.layout.scene import (
    Badge,
    Box,
    EventMark,
    Label,
    NoteEntry,
    Scene,
    Shape,
    Text,
)
from timeline.layout.typography import Typography

__all__ = [
    "Badge",
    "Box",
    "EventMark",
    "Frame",
    "Label",
    "LayoutOptions",
    "NoteEntry",
    "PRESETS",
    "Scene",
    "Shape",
    "Text",
    "Typography",
    "layout",
    "layout_pages",
    "parse_size",
]
