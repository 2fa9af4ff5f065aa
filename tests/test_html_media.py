"""The page and fragment in each medium, in Chromium: phone, LMS column, host pages, dark systems."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import timeline
from timeline.render.html import render_html

pytestmark = pytest.mark.browser

HOST = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Course page</title>
<style>body {{ margin: 0; font: 14px/1.3 Arial, sans-serif; }} {css}</style></head>
<body><main style="{main}"><h1>Week 3</h1><p class="title label note">Read the timeline below.</p>
{fragment}
</main></body></html>
"""

#: Rendered text size of every visible SVG text: font-size times its screen scale (as measure_fit.py).
SIZES_JS = """() => {
  const out = {texts: [], sups: [], charts: []};
  for (const svg of document.querySelectorAll('.tl-chart > svg')) {
    if (svg.getClientRects().length) out.charts.push(svg.parentNode.id);
  }
  for (const el of document.querySelectorAll('svg text, svg tspan')) {
    if (!el.getClientRects().length) continue;
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    const m = el.getScreenCTM();
    const size = parseFloat(getComputedStyle(el).fontSize) * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
    // Footnote numbers (class fn: a smaller tspan, or a text inside its own note link) may be smaller.
    const sup = el.classList.contains('fn');
    (sup ? out.sups : out.texts).push(size);
  }
  return out;
}"""


@pytest.fixture
def open_page(browser: Any, tmp_path: Path) -> Iterator[Any]:
    """Write HTML to a file and open it at a viewport and colour scheme; closed after the test."""
    contexts: list[Any] = []

    def opener(html: str, *, width: int = 1280, scheme: str = "light") -> Any:
        path = tmp_path / f"page{len(contexts)}.html"
        path.write_text(html, encoding="utf-8")
        context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
        contexts.append(context)
        page = context.new_page()
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        page.goto(path.as_uri())
        return page

    yield opener
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def bundled() -> timeline.Timeline:
    """The bundled timeline (50 events, four lanes)."""
    return timeline.bundled()


def _host(fragment: str, *, css: str = "", main: str = "") -> str:
    return HOST.format(fragment=fragment, css=css, main=main)


@pytest.mark.parametrize(("medium", "width", "chart", "minimum"), [
    ("phone page", 390, "tl-chart-phone", 12.0),
    ("column fragment", 720, "tl-chart-column", 11.0),
    ("desktop page", 1280, "tl-chart-wide", 8.0),
])
def test_each_width_gets_its_own_chart_with_readable_text(open_page: Any, bundled: timeline.Timeline,
                                                          medium: str, width: int, chart: str,
                                                          minimum: float) -> None:
    """A 390-px phone and a 720-px LMS column each show the chart made for them, text >= 12 / 11 px."""
    if medium == "column fragment":
        html = _host(render_html(bundled, fragment=True), main="width: 720px; margin: 0 auto")
        page = open_page(html, width=1280)
    else:
        page = open_page(render_html(bundled), width=width)
    sizes = page.evaluate(SIZES_JS)
    assert sizes["charts"] == [chart]
    assert sizes["texts"], "no chart text visible"
    assert min(sizes["texts"]) >= minimum - 0.05, (medium, sorted(sizes["texts"])[:5])
    if sizes["sups"]:
        assert min(sizes["sups"]) >= 0.7 * minimum - 0.05


@pytest.mark.parametrize(("medium", "width", "scrolls"), [
    ("phone page", 390, True), ("column fragment", 720, True),
    ("desktop page", 1280, False), ("wide desktop page", 1920, False), ("desktop fragment", 1280, False),
])
def test_past_the_cap_one_chart_at_its_own_size_scrolls_sideways(open_page: Any, bundled: timeline.Timeline,
                                                                 monkeypatch: pytest.MonkeyPatch, medium: str,
                                                                 width: int, scrolls: bool) -> None:
    """Past RESPONSIVE_MAX_EVENTS every width shows the overview at its own size: text >= 12 px, the
    chart's box (not the page) scrolls sideways where it is narrower than the chart, and a note says so;
    on a desktop (1280 or 1920 px, page or fragment) the chart fits its box, with nothing to scroll."""
    from timeline.render import charts

    monkeypatch.setattr(charts, "RESPONSIVE_MAX_EVENTS", len(bundled.events) - 1)
    if medium == "column fragment":
        page = open_page(_host(render_html(bundled, fragment=True), main="width: 720px; margin: 0 auto"),
                         width=1280)
    elif medium == "desktop fragment":
        page = open_page(_host(render_html(bundled, fragment=True)), width=width)
    else:
        page = open_page(render_html(bundled), width=width)
    sizes = page.evaluate(SIZES_JS)
    assert sizes["charts"] == ["tl-chart-overview"]
    assert min(sizes["texts"]) >= 12.0 - 0.05 and min(sizes["sups"]) >= 0.7 * 12.0 - 0.05
    box = page.evaluate("""(() => { const c = document.getElementById('tl-chart-overview');
        return {box: c.clientWidth, chart: c.scrollWidth, svg: c.querySelector('svg').getBoundingClientRect().width,
                page: document.scrollingElement.scrollWidth, view: innerWidth,
                note: document.getElementById('tl-chart-overview-note').getClientRects().length}; })()""")
    assert box["svg"] == pytest.approx(charts.OVERVIEW_WIDTH, abs=0.5)   # never shrunk
    assert box["page"] <= box["view"]                    # the page itself does not scroll sideways
    assert box["note"] == 1
    assert (box["chart"] > box["box"]) is scrolls        # the chart's box does, where it is narrower


