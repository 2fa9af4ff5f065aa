"""render_svg's direct writer writes exactly what svgwrite writes for the same drawing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import timeline
from timeline import Citation, Source, Timeline
from timeline.render.svg import drawing, render_svg

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
def test_direct_writer_matches_svgwrite(make, options):
    """render_svg (no svgwrite) is byte for byte svgwrite's drawing(...).tostring()."""
    tl = make()
    assert render_svg(tl, **options) == drawing(tl, **options).tostring() + "\n"


def test_direct_writer_matches_svgwrite_on_generated_input():
    """On 400 generated events (ranges, Cyrillic, two citations) both paths write the same bytes."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    try:
        import generate
    finally:
        sys.path.pop(0)
    tl = timeline.loads(generate.to_toml(generate.generate(400)))
    for options in ({}, {"orientation": "vertical", "note_href": "#n-{n}", "event_href": "#e-{id}"}):
        assert render_svg(tl, **options) == drawing(tl, **options).tostring() + "\n"


def test_render_svg_does_not_import_svgwrite():
    """Only drawing() imports svgwrite; render_svg and render_html write without it."""
    probe = ("import sys, timeline\n"
             "from timeline.render.svg import render_svg\nfrom timeline.render.html import render_html\n"
             "tl = timeline.bundled(); render_svg(tl); render_html(tl)\n"
             "print('svgwrite' in sys.modules)\n"
             "from timeline.render.svg import drawing\ndrawing(tl)\nprint('svgwrite' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[1]).stdout.split()
    assert out == ["False", "True"]


def test_script_added_svgwrite_elements_are_written():
    """The Drawing from drawing() takes svgwrite's own elements, and writes them as svgwrite does."""
    dwg = drawing(timeline.bundled())
    dwg.add(dwg.text("added & <kept>", insert=(10, 10), class_="date"))
    dwg.elements[-2].add(dwg.circle((1, 2), 3))
    dwg.elements[-2]["data-x"] = "1"
    out = dwg.tostring()
    assert "added &amp; &lt;kept&gt;" in out and '<circle cx="1" cy="2" r="3" />' in out and 'data-x="1"' in out
