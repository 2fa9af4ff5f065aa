"""Markwhen: dates and ranges resolved into EDTF, sections as lanes, refusals per line, writing back."""

from __future__ import annotations

from pathlib import Path

import pytest

import timeline
from conftest import SHARED_CORPUS, require
from timeline import Citation, Source, Timeline
from timeline.io import read, read_text, write_text
from timeline.io.common import ReadOptions
from timeline.io.markwhen import markwhen_text, read_markwhen_text

CORPUS = SHARED_CORPUS / "markwhen"


def mw(text: str, **kw):
    """Read Markwhen text named t.mw."""
    return read_markwhen_text(text, "t.mw", ReadOptions(**kw))


def errors(result) -> list[str]:
    """Every error's first line."""
    return [d.format().split("\n")[0] for d in result.diagnostics if d.is_error]


DATES = [
    ("2023: A", "2023"),
    ("2023-01: A", "2023-01"),
    ("2023-01-03: A", "2023-01-03"),
    ("12/25/2022: A", "2022-12-25"),
    ("02/2023: A", "2023-02"),
    ("Dec 29 2029: A", "2029-12-29"),
    ("July 13, 2022: A", "2022-07-13"),
    ("2025-08-03 10am: A", "2025-08-03T10:00"),
    ("2025-06-09 6:40pm: A", "2025-06-09T18:40"),
    ("2021 - 2023: A", "2021/2023"),
    ("2026 / 2027: A", "2026/2027"),
    ("2012-2013: A", "2012/2013"),
    ("08/2008-05/2012: A", "2008-08/2012-05"),
    ("2023-01/2023-03: A", "2023-01/2023-03"),
    ("2023-04/4 months: A", "2023-04/2023-07"),
    ("03/2023 - 1 year: A", "2023-03/2024-02"),
    ("2018 - 3 years: A", "2018/2020"),
    ("01/01/2023 - 2 weeks: A", "2023-01-01/2023-01-14"),
    ("2019-01-01/now: A", "2019-01-01/.."),
    ("dec 2 1989 - now: A", "1989-12-02/.."),
    ("2025 until 2026: A", "2025/2026"),
    ("44 BC: A", "-0043"),
    ("2025-01-06 - 5 week days: A", "2025-01-06/2025-01-10"),
]


@pytest.mark.parametrize(("line", "edtf"), DATES)
def test_dates(line: str, edtf: str) -> None:
    """Markwhen's dates, ranges and durations become EDTF at the precision written."""
    result = mw(line)
    assert errors(result) == []
    assert result.timeline.events[0].when.edtf == edtf


def test_day_first_date_format() -> None:
    """dateFormat: d/M/y makes slashed dates day-first."""
    result = mw("dateFormat: d/M/y\n\n01/02/2023 - 14/02/2023: Phase 1\n")
    assert result.timeline.events[0].when.edtf == "2023-02-01/2023-02-14"


def test_relative_dates_resolve() -> None:
    """Durations after the previous event, after/before !id and !a / !b become dates."""
    text = """01/01/2023 - 2 weeks: Phase 1
id: Phase1
2 weeks: Phase 2
1 week - 3 days: Kickoff
after !Phase1 1 month: Phase 3
before !Christmas 1 month: Buy presents
2022-12-25: Christmas !Christmas
2023-03-01: School !school
2023-05-01: Break !break
!school / !break: Between
!Phase1.start / !Phase1.end: Same as phase 1
"""
    events = {e.title: e.when.edtf for e in mw(text).timeline.events}
    assert events == {
        "Phase 1": "2023-01-01/2023-01-14", "Phase 2": "2023-01-15/2023-01-28", "Kickoff": "2023-02-05/2023-02-07",
        "Phase 3": "2023-01-15/2023-02-14", "Buy presents": "2022-11-25/2022-12-24", "Christmas": "2022-12-25",
        "School": "2023-03-01", "Break": "2023-05-01", "Between": "2023-03-02/2023-04-30",
        "Same as phase 1": "2023-01-01/2023-01-14",
    }


