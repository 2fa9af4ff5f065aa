"""Our simple CSV: date, end, title, text, lane, tags, source, locator, quote."""

from __future__ import annotations

import pytest

from timeline import Citation, Source, Timeline
from timeline.io.csvfmt import csv_text, read_csv_text


def read(*rows: str, header: str = "date,end,title,text,lane,tags,source,locator,quote", **kw):
    """Read a CSV made of a header and rows."""
    return read_csv_text("\n".join([header, *rows]) + "\n", "t.csv", **kw)


def errors(result) -> list[str]:
    """Every error's first line."""
    return [d.format().split("\n")[0] for d in result.diagnostics if d.is_error]


ROWS = [
    ("1953-03-05,,Stalin dies,,,,,,", "stalin-dies-1953-03-05", "1953-03-05"),
    ("June 1951,,Treaty,,,,,,", "treaty-1951-06", "1951-06"),
    ("c. 1930,,Camps grow,,,,,,", "camps-grow-1930", "1930~"),
    ("1941,1945,War,,,,,,", "war-1941-1945", "1941/1945"),
    ("March 1953,June 1953,Amnesty,,,,,,", "amnesty-1953-03-1953-06", "1953-03/1953-06"),
]


@pytest.mark.parametrize(("row", "event_id", "edtf"), ROWS)
def test_rows_to_events(row: str, event_id: str, edtf: str) -> None:
    """The date column takes anything parse_date does; end makes a range; ids are slug + date."""
    ev = read(row).timeline.events[0]
    assert (ev.id, ev.when.edtf) == (event_id, edtf)


def test_tags_lane_and_sources_by_text() -> None:
    """Tags split on ';'; an unknown source text becomes one source titled with that text."""
    tl = read("1953,,A,Some *text*,Politics,a; b ;,Encyclopaedia Britannica,p. 4,quoted",
              "1954,,B,,Politics,,Encyclopaedia Britannica,,").timeline
    a, b = tl.events
    assert (a.text, a.lane, a.tags) == ("Some *text*", "politics", ("a", "b"))
    assert tl.lanes[0].label == "Politics"
    assert a.citations == (Citation("encyclopaedia-britannica", "p. 4", "quoted"),)
    assert b.citations == (Citation("encyclopaedia-britannica"),)
    assert tl.sources == {"encyclopaedia-britannica": Source(id="encyclopaedia-britannica",
                                                             title="Encyclopaedia Britannica")}


def test_known_source_ids_are_cited() -> None:
    """A source cell naming a source passed in by id cites that source."""
    known = {"smith": Source(id="smith", title="A Book")}
    tl = read("1953,,A,,,,smith,p. 1,", sources=known).timeline
    assert tl.events[0].citations == (Citation("smith", "p. 1"),)
    assert tl.sources == known


ERRORS = [
    ("5 Jnu 1953,,A,,,,,,", "t.csv:2:1: error: "),
    (",,A,,,,,,", "t.csv:2:1: error: this row has no date, so it cannot become an event"),
    ("1953,,,,,,,,", "t.csv:2:7: error: this row has no title, so it cannot become an event"),
    ("1953,1950,A,,,,,,", "t.csv:2:6: error: end (1950) is before date (1953)"),
    ("1953,,A,,,,,p. 3,", "t.csv:2:13: error: locator or quote is given without a source"),
]


@pytest.mark.parametrize(("row", "message"), ERRORS)
def test_row_errors(row: str, message: str) -> None:
    """A row that cannot become an event is an error at its cell, not a skip."""
    result = read(row)
    assert result.timeline is None
    assert errors(result)[0].startswith(message)


def test_missing_column() -> None:
    """date and title are required columns."""
    assert errors(read("A", header="title")) == [
        "t.csv:1:1: error: missing column 'date' (our CSV needs date and title; optional: "
        "id, end, text, lane, tags, source, locator, quote, priority)"]


def test_write_then_read() -> None:
    """Writing our CSV and reading it back keeps ids, dates, lanes, tags and the first citation."""
    tl = (Timeline().add_source(Source(id="s", title="A Book")).add_lane("pol", "Politics")
          .add_event("a", "A", "1953-03-05", lane="pol", tags=("x", "y"), citations=[Citation("s", "p. 1", "q")])
          .add_event("b", "B", "1941/1945"))
    text, diags = csv_text(tl)
    assert diags == []
    back = read_csv_text(text).timeline
    assert [(e.id, e.when.edtf, e.tags) for e in back.events] == [("b", "1941/1945", ()), ("a", "1953-03-05", ("x", "y"))]
    assert back.events[1].citations == (Citation("a-book", "p. 1", "q"),)
    assert back.lanes[0].label == "Politics"
