"""vis-timeline items and groups: JSON and page literals in, the same shape out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SHARED_CORPUS, require
from timeline import Source, Timeline
from timeline.io import read, read_text
from timeline.io.common import ReadOptions
from timeline.io.jsliteral import JsDate, JsSyntaxError, parse_literals
from timeline.io.vis import read_vis_text
from timeline.io.viswrite import vis_text

CORPUS = SHARED_CORPUS / "vis-timeline"


def vis(data, **kw):
    """Read vis data (a Python value dumped to JSON, or literal text) named t.json."""
    text = data if isinstance(data, str) else json.dumps(data)
    return read_vis_text(text, "t.json", ReadOptions(**kw))


def errors(result) -> list[str]:
    """Every error's first line."""
    return [d.format().split("\n")[0] for d in result.diagnostics if d.is_error]


DATES = [
    ("2014-04-20", "2014-04-20"), ("2014-04", "2014-04"), ("2014", "2014"),
    ("2014-01-01T01:00:00", "2014-01-01T01:00:00"), ("2014-01-01 01:00", "2014-01-01T01:00"),
    ("2014-01-01T01:00:00Z", "2014-01-01T01:00:00Z"), ("-000043-03-15", "-0043-03-15"),
    (0, "1970-01-01T00:00:00Z"), (JsDate((1939, 8, 1)), "1939-09-01"), (JsDate((1939, 8)), "1939-09"),
    (JsDate((1969, 6, 20, 20, 17)), "1969-07-20T20:17"), (JsDate(("2014-04-20",)), "2014-04-20"),
]


@pytest.mark.parametrize(("value", "edtf"), DATES)
def test_dates(value, edtf: str) -> None:
    """ISO strings keep their precision and time; numbers are UTC milliseconds; new Date counts months from 0."""
    from timeline.io.common import Collector
    from timeline.io.vis import _Reader

    assert _Reader("t", Collector()).date(value, "$") == edtf


def test_items_groups_background_and_classes() -> None:
    """Items become events, background items eras, groups lanes (nested: Parent / Child), classes tags."""
    data = {"items": [
        {"id": 1, "content": "item 1<br>start", "start": "2014-01-23", "group": 11, "className": "war big",
         "title": "A <b>tooltip</b>"},
        {"id": "r", "content": "range", "start": "2014-01-19", "end": "2014-01-24", "type": "range", "group": 2},
        {"id": "A", "content": "Period A", "start": "2014-01-16", "end": "2014-01-22", "type": "background"},
    ], "groups": [{"id": 1, "content": "Lee", "nestedGroups": [11]}, {"id": 2, "content": "John"},
                  {"id": 11, "content": "cook"}]}
    tl = vis(data).timeline
    assert [(e.id, e.title, e.when.edtf, e.lane, e.tags, e.text) for e in tl.events] == [
        ("1", "item 1 start", "2014-01-23", "lee-cook", ("war", "big"), "A **tooltip**"),
        ("r", "range", "2014-01-19/2014-01-24", "john", (), "")]
    assert [(ln.id, ln.label) for ln in tl.lanes] == [("john", "John"), ("lee-cook", "Lee / cook")]
    assert [(e.id, e.label, e.when.edtf) for e in tl.eras] == [("A", "Period A", "2014-01-16/2014-01-22")]


def test_page_literals() -> None:
    """The literals of a page's script: bare keys, single quotes, comments, trailing commas, two arrays."""
    text = ("// items\n[\n  {id: 'A', content: 'Period', start: '2014-01-16', end: '2014-01-22', type: 'background'},\n"
            "  {id: 1, content: 'item 1', start: new Date(2014, 0, 23), group: 1}, // one\n]\n"
            "/* groups */ [{id: 1, content: 'Group 1'},]\n")
    tl = vis(text).timeline
    assert [(e.id, e.when.edtf, e.lane) for e in tl.events] == [("1", "2014-01-23", "group-1")]
    assert parse_literals("[1, 'a\\'b', {k: null,}]") == [[1, "a'b", {"k": None}]]


ERRORS = [
    ([{"id": 1, "content": "x"}, {"id": 2, "start": "2014"}],
     ["t.json:1:2:$[0]: error: this item has no 'start', so it cannot be placed in time"]),
    ([{"id": 1, "start": "someday"}],
     ["t.json:1:21:$[0].start: error: cannot read the date 'someday': unknown month 'someday' (did you mean 'May'?)"]),
    ([{"id": "A", "start": "2014", "type": "background"}],
     ["t.json:1:2:$[0]: error: a background item needs a 'start' and a different 'end' to become an era"]),
    ({"format": "x"}, ["t.json:1:1:$: error: expected an array of items, or an object with 'items' (and 'groups')"]),
]


@pytest.mark.parametrize(("data", "expected"), ERRORS)
def test_errors(data, expected: list[str]) -> None:
    """Bad items are errors at their JSON path, with line and column for JSON."""
    assert errors(vis(data)) == expected


