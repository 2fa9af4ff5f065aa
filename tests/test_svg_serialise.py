"""render_svg's own serialiser writes exactly what svgwrite's ElementTree path writes."""

from __future__ import annotations


import pytest

import timeline
from timeline import Citation, Source, Timeline
from timeline.render.svg import _tostring, drawing, render_svg

NASTY = ['a & b', '<script>', '"quoted" \'single\'', 'tab\there', 'line\nbreak', 'cr\rx', '\x01ctl', ']]>', 'Жизнь']


def nasty_timeline() -> Timeline:
    """Titles, lanes and sources full of characters that need escaping or cleaning."""
    tl = Timeline(title='T & <t> "q"\n', subtitle="sub & <x>").add_source(Source(id="s1", title='S & "x" <y>', type="book"))
    tl = tl.add_lane("l1", 'Lane & "one"')
    for i, text in enumerate(NASTY * 2):
        tl = tl.add_event(f"e{i}", f"{text} {NASTY[-1 - i % len(NASTY)]}", f"{1900 + i}-0{1 + i % 9}-1{i % 9}",
                          lane="l1", citations=[Citation("s1", text)])
    return tl


@pytest.mark.parametrize("options", [{}, {"orientation": "vertical", "theme": "auto"},
                                     {"event_href": "#a&b-{id}", "note_href": '#n"-{n}'}])
@pytest.mark.parametrize("make", [timeline.bundled, nasty_timeline])
def test_fast_serialiser_matches_svgwrite(make, options):
    """_tostring(drawing) is byte for byte svgwrite's dwg.tostring()."""
    tl = make()
    dwg = drawing(tl, **options)
    assert _tostring(dwg) == dwg.tostring()
    assert render_svg(tl, **options) == dwg.tostring() + "\n"


def test_script_added_svgwrite_elements_are_written():
    """Elements a script adds with svgwrite's own factory come out as svgwrite writes them."""
    dwg = drawing(timeline.bundled())
    dwg.add(dwg.text("added & <kept>", insert=(10, 10), class_="date"))
    dwg.elements[-2].add(dwg.circle((1, 2), 3))
    assert _tostring(dwg) == dwg.tostring()
    assert "added &amp; &lt;kept&gt;" in _tostring(dwg)
