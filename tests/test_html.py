"""Tests for timeline.render.html: structure, escaping, determinism, overrides, golden files."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from browser.fixture import PAYLOADS, hostile, small

import timeline
from timeline.cli import main
from timeline.dates import parse_date
from timeline.errors import UsageError
from timeline.render.html import datetime_value, render_html

GOLDEN = Path(__file__).parent / "golden"


class _Doc(HTMLParser):
    """Ids, links, tags and attributes of an HTML document, for assertions."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.elements.append((tag, a))
        if a.get("id"):
            self.ids.append(a["id"])
        href = a.get("href") or a.get("xlink:href")
        if href is not None:
            self.hrefs.append(href)

    def find(self, tag: str | None = None, **attrs: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.elements if (tag is None or t == tag)
                and all(a.get(k.replace("_", "-")) == v for k, v in attrs.items())]


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("TIMELINE_UPDATE_GOLDEN") == "1" or not path.exists():
        if os.environ.get("TIMELINE_REQUIRE_ALL") == "1" and not path.exists():
            pytest.fail(f"golden file {path} is missing; run with TIMELINE_UPDATE_GOLDEN=1")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs; TIMELINE_UPDATE_GOLDEN=1 updates it"


def _without_chart(html: str) -> str:
    """The HTML with each chart's SVG cut out: the SVG renderer has its own golden files."""
    return re.sub(r"<svg\b.*?</svg>", "<svg><!-- chart --></svg>", html, flags=re.S)


def test_page_matches_golden_file() -> None:
    """The page for a small fixture (chart cut out) is byte-identical to tests/golden/page.html."""
    _golden("page.html", _without_chart(render_html(small())))


def test_fragment_matches_golden_file() -> None:
    """The fragment for a small fixture (chart cut out) is byte-identical to tests/golden/fragment.html."""
    _golden("fragment.html", _without_chart(render_html(small(), fragment=True)))


def test_output_is_deterministic() -> None:
    """Two renders of equal timelines give the same bytes."""
    assert render_html(small()) == render_html(small())


def test_every_internal_link_resolves_and_ids_are_unique() -> None:
    """Each #href points at an id in the page, and no id is used twice."""
    doc = _Doc(render_html(small()))
    assert len(doc.ids) == len(set(doc.ids))
    for href in doc.hrefs:
        if href.startswith("#"):
            assert href[1:] in doc.ids, href


@pytest.mark.parametrize("fragment", [False, True])
def test_past_the_cap_the_page_lays_out_one_chart(monkeypatch: pytest.MonkeyPatch, fragment: bool) -> None:
    """Past RESPONSIVE_MAX_EVENTS: the overview (phone-size text) and the print note, no column or phone
    chart, a note that links to the list; below it, the page has none of these."""
    from timeline.render import charts

    tl = small()
    below = render_html(tl, fragment)
    assert "tl-chart-overview" not in below and "tl-chart-phone" in below
    monkeypatch.setattr(charts, "RESPONSIVE_MAX_EVENTS", len(tl.events) - 1)
    html = render_html(tl, fragment)
    doc = _Doc(html)
    containers = [a["id"] for a in doc.find("div") if "tl-chart " in (a.get("class") or "")]
    assert containers == ["tl-chart-overview", "tl-chart-print"]
    assert len(doc.ids) == len(set(doc.ids)) and all(h[1:] in doc.ids for h in doc.hrefs if h.startswith("#"))
    assert (f'<p class="tl-figure-hint tl-chart-note" id="tl-chart-overview-note">This chart of {len(tl.events)} '
            f'events is shown at its own size, 1,100 px wide') in html   # charts.OVERVIEW_WIDTH: fits a desktop page
    assert 'the <a href="#tl-events">list below</a>' in html
    assert ".tl-root .tl-chart-overview svg { max-width: none !important;" in html
    sizes = [float(v) for v in re.findall(r"#tl-chart-overview #tl-chart \.[\w-]+[^{]*\{ font-size: ([\d.]+)px", html)]
    assert sizes and min(sizes) >= 12.0 * 0.7   # footnotes may go to 70% of the phone's 12 px
    assert '<p class="tl-print-note">' in html