def test_past_the_cap_the_overview_stays_off_paper(open_page: Any, bundled: timeline.Timeline,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Printed, a page past the cap shows its title, then the print note, not the 1100-px overview shrunk to the paper."""
    from timeline.render import charts

    monkeypatch.setattr(charts, "RESPONSIVE_MAX_EVENTS", len(bundled.events) - 1)
    page = open_page(render_html(bundled))
    page.emulate_media(media="print")
    shown = page.evaluate("""[...document.querySelectorAll('.tl-chart, .tl-chart-note')]
                               .filter(e => e.getClientRects().length).map(e => e.id)""")
    assert shown == ["tl-chart-print"]
    assert page.locator(".tl-print-note").is_visible()
    # No chart pages carry the title here: the page's own heading prints, first, then the note.
    tops = page.evaluate("""['.tl-title', '.tl-print-note', '.tl-events']
                              .map(s => document.querySelector(s).getBoundingClientRect().top)""")
    assert tops == sorted(tops) and page.locator(".tl-title").is_visible()


def test_fragment_auto_stays_light_on_a_white_host_when_the_system_is_dark(open_page: Any) -> None:
    """Theme auto in a host page that declares no color-scheme: a light card and chart, not near-black."""
    tl = timeline.Timeline(title="T").add_event("e", "Stalin dies", "1953-03-05")
    page = open_page(_host(render_html(tl, fragment=True)), scheme="dark")
    assert page.evaluate("getComputedStyle(document.querySelector('.tl-root')).backgroundColor") == \
        "rgb(255, 255, 255)"
    fill = page.evaluate("""getComputedStyle([...document.querySelectorAll('.tl-chart .bg')]
                              .find(e => e.getClientRects().length)).fill""")
    assert fill == "rgb(255, 255, 255)"


def test_fragment_auto_follows_a_dark_host(open_page: Any) -> None:
    """A host that declares color-scheme: dark gets the dark card and chart."""
    tl = timeline.Timeline(title="T").add_event("e", "Stalin dies", "1953-03-05")
    page = open_page(_host(render_html(tl, fragment=True), css=":root { color-scheme: dark; }"), scheme="dark")
    assert page.evaluate("getComputedStyle(document.querySelector('.tl-root')).backgroundColor") == "rgb(21, 23, 26)"
    fill = page.evaluate("""getComputedStyle([...document.querySelectorAll('.tl-chart .bg')]
                              .find(e => e.getClientRects().length)).fill""")
    assert fill != "rgb(255, 255, 255)"


def test_standalone_page_auto_follows_the_system(open_page: Any) -> None:
    """The whole page declares light dark, so auto is dark on a dark system."""
    tl = timeline.Timeline(title="T").add_event("e", "Stalin dies", "1953-03-05")
    page = open_page(render_html(tl), scheme="dark")
    assert page.evaluate("getComputedStyle(document.querySelector('.tl-root')).backgroundColor") == "rgb(21, 23, 26)"


def test_host_justify_and_chart_css_do_not_cross(open_page: Any) -> None:
    """A host's p { text-align: justify }, header { font-weight } stay out; the chart's .title/.label CSS stays in."""
    tl = timeline.Timeline(title="T", subtitle="A subtitle").add_event("e", "Stalin dies", "1953-03-05")
    css = ("p { text-align: justify; word-spacing: 1em; line-height: 3; } li { text-align: right; } "
           "header { font-weight: bold; font-style: italic; }")
    page = open_page(_host(render_html(tl, fragment=True), css=css))
    for selector in (".tl-subtitle", ".tl-when", ".tl-event"):
        align = page.evaluate(f"getComputedStyle(document.querySelector('.tl-root {selector}')).textAlign")
        assert align in ("left", "start"), (selector, align)
    subtitle = page.evaluate("""(() => { const s = getComputedStyle(document.querySelector('.tl-subtitle'));
                                 return [s.fontWeight, s.fontStyle, s.lineHeight !== (3 * parseFloat(s.fontSize)) + 'px']; })()""")
    assert subtitle == ["400", "normal", True]
    host_p = page.evaluate("""(() => { const s = getComputedStyle(document.querySelector('main > p.title'));
                               return [s.fontSize, s.fontWeight]; })()""")
    assert host_p == ["14px", "400"]


def test_back_to_the_chart_goes_to_the_chart_on_screen(open_page: Any, bundled: timeline.Timeline) -> None:
    """On a phone, "Back to the chart" focuses the event in the phone chart, not in the hidden wide one."""
    page = open_page(render_html(bundled), width=390)
    page.locator("#tl-item-stalin-dies .tl-back").click()
    chart = page.evaluate("document.activeElement.closest('.tl-chart').id")
    assert chart == "tl-chart-phone"
    assert page.evaluate("document.activeElement.closest('[data-event]').getAttribute('data-event')") == "stalin-dies"
