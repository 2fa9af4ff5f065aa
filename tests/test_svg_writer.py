"""The SVG writer's hot elements, written with their attributes already in order (issue 15), are what
the generic writer makes of the same attributes, element by element (test_svg_serialise.py compares
whole documents with svgwrite's)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from conftest import generated_timeline
from test_svg_serialise import nasty_timeline
from timeline.layout import layout
from timeline.render.svg import SvgOptions
from timeline.render.svgwriter import _escape_text, _Painter, _start, number, size
from timeline.render.text import clean_text


def _generated():
    return generated_timeline(400)


def _el(name: str, attribs: dict, text: str = "", children: str = "") -> str:
    """The generic writer: any element from its attributes, text and written children."""
    text = _escape_text(text)
    return f"{_start(name, attribs)}>{text}{children}</{name}>" if text or children else _start(name, attribs) + " />"


def _shape(shape) -> str:
    c = shape.coords
    if shape.kind == "line":
        attribs = {"class": shape.cls, "x1": number(c[0]), "y1": number(c[1]), "x2": number(c[2]), "y2": number(c[3])}
    elif shape.kind == "rect":
        attribs = {"class": shape.cls, "x": number(c[0]), "y": number(c[1]), "width": size(c[2]), "height": size(c[3])}
    elif shape.kind == "circle":
        attribs = {"class": shape.cls, "cx": number(c[0]), "cy": number(c[1]), "r": size(c[2])}
    else:
        attribs = {"class": shape.cls,
                   "points": " ".join(f"{number(c[i])},{number(c[i + 1])}" for i in range(0, len(c), 2))}
    return _el(shape.kind, attribs)


def _text(text, svg: SvgOptions, links: list[str] | None) -> str:
    linked = bool(text.notes and svg.note_href and links is not None and not text.rotate)
    x, y = number(text.box.x if linked else text.x), number(text.y)
    attribs = {"class": text.cls, "x": x, "y": y}
    if text.anchor != "start" and not linked:
        attribs["text-anchor"] = text.anchor
    if text.rotate:
        attribs["transform"] = f"rotate({int(text.rotate)} {x} {y})"
    children = ""
    if text.runs:
        attribs["xml:space"] = "preserve"
        children = "".join(_el("tspan", {"font-style": "italic"} if italic else {}, clean_text(piece))
                           for piece, italic in text.runs)
    rise = number(-round(0.59 * text.note_size, 1))
    if linked:
        for k, (n, nx) in enumerate(zip(text.notes, text.note_x)):
            host = _el("text", {"class": "fn-host", "font-size": number(text.size), "x": number(nx),
                                "y": number(text.y + float(rise))}, "", _el("tspan", {"class": "fn"}, ("," if k else "") + str(n)))
            links.append(_el("a", {"href": clean_text(svg.note_href.format(n=n)), "class": "noteref"}, "", host))
    elif text.notes:
        children += _el("tspan", {"class": "fn-gap"}, "\u2009") + "".join(
            _el("tspan", {"class": "fn", "dy": rise if k == 0 else "0"}, ("," if k else "") + str(n))
            for k, n in enumerate(text.notes))
    return _el("text", attribs, "" if text.runs else clean_text(text.text), children)

OPTIONS = [SvgOptions(), SvgOptions(event_href="#a&b-{id}", note_href='#n"-{n}')]


@pytest.mark.parametrize("svg", OPTIONS, ids=["plain", "links"])
@pytest.mark.parametrize("make", [timeline.bundled, nasty_timeline, _generated])
@pytest.mark.parametrize("orientation", ["horizontal", "vertical"])
def test_hot_elements_are_what_the_generic_writer_writes(make, svg, orientation):
    """Every shape, text (runs, superscripts, note links, rotation) and event label is the generic writer's."""
    scene = layout(make(), orientation=orientation)
    painter = _Painter(scene, svg, "")
    shapes = [*scene.grid, *scene.axis, *(s for ev in scene.events for s in ev.shapes),
              *(s for era in scene.eras for s in era.shapes), *(s for lane in scene.lanes for s in lane.shapes)]
    assert [painter._shape(s) for s in shapes] == [_shape(s) for s in shapes]
    texts = [*scene.header, *scene.ticks, *scene.overflow_note, *(t for e in scene.notes for t in e.lines),
             *(b.text for b in scene.badges), *(t for lane in scene.lanes for t in lane.texts)]
    assert [painter._text(t) for t in texts] == [_text(t, svg, None) for t in texts]
    labels = [t for ev in scene.events if ev.label is not None for t in ev.label.lines]
    fast_links: list[str] = []
    full_links: list[str] = []
    assert [painter._text(t, fast_links) for t in labels] == [_text(t, svg, full_links) for t in labels]
    assert fast_links == full_links
    assert len(shapes) > 20 and len(labels) > 10
    assert any(t.notes for t in labels) and (svg.note_href is None or fast_links)


