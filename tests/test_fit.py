"""Every frame preset, on the bundled timeline and on a 1815–1985 sheet: goldens, fit, sizes, a real browser."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
from conftest import check_golden
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_layout import assert_scene_ok, assert_text_clear_of_marks

import timeline
from timeline.layout import PRESETS, layout, layout_pages
from timeline.layout.typography import FOOTNOTE_FLOOR
from timeline.model import Timeline
from timeline.render.svg import render_svg

GOLDEN = Path(__file__).parent / "golden"
#: Portrait frames read as a list down the page; the others as a chart across.
VERTICAL = {"a4", "letter", "column", "phone"}
#: Portrait fixed frames (a phone screenshot, a portrait column, a story): vertical by default under 800 px.
PORTRAIT = ["390x844", "720x1280", "1080x1920"]


def long_sheet() -> Timeline:
    """A generated 1815–1985 sheet (names only, no claims): sparse ranges, a dense cluster, partial dates."""
    tl = Timeline(title="A 1815–1985 sheet", subtitle="Generated for the layout tests")
    tl = tl.add_lane("a", "First lane").add_lane("b", "Second lane")
    tl = tl.add_event("r37", "A 37-year range", "1815/1852", lane="a")
    tl = tl.add_event("r3", "A 3-year range", "1943/1946", lane="a")
    tl = tl.add_event("m", "A month, on a century axis", "1947-05", lane="b")
    tl = tl.add_event("bound", "On or before a year", "[..1956]", lane="b")
    for k, year in enumerate((1843, 1890, 1936, 1946, 1947, 1949, 1951, 1952, 1953, 1957, 1959, 1961, 1962, 1965,
                              1967, 1969, 1972, 1975, 1978, 1979, 1981, 1983, 1984, 1985)):
        tl = tl.add_event(f"p{k}", f"Point number {k}", f"{year}-0{k % 9 + 1}-1{k % 9}", lane="ab"[k % 2])
    return tl.add_era("era", "A period", "1914/1918")


def sheets() -> dict[str, Timeline]:
    return {"bundled": timeline.bundled(), "sheet": long_sheet()}


def options(preset: str) -> dict:
    return {"size": preset, "orientation": "vertical" if preset in VERTICAL else "horizontal"}


@pytest.mark.parametrize("preset", sorted(PRESETS))
@pytest.mark.parametrize("name", ["bundled", "sheet"])
def test_preset_fits_and_keeps_every_event(preset, name):
    """The frame is respected exactly, nothing overlaps or is cut, every event is drawn, text is never small."""
    tl = sheets()[name]
    frame = PRESETS[preset]
    scenes = layout_pages(tl, **options(preset))
    chart = scenes[0]
    assert chart.width == round(frame.width, 2)
    if frame.fixed:
        assert all(s.height == round(frame.height) for s in scenes)
    for scene in scenes:
        assert_scene_ok(scene)
        for _kind, text in scene.texts():
            assert text.size >= frame.min_text - 0.01, (text.cls, text.size)
            if text.notes:
                assert text.note_size >= FOOTNOTE_FLOOR * frame.min_text - 0.01
    assert {e.event_id for e in chart.events} == {e.id for e in tl.events}
    assert set(chart.unlabelled) == {e.event_id for e in chart.events if e.label is None}
    notes = {n.number for s in scenes for n in s.notes}
    assert notes == set(range(1, len(notes) + 1))


@pytest.mark.parametrize("orientation", ["horizontal", "vertical"])
@pytest.mark.parametrize("preset", [None, *sorted(PRESETS)])
def test_bundled_labels_clear_of_marks(preset, orientation):
    """The bundled timeline, on the default frame and every preset, either way: no text over any mark.

    The weak-only events' dashed rings, whiskers and brackets included (see
    :func:`test_layout.assert_text_clear_of_marks` for the rule).
    """
    size = {"size": preset} if preset else {}
    for scene in layout_pages(timeline.bundled(), orientation=orientation, **size):
        assert_text_clear_of_marks(scene)


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_preset_golden(preset):
    """Each preset on the bundled timeline renders exactly as its golden SVG."""
    check_golden(GOLDEN / f"fit-{preset}.svg", render_svg(timeline.bundled(), **options(preset)))


def test_sheet_slide_golden():
    """The 1815–1985 sheet on a slide renders exactly as its golden SVG."""
    check_golden(GOLDEN / "fit-sheet-slide.svg", render_svg(long_sheet(), size="slide"))


def test_slide_of_1953_labels_the_key_events():
    """--from 1953-01 --to 1953-12 --size slide: the axis is 1953 and the three key events are labelled."""
    scene = layout(timeline.bundled(), size="slide", window=("1953-01", "1953-12"), title="1953")
    labelled = {e.event_id for e in scene.events if e.label is not None}
    assert {"stalin-dies", "amnesty-decree-1953", "beria-executed"} <= labelled
    assert scene.height == 1080 and scene.title == "1953"
    assert scene.position("1953-01-01") == pytest.approx(34.0)
    assert scene.position(dt.date(1954, 1, 1)) == pytest.approx(1920 - 34.0)


def test_long_range_never_drawn_shorter_than_a_short_one():
    """On sparse data the auto scale keeps a 37-year bar longer than a 3-year bar."""
    scene = layout(long_sheet())
    bars = {e.event_id: next(s for s in e.shapes if s.cls == "bar").coords[2] for e in scene.events
            if e.event_id in ("r37", "r3")}
    assert bars["r37"] > bars["r3"]


def test_month_is_never_the_day_dot():
    """A month on a 170-year axis is a 'sometime in' band, however narrow."""
    scene = layout(long_sheet())
    month = next(e for e in scene.events if e.event_id == "m")
    assert {s.cls for s in month.shapes} >= {"extent"} and not any(s.kind == "circle" for s in month.shapes)


_day = st.integers(min_value=dt.date(1900, 1, 1).toordinal(), max_value=dt.date(1999, 12, 31).toordinal())


@st.composite
def _timelines(draw):
    n = draw(st.integers(min_value=1, max_value=40))
    lanes = draw(st.integers(min_value=1, max_value=4))
    tl = Timeline(title=draw(st.text(alphabet="abc XYZ", min_size=1, max_size=30)))
    tl = tl.add_source(id="forum", title="A forum", type="forum")
    for k in range(n):
        a = dt.date.fromordinal(draw(_day))
        when = a.isoformat()
        if draw(st.booleans()):
            b = dt.date.fromordinal(min(a.toordinal() + draw(st.integers(1, 4000)), dt.date(1999, 12, 31).toordinal()))
            when = f"{a.isoformat()}/{b.isoformat()}"
        title = draw(st.text(alphabet="abcdefgh ijk", min_size=1, max_size=60)).strip() or "x"
        cite = [{"source": "forum"}] if draw(st.booleans()) else []   # weak-only: drawn with a dashed ring
        tl = tl.add_event(f"e{k}", title, when, lane=f"l{k % lanes}", priority=draw(st.none() | st.integers(-3, 3)),
                          citations=cite)
    return tl


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tl=_timelines(), w=st.integers(min_value=900, max_value=2600), h=st.integers(min_value=600, max_value=1600))
def test_random_timelines_fit_random_frames(tl, w, h):
    """Random timelines on random fixed frames: the frame is exact, nothing overlaps or is cut short, every
    event is drawn, the badges count the unlabelled."""
    scene = layout(tl, size=f"{w}x{h}")
    assert (scene.width, scene.height) == (w, h)
    assert_scene_ok(scene)
    _ellipsis_free(scene)
    assert len(scene.events) == len(tl.events)
    assert sorted(i for b in scene.badges for i in b.event_ids) == sorted(scene.unlabelled)


def _screen_text_sizes(browser, path, svg: str, width: int, height: int) -> list[tuple[str, float]]:
    """Each text's (class, font-size x screen scale) with the SVG shown alone at a ``width`` x ``height`` viewport."""
    path.write_text(svg, encoding="utf-8")
    page = browser.new_page(viewport={"width": width, "height": height})
    try:
        page.goto(path.as_uri())
        sizes = page.evaluate("""() => [...document.querySelectorAll('text, tspan')].map(t => {
            const m = t.getScreenCTM(); const s = Math.hypot(m.a, m.b);
            return [t.getAttribute('class') || '', parseFloat(getComputedStyle(t).fontSize) * s]; })""")
    finally:
        page.close()
    assert sizes
    return sizes