def test_sections_groups_tags_ids_properties_text() -> None:
    """Sections and groups become lanes (nested: Outer / Inner); tags, id, properties and text are kept."""
    text = """---
title: Projects
description: The plan
#Work: blue
---

section All Projects
group Project 1 #Work
2023-01/2023-03: Sub task #John
id: sub1
riders: [Tom, Jerry]

More info
- [ ] a task
#Extra
endGroup
endSection

# The 90s
1991: Desert Storm
## Late
1998: Finale
"""
    result = mw(text)
    tl = result.timeline
    assert (tl.title, tl.description) == ("Projects", "The plan")
    assert [(ln.id, ln.label) for ln in tl.lanes] == [
        ("all-projects-project-1", "All Projects / Project 1"), ("the-90s", "The 90s"), ("the-90s-late", "The 90s / Late")]
    first = tl.event("sub1")
    assert (first.title, first.tags, first.note, first.text) == (
        "Sub task", ("John", "Extra"), "riders: [Tom, Jerry]", "More info\n- [ ] a task")
    assert [e.lane for e in tl.events] == ["all-projects-project-1", "the-90s", "the-90s-late"]
    assert any("header entries not kept" in d.message and "#Work" in d.message for d in result.diagnostics)


REFUSED = [
    ("2023-01-03 every other week for 1 year: Meeting",
     "t.mw:1:1: error: '2023-01-03 every other week for 1 year' repeats (recurrence); a timeline of history needs "
     "each occurrence as its own event"),
    ("2022-08-07 every 12 months x30: E",
     "t.mw:1:1: error: '2022-08-07 every 12 months x30' repeats (recurrence); a timeline of history needs each "
     "occurrence as its own event"),
    ("now: Things to do", "t.mw:1:1: error: 'now' is the moment the file is read, not a historical date; give the date"),
    ("next week: Plan", "t.mw:1:1: error: 'next week' is relative to today, not a historical date; give the date"),
    ("  2 weeks: First", "t.mw:1:3: error: '2 weeks' counts from the previous event, and there is none before it"),
    ("2022-12-25: X\nby !Chistmas 1 day: Y", "t.mw:2:1: error: no event has the id 'Chistmas'"),
    ("2022-12-25: X !Christmas\nbefore !Christmas: Y",
     "t.mw:2:1: error: 'before !Christmas' says when it starts or ends but not how long it lasts; add a length such "
     "as '1 week'"),
    ("2023 - 2021: Backwards", "t.mw:1:1: error: '2023 - 2021' ends before it starts"),
]


@pytest.mark.parametrize(("text", "message"), REFUSED)
def test_refusals_per_line(text: str, message: str) -> None:
    """What cannot be a historical date is an error at its line and column, with the reason."""
    result = mw(text)
    assert result.timeline is None
    assert errors(result) == [message]


def test_did_you_mean_an_id() -> None:
    """An unknown !id suggests the closest one."""
    result = mw("2022-12-25: Christmas !Christmas\nby !Chistmas 1 day: Y")
    assert errors(result) == ["t.mw:2:1: error: no event has the id 'Chistmas' (did you mean 'Christmas'?)"]


def test_skip_invalid_keeps_the_rest() -> None:
    """--skip-invalid: the refused lines are warnings at their place; the other events load."""
    result = mw("2020: Kept\nnow: Dropped\n2021 every year: Dropped too\n", skip_invalid=True)
    assert [e.title for e in result.timeline.events] == ["Kept"]
    skipped = [d.location() for d in result.diagnostics if d.message.startswith("line skipped (--skip-invalid):")]
    assert skipped == ["t.mw:2:1", "t.mw:3:1"]


def test_suffix_and_sniffing(tmp_path: Path) -> None:
    """A .mw file is Markwhen; loads() recognises Markwhen text by content."""
    path = tmp_path / "plan.mw"
    path.write_text("title: Plan\n\n2020: Pandemic\n", encoding="utf-8")
    assert read(path).timeline.title == "Plan"
    assert timeline.loads("title: Plan\n\n2020-03-11: Pandemic declared\n").events[0].when.edtf == "2020-03-11"


# -- writing --------------------------------------------------------------------------------


