"""Renderers: a laid-out Scene (or a Timeline) to SVG, PNG and HTML.

Each renderer module is imported only when it is called, so importing
:mod:`timeline.render` does not pull in svgwrite, jinja2 or the rasteriser.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from timeline.model.timeline import Timeline

__all__ = ["render_html", "render_pages", "render_plain", "render_png", "render_svg"]


def render_svg(tl: Timeline, **options: Any) -> str:
    """Render a timeline to an SVG document string."""
    from timeline.render.svg import render_svg as _render

    return _render(tl, **options)


def render_pages(tl: Timeline, size: str = "a4", **options: Any) -> list[str]:
    """Render a timeline as printed pages (a4, letter, a4-landscape, letter-landscape): one SVG string each."""
    from timeline.render.svg import render_pages as _render

    return _render(tl, size, **options)


def render_plain(tl: Timeline, name: str = "timeline", **options: Any) -> Any:
    """The sanitiser-safe HTML fragment and its chart image (a :class:`~timeline.render.plain.PlainFragment`)."""
    from timeline.render.plain import render_plain as _render

    return _render(tl, name, **options)


def render_png(tl: Timeline, *, pixel_ratio: float | None = None, **options: Any) -> bytes:
    """Render a timeline to PNG bytes (needs the ``png`` extra); options as for render_svg."""
    from timeline.render.png import render_png as _render

    return _render(tl, pixel_ratio=pixel_ratio, **options)


def render_html(tl: Timeline, fragment: bool = False, **options: Any) -> str:
    """Render a timeline to an HTML page, or an embeddable fragment."""
    from timeline.render.html import render_html as _render

    return _render(tl, fragment=fragment, **options)
