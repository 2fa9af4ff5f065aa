"""Mermaid timeline diagrams: periods that are dates become events, label-only periods are refused per line."""

from __future__ import annotations

from pathlib import Path

import pytest

import timeline
from conftest import SHARED_CORPUS, require
from timeline import Citation, Source, Timeline
from timeline.io import read
from timeline.io.common import ReadOptions
from timeline.io.mermaid import mermaid_text, read_mermaid_text

CORPUS = SHARED_CORPUS / "mermaid"


def mmd(text: str, **kw):
    """Read a diagram named t.mmd."""
    return read_mermaid_text(text, "t.mmd", ReadOptions(**kw))


def errors(result) -> list[str]:
    """Every error's first line."""
    return [d.format().split("\n")[0] for d in result.diagnostics if d.is_error]


def test_periods_entries_and_sections() -> None:
    """Each entry is an event dated by its period; ':' lines add to the period above; sections are lanes."""
    result = mmd("timeline\n    title Social media\n    section Early\n    2002 : LinkedIn\n    2004 : Facebook : Google\n"
                 "         : MySpace\n    section Late\n    2006 : Twitter\n")
    tl = result.timeline
    assert tl.title == "Social media"
    assert [(e.title, e.when.edtf, e.lane) for e in tl.events] == [
        ("LinkedIn", "2002", "early"), ("Facebook", "2004", "early"), ("Google", "2004", "early"),
        ("MySpace", "2004", "early"), ("Twitter", "2006", "late")]
    assert [(ln.id, ln.label) for ln in tl.lanes] == [("early", "Early"), ("late", "Late")]


PERIODS = [
    ("2002", "2002"), ("7600 BC", "-7599"), ("March 1953", "1953-03"), ("5 March 1953", "1953-03-05"),
    ("1939–1945", "1939/1945"), ("c. 1930", "1930~"),
]


@pytest.mark.parametrize(("period", "edtf"), PERIODS)
def test_period_dates(period: str, edtf: str) -> None:
    """A period is read with our date parser: years, BCE, months, days, ranges, approximate dates."""
    assert mmd(f"timeline\n  {period} : X\n").timeline.events[0].when.edtf == edtf


def test_entries_decode_br_and_entity_codes() -> None:
    """<br> becomes a space in a title; #58; and friends become their characters."""
    tl = mmd("timeline\n  2004 : Steam <br>power : Ratio 1#58;2 #38; more\n").timeline
    assert [e.title for e in tl.events] == ["Steam power", "Ratio 1:2 & more"]


ERRORS = [
    ("timeline\n    Industry 1.0 : Machinery\n",
     ["t.mmd:2:5: error: the period 'Industry 1.0' is a label, not a date: Mermaid draws it in file order, but a "
      "timeline needs a date (unknown word 'Industry')"]),
    ("timeline\n  Bullet 1 : a\n    : b\n",
     ["t.mmd:2:3: error: the period 'Bullet 1' is a label, not a date: Mermaid draws it in file order, but a "
      "timeline needs a date (unknown word 'Bullet')",
      "t.mmd:3:5: error: these entries belong to the period on line 2, which has no date"]),
    ("timeline\n  : orphan\n", ["t.mmd:2:3: error: this ':' line adds events to the period above, and there is none"]),
    ("graph TD\n  A --> B\n", ["t.mmd:1:1: error: expected the diagram to start with 'timeline', got 'graph TD'"]),
]


@pytest.mark.parametrize(("text", "expected"), ERRORS)
def test_refusals(text: str, expected: list[str]) -> None:
    """Label-only periods and other diagrams are refused with the line and column."""
    result = mmd(text)
    assert result.timeline is None and errors(result) == expected


def test_skip_invalid_keeps_dated_periods() -> None:
    """--skip-invalid: label-only periods are skipped with a warning each; dated ones load."""
    result = mmd("timeline\n  Industry 1.0 : Steam\n  1760 : Spinning jenny\n", skip_invalid=True)
    assert [e.title for e in result.timeline.events] == ["Spinning jenny"]
    assert [d.line for d in result.diagnostics if d.message.startswith("line skipped")] == [2]


def test_writer() -> None:
    """Lanes become sections, one period line per date in time order; what a diagram cannot hold is warned."""
    tl = (Timeline(title="T: a test").add_source(Source(id="s", title="S")).add_lane("p", "Politics")
          .add_event("b", "Second: same day", "5 March 1953", lane="p")
          .add_event("a", "Stalin dies", "5 March 1953", lane="p", citations=[Citation("s")], text="More")
          .add_event("c", "Earlier", "c. 1930"))
    text, diags = mermaid_text(tl, "out.mmd")
    assert text == ("timeline\n    title T#58; a test\n    c. 1930 : Earlier\n    section Politics\n"
                    "        5 March 1953 : Second#58; same day : Stalin dies\n")
    assert [d.message for d in diags] == [
        "Mermaid cannot carry this over: texts, notes, claims, media and display dates are not kept (a diagram "
        "shows titles) (a)",
        "Mermaid cannot carry this over: citations are not kept (a diagram has no sources) (a)"]
    back = read_mermaid_text(text).timeline
    assert [(e.title, e.when.edtf) for e in back.events] == [
        ("Earlier", "1930~"), ("Second: same day", "1953-03-05"), ("Stalin dies", "1953-03-05")]
    assert back.title == "T: a test"


def test_suffix_and_sniffing(tmp_path: Path) -> None:
    """A .mmd file is Mermaid; loads() recognises a timeline diagram by content."""
    path = tmp_path / "d.mmd"
    path.write_text("timeline\n  2002 : LinkedIn\n", encoding="utf-8")
    assert read(path).timeline.events[0].title == "LinkedIn"
    assert timeline.loads("%% a comment\ntimeline\n  2002 : LinkedIn\n").events[0].title == "LinkedIn"


CORPUS_FACTS = [
    ("cypress--timeline.spec--04-init-directive.mmd", 5, 0),
    ("docs--syntax--timeline--01-social-media.mmd", 5, 0),
    ("docs--syntax--timeline--02-social-media-inline.mmd", 5, 0),
    ("docs--syntax--timeline--03-industrial-revolution.mmd", 0, 5),
    ("docs--syntax--timeline--04-england-history.mmd", 6, 0),
    ("docs--syntax--timeline--05-mermaidchart-2023.mmd", 0, 6),
    ("docs--syntax--timeline--06-mermaidchart-2023-TD.mmd", 0, 4),
    ("docs--syntax--timeline--07-social-media-indented.mmd", 5, 0),
    ("docs--syntax--timeline--08-social-media-config-frontmatter.mmd", 5, 0),
]


@pytest.mark.parametrize(("name", "events", "refused"), CORPUS_FACTS)
def test_corpus(name: str, events: int, refused: int, tmp_path: Path) -> None:
    """The Mermaid docs' diagrams: dated ones load and round-trip, label-only periods are refused per line."""
    path = CORPUS / name
    require(path.is_file(), f"{path} not found (../shared/corpus)")
    assert sum(d.is_error for d in read(path).diagnostics) == refused
    tl = read(path, skip_invalid=True).timeline
    assert len(tl.events) == events
    if events:
        back = read_mermaid_text(mermaid_text(tl)[0]).timeline
        assert sorted((e.title, e.when.edtf, e.lane) for e in back.events) == sorted(
            (e.title, e.when.edtf, e.lane) for e in tl.events)
