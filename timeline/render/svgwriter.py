"""The SVG writer: a Scene written straight into the strings of an SVG document.

Byte for byte what svgwrite's ElementTree path writes for the same drawing: attributes sorted
by name, None and empty values left out, ElementTree's escaping, ``" />"`` for an empty
element, the stylesheet in one CDATA section (tests/test_svg_serialise.py compares the two).
The hot elements (shapes, texts, events) are written with their attributes already in that
order; the rest go through :func:`_start`.  Coordinates are checked here: finite, and sizes
not negative.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from timeline.errors import RenderError
from timeline.layout import Scene, Shape, Text
from timeline.layout.text import FONT_STACK
from timeline.render.text import clean_text, dom_key, isolate_bidi

if TYPE_CHECKING:
    from timeline.render.svg import SvgOptions

__all__ = ["ROOT_ATTRIBUTES", "number", "paint", "size"]

#: Numbers already formatted (coordinates repeat a lot); only finite ints and floats get in.
_NUMBERS: dict[float, str] = {}


def number(value: float, what: str = "coordinate") -> str:
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


def size(value: float, what: str = "size") -> str:
    text = _NUMBERS.get(value) if value.__class__ is float else None
    if text is not None and value >= 0:  # formatted before, so finite
        return text
    if isinstance(value, (int, float)) and math.isfinite(value) and value < 0:
        raise RenderError(f"cannot draw a negative {what}: {value!r}")
    return number(value, what)


def _escape_markup(text: str) -> str:
    # What xml.etree.ElementTree writes for character data.
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _escape_attrib(text: str) -> str:
    # What xml.etree.ElementTree writes for an attribute value.
    text = _escape_markup(text)
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
    # Character data, its bidi controls isolated first, so that a U+202E in one label cannot
    # reverse the next thing drawn.
    return _escape_markup(text if text.isascii() else isolate_bidi(text))


def _start(name: str, attribs: dict[str, Any]) -> str:
    # svgwrite's get_xml + ElementTree's serialiser: names sorted, None and empty values left out,
    # str() of the rest.
    tag = "<" + name
    for key in sorted(attribs):
        value = attribs[key]
        if value is not None:
            if value.__class__ is not str:
                value = str(value)
            if value:
                tag += f' {key}="{_escape_attrib(value)}"'
    return tag


def _leaf(name: str, attribs: dict[str, Any], text: str = "") -> str:
    """An element with text (or none): ``" />"`` when it is empty, as ElementTree writes it."""
    text = _escape_text(text)
    return f"{_start(name, attribs)}>{text}</{name}>" if text else _start(name, attribs) + " />"


def _attr(key: str, value: str) -> str:
    """`` key="value"`` (escaped), or nothing for an empty value."""
    return f' {key}="{_escape_attrib(value)}"' if value else ""


try:  # the optional compiled build (docs/performance.md): mypyc compiles no subclass of list, so _Out stays Python
    from mypy_extensions import mypyc_attr
except ImportError:  # any other install: the decorator does nothing
    def mypyc_attr(*_: Any, **__: Any) -> Any:  # type: ignore[misc]
        return lambda cls: cls


@mypyc_attr(native_class=False)
class _Out(list):
    """The document's pieces; an element is opened, its children appended, then closed."""

    def open(self, name: str, attribs: dict[str, Any]) -> int:
        self.append(_start(name, attribs))
        self.append(">")
        return len(self)

    def close(self, name: str, mark: int) -> None:
        if len(self) == mark:  # no text and no children
            self[-1] = " />"
        else:
            self.append(f"</{name}>")


#: What svgwrite's Drawing adds to the root element (``Drawing.get_xml``, profile "full").
ROOT_ATTRIBUTES = {"xmlns": "http://www.w3.org/2000/svg", "xmlns:xlink": "http://www.w3.org/1999/xlink",
                    "xmlns:ev": "http://www.w3.org/2001/xml-events", "baseProfile": "full", "version": "1.1"}



def paint(scene: Scene, svg: SvgOptions, stylesheet: str) -> str:
    """The SVG document of ``scene`` (without the final newline), ``stylesheet`` in its <style>."""
    return _Painter(scene, svg, stylesheet).paint()