@pytest.mark.parametrize(("options", "width"), [({}, "1100"), ({"width": 1400}, "1400"),
                                              ({"size": "1600x900"}, "1600")])
def test_the_overview_is_the_page_width_unless_the_caller_says(monkeypatch: pytest.MonkeyPatch,
                                                               options: dict[str, object], width: str) -> None:
    """The overview is laid out 1,100 px wide, the page's content on a desktop, unless a width or size is given."""
    from timeline.render import charts

    tl = small()
    monkeypatch.setattr(charts, "RESPONSIVE_MAX_EVENTS", len(tl.events) - 1)
    html = timeline.render_html(tl, **options)
    svg = re.search(r'<div class="tl-chart [^"]*" id="tl-chart-overview"[^>]*>\s*<svg [^>]*>', html)
    assert svg and f'width="{width}"' in svg.group(0), svg and svg.group(0)
    assert f"shown at its own size, {int(width):,} px wide" in html


def test_page_has_reading_order() -> None:
    """Title, introduction, figure, events, notes, sources: in that order."""
    html = render_html(small())
    marks = ['class="tl-title"', 'class="tl-intro"', "<svg", 'class="tl-event-list"',
             'role="doc-endnotes"', 'role="doc-bibliography"']
    positions = [html.index(m) for m in marks]
    assert positions == sorted(positions)


def test_notes_and_backlinks_use_dpub_roles() -> None:
    """Note references and backlinks carry doc-noteref / doc-backlink and point at each other."""
    doc = _Doc(render_html(small()))
    refs = doc.find("a", role="doc-noteref")
    backs = doc.find("a", role="doc-backlink")
    assert refs and backs
    assert {r["id"] for r in refs} == {b["href"][1:] for b in backs}
    assert {r["href"][1:] for r in refs} == {i for i in doc.ids if re.fullmatch(r"tl-note-\d+", i)}


def test_footnote_numbers_follow_the_shared_numbering() -> None:
    """The list numbers notes exactly as timeline_footnotes does (the SVG's numbering)."""
    from timeline.layout.notes import timeline_footnotes

    tl = small()
    doc = _Doc(render_html(tl))
    first = doc.find("a", id="tl-ref-1")[0]
    assert first["href"] == "#tl-note-1"
    assert len(doc.find("li", **{"class": "tl-note", "tabindex": "-1"})) == len(timeline_footnotes(tl))


def test_events_use_valid_time_elements() -> None:
    """Dates with a valid HTML form use <time datetime>, the others only data-edtf."""
    doc = _Doc(render_html(small()))
    times = {a["datetime"]: a["data-edtf"] for t, a in doc.elements if t == "time"}
    assert times["1953-03-05"] == "1953-03-05"
    assert times["1953-03-26"] == "1953-03-26" and times["1953-03-23"] == "1953-03-23"
    spans = [a for t, a in doc.elements if t == "span" and "data-edtf" in a]
    assert {"[..1953-22]", "1950~/1952~"} <= {a["data-edtf"] for a in spans}
    for value in times:
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value)


@pytest.mark.parametrize(("text", "expected"), [
    ("1953-03-05", "1953-03-05"),
    ("1953-03", "1953-03"),
    ("1953", "1953"),
    ("1953~", "1953"),
    ("1953-22", "1953"),
    ("195X", None),
    ("[..1953-04-03]", None),
    ("1953/1956", None),
    ("0900", "0900"),
])
def test_datetime_value(text: str, expected: str | None) -> None:
    """The datetime attribute is the nearest valid form, or absent."""
    assert datetime_value(parse_date(text)) == expected


def test_disputed_claims_are_side_by_side_with_their_own_notes() -> None:
    """A disputed event lists each claim with its own footnote references."""
    html = render_html(small())
    item = html[html.index('id="tl-item-beria-amnesty-memo"'):]
    item = item[: item.index("</li>\n</ul>")]
    assert "The sources disagree on the date" in item
    assert item.count('class="tl-claim ') == 2
    assert item.count('role="doc-noteref"') == 2