@settings(max_examples=500)
@given(st.text() | st.text(alphabet="a\t\n\r\x00\x1f\x7f\ud800\udfff\ufffe\uffff\u2009\u202e\U0001f600й"))
def test_printable_text_skips_the_cleaning_pattern(text):
    """Text that str.isprintable() passes is returned as the XML-illegal-character pattern leaves it."""
    from timeline.render import text as text_module

    assert text_module.clean_text(text) == text_module._ILLEGAL_XML.sub("", text)


@settings(max_examples=300)
@given(st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from([-0.001, -0.0, 0.0, 0.004, 2.5]))
def test_a_size_formatted_before_is_checked_as_the_first_time(value):
    """size() answers from the formatted numbers only for what it would format: negatives still raise."""
    from timeline.errors import RenderError
    from timeline.render import svgwriter

    def outcome():
        try:
            return svgwriter.size(value)
        except RenderError as exc:
            return str(exc)

    first = outcome()
    try:
        svgwriter.number(value)  # now in the cache, if finite
    except RenderError:
        pass
    assert outcome() == first
    assert first.startswith("cannot draw") == (value != value or value in (float("inf"), float("-inf")) or value < 0)


@settings(max_examples=300)
@given(st.lists(st.lists(st.text(max_size=6) | st.sampled_from(["a1", "Ev", "x-y", "é", ""]), min_size=1, max_size=3),
                max_size=8))
def test_ids_are_the_joined_parts_made_unique(calls):
    """_Painter._id is "-".join(prefix, parts as dom keys), then -2, -3... until unused (its loop, issue 15)."""
    from timeline.render.text import dom_key

    painter = _Painter(layout(timeline.bundled()), SvgOptions(), "")
    seen: set[str] = set()
    for parts in calls:
        base = "-".join([painter.prefix, *(p if p.isascii() and p.isalnum() else dom_key(p) for p in parts)])
        want, n = base, 2
        while want in seen:
            want, n = f"{base}-{n}", n + 1
        seen.add(want)
        assert painter._id(*parts) == want


@settings(max_examples=300)
@given(st.text() | st.text(alphabet="a&<>\u202e\u2066\u2069й"))
def test_escaped_text_isolates_bidi_then_escapes(text):
    """_escape_text's ASCII shortcut is isolate_bidi then ElementTree's escaping (issue 15)."""
    from timeline.render.svgwriter import _escape_markup
    from timeline.render.text import isolate_bidi

    assert _escape_text(text) == _escape_markup(isolate_bidi(text))


@settings(max_examples=300)
@given(st.lists(st.text(max_size=6) | st.sampled_from(["a1", "A1", "ev", "a1-2", "é", "x y", "a&b", "\x00", ""]),
                max_size=10))
def test_an_events_group_opens_as_the_generic_writer_opens_it(event_ids):
    """_id_of's shortcut for plain ASCII ids gives the generic data-event and made-unique id (issue 15)."""
    from timeline.render.svgwriter import _attr

    fast = _Painter(layout(timeline.bundled()), SvgOptions(id_prefix="p"), "")
    full = _Painter(layout(timeline.bundled()), SvgOptions(id_prefix="p"), "")
    for event_id in event_ids:
        want = _attr("data-event", clean_text(event_id)) + _attr("id", full._id("ev", event_id))
        assert fast._id_of(event_id) == want
    assert fast.ids == full.ids
