"""The vertical layout on narrow frames (a phone, an LMS column): the default orientation, labels
that get most of the width, and text that wraps instead of being cut."""

from __future__ import annotations

import pytest
from test_fit import long_sheet
from test_layout import assert_scene_ok

import timeline
from timeline.layout import LayoutOptions, layout
from timeline.layout.frame import Frame


@pytest.mark.parametrize(("options", "expected"), [
    ({}, "horizontal"),
    ({"size": "phone"}, "vertical"),
    ({"size": "column"}, "vertical"),
    ({"size": "600"}, "vertical"),
    ({"width": 600}, "vertical"),
    ({"width": 800}, "horizontal"),
    ({"size": "1200"}, "horizontal"),
    ({"size": "390x844"}, "vertical"),          # a portrait fixed frame under 800 px is a list too
    ({"size": "720x1280"}, "vertical"),
    ({"size": "1080x1920"}, "horizontal"),
    ({"size": "844x390"}, "horizontal"),        # landscape
    ({"size": "a4"}, "vertical"),               # a portrait page
    ({"size": "letter"}, "vertical"),
    ({"size": "a4-landscape"}, "horizontal"),
    ({"size": "phone", "orientation": "horizontal"}, "horizontal"),
    ({"size": "slide", "orientation": "vertical"}, "vertical"),
])
def test_narrow_frames_default_to_vertical(options, expected):
    """Without an orientation, a frame under 800 px wide that is not landscape, or a portrait page, is vertical."""
    assert LayoutOptions(**options).direction == expected
    assert layout(long_sheet(), **options).orientation == expected


def test_cli_phone_is_vertical(tmp_path):
    """`render --size phone` with no --orientation writes the vertical chart."""
    from timeline.cli import main

    out = tmp_path / "ph.svg"
    assert main(["render", "--size", "phone", "--format", "svg", "-o", str(out)]) == 0
    from timeline.render.svg import render_svg

    assert out.read_text(encoding="utf-8") == render_svg(timeline.bundled(), size="phone", orientation="vertical")
    assert out.read_text(encoding="utf-8") != render_svg(timeline.bundled(), size="phone", orientation="horizontal")


@pytest.mark.parametrize("size", ["phone", "column"])
def test_narrow_charts_never_cut_text(size):
    """On a phone or column every title, date, period and the heading wraps: nothing is shortened."""
    tl = timeline.bundled()
    scene = layout(tl, size=size)
    assert_scene_ok(scene)
    texts = [t.text for _kind, t in scene.texts()]
    assert not [t for t in texts if "…" in t]
    assert " ".join(t.text for t in scene.header if t.cls == "title") == tl.title
    for event in scene.events:
        lines = [t.text for t in event.label.lines if t.cls == "label"]
        assert " ".join(lines) == event.title
    for era in scene.eras:
        assert " ".join(t.text for t in (era.label, *era.more)) == era.name


def test_phone_labels_get_most_of_the_width():
    """At 390 px the axis and four lane columns take under 40% of the width; labels the rest."""
    scene = layout(timeline.bundled(), size="phone")
    left = min(t.box.x for e in scene.events for t in e.label.lines)
    assert left <= 0.4 * scene.width
    ticks = [t.text for t in scene.ticks]
    assert ticks and all(t.isdigit() for t in ticks)  # short tick labels: years only


def test_phone_text_keeps_its_guaranteed_size():
    """Nothing on the phone chart is smaller than 12 px (footnotes: 70%)."""
    scene = layout(timeline.bundled(), size=Frame(390.0, None, "phone", 12.0, 1.0, "phone"))
    for _kind, text in scene.texts():
        assert text.size >= 12.0 - 0.01, text.cls
