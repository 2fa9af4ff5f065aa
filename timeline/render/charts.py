"""The charts an HTML page or fragment embeds: one laid out for each width it may be read at.

A chart laid out for 1200 px and scaled into a phone has 3-px text, so the page carries a
wide chart, a ``column`` chart (vertical, 720 px) and a ``phone`` chart (vertical, 390 px),
and CSS container queries show the one made for the width the figure is given (no
JavaScript).  Each has its own id prefix (no duplicate ids) and its CSS scoped to its own
container (an inline SVG's ``<style>`` is global to the document, and each frame has its own
font sizes).  The wide chart keeps the page's prefix, so links into it stay as they were.

A timeline of more than :data:`RESPONSIVE_MAX_EVENTS` events gets one chart instead: the
``overview``, laid out as the wide chart (but :data:`OVERVIEW_WIDTH` wide, the page's content on
a desktop, unless the caller gives a width or size) with a phone's least text size, shown at its own
size at every width (a box that scrolls sideways on a narrow screen, text never shrunk), with
a note saying so; the printed page names the command that writes the chart's pages.
"""

from __future__ import annotations

import re
from typing import Any

import attrs
from markupsafe import Markup

from timeline.layout.frame import MINIMUMS, Frame
from timeline.model.timeline import Timeline

__all__ = ["Chart", "NARROW", "OVERVIEW_ROWS", "OVERVIEW_WIDTH", "PRINT_AREA", "RESPONSIVE_MAX_EVENTS", "embedded_charts", "inline_svg"]

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

#: Above this many events the page lays out one chart, not one per width: the column and phone
#: charts of 10,000 events are lists as long as the page's own list (most of the page's time), and
#: the printed chart some 775 pages (77 MB) that nobody prints.  The one chart is the overview
#: (see the module's doc); the printed page says where the chart's pages come from.
RESPONSIVE_MAX_EVENTS = 1000

#: The overview's width when the caller gives none (no ``width``, no ``size``): the default wide chart's
#: 1,200 px is wider than the page can show it, as timeline.css caps the page's content at 72rem, 1,152 px
#: (from a 1,248-px window on: the 1280 and 1920 px of common desktops), and a fragment's at 1,110 px
#: inside its padding and border, so every desktop reader scrolled ~50 px sideways for nothing.  1,100 px
#: fits both; narrower screens scroll the chart's box as before, its text never shrunk.
OVERVIEW_WIDTH = 1100.0

#: Label rows per lane of the overview (unless the caller says): a few hundred labelled events over a
#: couple of screens' height, not a wall of labels above the list that holds every event anyway.
OVERVIEW_ROWS = 8


@attrs.frozen
class Chart:
    """One embedded chart: which frame it is for, its container id, its inline SVG markup, and a
    note to show before it (HTML; empty for none)."""

    kind: str
    id: str
    svg: str
    note: str = ""


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
    if len(tl.events) > RESPONSIVE_MAX_EVENTS:
        note = (f"The chart of these {len(tl.events):,} events is left out of the printed page: past "
                f"{RESPONSIVE_MAX_EVENTS:,} events it runs to too many pages to be of use. <code>timeline render FILE --size a4 --format svg</code> writes its pages "
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


def _overview(tl: Timeline, prefix: str, theme: str, options: dict[str, Any]) -> Chart:
    """The one chart of a long timeline: the wide chart's frame with at least a phone's text size."""
    from timeline.layout.options import LayoutOptions

    fields = attrs.fields_dict(LayoutOptions)
    lay = LayoutOptions(**{k: v for k, v in options.items() if k in fields})
    frame = lay.frame
    if options.get("width") is None and options.get("size") is None and lay.direction == "horizontal":
        frame = attrs.evolve(frame, width=OVERVIEW_WIDTH)  # the default 1,200 px, made to fit the page
    if frame.min_text < MINIMUMS["phone"]:
        frame = attrs.evolve(frame, min_text=MINIMUMS["phone"])
    chart = _chart(tl, "overview", prefix, prefix, theme, {
        "max_rows": OVERVIEW_ROWS, **{k: v for k, v in options.items() if k not in ("width", "size", "orientation")},
        "size": frame, "orientation": lay.direction})
    note = Markup(f"This chart of {len(tl.events):,} events is shown at its own size, {frame.width:,.0f} px wide, so "
            f"that its text stays readable: on a narrower screen, scroll it sideways. Every event is in "
            f'the <a href="#{prefix}-events">list below</a>.')
    return attrs.evolve(chart, note=note)


def embedded_charts(tl: Timeline, prefix: str, theme: str, options: dict[str, Any], *,
                    responsive: bool = True) -> list[Chart]:
    """The wide chart (the caller's options), then, if ``responsive``, the column, phone and print charts.

    Past :data:`RESPONSIVE_MAX_EVENTS` events, a responsive page gets the overview chart and the
    print note instead.  The page prints the title and the notes itself, so each chart leaves out
    its own header (unless the caller asks for it) and its source list; the printed chart keeps its
    title.
    """
    if not responsive:
        return [_chart(tl, "wide", prefix, prefix, theme, options)]
    shared = {k: v for k, v in options.items() if k not in ("orientation", "width", "size")}
    if len(tl.events) > RESPONSIVE_MAX_EVENTS:
        out = [_overview(tl, prefix, theme, options)]
    else:
        out = [_chart(tl, "wide", prefix, prefix, theme, options)]
        out += [_chart(tl, kind, prefix, f"{prefix}-{kind}", theme, {**shared, **frame}) for kind, frame in NARROW]
    return [*out, _print_chart(tl, prefix, theme, {k: v for k, v in shared.items() if k != "header"})]