def test_code_is_refused_not_run() -> None:
    """A literal with code in it is refused with its line and column."""
    result = vis("[{start: new Date(), content: foo()}]")
    assert result.timeline is None
    assert errors(result)[0].startswith("t.json:1:")
    with pytest.raises(JsSyntaxError):
        parse_literals("[window.alert(1)]")


def test_skip_invalid() -> None:
    """--skip-invalid leaves out the bad items with a warning each."""
    result = vis([{"id": 1, "start": "2014", "content": "ok"}, {"id": 2, "content": "no start"}], skip_invalid=True)
    assert [e.id for e in result.timeline.events] == ["1"]
    assert any(d.message.startswith("item skipped (--skip-invalid)") for d in result.diagnostics)


def test_writer_round_trip_and_warnings() -> None:
    """Our timeline -> vis JSON -> timeline keeps ids, dates, times, lanes, tags, eras; losses are warned."""
    tl = (Timeline(title="T").add_source(Source(id="s", title="S")).add_lane("pol", "Politics")
          .add_event("a", "Exact <day>", "1953-03-05", lane="pol", tags=("war",), text="Some *text*")
          .add_event("b", "Caesar", "-0043-03-15").add_event("c", "Landing", "1969-07-20T20:17")
          .add_event("d", "Approximate", "c. 1930").add_era("w", "War", "1941/1945"))
    text, diags = vis_text(tl, "out.json")
    data = json.loads(text)
    assert data["groups"] == [{"id": "pol", "content": "Politics"}]
    items = {i["id"]: i for i in data["items"]}
    assert items["a"] == {"id": "a", "content": "Exact &lt;day&gt;", "start": "1953-03-05", "type": "point",
                          "group": "pol", "className": "war", "title": "Some <em>text</em>"}
    assert items["b"]["start"] == "-000043-03-15" and items["c"]["start"] == "1969-07-20T20:17"
    assert items["w"] == {"id": "w", "content": "War", "start": "1941", "end": "1945", "type": "background"}
    assert [d.message for d in diags] == [
        "vis-timeline cannot carry this over: approximate, uncertain, bounded, seasonal and decade dates became the "
        "plain range they cover, with a 'Date:' line in the tooltip (d)",
        "vis-timeline cannot carry this over: the title, subtitle, description and sources are not kept (vis-timeline data "
        "holds items and groups) (timeline)"]
    back = read_text(text, name="x.json").timeline
    got = {e.id: (e.title, e.when.edtf, e.tags) for e in back.events}
    assert got["a"] == ("Exact <day>", "1953-03-05", ("war",)) and got["b"][1] == "-0043-03-15"
    assert got["c"][1] == "1969-07-20T20:17" and [e.id for e in back.eras] == ["w"]


CORPUS_FACTS = [
    ("examples--timeline--basicUsage.data.js", 6, 0),
    ("examples--timeline--dataHandling--dataSerialization.data.js", 6, 0),
    ("examples--timeline--groups--nestedGroups.data.js", 0, 0),
    ("examples--timeline--items--backgroundAreas.data.js", 6, 2),
    ("examples--timeline--items--backgroundAreasWithGroups.data.js", 6, 4),
    ("examples--timeline--items--pointItems.data.js", 20, 0),
    ("examples--timeline--resources--data--basic.json", 6, 0),
]


@pytest.mark.parametrize(("name", "events", "eras"), CORPUS_FACTS)
def test_corpus(name: str, events: int, eras: int) -> None:
    """vis-timeline's own examples load (by suffix and content) and come back the same from our writer."""
    path = CORPUS / name
    require(path.is_file(), f"{path} not found (../shared/corpus)")
    result = read(path)
    assert not [d for d in result.diagnostics if d.is_error]
    tl = result.timeline
    assert (len(tl.events), len(tl.eras)) == (events, eras)
    back = read_vis_text(vis_text(tl)[0]).timeline
    key = lambda items: sorted(items, key=lambda e: e.id)  # noqa: E731
    assert (key(back.events), key(back.eras), back.lanes) == (key(tl.events), key(tl.eras), tl.lanes)


def test_point_items_count_months_from_zero() -> None:
    """new Date(1939, 8, 1) in vis-timeline's WW2 example is 1 September 1939."""
    path = CORPUS / "examples--timeline--items--pointItems.data.js"
    require(path.is_file(), f"{path} not found (../shared/corpus)")
    first = read(path).timeline.events[0]
    assert (first.title, first.when.edtf) == ("German Invasion of Poland", "1939-09-01")


def test_links_in_content_are_kept_in_the_text() -> None:
    """A link in an item's content: the title is its plain text, and the link itself goes into the event's text."""
    tl = vis([{"id": 1, "start": "2014", "content": 'See <a href="https://e.org/x">the report</a>'}]).timeline
    assert (tl.events[0].title, tl.events[0].text) == ("See the report", "See [the report](https://e.org/x)")
