"""The SVG renderer: a Scene written as SVG; :func:`drawing` gives it as an svgwrite Drawing.

svgwrite runs with ``debug=False`` (its validator doubles the time and
rejects ``data-*``), so the data-driven values are checked here instead:
finite coordinates, non-negative sizes, text stripped of characters XML 1.0
forbids.  Output is byte-deterministic: fixed two-decimal numbers, ids from
a prefix and the event id, no timestamps.

Speed: ``render_svg`` builds a small tree of :class:`_El` (slotted: name,
attributes, text, children) and writes it itself, byte for byte what
svgwrite's ElementTree path writes for the same document (sorted attributes,
ElementTree's escaping, ``" />"`` for empty elements, the stylesheet in one
CDATA section), so it never imports svgwrite.  :func:`drawing` converts the
same tree into svgwrite elements (svgwrite is imported there, and this is
the only module that imports it), so scripts can add to it; the tests compare
``render_svg`` with ``drawing(...).tostring()``.
"""

from __future__ import annotations

import functools
import math
import re
from pathlib import Path
from typing import Any

import attrs

from timeline.errors import RenderError, UsageError
from timeline.layout import LayoutOptions, Scene, Shape, Text, layout, layout_pages
from timeline.layout.options import check_names
from timeline.layout.text import FONT_STACK
from timeline.layout.typography import ROLES
from timeline.model import Timeline
from timeline.render.css import light_dark, scope
from timeline.render.text import clean_text, dom_key, isolate_bidi
from timeline.resources import packaged_templates

__all__ = ["SvgOptions", "THEMES", "drawing", "render_pages", "render_svg", "render_svg_pages"]

THEMES = ("light", "dark", "print", "auto")

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


def _one_of_schemes(_inst: Any, attribute: attrs.Attribute, value: Any) -> None:
    if value not in ("media", "inherit"):
        raise UsageError(f"color_scheme must be 'media' or 'inherit'; got {value!r}")


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
    #: A CSS selector every rule of the SVG's stylesheet is limited to (an inline SVG's <style>
    #: applies to the whole HTML document); None for SVG files.
    css_scope: str | None = None
    #: How "auto" picks dark: "media" (the reader's prefers-color-scheme; SVG files) or "inherit"
    #: (light-dark() colours that follow the color-scheme of the page around an inline SVG).
    color_scheme: str = attrs.field(default="media", validator=_one_of_schemes)


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
    return _tostring(_document(tl, options)) + "\n"


def render_pages(tl: Timeline, size: str | tuple[float, float] = "a4", *, number_ids: bool = False,
                 **options: Any) -> list[str]:
    """Render a timeline as printed pages of ``size`` (a4, letter, and their -landscape): one SVG each.

    ``number_ids`` gives page k the id prefix ``PREFIXk``, for pages that share one HTML document.
    """
    from timeline.layout.paginate import paginate

    lay, svg = _split({k: v for k, v in options.items() if k != "size"})
    chosen = {f: getattr(lay, f) for f in options if f in _LAYOUT_FIELDS and f != "size"}
    out = []
    for number, page in enumerate(paginate(tl, size, **chosen), 1):
        opts = attrs.evolve(svg, id_prefix=f"{svg.id_prefix}{number}") if number_ids else svg
        out.append(_tostring(_Painter(page, opts).paint()) + "\n")
    return out


def render_svg_pages(tl: Timeline, **options: Any) -> list[str]:
    """The chart's SVG, then one SVG per page of sources when a fixed frame could not hold them.

    On a ``size="slide"`` (or any fixed frame) chart whose source list does not fit at full size,
    the list is laid out on following pages of the same frame, never shrunk.
    """
    lay, svg = _split(dict(options))
    return [_tostring(_Painter(scene, svg).paint()) + "\n" for scene in layout_pages(tl, _options=lay)]


def drawing(tl: Timeline, **options: Any) -> Any:
    """Lay out and draw a timeline, returning an svgwrite ``Drawing`` so scripts can add to it.

    The Drawing carries the Scene it was drawn from as ``dwg.scene``, so a script places things by
    date, not by guessing pixels: ``x = dwg.scene.position("1953-03-05")``.
    svgwrite is imported here only: ``render_svg`` writes the same document without it.
    """
    scene, root = _document_and_scene(tl, options)
    dwg = _to_drawing(root)
    dwg.scene = scene
    return dwg


