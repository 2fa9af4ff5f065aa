"""The page printed by Chromium to A4 and Letter: the paged chart, no blank page, chart text >= 8 pt."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

import timeline
from conftest import require
from timeline.render.html import render_html

pytestmark = pytest.mark.browser

PT = 96 / 72

#: Visible chart texts in print: font size times the SVG's scale, and which charts show.
PRINT_SIZES_JS = """() => {
  const shown = [...document.querySelectorAll('.tl-chart')].filter(c => c.getClientRects().length).map(c => c.id);
  const texts = [], sups = [];
  for (const el of document.querySelectorAll('.tl-chart text, .tl-chart tspan')) {
    if (!el.getClientRects().length) continue;
    if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    const m = el.getScreenCTM();
    const size = parseFloat(getComputedStyle(el).fontSize) * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
    const sup = el.classList.contains('fn');  // footnote numbers may be smaller (70% of the least size)
    (sup ? sups : texts).push(size);
  }
  const pages = [...document.querySelectorAll('.tl-print-page')].map(p => p.getBoundingClientRect().height);
  return {shown, texts, sups, pages};
}"""


@pytest.fixture(scope="module")
def printed_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled timeline's page, written once."""
    path = tmp_path_factory.mktemp("print") / "page.html"
    path.write_text(render_html(timeline.bundled()), encoding="utf-8")
    return path


def _open(browser: Any, path: Path, width: int) -> tuple[Any, Any]:
    context = browser.new_context(viewport={"width": width, "height": 1123})
    page = context.new_page()
    page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
    page.goto(path.as_uri())
    return context, page


def _blank_pages(pdf: Path, tmp_path: Path) -> list[int]:
    """Page numbers whose raster (pdftoppm, 20 dpi, greyscale) has no non-white pixel."""
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", "20", "-gray", "-png", str(pdf), str(tmp_path / "pg")], check=True,
                   timeout=120)
    blank = []
    for k, png in enumerate(sorted(tmp_path.glob("pg-*.png")), 1):
        if Image.open(png).convert("L").getextrema()[0] >= 250:
            blank.append(k)
    return blank


@pytest.mark.parametrize(("paper", "width"), [("A4", 794), ("Letter", 816)])
def test_printed_pdf_has_no_blank_page(browser: Any, printed_page: Path, tmp_path: Path,
                                       paper: str, width: int) -> None:
    """Chromium prints the page to a PDF: several pages, none of them blank."""
    require(shutil.which("pdftoppm") is not None, "pdftoppm (poppler-utils) is not installed")
    context, page = _open(browser, printed_page, width)
    try:
        pdf = tmp_path / "page.pdf"
        page.pdf(path=str(pdf), format=paper, prefer_css_page_size=True)
    finally:
        context.close()
    blank = _blank_pages(pdf, tmp_path)
    pages = len(list(tmp_path.glob("pg-*.png")))
    assert pages >= 4
    assert blank == [], f"blank pages {blank} of {pages}"


def test_print_shows_the_paged_chart_with_8pt_text(browser: Any, printed_page: Path) -> None:
    """In print the paged chart replaces the screen charts; its pages fit the print area; text >= 8 pt."""
    context, page = _open(browser, printed_page, 794)
    try:
        page.emulate_media(media="print")
        sizes = page.evaluate(PRINT_SIZES_JS)
        order = page.evaluate("""[...document.querySelector('.tl-root').children]
            .filter(e => e.getClientRects().length)
            .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
            .map(e => e.className.split(' ')[0])""")
    finally:
        context.close()
    assert sizes["shown"] == ["tl-chart-print"]
    assert len(sizes["pages"]) >= 2
    assert max(sizes["pages"]) <= 925.5  # each chart page fits A4's and Letter's print area
    assert min(sizes["texts"]) >= 8 * PT - 0.05, sorted(sizes["texts"])[:5]
    assert not sizes["sups"] or min(sizes["sups"]) >= 0.7 * 8 * PT - 0.05
    # The chart (with its own title) first; then the introduction, the list, the notes, the sources.
    assert order[0] == "tl-figure"
    assert order.index("tl-events") < order.index("tl-notes") < order.index("tl-bibliography")


def test_a_very_long_timeline_prints_a_note_instead_of_its_chart_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past RESPONSIVE_MAX_EVENTS the page embeds no print pages (hundreds, at 10k events) but says so where they'd be."""
    from timeline.render import charts

    tl = timeline.bundled()
    html = render_html(tl)
    assert html.count('class="tl-print-page"') >= 2 and '<p class="tl-print-note">' not in html
    monkeypatch.setattr(charts, "RESPONSIVE_MAX_EVENTS", len(tl.events) - 1)
    html = render_html(tl)
    assert 'class="tl-print-page"' not in html
    assert (f'<p class="tl-print-note">The chart of these {len(tl.events)} events is left out of the printed page: '
            f"past {len(tl.events) - 1} events") in html
    assert html.count('<div class="tl-chart tl-chart-print" id="tl-chart-print">') == 1
