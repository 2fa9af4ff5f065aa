"""Injection: XSS vectors in every text field never become code, links or requests.

Vectors are in ``tests/corpus/xss-vectors.txt`` (OWASP filter-evasion
classics plus SVG-specific ones).  Static checks run on the SVG, the page
and the fragment; a headless Chromium run checks that nothing executes,
logs an error or makes a request.
"""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from timeline.model import Citation, Claim, Era, Event, Lane, Media, Quantity, Source, Timeline

CORPUS = Path(__file__).resolve().parent / "corpus"
VECTORS = [line for line in (CORPUS / "xss-vectors.txt").read_text(encoding="utf-8").splitlines() if line]
#: Characters XML 1.0 forbids, and lone surrogates: renderers must drop or replace them.
NASTY_CHARS = "".join(chr(c) for c in range(0x20) if c not in (9, 10, 13)) + "\x7f\x85\ufffe\uffff\ud800\udfff"

DANGEROUS_TAGS = {"script", "iframe", "object", "embed", "base", "meta", "link", "foreignobject", "animate", "set",
                  "animatemotion", "animatetransform", "handler", "form", "input", "details", "math", "textarea"}
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "values", "to", "from", "by"}
SAFE_URL = re.compile(r"^(https?://|mailto:|#)", re.I)


def _module(name: str):
    if importlib.util.find_spec(name) is None:
        return None
    return importlib.import_module(name)


def render(output: str, tl: Timeline) -> str:
    """Render with the named renderer, skipping when it has not landed."""
    if output == "svg":
        svg = _module("timeline.render.svg")
        if svg is None:
            pytest.skip("the SVG renderer has not landed yet (branch svg)")
        return svg.render_svg(tl)
    html = _module("timeline.render.html")
    if html is None:
        pytest.skip("the HTML renderer has not landed yet (branch html)")
    return html.render_html(tl, fragment=output == "fragment")


def poisoned(vectors: list[str], extra: str = "") -> Timeline:
    """A timeline carrying a vector in every text field: one event, source, lane and era per vector."""
    events, sources, lanes, eras = [], {}, [], []
    for i, v in enumerate(vectors):
        v = v + extra
        sid = f"s{i}"
        sources[sid] = Source(id=sid, title=v, author=(v,), editor=(v,), container_title=v, publisher=v, issued=v,
                              url=v, archive=v, archive_location=v, note=v, reliability=v, file=v)
        cite = Citation(source=sid, locator=v, quote=v)
        lanes.append(Lane(id=f"l{i}", label=v, description=v))
        eras.append(Era(id=f"era{i}", label=v, when=_date(1930 + i % 25), text=v, citations=(cite,)))
        claims = (
            Claim(when=_date(1930 + i % 25), text=v, note=v, citations=(cite,)),
            Claim(when=_date(1931 + i % 25), note=v, citations=(cite,)),
            Claim(about=v, quantity=Quantity(value=i, unit=v), text=v, citations=(cite,)),
        )
        events.append(Event(
            id=f"ev{i:03d}", title=v, when=_date(1930 + i % 25), text=v, tags=(v, "context"), lane=f"l{i}",
            citations=(cite,), claims=claims, note=v, display_date=v,
            media=Media(url=v, credit=v, caption=v, alt=v, thumbnail=v),
        ))
    # An undeclared lane name is free text too.
    events.append(Event(id="ev-lane", title="x", when=_date(1940), lane=vectors[0], citations=(Citation(source="s0"),)))
    return Timeline(title=vectors[0], subtitle=vectors[1], description=vectors[2], events=tuple(events),
                    eras=tuple(eras), lanes=tuple(lanes), sources=sources)


def _date(year: int):
    from timeline import parse_date

    return parse_date(str(year))