@pytest.mark.browser
@pytest.mark.parametrize("preset", ["slide", "slide-4x3", "a4-landscape", "letter-landscape"])
def test_rendered_text_size_in_chromium(browser, tmp_path, preset):
    """Shown at its own size in Chromium, every text's font-size x screen scale is at least the frame's minimum."""
    frame = PRESETS[preset]
    sizes = _screen_text_sizes(browser, tmp_path / f"{preset}.svg", render_svg(timeline.bundled(), **options(preset)),
                               int(frame.width), int(frame.height))
    for cls, size in sizes:
        floor = FOOTNOTE_FLOOR * frame.min_text if "fn" in cls.split() else frame.min_text
        assert size >= floor - 0.05, (cls, size)


def _ellipsis_free(scene) -> None:
    """No event label, title or subtitle is cut short with an ellipsis."""
    for e in scene.events:
        for t in e.label.lines if e.label is not None else ():
            assert "…" not in t.text, (e.event_id, t.text)
    for kind, t in scene.texts():
        if kind == "header" or kind == "badge":
            assert "…" not in t.text, (kind, t.text)


@pytest.mark.parametrize("size", [*PORTRAIT, *sorted(PRESETS)])
@pytest.mark.parametrize("name", ["bundled", "sheet"])
def test_portrait_frames_fit_and_count_the_rest(size, name):
    """A portrait frame (vertical under 800 px wide) is filled exactly: nothing overlaps, nothing is cut or
    clipped, every event keeps its mark and <title>, and the badges count every event left unlabelled."""
    tl = sheets()[name]
    scenes = layout_pages(tl, size=size)
    chart = scenes[0]
    frame = chart.frame
    if size in PORTRAIT[:2]:
        assert chart.orientation == "vertical"
    assert (chart.width, chart.height) == (round(frame.width, 2), round(math.ceil(frame.height or chart.height)))
    for scene in scenes:
        assert_scene_ok(scene)
        _ellipsis_free(scene)
        assert all(t.size >= frame.min_text - 0.01 for _kind, t in scene.texts())
    assert sorted(e.event_id for e in chart.events) == sorted(e.id for e in tl.events)
    unlabelled = {e.event_id for e in chart.events if e.label is None}
    assert set(chart.unlabelled) == unlabelled
    badged = [i for b in chart.badges for i in b.event_ids]
    assert sorted(badged) == sorted(unlabelled)
    for b in chart.badges:
        assert b.text.text.startswith(f"+{len(b.event_ids)} more")
    svg = render_svg(tl, size=size)
    assert svg.count("<title>") >= len(tl.events)
    if unlabelled:
        assert "Not labelled for lack of room" in svg and f"{len(unlabelled)} event" in svg


