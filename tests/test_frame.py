"""Tests for timeline.layout.frame and typography: presets, parse_size, text sizes from the frame."""

from __future__ import annotations

import re

import pytest

import timeline
from timeline.errors import UsageError
from timeline.layout import PRESETS, Frame, LayoutOptions, Typography, layout, parse_size
from timeline.layout.typography import FOOTNOTE_FLOOR, ROLES
from timeline.render.svg import render_svg

PT = 96 / 72


@pytest.mark.parametrize(("name", "width", "height", "medium", "least"), [
    ("slide", 1920, 1080, "slide", 18.0),
    ("slide-4x3", 1440, 1080, "slide", 18.0),
    ("a4", 793.7, 1122.52, "paper", 8 * PT),
    ("a4-landscape", 1122.52, 793.7, "paper", 8 * PT),
    ("letter", 816, 1056, "paper", 8 * PT),
    ("letter-landscape", 1056, 816, "paper", 8 * PT),
    ("column", 720, None, "column", 11.0),
    ("phone", 390, None, "phone", 12.0),
])
def test_presets(name, width, height, medium, least):
    """Each preset has its size in CSS px (paper at 96/in), its medium and its least text size."""
    frame = parse_size(name)
    assert frame.width == pytest.approx(width, abs=0.01)
    assert (frame.height is None) == (height is None)
    if height is not None:
        assert frame.height == pytest.approx(height, abs=0.01)
    assert frame.medium == medium
    assert frame.min_text == pytest.approx(least)
    assert frame.raster_scale == (2.0 if medium == "slide" else 1.0)


@pytest.mark.parametrize(("text", "width", "height"), [
    ("1000x600", 1000, 600), ("800X600", 800, 600), (" 1280 x 720 ", 1280, 720), ("640", 640, None), ("SLIDE", 1920, 1080),
])
def test_parse_size_forms(text, width, height):
    """WxH (any case of x, spaces allowed), a bare width (free height) and preset names in any case."""
    frame = parse_size(text)
    assert (frame.width, frame.height) == (width, height)


@pytest.mark.parametrize(("text", "message"), [
    ("slid", "did you mean 'slide'?"),
    ("100x100", "the width must be between 320 and 20000 px; got 100"),
    ("1000x10", "the height must be between 240 and 20000 px; got 10"),
    ("big", "neither a preset"),
    ("-5x300", "neither a preset"),
])
def test_parse_size_refuses_with_reason(text, message):
    """A size that is not one says why."""
    with pytest.raises(UsageError, match=re.escape(message)):
        parse_size(text)


def test_width_and_size_conflict():
    """Giving both width and size is refused, not silently resolved."""
    with pytest.raises(UsageError, match="width or size, not both"):
        LayoutOptions(width=800, size="slide")


def test_default_is_todays_chart():
    """Without a size the frame is 1200 px (720 vertical) wide with free height at the screen sizes."""
    assert LayoutOptions().frame == Frame(1200.0, None, "screen", 10.5)
    assert LayoutOptions(orientation="vertical").frame.width == 720.0
    assert Typography.for_minimum().label == 12.5


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_typography_respects_the_frame_minimum(name):
    """Every role is at least the frame's minimum; superscripts at least 70% of it."""
    frame = PRESETS[name]
    ty = Typography.for_minimum(frame.min_text)
    for role in ROLES:
        size = getattr(ty, role.name)
        floor = FOOTNOTE_FLOOR * frame.min_text if role.name == "footnote" else frame.min_text
        assert size >= floor - 0.01, (role.name, size)


def test_text_scale_makes_everything_bigger():
    """text_scale multiplies every size and is refused outside 1..4."""
    base, big = Typography.for_minimum(12.0), Typography.for_minimum(12.0, 1.5)
    assert all(getattr(big, r.name) == pytest.approx(getattr(base, r.name) * 1.5, abs=0.02) for r in ROLES)
    with pytest.raises(UsageError, match="from 1 to 4"):
        LayoutOptions(text_scale=0.5)


def test_scene_texts_use_the_table():
    """Every text in the Scene is sized by its role in the frame's typography."""
    scene = layout(timeline.bundled(), size="slide")
    ty = scene.typography
    for _kind, text in scene.texts():
        assert text.size == ty.size(text.cls) >= 18.0


def test_svg_font_css_comes_from_the_table_and_wins():
    """The SVG's font sizes are generated from the typography, scoped to the chart, after user CSS."""
    svg = render_svg(timeline.bundled(), size="phone", id_prefix="p1")
    ty = Typography.for_minimum(12.0)
    assert f"#p1-chart .label {{ font-size: {ty.label:g}px" in svg
    style = svg[svg.index("<style"):svg.index("</style>")]
    assert style.rindex("#p1-chart .label") > style.rindex(".bg {")
    assert re.search(r"^\.label \{[^}]*font-size", style, re.M) is None


def test_title_option_overrides():
    """title= replaces the timeline's title in the Scene and its header."""
    scene = layout(timeline.bundled(), title="1953")
    assert scene.title == "1953" and scene.header[0].text == "1953"


def test_cli_size_text_scale_title(tmp_path, capsys):
    """render --size/--text-scale/--title lay out for the frame; a bad size exits 2 and says why."""
    from timeline.cli import main

    out = tmp_path / "s.svg"
    assert main(["render", "--size", "slide", "--text-scale", "1.2", "--title", "Gulag", "--format", "svg",
                 "-o", str(out)]) == 0
    svg = out.read_text(encoding="utf-8")
    assert 'width="1920"' in svg and ">Gulag</text>" in svg
    assert f"#tl-chart .note, #tl-chart .note-number {{ font-size: {18 * 1.2:g}px" in svg
    assert main(["render", "--size", "1920by1080", "--format", "svg", "-o", str(out)]) == 2
    assert "neither a preset" in capsys.readouterr().err


@pytest.mark.parametrize("size", ["390x844", "390x640", "800x450"])
def test_a_legend_the_frame_has_no_room_for_leads_the_next_page(size):
    """A small frame that goes without its legend says so, and its first following page carries the key."""
    from timeline.layout import layout_pages

    tl = timeline.bundled()
    pages = layout_pages(tl, size=size)
    chart, first = pages[0], pages[1]
    chart_legend = [t for t in chart.header if t.cls == "legend-label"]
    key_texts = [t.text for t in first.header if t.cls == "legend-label"]
    assert not chart_legend, "this frame is expected to be too small for the legend"
    note = " ".join(t.text for t in chart.overflow_note)
    assert "The key and the 43 sources are on the next page." in note
    assert "key to the marks" in chart.summary
    assert "Key to the marks" in [t.text for t in first.header]
    assert {"exact day", "from – to", "sources disagree"} <= set(key_texts)
    assert any("legend-key" in s.cls for s in first.grid)
    heading = first.notes_heading
    assert heading is not None and heading.text == "Sources"
    assert heading.box.y > max(t.box.y1 for t in first.header)
    assert all(len(p.header) and not any(t.cls == "legend-label" for t in p.header) for p in pages[2:])


def test_a_frame_with_room_keeps_its_legend_on_the_chart():
    from timeline.layout import layout_pages

    pages = layout_pages(timeline.bundled(), size="720x1280")
    assert any(t.cls == "legend-label" for t in pages[0].header)
    assert not any(t.cls == "legend-label" for p in pages[1:] for t in p.header)
    assert "key to the marks" not in " ".join(t.text for t in pages[0].overflow_note)