class _Collect(HTMLParser):
    """Start tags and attributes as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.handlers: list[tuple[str, str]] = []
        self.urls: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags[tag.lower()] += 1
        for name, value in attrs:
            name = name.lower()
            if name.startswith("on"):
                self.handlers.append((tag, name))
            if name in URL_ATTRS and value is not None:
                self.urls.append((tag, name, value))


def _scan_html(text: str) -> _Collect:
    parser = _Collect()
    parser.feed(text)
    parser.close()
    return parser


def _unsafe_urls(urls) -> list:
    bad = []
    for tag, name, value in urls:
        cleaned = re.sub(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\ufeff]", "", value)
        if name in ("values", "to", "from", "by"):
            if re.search(r"(javascript|vbscript|data):", cleaned, re.I):
                bad.append((tag, name, value))
        elif cleaned and not SAFE_URL.match(cleaned):
            bad.append((tag, name, value))
    return bad


@pytest.mark.parametrize("output", ["page", "fragment"])
def test_html_has_no_injected_tags_handlers_or_links(output):
    """Vectors in every field add no tags, no on* handlers and no javascript:/data:/vbscript: links to HTML."""
    clean = _scan_html(render(output, poisoned(["plain text"] * len(VECTORS))))
    dirty = _scan_html(render(output, poisoned(VECTORS)))
    for tag in DANGEROUS_TAGS:
        assert dirty.tags[tag] <= clean.tags[tag], f"<{tag}> appeared {dirty.tags[tag]}× (clean: {clean.tags[tag]})"
    assert len(dirty.handlers) <= len(clean.handlers), dirty.handlers[:10]
    assert _unsafe_urls(dirty.urls) == []


def _xml_elements(text: str):
    root = ET.fromstring(text.encode("utf-8"))
    return list(root.iter())


def test_svg_has_no_injected_elements_handlers_or_links():
    """Vectors in every field leave the SVG well-formed, with no script/animation/handler and only safe hrefs."""
    text = render("svg", poisoned(VECTORS))
    bad_tags, handlers, urls = [], [], []
    for el in _xml_elements(text):
        local = el.tag.rsplit("}", 1)[-1].lower()
        if local in DANGEROUS_TAGS:
            bad_tags.append(local)
        for name, value in el.attrib.items():
            lname = name.rsplit("}", 1)[-1].lower()
            if lname.startswith("on"):
                handlers.append((local, lname))
            if lname in URL_ATTRS or lname == "href":
                urls.append((local, lname, value))
    assert bad_tags == [] and handlers == []
    assert _unsafe_urls(urls) == []


@pytest.mark.parametrize("output", ["svg", "page", "fragment"])
def test_control_characters_and_lone_surrogates_are_handled(output):
    """XML-illegal control characters and lone surrogates never reach the output, which encodes as UTF-8."""
    text = render(output, poisoned(["a" + NASTY_CHARS + "b", "c" + NASTY_CHARS, NASTY_CHARS]))
    text.encode("utf-8")
    if output == "svg":
        ET.fromstring(text.encode("utf-8"))
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]", text)


# -- headless Chromium -------------------------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
POKE = """() => {
  for (const el of document.querySelectorAll('*')) {
    for (const type of ['mouseover', 'mouseenter', 'pointerover', 'focus', 'focusin', 'load', 'error', 'toggle']) {
      try { el.dispatchEvent(new Event(type, {bubbles: true})); } catch (e) {}
    }
  }
  return document.querySelectorAll('*').length;
}"""


@pytest.mark.browser
@pytest.mark.parametrize("output", ["svg", "page", "fragment"])
def test_nothing_executes_in_chromium(browser, tmp_path, output):
    """In headless Chromium: no dialog, no console error, no page error and no request, even after poking every element."""
    text = render(output, poisoned(VECTORS))
    if output == "fragment":
        text = f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>f</title></head><body>{text}</body></html>"
    path = tmp_path / ("out.svg" if output == "svg" else "out.html")
    path.write_text(text, encoding="utf-8")
    events: list[str] = []
    page = browser.new_page()
    try:
        page.on("dialog", lambda d: (events.append(f"dialog: {d.message}"), d.dismiss()))
        page.on("console", lambda m: m.type == "error" and events.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: events.append(f"pageerror: {e}"))
        page.on("request", lambda r: r.url != path.as_uri() and events.append(f"request: {r.url}"))
        page.goto(path.as_uri(), wait_until="load")
        page.evaluate(POKE)
        page.wait_for_timeout(300)
        hrefs = page.evaluate("""() => [...document.querySelectorAll('[href], [src]')].map(
            el => el.getAttribute('href') || el.getAttribute('src') || '')""")
    finally:
        page.close()
    assert events == []
    assert _unsafe_urls([("", "href", h) for h in hrefs]) == []