@pytest.mark.parametrize("size", PORTRAIT[:2])
def test_portrait_golden(size):
    """The bundled timeline on a portrait phone and column frame renders exactly as its golden SVG."""
    check_golden(GOLDEN / f"fit-{size}.svg", render_svg(timeline.bundled(), size=size))


def test_portrait_phone_labels_the_key_events_and_sends_sources_on():
    """390x844: the key events of 1953 are labelled, the title wraps whole, the sources go to a next page."""
    scenes = layout_pages(timeline.bundled(), size="390x844")
    chart = scenes[0]
    labelled = {e.event_id for e in chart.events if e.label is not None}
    assert {"stalin-dies", "amnesty-decree-1953"} <= labelled
    assert [t.text for t in chart.header if t.cls == "title"] == ["The End of the Gulag,", "1930–1956"]
    assert chart.sources_follow and len(scenes) > 1 and all(s.height == 844 for s in scenes)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tl=_timelines(), w=st.integers(min_value=320, max_value=799), tall=st.floats(min_value=1.2, max_value=3.0))
def test_random_timelines_fit_random_portrait_frames(tl, w, tall):
    """Random timelines on random portrait frames (a list down the page): the frame is exact, nothing
    overlaps or is clipped, every event is drawn, and the badges count every unlabelled event."""
    h = min(int(w * tall), 2400)
    scene = layout(tl, size=f"{w}x{h}")
    assert scene.orientation == "vertical"
    assert (scene.width, scene.height) == (w, h)
    assert_scene_ok(scene)
    _ellipsis_free(scene)
    assert sorted(e.event_id for e in scene.events) == sorted(e.id for e in tl.events)
    unlabelled = sorted(e.event_id for e in scene.events if e.label is None)
    assert sorted(i for b in scene.badges for i in b.event_ids) == unlabelled == sorted(scene.unlabelled)


@pytest.mark.browser
@pytest.mark.parametrize("size", PORTRAIT[:2])
def test_portrait_text_size_in_chromium(browser, tmp_path, size):
    """A portrait frame shown at its own viewport in Chromium: text >= 12 px at 390 wide, >= 11 px at 720."""
    w, h = (int(v) for v in size.split("x"))
    floor = 12.0 if w <= 480 else 11.0
    sizes = _screen_text_sizes(browser, tmp_path / f"{size}.svg", render_svg(timeline.bundled(), size=size), w, h)
    for cls, px in sizes:
        least = FOOTNOTE_FLOOR * floor if "fn" in cls.split() else floor
        assert px >= least - 0.05, (cls, px)
