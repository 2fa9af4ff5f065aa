"""Layout: from a Timeline to a Scene of plain geometry and strings.

Nothing here imports svgwrite or jinja2; renderers draw the Scene.
"""

from __future__ import annotations

from timeline.layout.build import layout
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

__all__ = ["Badge", "Box", "EventMark", "Label", "LayoutOptions", "NoteEntry", "Scene", "Shape", "Text", "layout"]
