"""Renderers: a laid-out Scene (or a Timeline) to SVG and HTML.

Each renderer module is imported only when it is called, so importing
:mod:`timeline.render` does not pull in svgwrite or jinja2.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from timeline.model import Timeline

__all__ = ["render_html", "render_svg"]


def render_svg(tl: Timeline, **options: Any) -> str:
    """Render a timeline to an SVG document string."""
    from timeline.render.svg import render_svg as _render

    return _render(tl, **options)


def render_html(tl: Timeline, fragment: bool = False, **options: Any) -> str:
    """Render a timeline to an HTML page, or an embeddable fragment."""
    from timeline.render.html import render_html as _render

    return _render(tl, fragment=fragment, **options)