def _document(tl: Timeline, options: dict[str, Any]) -> _El:
    return _document_and_scene(tl, options)[1]


def _document_and_scene(tl: Timeline, options: dict[str, Any]) -> tuple[Scene, _El]:
    lay, svg = _split(dict(options))
    scene = layout(tl, _options=lay)
    return scene, _Painter(scene, svg).paint()


# -- checks and formatting ------------------------------------------------------------------

#: Numbers already formatted (coordinates repeat a lot); only finite ints and floats get in.
_NUMBERS: dict[float, str] = {}


def _num(value: float, what: str = "coordinate") -> str:
    try:
        return _NUMBERS[value]
    except (KeyError, TypeError):
        pass
    if not isinstance(value, (int, float)) or not math.isfinite(value):
        raise RenderError(f"cannot draw a non-finite {what}: {value!r}")
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    text = "0" if text in ("-0", "") else text
    if len(_NUMBERS) < 100_000:
        _NUMBERS[value] = text
    return text


def _size(value: float, what: str = "size") -> str:
    if isinstance(value, (int, float)) and math.isfinite(value) and value < 0:
        raise RenderError(f"cannot draw a negative {what}: {value!r}")
    return _num(value, what)


def _font_css(scene: Scene, root: str) -> str:
    """The font rules of every text role, from the typography the layout measured with."""
    ty = scene.typography
    out = ["/* Font sizes: generated from the layout's typography table (timeline/layout/typography.py). */"]
    for role in ROLES:
        rule = [f"font-size: {_num(getattr(ty, role.name))}px"]
        rule.append("font-weight: bold" if role.bold else "font-weight: normal")
        if role.italic:
            rule.append("font-style: italic")
        out.append(", ".join(f"#{root} .{c}" for c in role.classes) + " { " + "; ".join(rule) + "; }")
    return "\n".join(out) + "\n"


def _css(svg: SvgOptions, scene: Scene, root: str) -> str:
    packaged = packaged_templates() / "svg"
    folder = Path(svg.css) if svg.css is not None and Path(svg.css).is_dir() else None
    extra = Path(svg.css) if svg.css is not None and folder is None else None

    def read(name: str) -> str:
        for base in (folder, packaged):
            if base is not None and (base / name).is_file():
                return (base / name).read_text(encoding="utf-8")
        raise RenderError(f"missing stylesheet {name} in {folder or packaged}")

    parts = [read("base.css")]
    if svg.theme == "auto" and svg.color_scheme == "inherit":
        parts.append(light_dark(read("light.css"), read("dark.css")))
    elif svg.theme == "auto":
        parts.append(read("light.css"))
        parts.append("@media (prefers-color-scheme: dark) {\n" + read("dark.css") + "}\n")
    else:
        parts.append(read(f"{svg.theme}.css"))
    if extra is not None:
        if not extra.is_file():
            raise UsageError(f"css must be a CSS file or a folder; {extra} does not exist")
        parts.append(extra.read_text(encoding="utf-8"))
    parts.append(_font_css(scene, root))
    text = "".join(p if p.endswith("\n") else p + "\n" for p in parts)
    if _EXTERNAL_CSS.search(text):
        raise UsageError("the SVG must be self-contained: CSS may not use @import or url() to anything but #ids")
    if svg.css_scope is not None:
        text = scope(text, svg.css_scope)
    return clean_text(text)


class _El:
    """One element of the direct writer's tree: name, final attribute values, text, children."""

    __slots__ = ("attribs", "cdata", "elements", "name", "text")

    def __init__(self, name: str, attribs: dict[str, Any], text: str = "", cdata: str = "") -> None:
        self.name = name
        self.attribs = attribs
        self.text = isolate_bidi(text)  # a U+202E in one label must not reverse the next thing drawn
        self.cdata = cdata  # <style>'s content, written as svgwrite writes it: in one CDATA section
        self.elements: list[_El] = []


