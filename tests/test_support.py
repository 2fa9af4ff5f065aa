"""An event's support (the strongest kind among its sources), its drawing, and the attribution lint."""

from __future__ import annotations

import json
import os
import re
import textwrap
from pathlib import Path

import pytest

import timeline
from timeline import Citation, Claim, Event, Source, SourceKind, Timeline, parse_date
from timeline.cli import main
from timeline.support import attribution_problem, is_attributed, support, weak_label, weak_only

GOLDEN = Path(__file__).parent / "golden"

SOURCES = {
    kind.value: Source(id=kind.value, title=kind.value.capitalize(), kind=kind) for kind in SourceKind
}


def _event(*source_ids: str, title: str = "90% freed", claims: tuple[Claim, ...] = ()) -> Event:
    return Event(id="e", title=title, when=parse_date("1953"), claims=claims,
                 citations=tuple(Citation(source=s, locator="p. 1") for s in source_ids))


@pytest.mark.parametrize("cited,expected,weak", [
    (("scholarly",), "scholarly", False),
    (("partisan", "primary"), "primary", False),
    (("primary", "scholarly"), "scholarly", False),      # scholarly and primary come first, in that order
    (("forum", "reference"), "reference", False),
    (("blog", "journalism"), "journalism", False),
    (("partisan",), "partisan", True),
    (("partisan", "forum"), "forum", True),
    (("partisan", "forum", "blog"), "blog", True),
    (("other",), "other", False),                         # unknown kind: never called weak
    (("partisan", "other"), "other", False),
    (("partisan", "undefined-id"), "other", False),       # a source that is not defined counts as unknown
    ((), None, False),
])
def test_support_is_the_strongest_kind(cited: tuple[str, ...], expected: str | None, weak: bool) -> None:
    """Support follows scholarly, primary, reference, journalism, (unknown), blog, forum, partisan."""
    ev = _event(*cited)
    kind = support(ev, SOURCES)
    assert (kind.value if kind else None) == expected
    assert weak_only(ev, SOURCES) is weak


def test_support_counts_the_claims_sources() -> None:
    """A claim's citations back the event too."""
    claim = Claim(about="why", statement="s", citations=(Citation(source="scholarly"),))
    assert support(_event("forum", claims=(claim,)), SOURCES) is SourceKind.SCHOLARLY


@pytest.mark.parametrize("title,attributed", [
    ("Polemical article: 90% of political prisoners freed before the Congress", True),
    ("Forum answer: ~2 million try to attend Stalin's burial", True),
    ("According to the forum answer, crime rose", True),
    ("90% of political prisoners freed before the Congress", False),
    ("Crime rises after the amnesty", False),
    ("Hungary:Khrushchev", False),  # a colon must be followed by a space and the claim
    (": no one", False),
])
def test_is_attributed(title: str, attributed: bool) -> None:
    """A title is attributed by a short "Who: " prefix or "According to"."""
    assert is_attributed(title) is attributed


@pytest.mark.parametrize("cited,label", [
    (("partisan",), "only a partisan source"),
    (("partisan", "forum"), "only forum and partisan sources"),
    (("blog", "partisan"), "only blog and partisan sources"),
])
def test_weak_label(cited: tuple[str, ...], label: str) -> None:
    """The badge says what a weak-only event rests on."""
    assert weak_label(_event(*cited), SOURCES) == label


LINT = textwrap.dedent('''\
    [sources.polemic]
    kind = "partisan"
    title = "[Beria carried out a large-scale amnesty, and Khrushchev freed mainly Banderites]"

    [sources.acritas]
    kind = "forum"
    author = ["Acritas"]

    [sources.tikhonov]
    kind = "scholarly"
    title = "The End of the Gulag"

    [[events]]
    id = "freed"
    title = "90% of political prisoners freed before the Congress"
    when = "[..1956]"
    citations = [{ source = "polemic", locator = "para. 15" }]

    [[events]]
    id = "crowds"
    title = "Crowds of ~2 million at Stalin's funeral"
    when = "1953"
    citations = [{ source = "acritas", locator = "para. 7" }, { source = "polemic", locator = "para. 4" }]

    [[events]]
    id = "attributed"
    title = "Forum answer: crime rises after the amnesty"
    when = "1953"
    citations = [{ source = "acritas", locator = "para. 10" }]

    [[events]]
    id = "strong"
    title = "Amnesty frees some 1.5 million in three months"
    when = "1953-03/1953-06"
    citations = [{ source = "tikhonov", locator = "p. [1]" }, { source = "polemic", locator = "para. 9" }]
    ''')

LINT_MESSAGES = [
    "w.toml:15:9: warning: title '90% of political prisoners freed before the Congress' states as fact what only "
    "a partisan source (polemic) says; attribute it, e.g. title = \"The partisan source: 90% of political prisoners freed "
    "before the Congress\"",
    "w.toml:21:9: warning: title 'Crowds of ~2 million at Stalin's funeral' states as fact what only forum and "
    "partisan sources (acritas, polemic) say; attribute it, e.g. title = \"Acritas: Crowds of ~2 million at "
    "Stalin's funeral\"",
]


