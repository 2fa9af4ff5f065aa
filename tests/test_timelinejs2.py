"""TimelineJS 2 JSON (timeline.date[]), read through the same slide builder as TimelineJS 3."""

from __future__ import annotations

import json

import pytest

from conftest import SHARED_CORPUS, require
from timeline.io import read, read_text
from timeline.io.timelinejs.legacy import read_timelinejs2_text

LEGACY = SHARED_CORPUS / "timelinejs-legacy" / "arunslb123--Timeline.js-works--timelinejs.json"


def tjs2(*dates: dict, **head):
    """Read a TimelineJS 2 file with these date entries."""
    return read_timelinejs2_text(json.dumps({"timeline": {"headline": "H", "text": "T", **head, "date": list(dates)}}),
                                 "t.json")


DATES = [
    ("1963", "1963"), ("1963,8", "1963-08"), ("1963,8,9", "1963-08-09"), ("8/9/1963", "1963-08-09"),
    ("1969,7,20,20,17", "1969-07-20T20:17"), ("-44,3,15", "-0043-03-15"),
]


@pytest.mark.parametrize(("start", "edtf"), DATES)
def test_start_dates(start: str, edtf: str) -> None:
    """startDate "Y,M,D[,h,m,s]" or "M/D/Y" keeps the parts written; negative years are BCE, as in TimelineJS 3."""
    assert tjs2({"startDate": start, "headline": "A"}).timeline.events[0].when.edtf == edtf


def test_mapping() -> None:
    """headline/text are the title and description; entries map like TimelineJS 3 slides; era[] are eras."""
    result = tjs2({"startDate": "1963,8,9", "endDate": "1963,8,28", "headline": "March <i>on</i> Washington",
                   "text": "Over <b>200,000</b>", "tag": "Civil rights",
                   "asset": {"media": "https://e.org/a.jpg", "credit": "LOC", "caption": "The march"}},
                  era=[{"startDate": "1954", "endDate": "1968", "headline": "Movement"}])
    tl = result.timeline
    assert (tl.title, tl.description) == ("H", "T")
    ev = tl.events[0]
    assert (ev.title, ev.when.edtf, ev.text, ev.lane, ev.media.url, ev.media.credit) == (
        "March on Washington", "1963-08-09/1963-08-28", "Over **200,000**", "civil-rights", "https://e.org/a.jpg", "LOC")
    assert [(e.label, e.when.edtf) for e in tl.eras] == [("Movement", "1954/1968")]


def test_errors_and_skip_invalid() -> None:
    """An unreadable startDate is an error at its JSON path; --skip-invalid leaves that entry out with a warning."""
    bad = {"timeline": {"headline": "H", "date": [{"startDate": "soon", "headline": "A"},
                                                  {"startDate": "1963", "headline": "B"}]}}
    result = read_timelinejs2_text(json.dumps(bad), "t.json")
    assert [d.format().split("\n")[0] for d in result.diagnostics if d.is_error] == [
        "t.json:1:55:$.timeline.date[0].startDate: error: cannot read the TimelineJS 2 date 'soon'; expected "
        "'YYYY,MM,DD' (or 'MM/DD/YYYY', or a year)"]
    skipped = read_text(json.dumps(bad), name="t.json", skip_invalid=True)
    assert [e.title for e in skipped.timeline.events] == ["B"]


def test_sniffed_among_json_formats() -> None:
    """A .json holding timeline.date[] is read as TimelineJS 2, not refused as 'not a timeline JSON file'."""
    text = json.dumps({"timeline": {"headline": "H", "date": [{"startDate": "1963", "headline": "A"}]}})
    assert read_text(text, name="x.json").timeline.events[0].title == "A"


def test_corpus_file() -> None:
    """The TimelineJS 2 file in ../shared/corpus loads: 10 entries and an era, with their dates."""
    require(LEGACY.is_file(), f"{LEGACY} not found (../shared/corpus)")
    tl = read(LEGACY).timeline
    assert (tl.title, len(tl.events), len(tl.eras)) == ("A New Timeline", 10, 1)
    assert tl.events[0].when.edtf == "2015-05-12"
    assert tl.events[4].title == "Norman Lewis Sess.1 (Vocabulary Pre-Test)        0.5"