def _ours() -> Timeline:
    return (Timeline(title="T", description="About")
            .add_source(Source(id="s", title="A Book"))
            .add_lane("pol", "Politics")
            .add_event("a", "Exact", "1953-03-05", lane="pol", tags=("war",), text="Line one\nLine two",
                       citations=[Citation("s", "p. 3")])
            .add_event("b", "Approximate", "c. 1930")
            .add_event("c", "Caesar", "44 BC")
            .add_event("d", "Ongoing", "2019/..")
            .add_event("e", "Landing", "1969-07-20T20:17"))


def test_writer_output_and_warnings() -> None:
    """Exact dates are written as Markwhen reads them; the rest as plain ranges, with a Date: line and a warning."""
    text, diags = markwhen_text(_ours(), "out.mw")
    assert "# Politics\n\n1953-03-05: Exact #war\nid: a\n\n  Line one\n  Line two\n  Sources: A Book, p. 3.\n" in text
    assert "1930: Approximate\nid: b\n\n  Date: c. 1930 (EDTF 1930~).\n" in text
    assert "44 BC: Caesar\n" in text and "2019 - now: Ongoing\n" in text and "1969-07-20T20:17: Landing\n" in text
    assert [d.format() for d in diags] == [
        "out.mw: warning: Markwhen cannot carry this over: approximate, uncertain, bounded, seasonal, decade and "
        "early/mid/late dates became the plain range they cover, with a 'Date:' line keeping our wording (b)",
        "out.mw: warning: Markwhen cannot carry this over: citations became a 'Sources:' line in the text (Markwhen "
        "has no sources) (a)",
    ]


def test_round_trip_of_what_markwhen_holds() -> None:
    """Our timeline -> .mw -> timeline keeps ids, dates, lanes, tags and text of what Markwhen can hold."""
    tl = _ours()
    back = read_text(write_text(tl, "markwhen")[0], format="markwhen").timeline
    lanes = {lane.id: lane.label for lane in back.lanes}
    got = {e.id: (e.when.edtf, lanes.get(e.lane), e.tags, e.title) for e in back.events}
    assert got["a"] == ("1953-03-05", "Politics", ("war",), "Exact")  # a section has a label, no id
    assert got["c"][0] == "-0043" and got["d"][0] == "2019/.." and got["e"][0] == "1969-07-20T20:17"
    assert got["b"][0] == "1930"  # the plain range; the wording is in the text
    assert back.event("a").text == "Line one\nLine two\nSources: A Book, p. 3."


# -- the real files -----------------------------------------------------------------------


def corpus() -> list[Path]:
    return sorted(CORPUS.glob("*.mw")) if CORPUS.is_dir() else []


def test_corpus_is_there() -> None:
    """The Markwhen files from ../shared/corpus are present (or the tests below skip with a reason)."""
    require(CORPUS.is_dir(), f"Markwhen corpus not found at {CORPUS}")
    assert len(corpus()) == 13


@pytest.mark.parametrize("path", corpus(), ids=lambda p: p.name)
def test_corpus_reads_and_round_trips(path: Path, tmp_path: Path) -> None:
    """Each real file reads (refused lines skipped with a warning each) and comes back the same from our .mw."""
    first = timeline.load(path, skip_invalid=True)
    out = tmp_path / "back.mw"
    out.write_text(markwhen_text(first)[0], encoding="utf-8")
    again = timeline.load(out)
    key = lambda tl: sorted(tl.events, key=lambda e: e.id)  # noqa: E731
    assert (key(again), again.lanes, again.title, again.description) == (
        key(first), first.lanes, first.title, first.description)


CORPUS_FACTS = [
    ("markwhen--store--exampleTimeline.mw", 47, 0),
    ("docs--syntax--dates-and-ranges.mw", 43, 5),
    ("parser--tests--testStrings.mw", 37, 17),
    ("markwhen--src--exampleTimeline.mw", 8, 3),
]


@pytest.mark.parametrize(("name", "events", "refused"), CORPUS_FACTS)
def test_corpus_counts(name: str, events: int, refused: int) -> None:
    """The real files give these many events, and refuse these many lines (recurrence, now, a misspelt id)."""
    path = CORPUS / name
    require(path.is_file(), f"{path} not found")
    strict = read(path)
    assert sum(d.is_error for d in strict.diagnostics) == refused
    assert len(read(path, skip_invalid=True).timeline.events) == events