class _Painter:
    """Writes a Scene as an SVG document, straight into strings (sorted attributes, as svgwrite writes them)."""

    def __init__(self, scene: Scene, svg: SvgOptions, stylesheet: str) -> None:
        self.scene = scene
        self.stylesheet = stylesheet
        self.opt = svg
        self.prefix = svg.id_prefix
        self.ids: set[str] = set()
        self.out = _Out()
        self.classes: dict[str, str] = {}
        self.event_classes: dict[tuple[str, ...], str] = {}
        self.event_base = f"{self.prefix}-ev-"

    def _id(self, *parts: str) -> str:
        # "-".join of the prefix and the parts (a readable part as it is, any other as its dom_key).
        base = self.prefix
        for p in parts:
            base += "-" + (p if p.isascii() and p.isalnum() else dom_key(p))
        if base not in self.ids:
            self.ids.add(base)
            return base
        candidate, n = base, 2
        while candidate in self.ids:
            candidate, n = f"{base}-{n}", n + 1
        self.ids.add(candidate)
        return candidate

    def _class(self, cls: str) -> str:
        """`` class="..."`` (escaped once per distinct class list), or nothing for none."""
        got = self.classes.get(cls)
        if got is None:
            got = self.classes[cls] = _attr("class", cls)
        return got

    def _group(self, cls: str, **more: str) -> int:
        return self.out.open("g", {"class": cls, **more})

    def paint(self) -> str:
        """The document (without the final newline)."""
        s, out = self.scene, self.out
        w, h = size(s.width, "width"), size(s.height, "height")
        root = out.open("svg", {
            **ROOT_ATTRIBUTES, "width": w, "height": h,
            # With links inside, the figure is interactive, and role=img would hide them from
            # assistive technology (axe: nested-interactive).
            "viewBox": f"0 0 {w} {h}", "class": "timeline", "id": self._id("chart"),
            "role": "graphics-document" if (self.opt.event_href or self.opt.note_href) else "img",
            "aria-labelledby": f"{self._id('title')} {self._id('desc')}",
            "style": "max-width:100%;height:auto", "font-family": FONT_STACK,
        })
        out.append(_leaf("title", {"id": f"{self.prefix}-title"}, clean_text(s.title or "Timeline")))
        out.append(_leaf("desc", {"id": f"{self.prefix}-desc"}, clean_text(s.summary)))
        out.append(f'<defs><style type="text/css"><![CDATA[{self.stylesheet}]]></style></defs>')
        out.append(_leaf("rect", {"class": "bg", "x": 0, "y": 0, "width": w, "height": h}))
        shape, text = self._shape, self._text
        back = self._group("eras")
        for era in s.eras:
            g = self._group("era-band", id=self._id("era", era.era_id))
            out.append(_leaf("title", {}, clean_text(era.name)))
            out.extend(map(shape, era.shapes))
            out.close("g", g)
        out.extend(shape(brk.shapes[0]) for brk in s.breaks)
        out.close("g", back)
        grid = self._group("grid-lines")
        out.extend(map(shape, s.grid))
        out.close("g", grid)
        axis = self._group("time-axis")
        out.extend(map(shape, s.axis))
        for brk in s.breaks:
            out.extend(map(shape, brk.shapes[1:]))
            if brk.label is not None:
                out.append(text(brk.label))
        out.extend(map(text, s.ticks))
        out.close("g", axis)
        head = self._group("header")
        out.extend(map(text, s.header))
        out.close("g", head)
        labels = self._group("era-labels")
        out.extend(text(era.label) for era in s.eras if era.label is not None)
        out.extend(text(t) for era in s.eras for t in era.more)
        out.close("g", labels)
        for index, lane in enumerate(s.lanes):
            g = self._group(f"lane lane-{index}", id=self._id("lane", lane.lane_id or f"{index}"))
            out.extend(map(shape, lane.shapes))
            out.extend(map(text, lane.texts))
            out.close("g", g)
        events = self._group("events")
        for ev in s.events:
            self._event(ev)
        out.close("g", events)
        for badge in s.badges:
            g = self._group("badge", id=self._id("more", badge.event_ids[0]), **{"data-events": " ".join(badge.event_ids)})
            out.append(_leaf("title", {}, clean_text(f"{len(badge.event_ids)} more: " + ", ".join(badge.event_ids))))
            out.append(text(badge.text))
            out.close("g", g)
        if s.overflow_note:
            g = self._group("overflow", id=self._id("overflow"))
            out.extend(map(text, s.overflow_note))
            out.close("g", g)
        if s.notes:
            g = self._group("notes", id=self._id("notes"))
            if s.notes_heading is not None:
                out.append(text(s.notes_heading))
            for entry in s.notes:
                out.append(f'<g class="footnote"{_attr("id", self._id("note", str(entry.number)))}')
                out.append(">" if entry.lines else " />")
                if entry.lines:
                    out.extend(map(text, entry.lines))
                    out.append("</g>")
            out.close("g", g)
        out.close("svg", root)
        return "".join(out)

    def _id_of(self, event_id: str) -> str:
        """`` data-event="..." id="..."`` of an event (its id as ``_id("ev", event_id)`` makes it)."""
        if event_id.isascii() and event_id.isalnum():
            # Nothing to clean, escape or key: the id as it is, unless it is taken.
            base = self.event_base + event_id
            if base not in self.ids:
                self.ids.add(base)
                return f' data-event="{event_id}" id="{base}"'
        return f'{_attr("data-event", clean_text(event_id))}{_attr("id", self._id("ev", event_id))}'

    def _event(self, ev: Any) -> None:
        out = self.out
        key = ev.classes
        classes = self.event_classes.get(key) if key.__class__ is tuple else None
        if classes is None:
            classes = self._class(" ".join(key))
            if key.__class__ is tuple:
                self.event_classes[key] = classes
        out.append(f'<g{classes}{self._id_of(ev.event_id)}>'
                   f'<title>{_escape_text(clean_text(f"{ev.title} ({ev.date_label})"))}</title>')
        label = ev.label
        if label is not None and label.leader:
            out.append(_leaf("polyline", {"class": "leader", "points": _points(label.leader)}))
        out.extend(map(self._shape, ev.shapes))
        if label is not None:
            href = self.opt.event_href
            link = out.open("a", {"href": clean_text(href.format(id=ev.event_id)), "class": "event-link"}) if href else 0
            note_links: list[str] = []
            out.extend(self._text(text, note_links) for text in label.lines)
            if link:
                out.close("a", link)
            # Footnote links are siblings of the event link: links may not nest, nor sit inside <text>.
            out.extend(note_links)
        out.append("</g>")

    def _shape(self, shape: Shape) -> str:
        c = shape.coords
        kind = shape.kind
        cls = self._class(shape.cls)
        if kind == "line":
            x1, y1, x2, y2 = number(c[0]), number(c[1]), number(c[2]), number(c[3])
            return f'<line{cls} x1="{x1}" x2="{x2}" y1="{y1}" y2="{y2}" />'
        if kind == "rect":
            x, y, w, h = number(c[0]), number(c[1]), size(c[2]), size(c[3])
            return f'<rect{cls} height="{h}" width="{w}" x="{x}" y="{y}" />'
        if kind == "circle":
            cx, cy, r = number(c[0]), number(c[1]), size(c[2], "radius")
            return f'<circle{cls} cx="{cx}" cy="{cy}" r="{r}" />'
        if kind == "polygon" or kind == "polyline":
            return f"<{kind}{cls}{_attr('points', _points(c))} />"
        raise RenderError(f"unknown shape kind {shape.kind!r}")

    def _text(self, text: Text, note_links: list[str] | None = None) -> str:
        """A <text> element; with ``note_href``, its footnote numbers go to ``note_links`` as separate links."""
        linked = bool(text.notes and self.opt.note_href and note_links is not None and not text.rotate)
        x, y = number(text.x), number(text.y)
        anchor = ""
        if linked:
            # The line and its numbers side by side, where the layout measured them.
            x = number(text.box.x)
        elif text.anchor != "start":
            anchor = _attr("text-anchor", text.anchor)
        rotate = _attr("transform", f"rotate({int(text.rotate)} {x} {y})") if text.rotate else ""
        if text.runs:
            # Spaces between differently styled runs must survive whitespace collapsing.
            head = f'<text{self._class(text.cls)}{anchor}{rotate} x="{x}" xml:space="preserve" y="{y}"'
            body = "".join(_tspan(clean_text(piece), italic) for piece, italic in text.runs)
        else:
            head = f'<text{self._class(text.cls)}{anchor}{rotate} x="{x}" y="{y}"'
            body = _escape_text(clean_text(text.text))
        if not text.notes:
            return f"{head}>{body}</text>" if body else head + " />"
        # Raised by 0.59 of the superscript size (5 px at the default 8.5 px).
        rise = number(-round(0.59 * text.note_size, 1))
        if linked:
            assert note_links is not None
            for k, (n, nx) in enumerate(zip(text.notes, text.note_x)):
                label = ("," if k else "") + str(n)
                # The number is a smaller <tspan> inside a <text> at the line's own size, as in
                # the unlinked case, so that it reads (to people and to measuring tools) as a
                # superscript of that line, not as a line of small text.
                note_links.append(
                    f'<a class="noteref"{_attr("href", clean_text(self.opt.note_href.format(n=n)))}>'  # type: ignore[union-attr]
                    f'<text class="fn-host" font-size="{number(text.size)}" x="{number(nx)}" y="{number(text.y + float(rise))}">'
                    f'<tspan class="fn">{label}</tspan></text></a>')
        elif text.notes:
            # Superscripts: raised with dy (renderers agree on it, unlike baseline-shift).
            body += '<tspan class="fn-gap">\u2009</tspan>' + "".join(
                f'<tspan class="fn" dy="{rise if k == 0 else "0"}">{("," if k else "") + str(n)}</tspan>'
                for k, n in enumerate(text.notes))
        return f"{head}>{body}</text>" if body else head + " />"


def _tspan(text: str, italic: bool) -> str:
    """A styled piece of a line: ``_leaf("tspan", {"font-style": "italic"} if italic else {}, text)``."""
    text = _escape_text(text)
    if italic:
        return f'<tspan font-style="italic">{text}</tspan>' if text else '<tspan font-style="italic" />'
    return f"<tspan>{text}</tspan>" if text else "<tspan />"


def _points(coords: Any) -> str:
    # svgwrite's points_to_string: "x,y x,y ..."
    return " ".join(f"{number(coords[i])},{number(coords[i + 1])}" for i in range(0, len(coords), 2))