def _escape_attrib(text: str) -> str:
    # What xml.etree.ElementTree writes for an attribute value.
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&quot;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    if "\n" in text:
        text = text.replace("\n", "&#10;")
    if "\t" in text:
        text = text.replace("\t", "&#09;")
    return text


def _escape_text(text: str) -> str:
    # What xml.etree.ElementTree writes for character data.
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _write(el: _El, out: list[str]) -> None:
    # svgwrite's get_xml + ElementTree's serialiser: names sorted, None and empty values left
    # out, str() of the rest; " />" for an empty element.
    tag = "<" + el.name
    attribs = el.attribs
    for key in sorted(attribs):
        value = attribs[key]
        if value is not None:
            if value.__class__ is not str:
                value = str(value)
            if value:
                tag += f' {key}="{_escape_attrib(value)}"'
    out.append(tag)
    if el.text or el.elements or el.cdata:
        out.append(">")
        if el.text:
            out.append(_escape_text(el.text))
        for child in el.elements:
            _write(child, out)
        if el.cdata:
            out.append(f"<![CDATA[{el.cdata}]]>")
        out.append(f"</{el.name}>")
    else:
        out.append(" />")


def _tostring(root: _El) -> str:
    """The document, byte for byte what ``drawing(...).tostring()`` gives through svgwrite."""
    out: list[str] = []
    _write(root, out)
    return "".join(out)


#: What svgwrite's Drawing adds to the root element (``Drawing.get_xml``, profile "full").
_ROOT_ATTRIBUTES = {"xmlns": "http://www.w3.org/2000/svg", "xmlns:xlink": "http://www.w3.org/1999/xlink",
                    "xmlns:ev": "http://www.w3.org/2001/xml-events", "baseProfile": "full", "version": "1.1"}


def _to_drawing(root: _El) -> Any:
    """The same document as an svgwrite Drawing whose elements scripts can change and add to."""
    import svgwrite

    element_class = _svgwrite_element_class()
    dwg = svgwrite.Drawing(size=(root.attribs["width"], root.attribs["height"]), profile="full", debug=False)
    dwg.attribs.update({k: v for k, v in root.attribs.items() if k not in _ROOT_ATTRIBUTES})

    def convert(el: _El) -> Any:
        made = element_class(el.name, el.attribs, el.text)
        made.elements = [convert(child) for child in el.elements]
        return made

    for child in root.elements:
        if child.name == "defs":
            for style in child.elements:
                dwg.defs.add(dwg.style(style.cdata))
            dwg.elements.append(dwg.elements.pop(dwg.elements.index(dwg.defs)))
        else:
            dwg.elements.append(convert(child))
    return dwg


@functools.cache
def _svgwrite_element_class() -> type:
    """An svgwrite element made in one step (final attributes, no validator, one shared Parameter)."""
    import svgwrite.base
    import svgwrite.params

    parameter = svgwrite.params.Parameter(debug=False, profile="full")

    class Element(svgwrite.base.BaseElement):
        def __init__(self, name: str, attribs: dict[str, Any], text: str = "") -> None:
            self.elementname = name
            self._parameter = parameter
            self.attribs = dict(attribs)
            self.elements: list[Any] = []
            self.text = text

        def get_xml(self) -> Any:
            xml = super().get_xml()
            if self.text:
                xml.text = self.text
            return xml

    return Element


def _g(cls: str, **more: str) -> _El:
    return _El("g", {"class": cls, **more})


