"""Bidi controls (U+202E and friends) stay in the model and act only inside their own text when drawn."""

from __future__ import annotations

import importlib.util
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

import timeline
from conftest import require
from timeline.markup import safe_url
from timeline.render.html import render_html
from timeline.render.svg import render_svg
from timeline.render.text import BIDI_CONTROLS, isolate_bidi, isolate_text_nodes

RLO, PDF, LRI, RLI, FSI, PDI, RLM = "\u202e", "\u202c", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f"

SOURCE = f'''[timeline]
title = "Bidi {RLO}test"

[sources.s]
title = "A book {RLO}x"

[[lanes]]
id = "l"
label = "Lane {RLO}1"

[[events]]
id = "e1"
title = "abc {RLO}def ghi"
when = "1953"
tags = ["{RLO}t"]
lane = "l"
citations = [{{ source = "s", locator = "p. 1{RLI}" }}]

[[events]]
id = "e2"
title = "stray {PDI}close and {LRI}open"
when = "1954"
text = "*it{RLO}al* then {RLM}"
citations = [{{ source = "s", locator = "p. 2" }}]
'''


def leaks(text: str) -> str | None:
    """What of a text's explicit bidi state would reach past its end (None when nothing does)."""
    stack: list[str] = []
    for char in text:
        if char in "\u202a\u202b\u202d\u202e":
            stack.append("embedding")
        elif char in (LRI, RLI, FSI):
            stack.append("isolate")
        elif char == PDF and stack and stack[-1] == "embedding":
            stack.pop()
        elif char == PDI:
            if "isolate" not in stack:
                return "a PDI that closes an isolate opened before the text"
            while stack.pop() != "isolate":
                pass
    return f"{len(stack)} open" if stack else None


@pytest.mark.parametrize(("text", "expected"), [
    ("plain", "plain"),
    ("\u05e9\u05dc\u05d5\u05dd", "\u05e9\u05dc\u05d5\u05dd"),  # Hebrew without controls: as it is
    (f"a{RLO}b", f"{FSI}a{RLO}b{PDI}"),
    (f"a{RLO}b{PDF}c", f"{FSI}a{RLO}b{PDF}c{PDI}"),
    (f"a{RLM}", f"{FSI}a{RLM}{PDI}"),  # a mark next to the footnote number would move it
    (f"a{LRI}b", f"{FSI}a{LRI}b{PDI}{PDI}"),  # the isolate the text leaves open is closed first
    (f"a{PDI}b", f"{FSI}{FSI}a{PDI}b{PDI}"),  # a stray PDI closes an FSI of its own
    (f"{FSI}a{RLO}b{PDI}", f"{FSI}a{RLO}b{PDI}"),  # already isolated: unchanged
    (f"{FSI}a{PDI}{FSI}b{PDI}", f"{FSI}{FSI}a{PDI}{FSI}b{PDI}{PDI}"),  # two isolates side by side are not one
])
def test_isolate_bidi_table(text: str, expected: str) -> None:
    """Text with bidi controls is wrapped so nothing leaks; text without them is untouched."""
    assert isolate_bidi(text) == expected
    assert leaks(expected) is None
    assert isolate_bidi(expected) == expected


@pytest.mark.parametrize("char", list(BIDI_CONTROLS))
def test_every_control_is_isolated(char: str) -> None:
    """Each of U+202A-E, U+2066-9, U+200E/F and U+061C, alone or mid-text, is kept and sealed in."""
    for text in (char, f"x{char}y", char * 3):
        out = isolate_bidi(text)
        assert text in out and leaks(out) is None


def test_isolate_text_nodes_leaves_tags_scripts_and_styles_alone() -> None:
    """Only text between tags changes: attributes, <script>, <style>, comments and CDATA keep every byte."""
    doc = (f'<p title="a{RLO}">x{RLO}y<b>z</b></p><script>var s = "{RLO}";</script><style>/*{RLO}*/</style>'
           f'<!--{RLO}--><![CDATA[{RLO}]]>')
    assert isolate_text_nodes(doc) == (f'<p title="a{RLO}">{FSI}x{RLO}y{PDI}<b>z</b></p><script>var s = "{RLO}";'
                                       f'</script><style>/*{RLO}*/</style><!--{RLO}--><![CDATA[{RLO}]]>')


