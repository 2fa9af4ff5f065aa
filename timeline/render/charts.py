"""The charts an HTML page or fragment embeds: one laid out for each width it may be read at.

A chart laid out for 1200 px and scaled into a phone has 3-px text, so the page carries a
wide chart, a ``column`` chart (vertical, 720 px) and a ``phone`` chart (vertical, 390 px),
and CSS container queries show the one made for the width the figure is given (no
JavaScript).  Each has its own id prefix (no duplicate ids) and its CSS scoped to its own
container (an inline SVG's ``<style>`` is global to the document, and each frame has its own
font sizes).  The wide chart keeps the page's prefix, so links into it stay as they were.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from timeline.layout.frame import MINIMUMS, Frame
from timeline.model import Timeline

__all__ = ["Chart", "NARROW", "PRINT_AREA", "PRINT_MAX_EVENTS", "embedded_charts", "inline_svg"]

#: The narrow frames: (kind, layout options).  The wide chart is whatever the caller asked for.
#: Each is a little narrower than its medium's preset so that it is shown at its own size, not
#: shrunk, inside the page's or the fragment's padding: a 720-px column leaves the fragment 678 px,
#: a 390-px phone leaves the page 358 px.  Their text keeps the medium's least size (11 px, 12 px).
NARROW: tuple[tuple[str, dict[str, Any]], ...] = (
    ("column", {"orientation": "vertical",
                "size": Frame(660.0, None, "column", MINIMUMS["column"], 1.0, "column")}),
    ("phone", {"orientation": "vertical", "size": Frame(350.0, None, "phone", MINIMUMS["phone"], 1.0, "phone")}),
)


#: The print area the printed chart's pages fill: what A4 and US Letter share inside the page
#: margins of templates/page.css (16 mm, 15 mm, 18 mm), in CSS px.
PRINT_AREA = (680.0, 925.0)

#: Above this many events the page does not embed the printed chart: at 10,000 events it is some
#: 775 pages (77 MB of the page, most of its time and memory) that nobody prints.  The printed
#: page says so where the chart would be, and how to make the pages as files; the list follows.
PRINT_MAX_EVENTS = 1000


@attrs.frozen
class Chart:
    """One embedded chart: which frame it is for, its container id, and its inline SVG markup."""

    kind: str
    id: str
    svg: str


def inline_svg(svg: str) -> str:
    """The SVG as inline HTML content: no XML prolog or doctype, no unused xmlns:ev (invalid in HTML)."""
    svg = re.sub(r"^\s*<\?xml[^>]*\?>\s*", "", svg)
    svg = re.sub(r"^\s*<!DOCTYPE[^>]*>\s*", "", svg)
    if " ev:" not in svg:
        svg = re.sub(r'^(<svg\b[^>]*?) xmlns:ev="[^"]*"', r"\1", svg, count=1)
    return svg


def _chart(tl: Timeline, kind: str, prefix: str, svg_prefix: str, theme: str, options: dict[str, Any]) -> Chart:
    from timeline.render.svg import render_svg

    container = f"{prefix}-chart-{kind}"
    svg = render_svg(
        tl, theme=theme, footnotes=False, id_prefix=svg_prefix, css_scope=f"#{container}",
        color_scheme="inherit", event_href=f"#{prefix}-item-{{id}}", note_href=f"#{prefix}-note-{{n}}",
        **{"header": False, **options},
    )
    return Chart(kind=kind, id=container, svg=inline_svg(svg))


def _print_chart(tl: Timeline, prefix: str, theme: str, options: dict[str, Any]) -> Chart:
    """The chart as printed pages the size of the page's print area, each in a box that breaks after it."""
    from timeline.render.svg import render_pages

    container = f"{prefix}-chart-print"
    if len(tl.events) > PRINT_MAX_EVENTS:
        note = (f"The chart of these {len(tl.events):,} events is left out of the printed page: past "
                f"{PRINT_MAX_EVENTS:,} events it runs to too many pages to be of use. <code>timeline render FILE --size a4 --format svg</code> writes its pages "
                f"as files. The events follow in order.")
        return Chart(kind="print", id=container, svg=f'<p class="tl-print-note">{note}</p>\n')
    pages = render_pages(
        tl, PRINT_AREA, number_ids=True, theme="light" if theme == "dark" else theme, footnotes=False,
        id_prefix=f"{prefix}-print",
        css_scope=f"#{container}", color_scheme="inherit", event_href=f"#{prefix}-item-{{id}}",
        note_href=f"#{prefix}-note-{{n}}", **options,
    )
    boxes = [f'<div class="tl-print-page">\n{inline_svg(svg)}</div>\n' for svg in pages]
    return Chart(kind="print", id=container, svg="".join(boxes))


def embedded_charts(tl: Timeline, prefix: str, theme: str, options: dict[str, Any], *,
                    responsive: bool = True) -> list[Chart]:
    """The wide chart (the caller's options), then, if ``responsive``, the column, phone and print charts.

    The page prints the title and the notes itself, so each chart leaves out its own header
    (unless the caller asks for it) and its source list; the printed chart keeps its title.
    """
    out = [_chart(tl, "wide", prefix, prefix, theme, options)]
    if responsive:
        shared = {k: v for k, v in options.items() if k not in ("orientation", "width", "size")}
        for kind, frame in NARROW:
            out.append(_chart(tl, kind, prefix, f"{prefix}-{kind}", theme, {**shared, **frame}))
        out.append(_print_chart(tl, prefix, theme, {k: v for k, v in shared.items() if k != "header"}))
    return out