def test_lint_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`timeline check` warns, at the title, about weak-only events stated as fact; --strict fails on them."""
    path = tmp_path / "w.toml"
    path.write_text(LINT, encoding="utf-8")
    assert main(["check", str(path)]) == 0
    err = capsys.readouterr().err
    got = [line.replace(str(tmp_path) + os.sep, "") for line in err.splitlines() if ": warning: " in line]
    assert got == LINT_MESSAGES
    assert main(["check", "--strict", str(path)]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == f"{path}: 2 error(s), 0 warning(s)"


def test_lint_in_every_reader() -> None:
    """The rule lives in the shared validation pass, so our JSON gets it too."""
    tl = timeline.loads(LINT)
    result = timeline.io.read_text(timeline.dumps(tl), format="json", name="w.json")
    warnings = [d.message for d in result.diagnostics]
    assert [m.split(" states ")[0] for m in warnings] == [
        "title '90% of political prisoners freed before the Congress'", "title 'Crowds of ~2 million at Stalin's funeral'"]


def test_bundled_data_is_clean_and_attributed() -> None:
    """Under the rule the bundled data has no warning, and every weak-only event names its source first."""
    tl = timeline.bundled()
    weak = [ev for ev in tl.events if weak_only(ev, tl.sources)]
    assert len(weak) >= 13
    assert all(attribution_problem(ev, tl.sources) is None for ev in tl.events)
    prefixes = {ev.title.split(": ", 1)[0] for ev in weak}
    assert prefixes <= {"Polemical article", "Forum answer", "Student blog"}, prefixes
    assert main(["check", "--strict"]) == 0


def test_json_exports_support() -> None:
    """Our JSON gives each event its support, whether it is weak-only, and what it disputes."""
    data = json.loads(timeline.dumps(timeline.loads(LINT)))
    got = {ev["id"]: (ev["support"], ev["weak_only"]) for ev in data["events"]}
    assert got == {"freed": ("partisan", True), "crowds": ("forum", True), "attributed": ("forum", True),
                   "strong": ("scholarly", False)}


def _drawn() -> Timeline:
    """One event of each mark kind backed only by a partisan source, beside strong and disputed ones."""
    cite = ({"source": "polemic", "locator": "para. 4"},)
    tl = timeline.loads(LINT.split("[[events]]")[0])
    tl = (tl.add_event("weak-day", "Polemical article: a day", "1953-03-05", citations=cite, lane="a")
            .add_event("weak-year", "Polemical article: a year", "1954", citations=cite, lane="a")
            .add_event("weak-range", "Polemical article: a range", "1951/1953", citations=cite, lane="b")
            .add_event("weak-bound", "Polemical article: by 1956", "[..1956]", citations=cite, lane="b")
            .add_event("weak-dispute", "Polemical article: two dates", "1955-03-01", lane="c", claims=[
                {"when": "1955-03-01", "citations": cite}, {"when": "1955-09", "citations": cite}])
            .add_event("strong", "Stalin dies", "1953-03-05", lane="c", claims=[
                {"about": "cause of death", "statement": "a stroke", "by": "TASS",
                 "citations": [{"source": "tikhonov", "locator": "p. [1]"}]},
                {"about": "cause of death", "statement": "poisoned", "by": "many Western historians",
                 "citations": [{"source": "tikhonov", "locator": "p. [2]"}]}]))
    return tl


@pytest.mark.parametrize("orientation", ["horizontal", "vertical"])
def test_weak_marks_golden(orientation: str) -> None:
    """Weak-only events get a dashed ring (every mark kind), a legend entry; statement disputes say "disputed"."""
    from test_svg import check_golden

    svg = timeline.render_svg(_drawn(), orientation=orientation)
    check_golden(f"support-{orientation}.svg", svg)
    groups = dict(re.findall(r'<g class="([^"]*)" data-event="([^"]+)"', svg)[::1])
    classes = {ev: cls for cls, ev in re.findall(r'<g class="([^"]*)" data-event="([^"]+)"', svg)}
    assert all("weak" in classes[e].split() for e in classes if e.startswith("weak-")), groups
    assert "weak" not in classes["strong"].split() and "contested" in classes["strong"].split()
    rings = re.findall(r'data-event="(weak-[a-z]+)".*?(?=<g class="event|</g></g>)', svg, re.S)
    assert len(rings) == 5
    assert svg.count('class="weak-ring"') >= 6  # five events, the dispute has two dots
    assert "only a partisan, forum or blog source" in svg
    assert ">5 Mar 1953 · disputed<" in svg


def test_html_marks_weak_entries() -> None:
    """The HTML list says what a weak-only entry rests on and carries data-support on every entry."""
    html = timeline.render_html(_drawn(), fragment=True)
    assert html.count('<span class="tl-badge tl-badge-weak">only a partisan source</span>') == 5
    assert 'data-event="strong" data-lane="c" data-tags="" data-support="scholarly"' in html
    assert html.count(" tl-weak\"") == 5