@pytest.fixture(scope="module")
def bidi_timeline() -> timeline.Timeline:
    """The timeline above, read as a user's file is."""
    return timeline.loads(SOURCE)


def test_the_model_keeps_the_controls(bidi_timeline: timeline.Timeline) -> None:
    """Reading drops nothing: the controls are data, only drawing confines them."""
    assert bidi_timeline.events[0].title == f"abc {RLO}def ghi"
    assert bidi_timeline.title == f"Bidi {RLO}test"


def _svg_texts(svg: str) -> list[str]:
    texts = []
    for el in ET.fromstring(svg).iter():
        texts += [t for t in (el.text, el.tail) if t and any(c in BIDI_CONTROLS for c in t)]
    return texts


def test_svg_labels_keep_their_overrides_to_themselves(bidi_timeline: timeline.Timeline) -> None:
    """In the SVG every text node holding a control is sealed, and the footnote number stays outside it."""
    svg = render_svg(bidi_timeline)
    texts = _svg_texts(svg)
    assert any(RLO + "def ghi" in t for t in texts)
    assert [(t, leaks(t)) for t in texts if leaks(t)] == []
    label = next(el for el in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")
                 if el.text and "abc" in el.text)
    assert label.text == f"{FSI}abc {RLO}def ghi{PDI}"
    assert [t.text for t in label][-1] == "1"  # the footnote number, after the sealed label


class _Texts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.skip += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self.skip and any(c in BIDI_CONTROLS for c in data):
            self.texts.append(data)


@pytest.mark.parametrize("fragment", [False, True])
def test_html_text_nodes_keep_their_overrides_to_themselves(bidi_timeline: timeline.Timeline, fragment: bool) -> None:
    """In the page and the fragment, every text node holding a control (title, tags, notes...) is sealed."""
    page = render_html(bidi_timeline, fragment=fragment)
    parser = _Texts()
    parser.feed(page)
    assert any("def ghi" in t for t in parser.texts) and any("Lane" in t for t in parser.texts)
    assert [(t, leaks(t)) for t in parser.texts if leaks(t)] == []


def test_png_of_a_reversed_label_renders(bidi_timeline: timeline.Timeline) -> None:
    """resvg draws labels holding U+202E, U+2066 and a stray U+2069 without a panic."""
    require(importlib.util.find_spec("resvg_py") is not None, "the png extra (resvg-py) is not installed")
    from timeline.render.png import render_png

    assert render_png(bidi_timeline).startswith(b"\x89PNG\r\n\x1a\n")


@pytest.mark.parametrize("char", list(BIDI_CONTROLS))
def test_bidi_controls_in_a_url_are_percent_encoded(char: str) -> None:
    """A link target never holds a raw bidi control (it could disguise where the link goes)."""
    target = safe_url(f"https://example.org/a{char}b")
    assert target is not None and char not in target and "%" in target


@pytest.mark.browser
def test_in_a_browser_the_footnote_number_stays_after_a_reversed_title(browser, bidi_timeline: timeline.Timeline,
                                                                       tmp_path) -> None:
    """Chromium lays out the title holding U+202E with its note number to the right of all of its text."""
    page_file = tmp_path / "bidi.html"
    page_file.write_text(render_html(bidi_timeline), encoding="utf-8")
    page = browser.new_page()
    try:
        page.goto(page_file.as_uri())
        title_right, note_left = page.evaluate("""() => {
            const h = [...document.querySelectorAll('.tl-event-title')].find(e => e.textContent.includes('ghi'));
            const range = document.createRange();
            range.selectNodeContents(h.firstChild);
            return [range.getBoundingClientRect().right, h.querySelector('sup').getBoundingClientRect().left];
        }""")
    finally:
        page.close()
    assert note_left >= title_right - 0.5