def test_media_is_a_link_never_loaded() -> None:
    """Media URLs appear as links with caption and credit; no <img>, no external src."""
    html = render_html(small())
    assert '<a href="https://example.org/photo.jpg">Released prisoners</a>' in html
    assert "Credit: Archive photo" in html
    assert "<img" not in html
    assert not re.search(r'\s(src|srcset|poster|background)="', html)
    assert "url(" not in html and "@import" not in html


def test_fragment_is_one_figure() -> None:
    """The fragment is a single <figure> with its style and script inside it."""
    html = render_html(small(), fragment=True).strip()
    assert html.startswith('<figure class="tl-root') and html.endswith("</figure>")
    assert html.count("<figure") == 1
    assert "<!DOCTYPE" not in html and "@page" not in html


def test_fragment_css_is_scoped() -> None:
    """Every selector in the fragment's style starts at .tl-root."""
    html = render_html(small(), fragment=True)
    css = html[html.index("<style>") + 7: html.index("</style>")]
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    for selectors in re.findall(r"([^{}@]+)\{[^{}]*\}", css):
        for selector in re.split(r",(?![^()]*\))", selectors):
            selector = selector.strip()
            if selector and not selector.startswith(("from", "to")):
                assert re.match(r"(figure)?\.tl-root\b", selector), selector


_ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "main", "article", "figure", "header",
                 "div", "p", "a", "h1", "h2", "h3", "h4", "section", "ol", "ul", "li", "sup", "span", "time",
                 "em", "strong", "i", "q", "br", "label", "select", "option", "script", "svg", "g", "text",
                 "circle", "desc", "tspan", "path", "line", "rect", "polyline", "polygon", "defs", "clippath",
                 "pattern", "lineargradient", "stop", "symbol", "use", "marker", "ellipse"}


@pytest.mark.parametrize("fragment", [False, True])
def test_payloads_are_escaped(fragment: bool) -> None:
    """Script payloads in titles, texts, sources and URLs make no elements, handlers or script links."""
    html = render_html(hostile(), fragment=fragment)
    doc = _Doc(html)
    assert {t for t, _ in doc.elements} <= _ALLOWED_TAGS
    assert html.count("<script>") == 1
    for _tag, attrs in doc.elements:
        assert not [name for name in attrs if name.startswith("on")]
    for href in doc.hrefs:
        assert href.startswith(("#", "https://", "http://", "mailto:")), href
    for payload in PAYLOADS[:2] + PAYLOADS[3:]:
        assert payload not in html


def test_ids_get_the_prefix() -> None:
    """id_prefix starts every id, so two timelines can share a page."""
    doc = _Doc(render_html(small(), fragment=True, id_prefix="week3"))
    assert all(i.startswith("week3") for i in doc.ids)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"theme": "neon"}, "theme must be one of auto, light, dark, print; got 'neon'"),
    ({"id_prefix": "1 bad"}, "id_prefix must be letters, digits, '-' or '_' starting with a letter; got '1 bad'"),
    ({"id_prefix": "bad\n"}, "id_prefix must be letters, digits, '-' or '_' starting with a letter; got 'bad\\n'"),
])
def test_bad_options_raise_usage_error(kwargs: dict, message: str) -> None:
    """Bad options raise UsageError saying what was expected."""
    with pytest.raises(UsageError) as info:
        render_html(small(), **kwargs)
    assert str(info.value) == message


def test_include_context_false_drops_context_events() -> None:
    """Events tagged context leave the list (and the figure) when include_context=False."""
    tl = small().add_event("ctx", "Context event", "1955", tags=("context",))
    assert "tl-item-ctx" in render_html(tl)
    assert "tl-item-ctx" not in render_html(tl, include_context=False)


def test_user_template_overrides_a_block(tmp_path: Path) -> None:
    """A user page.html.j2 extending default/page.html.j2 replaces one block and keeps the rest."""
    (tmp_path / "page.html.j2").write_text(
        '{% extends "default/page.html.j2" %}\n'
        '{% block colophon %}<footer class="mine">Made for {{ title }}</footer>{% endblock %}\n'
        '{% block extra_styles %}.tl-root .mine { color: #333; }{% endblock %}\n',
        encoding="utf-8",
    )
    html = render_html(small(), templates=tmp_path)
    assert '<footer class="mine">Made for After Stalin</footer>' in html
    assert ".tl-root .mine { color: #333; }" in html
    assert 'role="doc-endnotes"' in html


