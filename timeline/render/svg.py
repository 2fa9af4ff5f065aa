"""The SVG renderer: a Scene written as SVG; :func:`drawing` gives it as an svgwrite Drawing.

svgwrite runs with ``debug=False`` (its validator doubles the time and
rejects ``data-*``), so the data-driven values are checked here instead:
finite coordinates, non-negative sizes, text stripped of characters XML 1.0
forbids.  Output is byte-deterministic: fixed two-decimal numbers, ids from
a prefix and the event id, no timestamps.

Speed: the painter writes the document straight into strings, byte for byte
what svgwrite's ElementTree path writes for the same drawing (sorted
attributes, ElementTree's escaping, ``" />"`` for empty elements, the
stylesheet in one CDATA section), so ``render_svg`` never imports svgwrite
nor builds a tree.  :func:`drawing` reads that document back into elements
(the exact inverse of the writer's escaping) and gives them to svgwrite (it
is imported there, and this is the only module that imports it), so scripts
can add to it; the tests compare ``render_svg`` with ``drawing(...).tostring()``.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import attrs

from timeline.errors import RenderError, UsageError
from timeline.layout import LayoutOptions, Scene, layout, layout_pages
from timeline.layout.options import check_names
from timeline.layout.typography import ROLES
from timeline.model.timeline import Timeline
from timeline.render.css import light_dark, scope
from timeline.render.svgwriter import ROOT_ATTRIBUTES, number, paint
from timeline.render.text import clean_text
from timeline.resources import packaged_templates

__all__ = ["SvgOptions", "THEMES", "drawing", "render_pages", "render_svg", "render_svg_pages"]

THEMES = ("light", "dark", "print", "auto")

_PREFIX = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")
_EXTERNAL_CSS = re.compile(r"@import|url\(\s*['\"]?(?!#)", re.IGNORECASE)


def _theme(_inst: Any, attribute: attrs.Attribute, value: Any) -> None:
    if value not in THEMES:
        raise UsageError(f"theme must be one of {', '.join(THEMES)}; got {value!r}")


def _prefix(_inst: Any, attribute: attrs.Attribute, value: Any) -> None:
    if not isinstance(value, str) or not _PREFIX.fullmatch(value):
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
    return _document_and_scene(tl, options)[1] + "\n"


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
        out.append(_paint(page, opts) + "\n")
    return out


def render_svg_pages(tl: Timeline, **options: Any) -> list[str]:
    """The chart's SVG, then one SVG per page of sources when a fixed frame could not hold them.

    On a ``size="slide"`` (or any fixed frame) chart whose source list does not fit at full size,
    the list is laid out on following pages of the same frame, never shrunk.
    """
    lay, svg = _split(dict(options))
    return [_paint(scene, svg) + "\n" for scene in layout_pages(tl, _options=lay)]


def drawing(tl: Timeline, **options: Any) -> Any:
    """Lay out and draw a timeline, returning an svgwrite ``Drawing`` so scripts can add to it.

    The Drawing carries the Scene it was drawn from as ``dwg.scene``, so a script places things by
    date, not by guessing pixels: ``x = dwg.scene.position("1953-03-05")``.
    svgwrite is imported here only: ``render_svg`` writes the same document without it.
    """
    scene, document = _document_and_scene(tl, options)
    dwg = _to_drawing(_parse(document))
    dwg.scene = scene
    return dwg


def _document_and_scene(tl: Timeline, options: dict[str, Any]) -> tuple[Scene, str]:
    lay, svg = _split(dict(options))
    scene = layout(tl, _options=lay)
    return scene, _paint(scene, svg)


def _paint(scene: Scene, svg: SvgOptions) -> str:
    return paint(scene, svg, _css(svg, scene, f"{svg.id_prefix}-chart"))


# -- the stylesheet ---------------------------------------------------------------------------

def _font_css(scene: Scene, root: str) -> str:
    """The font rules of every text role, from the typography the layout measured with."""
    ty = scene.typography
    out = ["/* Font sizes: generated from the layout's typography table (timeline/layout/typography.py). */"]
    for role in ROLES:
        rule = [f"font-size: {number(getattr(ty, role.name))}px"]
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
    """One element of a written document, read back for :func:`drawing`: name, attributes, text, children."""

    __slots__ = ("attribs", "cdata", "elements", "name", "text")

    def __init__(self, name: str, attribs: dict[str, str]) -> None:
        self.name = name
        self.attribs = attribs
        self.text = ""
        self.cdata = ""  # <style>'s content, written as svgwrite writes it: in one CDATA section
        self.elements: list[_El] = []


_TOKEN = re.compile(r'<(?P<name>[^\s/>!]+)(?P<attrs>(?: [^\s="]+="[^"]*")*)(?P<end> />|>)'
                    r"|</[^>]*>|<!\[CDATA\[(?P<cdata>.*?)\]\]>(?=</style>)|(?P<text>[^<]+)", re.DOTALL)
_ATTRIB = re.compile(r' ([^\s="]+)="([^"]*)"')
_ENTITY = re.compile("&(amp|lt|gt|quot|#13|#10|#09);")
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "#13": "\r", "#10": "\n", "#09": "\t"}


def _unescape(text: str) -> str:
    return _ENTITY.sub(lambda m: _ENTITIES[m.group(1)], text) if "&" in text else text


def _parse(document: str) -> _El:
    """The elements of a document :class:`_Painter` wrote (the exact inverse of its escaping)."""
    stack: list[_El] = []
    root = None
    for m in _TOKEN.finditer(document):
        name, text, cdata = m.group("name"), m.group("text"), m.group("cdata")
        if name is not None:
            el = _El(name, {k: _unescape(v) for k, v in _ATTRIB.findall(m.group("attrs"))})
            if stack:
                stack[-1].elements.append(el)
            else:
                root = el
            if m.group("end") == ">":
                stack.append(el)
        elif text is not None:
            stack[-1].text = _unescape(text)  # the writer puts an element's text before its children
        elif cdata is not None:
            stack[-1].cdata = cdata
        else:
            stack.pop()
    assert root is not None and not stack
    return root


def _to_drawing(root: _El) -> Any:
    """The same document as an svgwrite Drawing whose elements scripts can change and add to."""
    import svgwrite

    element_class = _svgwrite_element_class()
    dwg = svgwrite.Drawing(size=(root.attribs["width"], root.attribs["height"]), profile="full", debug=False)
    dwg.attribs.update({k: v for k, v in root.attribs.items() if k not in ROOT_ATTRIBUTES})

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
            self.elements = []
            self.text = text

        def get_xml(self) -> Any:
            xml = super().get_xml()
            if self.text:
                xml.text = self.text
            return xml

    return Element