def test_links_in_titles() -> None:
    """A Markdown link in a title: the title keeps its text, and the link goes first in the event's text."""
    ev = mw("2018 - 2021: Worked at [Google](https://www.google.com) #Work\n").timeline.events[0]
    assert (ev.title, ev.text, ev.tags) == ("Worked at Google", "Worked at [Google](https://www.google.com)", ("Work",))


def test_bundled_timeline_goes_out_and_back() -> None:
    """The bundled timeline written as Markwhen reads back: every event, id and title, with no error."""
    tl = timeline.bundled()
    text, _ = markwhen_text(tl)
    back = read_markwhen_text(text, "b.mw")
    assert not [d for d in back.diagnostics if d.is_error]
    assert [(e.id, e.title) for e in sorted(back.timeline.events, key=lambda e: e.id)] == [
        (e.id, e.title) for e in sorted(tl.events, key=lambda e: e.id)]


def test_text_words_are_not_dates() -> None:
    """Text lines such as 'Sources: ... this ...' or 'note: ...' are never read as (refused) dates."""
    result = mw("2020: A\n\n  Sources: this book, last page: p. 3\n  Later, next week: more\n")
    assert errors(result) == [] and result.timeline.events[0].text == "Sources: this book, last page: p. 3\nLater, next week: more"


def test_a_line_whose_date_has_a_mistake_is_said_to_be_text() -> None:
    """'5 Jnu 1953: ...' is text in Markwhen (its date does not parse), but never silently: a warning at it."""
    text = "title: x\n\n2020: ok\n5 Jnu 1953: typo\n1953-13-01: bad month\n1,000 people: died\nNote: see 1953\n"
    result = read_text(text, format="markwhen", name="x.mw")
    warnings = [d.format().splitlines()[0] for d in result.diagnostics if "is read as text" in d.message]
    assert warnings == [
        "x.mw:4:1: warning: '5 Jnu 1953' is not a date (unknown month 'Jnu' (did you mean 'Jun'?)), so this line "
        "is read as text, not as an event",
        "x.mw:5:1: warning: '1953-13-01' is not a date (month 13 is out of range (01–12, or 21–24 for a season)), "
        "so this line is read as text, not as an event",
    ]
    assert [ev.title for ev in result.timeline.events] == ["ok"]


def test_descriptions_round_trip_without_a_warning() -> None:
    """The timeline's and each lane's description are written as YAML values Markwhen reads (the header's
    ``description:``, a section's ``description:`` property) and come back equal, with no warning about them."""
    tl = (Timeline(title="Stalin: a life", description="First paragraph.\n\nSecond: \"quoted\" # not a comment")
          .add_lane("pol", "Politics", description="About politics.\nA second line")
          .add_event("a", "A", "1953", lane="pol").add_event("b", "B", "1954"))
    text, losses = markwhen_text(tl, "out.mw")
    assert losses == []
    assert 'description: "First paragraph.\\n\\nSecond: \\"quoted\\" # not a comment"\n' in text
    assert '# Politics\ndescription: "About politics.\\nA second line"\n' in text
    result = read_text(text, format="markwhen", name="back.mw")
    assert [d.message for d in result.diagnostics if "no citation" not in d.message] == []
    back = result.timeline
    assert (back.title, back.description) == (tl.title, tl.description)
    assert [(lane.label, lane.description) for lane in back.lanes] == [("Politics", "About politics.\nA second line")]


@pytest.mark.parametrize("value", ["plain words", "a: b", "#hash", "null", "1953", " padded ", "it's \"x\" \\ y",
                                   "tab\there", "two\nlines", "ü ✓ 中文", "\x01 control", "ends with:", "a // b",
                                   "- dash", "'quoted'"])
def test_header_values_come_back_exactly(value: str) -> None:
    """A title or description YAML would read otherwise (a colon, a #, null, a number, quotes) is quoted."""
    tl = Timeline(title=value, description=value).add_event("a", "A", "1953")
    text, losses = markwhen_text(tl)
    back = read_text(text, format="markwhen").timeline
    assert (back.title, back.description) == (value, value)
    assert losses == []