def test_user_css_replaces_the_packaged_css(tmp_path: Path) -> None:
    """A timeline.css in the user's folder is used instead of the packaged one."""
    (tmp_path / "timeline.css").write_text(".tl-root { color: rebeccapurple; }\n", encoding="utf-8")
    html = render_html(small(), fragment=True, templates=tmp_path)
    assert "rebeccapurple" in html and "--tl-fg" not in html


def test_user_templates_are_autoescaped_and_strict(tmp_path: Path) -> None:
    """User .html.j2 templates escape data and fail loudly on unknown names."""
    (tmp_path / "page.html.j2").write_text("<h1>{{ title }}</h1>", encoding="utf-8")
    html = render_html(hostile(), templates=tmp_path)
    assert html == "<h1>Title &lt;script&gt;alert(1)&lt;/script&gt;</h1>"
    (tmp_path / "page.html.j2").write_text("{{ no_such_name }}", encoding="utf-8")
    import jinja2

    with pytest.raises(jinja2.UndefinedError):
        render_html(small(), templates=tmp_path)


def test_missing_template_folder_is_a_usage_error(tmp_path: Path) -> None:
    """templates= must name an existing folder."""
    with pytest.raises(UsageError, match="not a folder"):
        render_html(small(), templates=tmp_path / "nope")


def test_save_html_and_cli(tmp_path: Path) -> None:
    """Timeline.save_html and `timeline render --format html [--fragment]` write the same renderer's output."""
    tl = small()
    tl.save_html(tmp_path / "api.html")
    assert (tmp_path / "api.html").read_text(encoding="utf-8") == render_html(tl)
    src = tmp_path / "events.toml"
    from browser.fixture import SMALL_TOML

    src.write_text(SMALL_TOML, encoding="utf-8")
    assert main(["render", str(src), "--format", "html", "-o", str(tmp_path / "page.html")]) == 0
    assert main(["render", str(src), "--format", "html", "--fragment", "-o", str(tmp_path / "frag.html")]) == 0
    assert (tmp_path / "page.html").read_text(encoding="utf-8") == render_html(timeline.load(src))
    assert (tmp_path / "frag.html").read_text(encoding="utf-8").startswith("<figure")


def test_page_does_not_repeat_the_title_in_the_chart() -> None:
    """The page's own <h1> is the only visible title; the chart keeps its accessible <title>."""
    import xml.etree.ElementTree as ET

    from timeline.render.html import render_html as render

    page = render(timeline.loads('[timeline]\ntitle = "Only Once"\n[[events]]\nid = "e"\ntitle = "E"\nwhen = "1953"\n'))
    svg = page[page.index("<svg"):page.index("</svg>") + 6]
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    visible = [t for t in root.iter(f"{ns}text") if "Only Once" in "".join(t.itertext())]
    assert visible == []
    assert "Only Once" in root.find(f"{ns}title").text


@pytest.mark.parametrize(
    ("text", "calendar", "value"),
    [
        ("5 March 1953, 21:50", "gregorian", "1953-03-05T21:50"),
        ("1985-04-12T23:20:30Z", "gregorian", "1985-04-12T23:20:30Z"),
        ("2004-01-01T10:10:10+05:00", "gregorian", "2004-01-01T10:10:10+05:00"),
        ("2004-06-11T24:00:00", "gregorian", "2004-06-11"),
        ("1917-10-25", "julian", "1917-11-07"),
        ("1917-10", "julian", None),
        ("44 BC", "gregorian", None),
    ],
)
def test_time_datetime_attribute_in_any_era(text, calendar, value):
    """<time datetime> holds times of day, Julian days as their Gregorian day, and nothing before 1 CE."""
    from timeline.render.html import datetime_value

    assert datetime_value(timeline.parse_date(text, calendar=calendar)) == value
