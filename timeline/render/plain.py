"""The sanitiser-safe fragment: basic HTML plus an ``<img>`` of the chart, for LMS editors.

Moodle's and Canvas's HTML filters strip inline SVG, ``<style>`` and ``<script>``, so the
ordinary fragment loses its chart there.  This one has none of them: the event list, the
notes and the sources in plain HTML, and the chart as a picture in a file of its own (PNG
when the ``png`` extra is installed, else SVG), laid out for a 720-px course column.
"""

from __future__ import annotations

import html
import importlib.util
import re
from pathlib import Path
from typing import Any

import attrs

from timeline.errors import UsageError
from timeline.model.timeline import Timeline

__all__ = ["COLUMN", "PlainFragment", "render_plain", "save_plain"]

#: The chart's frame when the caller names none: a vertical chart for a course column.
COLUMN: dict[str, Any] = {"orientation": "vertical", "width": 720}
_IMAGE_FORMATS = ("png", "svg")
_NAME = re.compile(r"[^/\\\x00]+")


@attrs.frozen
class PlainFragment:
    """The fragment's HTML and the chart image it refers to (write ``image`` as ``image_name``)."""

    html: str
    image: bytes
    image_name: str


def _attr(svg: str, name: str) -> str:
    match = re.search(rf'<svg\b[^>]*?\s{name}="([^"]*)"', svg)
    return match.group(1) if match else ""


def render_plain(tl: Timeline, name: str = "timeline", *, image_format: str | None = None,
                 templates: str | Path | None = None, id_prefix: str = "tl", include_context: bool = True,
                 lang: str = "en", **options: Any) -> PlainFragment:
    """The sanitiser-safe fragment and its chart image, named ``NAME.png`` (or ``NAME.svg``).

    ``image_format`` is "png" (needs the ``png`` extra), "svg", or None for PNG when the
    rasteriser is installed and SVG otherwise.  Other options go to the chart (default: a
    vertical chart 720 px wide, drawn light, without its own header and source list, whose
    footnote numbers are the fragment's notes).
    """
    from timeline.render.html import render_html
    from timeline.render.svg import render_svg

    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise UsageError(f"the image name must be a file name without folders; got {name!r}")
    if image_format is None:
        image_format = "png" if importlib.util.find_spec("resvg_py") is not None else "svg"
    if image_format not in _IMAGE_FORMATS:
        raise UsageError(f"image_format must be png or svg; got {image_format!r}")
    if not include_context:
        tl = tl.without_tags("context")
    frame = COLUMN if not {"orientation", "width", "size"} & set(options) else {}
    chart = {**frame, "header": False, "footnotes": False, **options, "theme": "light"}
    svg = render_svg(tl, **chart)
    if image_format == "png":
        from timeline.render.png import rasterise

        image = rasterise(svg, pixel_ratio=2.0)
    else:
        image = svg.encode("utf-8")
    desc = re.search(r"<desc\b[^>]*>(.*?)</desc>", svg, re.DOTALL)
    alt = html.unescape(desc.group(1)) if desc else tl.title
    picture = {
        "src": f"{name}.{image_format}",
        "alt": f"{alt} Every event is listed below the picture.",
        "width": _attr(svg, "width"),
        "height": _attr(svg, "height"),
    }
    text = render_html(tl, fragment=True, templates=templates, theme="light", id_prefix=id_prefix, lang=lang,
                       plain_image=picture)
    return PlainFragment(html=text, image=image, image_name=picture["src"])


def save_plain(tl: Timeline, path: str | Path, **options: Any) -> Path:
    """Write the fragment to ``path`` and its image beside it (same stem); return the image's path."""
    from timeline.atomic import write_files

    target = Path(path)
    frag = render_plain(tl, target.stem, **options)
    image = target.with_name(frag.image_name)
    write_files([(target, frag.html), (image, frag.image)])
    return image