class _Painter:
    def __init__(self, scene: Scene, svg: SvgOptions) -> None:
        self.scene = scene
        self.opt = svg
        self.prefix = svg.id_prefix
        self.ids: set[str] = set()

    def _id(self, *parts: str) -> str:
        base = "-".join([self.prefix, *(p if p.isascii() and p.isalnum() else dom_key(p) for p in parts)])
        candidate, n = base, 2
        while candidate in self.ids:
            candidate, n = f"{base}-{n}", n + 1
        self.ids.add(candidate)
        return candidate

    def paint(self) -> _El:
        s = self.scene
        w, h = _size(s.width, "width"), _size(s.height, "height")
        dwg = _El("svg", {
            **_ROOT_ATTRIBUTES, "width": w, "height": h,
            # With links inside, the figure is interactive, and role=img would hide them from
            # assistive technology (axe: nested-interactive).
            "viewBox": f"0 0 {w} {h}", "class": "timeline", "id": self._id("chart"),
            "role": "graphics-document" if (self.opt.event_href or self.opt.note_href) else "img",
            "aria-labelledby": f"{self._id('title')} {self._id('desc')}",
            "style": "max-width:100%;height:auto", "font-family": FONT_STACK,
        })
        title = _El("title", {"id": f"{self.prefix}-title"}, clean_text(s.title or "Timeline"))
        desc = _El("desc", {"id": f"{self.prefix}-desc"}, clean_text(s.summary))
        defs = _El("defs", {})
        defs.elements.append(_El("style", {"type": "text/css"}, cdata=_css(self.opt, s, f"{self.prefix}-chart")))
        dwg.elements += [title, desc, defs]
        dwg.elements.append(_El("rect", {"class": "bg", "x": 0, "y": 0, "width": w, "height": h}))
        back = _g("eras")
        for era in s.eras:
            g = _g("era-band", id=self._id("era", era.era_id))
            g.elements.append(_El("title", {}, clean_text(era.name)))
            g.elements.extend(map(self._shape, era.shapes))
            back.elements.append(g)
        for brk in s.breaks:
            back.elements.append(self._shape(brk.shapes[0]))
        dwg.elements.append(back)
        grid = _g("grid-lines")
        grid.elements.extend(map(self._shape, s.grid))
        dwg.elements.append(grid)
        axis = _g("time-axis")
        axis.elements.extend(map(self._shape, s.axis))
        for brk in s.breaks:
            axis.elements.extend(map(self._shape, brk.shapes[1:]))
            if brk.label is not None:
                axis.elements.append(self._text(brk.label))
        axis.elements.extend(self._text(text) for text in s.ticks)
        dwg.elements.append(axis)
        head = _g("header")
        head.elements.extend(self._text(text) for text in s.header)
        dwg.elements.append(head)
        labels = _g("era-labels")
        labels.elements.extend(self._text(era.label) for era in s.eras if era.label is not None)
        labels.elements.extend(self._text(text) for era in s.eras for text in era.more)
        dwg.elements.append(labels)
        for index, lane in enumerate(s.lanes):
            g = _g(f"lane lane-{index}", id=self._id("lane", lane.lane_id or f"{index}"))
            g.elements.extend(map(self._shape, lane.shapes))
            g.elements.extend(self._text(text) for text in lane.texts)
            dwg.elements.append(g)
        events = _g("events")
        events.elements.extend(map(self._event, s.events))
        dwg.elements.append(events)
        for badge in s.badges:
            g = _g("badge", id=self._id("more", badge.event_ids[0]), **{"data-events": " ".join(badge.event_ids)})
            g.elements.append(_El("title", {}, clean_text(f"{len(badge.event_ids)} more: " + ", ".join(badge.event_ids))))
            g.elements.append(self._text(badge.text))
            dwg.elements.append(g)
        if s.overflow_note:
            g = _g("overflow", id=self._id("overflow"))
            g.elements.extend(self._text(text) for text in s.overflow_note)
            dwg.elements.append(g)
        if s.notes:
            g = _g("notes", id=self._id("notes"))
            if s.notes_heading is not None:
                g.elements.append(self._text(s.notes_heading))
            for entry in s.notes:
                ng = _g("footnote", id=self._id("note", str(entry.number)))
                ng.elements.extend(self._text(text) for text in entry.lines)
                g.elements.append(ng)
            dwg.elements.append(g)
        return dwg

    def _event(self, ev: Any) -> _El:
        g = _g(" ".join(ev.classes), id=self._id("ev", ev.event_id), **{"data-event": clean_text(ev.event_id)})
        add = g.elements.append
        add(_El("title", {}, clean_text(f"{ev.title} ({ev.date_label})")))
        if ev.label is not None and ev.label.leader:
            pts = ev.label.leader
            add(_El("polyline", {"class": "leader", "points": _points(pts)}))
        g.elements.extend(map(self._shape, ev.shapes))
        if ev.label is not None:
            holder = g
            if self.opt.event_href:
                holder = _El("a", {"href": clean_text(self.opt.event_href.format(id=ev.event_id)), "class": "event-link"})
                add(holder)
            note_links: list[_El] = []
            holder.elements.extend(self._text(text, note_links) for text in ev.label.lines)
            # Footnote links are siblings of the event link: links may not nest, nor sit inside <text>.
            g.elements.extend(note_links)
        return g

    def _shape(self, shape: Shape) -> _El:
        c = shape.coords
        kind = shape.kind
        if kind == "line":
            return _El("line", {"class": shape.cls, "x1": _num(c[0]), "y1": _num(c[1]), "x2": _num(c[2]), "y2": _num(c[3])})
        if kind == "rect":
            return _El("rect", {"class": shape.cls, "x": _num(c[0]), "y": _num(c[1]), "width": _size(c[2]),
                                "height": _size(c[3])})
        if kind == "circle":
            return _El("circle", {"class": shape.cls, "cx": _num(c[0]), "cy": _num(c[1]), "r": _size(c[2], "radius")})
        if kind == "polygon" or kind == "polyline":
            return _El(kind, {"class": shape.cls, "points": _points(c)})
        raise RenderError(f"unknown shape kind {shape.kind!r}")

    def _text(self, text: Text, note_links: list[_El] | None = None) -> _El:
        """A <text> element; with ``note_href``, its footnote numbers go to ``note_links`` as separate links."""
        linked = bool(text.notes and self.opt.note_href and note_links is not None and not text.rotate)
        x, y = _num(text.x), _num(text.y)
        attribs: dict[str, Any] = {"class": text.cls}
        if linked:
            # The line and its numbers side by side, where the layout measured them.
            x = _num(text.box.x)
        elif text.anchor != "start":
            attribs["text-anchor"] = text.anchor
        if text.rotate:
            attribs["transform"] = f"rotate({int(text.rotate)} {x} {y})"
        attribs["x"] = x
        attribs["y"] = y
        if text.runs:
            el = _El("text", attribs)
            # Spaces between differently styled runs must survive whitespace collapsing.
            attribs["xml:space"] = "preserve"
            el.elements = [_El("tspan", {"font-style": "italic"} if italic else {}, clean_text(piece))
                           for piece, italic in text.runs]
        else:
            el = _El("text", attribs, clean_text(text.text))
        # Raised by 0.59 of the superscript size (5 px at the default 8.5 px).
        rise = _num(-round(0.59 * text.note_size, 1))
        if linked:
            for k, (n, nx) in enumerate(zip(text.notes, text.note_x)):
                link = _El("a", {"href": clean_text(self.opt.note_href.format(n=n)), "class": "noteref"})  # type: ignore[union-attr]
                label = ("," if k else "") + str(n)
                # The number is a smaller <tspan> inside a <text> at the line's own size, as in
                # the unlinked case, so that it reads (to people and to measuring tools) as a
                # superscript of that line, not as a line of small text.
                host = _El("text", {"class": "fn-host", "font-size": _num(text.size),
                                    "x": _num(nx), "y": _num(text.y + float(rise))})
                host.elements.append(_El("tspan", {"class": "fn"}, label))
                link.elements.append(host)
                note_links.append(link)  # type: ignore[union-attr]
        elif text.notes:
            # Superscripts: raised with dy (renderers agree on it, unlike baseline-shift).
            el.elements.append(_El("tspan", {"class": "fn-gap"}, "\u2009"))
            for k, n in enumerate(text.notes):
                label = ("," if k else "") + str(n)
                el.elements.append(_El("tspan", {"class": "fn", "dy": rise if k == 0 else "0"}, label))
        return el


def _points(coords: Any) -> str:
    # svgwrite's points_to_string: "x,y x,y ..."
    return " ".join(f"{_num(coords[i])},{_num(coords[i + 1])}" for i in range(0, len(coords), 2))
