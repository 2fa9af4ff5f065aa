"""EasyTimeline (MediaWiki): PlotData bars and at: events, read only."""

from __future__ import annotations

import pytest

from conftest import SHARED_CORPUS, require
from timeline.io import read, read_text
from timeline.io.common import ReadOptions
from timeline.io.easytimeline import read_easytimeline_text

CORPUS = SHARED_CORPUS / "easytimeline"

SAMPLE = """ImageSize  = width:160 height:550
DateFormat = yyyy
Period     = from:1919 till:1991
TimeAxis   = orientation:vertical

BarData =
  bar:leaders text:"Soviet leaders"

PlotData=
  color:red width:25 mark:(line,white) align:left fontsize:S
  bar:leaders
  from:start till:1922 shift:(,15)   text:Vladimir~Ilyich~[[Lenin]]
  from:1922  till:1953 shift:(,5)    text:[[Stalin|Josef~Stalin]]
  at:1956 text:"[[http://en.wikipedia.org/wiki/Speech][Secret Speech]]"
  from:1985  till:end  text:Mikhail~[[Gorbachev]]
"""


def et(text: str, **kw):
    """Read an EasyTimeline script named t.txt."""
    return read_easytimeline_text(text, "t.txt", ReadOptions(**kw))


def test_bars_and_points() -> None:
    """from/till periods and at: points become events in their bar's lane; start/end are the Period's ends."""
    result = et(SAMPLE)
    tl = result.timeline
    assert [(e.title, e.when.edtf, e.lane) for e in tl.events] == [
        ("Vladimir Ilyich Lenin", "1919/1922", "soviet-leaders"), ("Josef Stalin", "1922/1953", "soviet-leaders"),
        ("Secret Speech", "1956", "soviet-leaders"), ("Mikhail Gorbachev", "1985/1991", "soviet-leaders")]
    assert [ln.label for ln in tl.lanes] == ["Soviet leaders"]
    assert any(d.message == "drawing instructions not kept: ImageSize, TimeAxis" for d in result.diagnostics)


DATES = [
    ("DateFormat = yyyy\nPlotData=\n  bar:x\n  at:-1550 text:A\n", "-1549"),
    ("DateFormat = dd/mm/yyyy\nPlotData=\n  bar:x\n  at:05/03/1953 text:A\n", "1953-03-05"),
    ("DateFormat = mm/dd/yyyy\nPlotData=\n  bar:x\n  at:03/05/1953 text:A\n", "1953-03-05"),
    ("DateFormat = yyyy\nPlotData=\n  bar:x\n  at:1983.83 text:A\n", "1983"),
]


@pytest.mark.parametrize(("text", "edtf"), DATES)
def test_dates(text: str, edtf: str) -> None:
    """DateFormat decides; -1550 is 1550 BC as EasyTimeline counts it; a decimal year keeps its year only."""
    result = et(text)
    assert result.timeline.events[0].when.edtf == edtf


ERRORS = [
    ("DateFormat = x.y\nPeriod = from:0 till:18\nPlotData=\n  at:3 text:A\n",
     ["t.txt:1:1: error: DateFormat x.y plots numbers, not dates: this chart is not a timeline"]),
    ("DateFormat = yyyy\nPlotData=\n  bar:x\n  from:$a till:1900 text:A\n",
     ["t.txt:4:3: error: date '$a' is not defined: no 'Define $a = ...' comes before this line"]),
    ("DateFormat = yyyy\nPlotData=\n  bar:x\n  from:1900 text:A\n", ["t.txt:4:3: error: 'from:' needs a 'till:'"]),
    ("DateFormat = dd/mm/yyyy\nPlotData=\n  bar:x\n  at:1953 text:A\n",
     ["t.txt:4:3: error: date '1953' does not follow DateFormat dd/mm/yyyy"]),
]


@pytest.mark.parametrize(("text", "expected"), ERRORS)
def test_errors(text: str, expected: list[str]) -> None:
    """What cannot be read as dates is refused at its line and column."""
    result = et(text)
    assert result.timeline is None
    assert [d.format().split("\n")[0] for d in result.diagnostics if d.is_error] == expected


def test_sniffed_without_a_suffix() -> None:
    """read_text recognises an EasyTimeline script by its PlotData and DateFormat/Period lines."""
    assert read_text(SAMPLE).timeline.events[0].title == "Vladimir Ilyich Lenin"


CORPUS_FACTS = [
    ("easytimeline-docker--mnt--sample.txt", 7, 0),
    ("foswiki-EasyTimelinePlugin--01-icelandic-heritage.txt", 5, 0),
    ("foswiki-EasyTimelinePlugin--03-windows-versions.txt", 28, 0),
    ("foswiki-EasyTimelinePlugin--04-binary-logic.txt", None, 1),
    ("foswiki-EasyTimelinePlugin--05-unix-versions.txt", 100, 0),
    ("foswiki-EasyTimelinePlugin--06-new-kingdom.txt", 35, 0),
    ("foswiki-EasyTimelinePlugin--07-freeciv.txt", 14, 0),
    ("foswiki-EasyTimelinePlugin--09-ottoman-conquests.txt", 22, 0),
]


@pytest.mark.parametrize(("name", "events", "errors"), CORPUS_FACTS)
def test_corpus(name: str, events: int | None, errors: int) -> None:
    """The EasyTimeline scripts of ../shared/corpus: timelines load, the x.y chart of numbers is refused."""
    path = CORPUS / name
    require(path.is_file(), f"{path} not found (../shared/corpus)")
    result = read(path, format="easytimeline")
    assert sum(d.is_error for d in result.diagnostics) == errors
    assert (len(result.timeline.events) if result.timeline else None) == events


def test_new_kingdom_is_bce() -> None:
    """The New Kingdom chart's -1550 is 1550 BC: Ahmose I reigns 1550–1525 BCE."""
    path = CORPUS / "foswiki-EasyTimelinePlugin--06-new-kingdom.txt"
    require(path.is_file(), f"{path} not found (../shared/corpus)")
    ahmose = next(e for e in read(path, format="easytimeline").timeline.events if e.title == "Ahmose I")
    assert ahmose.when.display() == "1550–1525 BCE"
