"""timeline: historical timelines with partial, approximate and disputed dates.

Read event files into a :class:`Timeline`, then render it to SVG or HTML
with numbered source footnotes::

    import timeline
    tl = timeline.load("events/")
    svg = timeline.render_svg(tl)
    tl.save_html("build/timeline.html")

Rendering modules (and jinja2/svgwrite) are imported only when used, so
``import timeline`` and ``timeline --help`` stay fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from timeline._lazy import lazy_attributes

if TYPE_CHECKING:
    from pathlib import Path

    from timeline.dates import Bound, HistoricalDate, Precision, Span, parse_date
    from timeline.errors import (
        DateError,
        Diagnostic,
        LoadError,
        ParseError,
        RenderError,
        Severity,
        TimelineError,
        UsageError,
    )
    from timeline.model.records import Citation, Claim, ClaimRank, Era, Event, Lane, Media, Quantity, Source, SourceKind
    from timeline.model.timeline import Timeline
    from timeline.resources import bundled_events

# The public names, imported on first use (PEP 562) so that
# `python -m timeline --help` does not pay for attrs and the model
# classes (about 40 ms of its start-up); bench/RESULTS.md has the figures.
_LAZY = {
    **dict.fromkeys(("Bound", "HistoricalDate", "Precision", "Span", "parse_date"), "timeline.dates"),
    **dict.fromkeys(("DateError", "Diagnostic", "LoadError", "ParseError", "RenderError", "Severity",
                     "TimelineError", "UsageError"), "timeline.errors"),
    **dict.fromkeys(("Citation", "Claim", "ClaimRank", "Era", "Event", "Lane", "Media", "Quantity", "Source",
                     "SourceKind"), "timeline.model.records"),
    "Timeline": "timeline.model.timeline",
    "bundled_events": "timeline.resources",
}


__getattr__, __dir__ = lazy_attributes("timeline", _LAZY, globals())


__all__ = [
    "Bound",
    "Citation",
    "Claim",
    "ClaimRank",
    "DateError",
    "Diagnostic",
    "Era",
    "Event",
    "HistoricalDate",
    "Lane",
    "LoadError",
    "Media",
    "ParseError",
    "Precision",
    "Quantity",
    "RenderError",
    "Severity",
    "Source",
    "SourceKind",
    "Span",
    "Timeline",
    "TimelineError",
    "UsageError",
    "__distribution__",
    "__version__",
    "bundled",
    "bundled_events",
    "dumps",
    "load",
    "loads",
    "parse_date",
    "render_html",
    "render_pages",
    "render_plain",
    "render_png",
    "render_svg",
]

__version__ = "0.1.0"
#: The name this project is installed under (``pip install timeline-history``); Launchpad's
#: unrelated python-timeline also imports as ``timeline`` and has no such attribute.
__distribution__ = "timeline-history"


def load(path: str | Path, *, format: str | None = None, strict: bool = False, skip_invalid: bool = False,
         max_bytes: int | None = None) -> Timeline:
    """Load a timeline from a file or directory; raise LoadError listing every problem.

    ``format`` is a name from :data:`timeline.io.FORMATS` (default: by suffix
    and content).  Warnings (e.g. an event without a citation) do not raise
    unless ``strict``; ``skip_invalid`` leaves out unreadable slides, rows or
    lines with a warning each instead of refusing the file.  At most
    ``max_bytes`` bytes are read (default 20 MiB, for a file or a folder's
    files together); more is refused with an error.
    """
    from timeline.io import read
    from timeline.io.common import raise_for

    result = read(path, format=format, strict=strict, skip_invalid=skip_invalid, max_bytes=max_bytes)
    raise_for(result.diagnostics, strict)
    assert result.timeline is not None
    return result.timeline


def loads(text: str, *, format: str | None = None, name: str = "<string>", strict: bool = False,
          skip_invalid: bool = False) -> Timeline:
    """Load a timeline from a string in any readable format (default: recognised by content, else TOML)."""
    from timeline.io import read_text
    from timeline.io.common import raise_for

    result = read_text(text, format=format, name=name, strict=strict, skip_invalid=skip_invalid)
    raise_for(result.diagnostics, strict)
    assert result.timeline is not None
    return result.timeline


def bundled(*, strict: bool = False) -> Timeline:
    """The bundled 1930–1956 timeline (the Gulag, Stalin's death, the 1953 amnesty)."""
    from timeline.resources import bundled_events

    return load(bundled_events(), strict=strict)


def dumps(tl: Timeline) -> str:
    """Our JSON export of a timeline (deterministic; see docs/json.md)."""
    from timeline.io.jsonfmt import dumps as _dumps

    return _dumps(tl)


def render_svg(tl: Timeline, **options: Any) -> str:
    """Render a timeline to an SVG document string (see docs/svg.md for options)."""
    from timeline.render import render_svg as _render_svg

    return _render_svg(tl, **options)


def render_pages(tl: Timeline, size: str = "a4", **options: Any) -> list[str]:
    """Render a timeline as printed pages of ``size`` (a4, letter and their -landscape): one SVG string each.

    Each page holds part of the chart, never cutting a label, with the lane key or the axis
    repeated and "p. 2 of 3" at its foot; text is at least 8 pt.
    """
    from timeline.render import render_pages as _render_pages

    return _render_pages(tl, size, **options)


def render_plain(tl: Timeline, name: str = "timeline", **options: Any) -> Any:
    """A sanitiser-safe HTML fragment (no inline SVG, style or script) and the chart image it shows.

    Returns a PlainFragment: ``.html``, and ``.image`` to write beside it as ``.image_name``.
    """
    from timeline.render import render_plain as _render_plain

    return _render_plain(tl, name, **options)


def render_png(tl: Timeline, *, pixel_ratio: float | None = None, **options: Any) -> bytes:
    """Render a timeline to PNG bytes, drawn in DejaVu Sans (needs ``pip install 'timeline-history[png]'``)."""
    from timeline.render import render_png as _render_png

    return _render_png(tl, pixel_ratio=pixel_ratio, **options)


def render_html(tl: Timeline, fragment: bool = False, **options: Any) -> str:
    """Render a timeline to a self-contained HTML page, or an embeddable ``<figure>`` fragment."""
    from timeline.render import render_html as _render_html

    return _render_html(tl, fragment=fragment, **options)
