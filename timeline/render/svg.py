"""The SVG renderer: a Scene drawn with svgwrite (the only module that imports it).

svgwrite runs with ``debug=False`` (its validator doubles the time and
rejects ``data-*``), so the data-driven values are checked here instead:
finite coordinates, non-negative sizes, text stripped of characters XML 1.0
forbids.  Output is byte-deterministic: fixed two-decimal numbers, ids from
a prefix and the event id, no timestamps.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import attrs
import svgwrite
import svgwrite.base
import svgwrite.container
import svgwrite.shapes
import svgwrite.text

from timeline.errors import RenderError, UsageError
from timeline.layout import LayoutOptions, Scene, Shape, Text, layout
from timeline.layout.options import check_names
from timeline.layout.text import FONT_STACK, measure
from timeline.model import Timeline
from timeline.render.text import clean_text
from timeline.resources import packaged_templates

__all__ = ["SvgOptions", "THEMES", "drawing", "render_svg"]

THEMES = ("light", "dark", "print", "auto")

#: Font size of superscript footnote numbers, as in templates/svg/base.css (.fn).
_FN_SIZE = 8.5

_NOT_NAME = re.compile(r"[^A-Za-z0-9_.-]")
_PREFIX = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
_EXTERNAL_CSS = re.compile(r"@import|url\(\s*['\"]?(?!#)", re.IGNORECASE)


def _theme(_inst: Any, attribute: attrs.Attribute, value: Any) -> None:
    if value not in THEMES:
        raise UsageError(f"theme must be one of {', '.join(THEMES)}; got {value!r}")


def _prefix(_inst: Any, attribute: attrs.Attribute, value: Any) -> None:
    if not isinstance(value, str) or not _PREFIX.match(value):
        raise UsageError(f"id_prefix must start with a letter or '_' and use letters, digits, '_', '.', '-'; got {value!r}")


def _format_string(field: str) -> Any:
    def check(_inst: Any, attribute: attrs.Attribute, value: Any) -> None:
        if value is None:
            return
        if not isinstance(value, str) or "{" + field + "}" not in value:
            raise UsageError(f"{attribute.name} must be a format string containing {{{field}}}; got {value!r}")
        if re.match(r"^\s*(https?:|//|javascript:)", value, re.IGNORECASE):
            raise UsageError(f"{attribute.name} must point inside the page (e.g. '#tl-item-{{{field}}}'); got {value!r}")

    return check


@attrs.frozen
class SvgOptions:
    """How to draw the Scene as SVG (layout options live in :class:`LayoutOptions`)."""

    #: "light" (default), "dark", "print" (greyscale) or "auto" (light, dark under prefers-color-scheme).
    theme: str = attrs.field(default="light", validator=_theme)
    #: A CSS file appended after the packaged CSS (so it wins), or a folder whose base.css / <theme>.css
    #: replace the packaged ones.
    css: str | Path | None = None
    #: Every id in the SVG starts with this, so several timelines can share a page.
    id_prefix: str = attrs.field(default="tl", validator=_prefix)
    #: Format string with {id}: wraps each event label in <a href=...> (e.g. "#tl-item-{id}").
    event_href: str | None = attrs.field(default=None, validator=_format_string("id"))
    #: Format string with {n}: each superscript footnote number links there (e.g. "#tl-note-{n}").
    note_href: str | None = attrs.field(default=None, validator=_format_string("n"))


_SVG_FIELDS = [f.name for f in attrs.fields(SvgOptions)]
_LAYOUT_FIELDS = [f.name for f in attrs.fields(LayoutOptions)]


def _split(options: dict[str, Any]) -> tuple[LayoutOptions, SvgOptions]:
    check_names(options, [*_SVG_FIELDS, *_LAYOUT_FIELDS], "render_svg")
    lay = {k: v for k, v in options.items() if k in _LAYOUT_FIELDS}
    svg = {k: v for k, v in options.items() if k in _SVG_FIELDS}
    return LayoutOptions(**lay), SvgOptions(**svg)


def render_svg(tl: Timeline, **options: Any) -> str:
    """Render a timeline to a self-contained SVG document string.

    Options: orientation, scale, theme, width, footnotes, include_context, focus, css, id_prefix,
    event_href, note_href, max_rows (see docs/svg.md).  Unknown names raise UsageError.
    """
    return drawing(tl, **options).tostring() + "\n"


def drawing(tl: Timeline, **options: Any) -> svgwrite.Drawing:
    """Lay out and draw a timeline, returning the svgwrite Drawing so scripts can add to it."""
    lay, svg = _split(dict(options))
    scene = layout(tl, _options=lay)
    return _Painter(scene, svg).paint()


# -- checks and formatting ------------------------------------------------------------------

def _num(value: float, what: str = "coordinate") -> str:
    if not isinstance(value, (int, float)) or not math.isfinite(value):
        raise RenderError(f"cannot draw a non-finite {what}: {value!r}")
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _size(value: float, what: str = "size") -> str:
    if isinstance(value, (int, float)) and math.isfinite(value) and value < 0:
        raise RenderError(f"cannot draw a negative {what}: {value!r}")
    return _num(value, what)


def _css(svg: SvgOptions) -> str:
    packaged = packaged_templates() / "svg"
    folder = Path(svg.css) if svg.css is not None and Path(svg.css).is_dir() else None
    extra = Path(svg.css) if svg.css is not None and folder is None else None

    def read(name: str) -> str:
        for base in (folder, packaged):
            if base is not None and (base / name).is_file():
                return (base / name).read_text(encoding="utf-8")
        raise RenderError(f"missing stylesheet {name} in {folder or packaged}")

    parts = [read("base.css")]
    if svg.theme == "auto":
        parts.append(read("light.css"))
        parts.append("@media (prefers-color-scheme: dark) {\n" + read("dark.css") + "}\n")
    else:
        parts.append(read(f"{svg.theme}.css"))
    if extra is not None:
        if not extra.is_file():
            raise UsageError(f"css must be a CSS file or a folder; {extra} does not exist")
        parts.append(extra.read_text(encoding="utf-8"))
    text = "".join(p if p.endswith("\n") else p + "\n" for p in parts)
    if _EXTERNAL_CSS.search(text):
        raise UsageError("the SVG must be self-contained: CSS may not use @import or url() to anything but #ids")
    return clean_text(text)


class _Anchor(svgwrite.base.BaseElement):
    """An SVG 2 <a href> (svgwrite's Hyperlink writes only xlink:href)."""

    elementname = "a"


class _TextElement(svgwrite.base.BaseElement):
    """A <title> or <desc> with text content and attributes (svgwrite's Title takes no attributes)."""

    def __init__(self, name: str, text: str, **extra: Any) -> None:
        self.elementname = name
        super().__init__(debug=False, profile="full", **extra)
        self.content = clean_text(text)

    def get_xml(self) -> Any:
        xml = super().get_xml()
        xml.text = self.content
        return xml


class _Painter:
    def __init__(self, scene: Scene, svg: SvgOptions) -> None:
        self.scene = scene
        self.opt = svg
        self.prefix = svg.id_prefix
        self.ids: set[str] = set()

    def _id(self, *parts: str) -> str:
        base = "-".join([self.prefix, *(_NOT_NAME.sub("_", p) for p in parts)])
        candidate, n = base, 2
        while candidate in self.ids:
            candidate, n = f"{base}-{n}", n + 1
        self.ids.add(candidate)
        return candidate

    def paint(self) -> svgwrite.Drawing:
        s = self.scene
        w, h = _size(s.width, "width"), _size(s.height, "height")
        dwg = svgwrite.Drawing(size=(w, h), profile="full", debug=False)
        dwg.attribs.update({
            # With links inside, the figure is interactive, and role=img would hide them from
            # assistive technology (axe: nested-interactive).
            "viewBox": f"0 0 {w} {h}", "class": "timeline",
            "role": "graphics-document" if (self.opt.event_href or self.opt.note_href) else "img",
            "aria-labelledby": f"{self._id('title')} {self._id('desc')}",
            "style": "max-width:100%;height:auto", "font-family": FONT_STACK,
        })
        self.dwg = dwg
        title = _TextElement("title", s.title or "Timeline", id=f"{self.prefix}-title")
        desc = _TextElement("desc", s.summary, id=f"{self.prefix}-desc")
        dwg.elements.insert(0, desc)
        dwg.elements.insert(0, title)
        dwg.defs.add(dwg.style(_css(self.opt)))
        dwg.add(dwg.rect((0, 0), (w, h), class_="bg"))
        back = dwg.g(class_="eras")
        for era_id, name, shapes, _text in s.eras:
            g = dwg.g(class_="era-band", id=self._id("era", era_id))
            g.add(_TextElement("title", (name)))
            for shape in shapes:
                g.add(self._shape(shape))
            back.add(g)
        for shapes, _text in s.breaks:
            back.add(self._shape(shapes[0]))
        dwg.add(back)
        grid = dwg.g(class_="grid-lines")
        for shape in s.grid:
            grid.add(self._shape(shape))
        dwg.add(grid)
        axis = dwg.g(class_="time-axis")
        for shape in s.axis:
            axis.add(self._shape(shape))
        for shapes, text in s.breaks:
            for shape in shapes[1:]:
                axis.add(self._shape(shape))
            axis.add(self._text(text))
        for text in s.ticks:
            axis.add(self._text(text))
        dwg.add(axis)
        head = dwg.g(class_="header")
        for text in s.header:
            head.add(self._text(text))
        dwg.add(head)
        labels = dwg.g(class_="era-labels")
        for _id, _name, _shapes, text in s.eras:
            if text is not None:
                labels.add(self._text(text))
        dwg.add(labels)
        for index, (lane_id, shapes, texts) in enumerate(s.lanes):
            g = dwg.g(class_=f"lane lane-{index}", id=self._id("lane", lane_id or f"{index}"))
            for shape in shapes:
                g.add(self._shape(shape))
            for text in texts:
                g.add(self._text(text))
            dwg.add(g)
        events = dwg.g(class_="events")
        for ev in s.events:
            events.add(self._event(ev))
        dwg.add(events)
        for badge in s.badges:
            g = dwg.g(class_="badge", id=self._id("more", badge.event_ids[0]))
            g["data-events"] = " ".join(badge.event_ids)
            g.add(_TextElement("title", f"{len(badge.event_ids)} more: " + ", ".join(badge.event_ids)))
            g.add(self._text(badge.text))
            dwg.add(g)
        if s.overflow_note:
            g = dwg.g(class_="overflow", id=self._id("overflow"))
            for text in s.overflow_note:
                g.add(self._text(text))
            dwg.add(g)
        if s.notes:
            g = dwg.g(class_="notes", id=self._id("notes"))
            if s.notes_heading is not None:
                g.add(self._text(s.notes_heading))
            for entry in s.notes:
                ng = dwg.g(class_="footnote", id=self._id("note", str(entry.number)))
                for text in entry.lines:
                    ng.add(self._text(text))
                g.add(ng)
            dwg.add(g)
        return dwg

    def _event(self, ev: Any) -> svgwrite.container.Group:
        dwg = self.dwg
        g = dwg.g(class_=" ".join(ev.classes), id=self._id("ev", ev.event_id))
        g["data-event"] = clean_text(ev.event_id)
        g.add(_TextElement("title", (f"{ev.title} ({ev.date_label})")))
        if ev.label is not None and ev.label.leader:
            pts = ev.label.leader
            g.add(dwg.polyline([(_num(pts[i]), _num(pts[i + 1])) for i in range(0, len(pts), 2)], class_="leader"))
        for shape in ev.shapes:
            g.add(self._shape(shape))
        if ev.label is not None:
            holder: Any = g
            if self.opt.event_href:
                holder = _Anchor(href=clean_text(self.opt.event_href.format(id=ev.event_id)), debug=False, profile="full")
                holder["class"] = "event-link"
                g.add(holder)
            note_links = []
            for text in ev.label.lines:
                holder.add(self._text(text, note_links))
            # Footnote links are siblings of the event link: links may not nest, nor sit inside <text>.
            for link in note_links:
                g.add(link)
        return g

    def _shape(self, shape: Shape) -> Any:
        c = shape.coords
        dwg = self.dwg
        if shape.kind == "line":
            return dwg.line((_num(c[0]), _num(c[1])), (_num(c[2]), _num(c[3])), class_=shape.cls)
        if shape.kind == "rect":
            return dwg.rect((_num(c[0]), _num(c[1])), (_size(c[2]), _size(c[3])), class_=shape.cls)
        if shape.kind == "circle":
            return dwg.circle((_num(c[0]), _num(c[1])), _size(c[2], "radius"), class_=shape.cls)
        points = [(_num(c[i]), _num(c[i + 1])) for i in range(0, len(c), 2)]
        if shape.kind == "polygon":
            return dwg.polygon(points, class_=shape.cls)
        if shape.kind == "polyline":
            return dwg.polyline(points, class_=shape.cls)
        raise RenderError(f"unknown shape kind {shape.kind!r}")

    def _text(self, text: Text, note_links: list[Any] | None = None) -> Any:
        """A <text> element; with ``note_href``, its footnote numbers go to ``note_links`` as separate links."""
        dwg = self.dwg
        linked = bool(text.notes and self.opt.note_href and note_links is not None and not text.rotate)
        x, y = _num(text.x), _num(text.y)
        attrs_: dict[str, Any] = {"class_": text.cls}
        if linked:
            # Place the line and its numbers side by side with the layout's own font metrics.
            gap = measure("\u2009", text.size, bold=text.bold)
            main = measure(text.text if not text.runs else "".join(p for p, _ in text.runs), text.size, bold=text.bold)
            labels = [("," if k else "") + str(n) for k, n in enumerate(text.notes)]
            total = main + gap + sum(measure(lb, _FN_SIZE) for lb in labels)
            left = text.x - {"start": 0, "middle": total / 2, "end": total}[text.anchor]
            x = _num(left)
        elif text.anchor != "start":
            attrs_["text_anchor"] = text.anchor
        if text.rotate:
            attrs_["transform"] = f"rotate({int(text.rotate)} {x} {y})"
        el = dwg.text("", insert=(x, y), **attrs_)
        if text.runs:
            # Spaces between differently styled runs must survive whitespace collapsing.
            el["xml:space"] = "preserve"
            for piece, italic in text.runs:
                span = dwg.tspan(clean_text(piece))
                if italic:
                    span["font-style"] = "italic"
                el.add(span)
        else:
            el.text = clean_text(text.text)
        if linked:
            nx = left + main + gap
            for n, label in zip(text.notes, labels):
                link = _Anchor(href=clean_text(self.opt.note_href.format(n=n)), debug=False, profile="full")
                link["class"] = "noteref"
                link.add(dwg.text(label, insert=(_num(nx), _num(text.y - 5)), class_="fn"))
                note_links.append(link)
                nx += measure(label, _FN_SIZE)
        elif text.notes:
            # Superscripts: raised with dy (renderers agree on it, unlike baseline-shift).
            el.add(dwg.tspan("\u2009", class_="fn-gap"))
            for k, n in enumerate(text.notes):
                label = ("," if k else "") + str(n)
                el.add(dwg.tspan(label, class_="fn", dy=["-5" if k == 0 else "0"]))
        return el
