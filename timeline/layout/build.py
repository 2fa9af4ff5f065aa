"""The layout's entry: a Timeline and options in, a Scene out."""

from __future__ import annotations

from typing import Any

from timeline.layout.chart import Chart
from timeline.layout.horizontal import horizontal
from timeline.layout.options import LayoutOptions
from timeline.layout.scene import Scene
from timeline.layout.vertical import vertical
from timeline.model import Timeline

__all__ = ["layout"]


def layout(tl: Timeline, **options: Any) -> Scene:
    """Lay a timeline out into a Scene (options: see :class:`LayoutOptions`)."""
    opts = options.pop("_options", None) or LayoutOptions.from_kwargs(**options)
    chart = Chart(tl, opts)
    return vertical(chart) if opts.orientation == "vertical" else horizontal(chart)
