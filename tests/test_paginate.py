"""Printed pages: each page is a Scene of the paper's size; nothing is cut, lost or overlapped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline.cli import main
from timeline.layout.paginate import MARGIN, PAGE_SIZES, PAPER_MINIMUM, paginate
from timeline.layout.scene import Scene
from timeline.render.svg import render_pages

SIZES = sorted(PAGE_SIZES)


@pytest.fixture(scope="module")
def bundled() -> timeline.Timeline:
    """The bundled timeline: 50 events in four lanes and a 37-note source list."""
    return timeline.bundled()


def _texts(page: Scene) -> list:
    return [t for _k, t in page.texts()] + [t for e in page.events if e.label for t in e.label.lines]


def _check_page(page: Scene, size: str) -> None:
    w, h = PAGE_SIZES[size]
    assert (page.width, page.height) == (round(w, 2), round(h, 2))
    boxes = page.label_boxes()
    for name, box in boxes:
        assert box.inside(page.canvas), (size, name, box)
        if not name.startswith("header:p. "):  # the page number sits in the foot margin
            assert box.y1 <= h - MARGIN + 0.5, (size, name, "runs into the foot margin")
    for i, (a, box_a) in enumerate(boxes):
        for b, box_b in boxes[i + 1:]:
            assert not box_a.intersects(box_b), (size, a, b)


@pytest.mark.parametrize("size", SIZES)
def test_pages_hold_everything_once_without_overlap(bundled: timeline.Timeline, size: str) -> None:
    """Every page is the paper's size, no text leaves it or overlaps another; each label is on one page."""
    pages = paginate(bundled, size)
    assert len(pages) >= 2
    labelled: list[str] = []
    present: set[str] = set()
    for page in pages:
        _check_page(page, size)
        labelled += [e.event_id for e in page.events if e.label is not None]
        present |= {e.event_id for e in page.events}
    assert sorted(labelled) == sorted(ev.id for ev in bundled.events)
    assert present == {ev.id for ev in bundled.events}
    notes = [n.number for page in pages for n in page.notes]
    assert sorted(set(notes)) == list(range(1, max(notes) + 1))


@pytest.mark.parametrize("size", SIZES)
def test_page_numbers_and_repeated_context(bundled: timeline.Timeline, size: str) -> None:
    """Each page says "p. k of n"; later chart pages repeat the lane key (portrait) or the time axis (landscape)."""
    pages = paginate(bundled, size)
    n = len(pages)
    for k, page in enumerate(pages, 1):
        assert [t.text for t in page.header if "page-number" in t.cls] == [f"p. {k} of {n}"]
    later = [p for p in pages[1:] if p.events]
    assert later
    for page in later:
        assert any(t.text.endswith("(continued)") for t in page.header)
        if PAGE_SIZES[size][1] > PAGE_SIZES[size][0]:
            lane_names = {t.text for t in page.header}
            assert any("Leadership and politics" in name for name in lane_names)
        else:
            assert page.ticks and page.axis


@pytest.mark.parametrize("size", SIZES)
def test_text_is_at_least_8pt(bundled: timeline.Timeline, size: str) -> None:
    """Paper typography: every text >= 8 pt at the page's own size; footnote numbers >= 70% of it."""
    for page in paginate(bundled, size):
        sizes = [t.size for t in _texts(page)]
        assert min(sizes) >= PAPER_MINIMUM - 0.01
        for t in _texts(page):
            if t.notes:
                assert t.note_size >= 0.7 * PAPER_MINIMUM - 0.01


def test_portrait_uses_the_vertical_flow_and_landscape_the_horizontal(bundled: timeline.Timeline) -> None:
    """Portrait pages run time down the page; landscape pages across it."""
    assert {p.orientation for p in paginate(bundled, "a4")} == {"vertical"}
    assert {p.orientation for p in paginate(bundled, "letter-landscape")} == {"horizontal"}


def test_unknown_page_size_is_refused(bundled: timeline.Timeline) -> None:
    """paginate() takes only the printed sizes."""
    with pytest.raises(timeline.UsageError, match="page size"):
        paginate(bundled, "slide")


def test_render_pages_are_svg_documents(bundled: timeline.Timeline) -> None:
    """render_pages gives one SVG per page, each the paper's size in CSS px."""
    pages = render_pages(bundled, "a4")
    assert len(pages) == len(paginate(bundled, "a4"))
    for svg in pages:
        assert re.search(r'<svg [^>]*height="1122.52"[^>]*width="793.7"', svg)


def test_cli_writes_numbered_pages(tmp_path: Path) -> None:
    """`render --format svg --size a4 -o handout.svg` writes handout-1.svg, handout-2.svg, ..."""
    assert main(["render", "--format", "svg", "--size", "a4", "-o", str(tmp_path / "handout.svg")]) == 0
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written[0] == "handout-1.svg" and len(written) >= 2
    assert written == [f"handout-{k}.svg" for k in range(1, len(written) + 1)]
    assert "p. 2 of" in (tmp_path / "handout-2.svg").read_text(encoding="utf-8")


_dates = st.builds(lambda y, m, d: f"{y:04d}-{m:02d}-{d:02d}", st.integers(1900, 1960), st.integers(1, 12),
                   st.integers(1, 28))
_titles = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd"), max_codepoint=0x24F)
                  | st.just(" "), min_size=1, max_size=60).map(str.strip).filter(bool)


@settings(max_examples=12, deadline=None)
@given(st.lists(st.tuples(_titles, _dates), min_size=1, max_size=60), st.sampled_from(SIZES))
def test_random_timelines_paginate_cleanly(events: list[tuple[str, str]], size: str) -> None:
    """Random timelines: every page respects the paper, nothing overlaps, every event is on a page."""
    tl = timeline.Timeline(title="Random")
    for i, (title, when) in enumerate(events):
        tl = tl.add_event(f"e{i}", title, when)
    pages = paginate(tl, size)
    for page in pages:
        _check_page(page, size)
    assert {e.event_id for p in pages for e in p.events} == {f"e{i}" for i in range(len(events))}


def test_a_portrait_page_names_the_year_it_picks_up_in(bundled: timeline.Timeline) -> None:
    """A page that starts mid-flow says "1951 (cont.)" for the year at its top, not the last year tick above it."""
    pages = paginate(bundled, "a4")
    seen = 0
    for page in pages[1:]:
        cont = [t for t in page.header if t.text.endswith("(cont.)")]
        dates = sorted((t for e in page.events if e.label for t in e.label.lines if t.cls == "date"), key=lambda t: t.y)
        if not cont or not dates:
            continue
        year = cont[0].text.split()[0]
        assert year in dates[0].text, (cont[0].text, dates[0].text)
        assert cont[0].box.w > 0 and cont[0].box.x + cont[0].box.w <= cont[0].x + 0.01   # its box holds its text
        seen += 1
    assert seen
