"""TimelineJS: the Google-Sheet template as CSV, TimelineJS JSON, and writing both."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from timeline import Citation, Media, Source, Timeline, parse_date
from timeline.errors import Severity
from timeline.io import read, read_text
from timeline.io.markup import html_to_markup, markup_to_html
from timeline.io.timelinejs import (
    read_timelinejs_csv,
    read_timelinejs_csv_text,
    read_timelinejs_json,
    read_timelinejs_json_text,
    timelinejs_csv,
    timelinejs_data,
    timelinejs_json,
)

DATA = Path(__file__).parent / "data" / "interop"
SAMPLE = Path(__file__).parents[1] / "examples" / "data" / "timelinejs-sample.csv"
HEADER = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background,Alt Text"


def sheet(*rows: str, header: str = HEADER, name: str = "sheet.csv"):
    """Read a sheet made of a header and rows."""
    return read_timelinejs_csv_text("\n".join([header, *rows]) + "\n", name)


def errors(result) -> list[str]:
    """Every error, formatted without the source line."""
    return [d.format().split("\n")[0] for d in result.diagnostics if d.is_error]


def warnings(result) -> list[str]:
    """Every warning's first line."""
    return [d.format().split("\n")[0] for d in result.diagnostics if d.severity is Severity.WARNING]


# -- CSV mapping -----------------------------------------------------------------

DATE_ROWS = [
    ("1951,,,,,,,,,A,,,,,,,,,", "1951"),
    ("1951,6,,,,,,,,A,,,,,,,,,", "1951-06"),
    ("1951,6,5,,,,,,,A,,,,,,,,,", "1951-06-05"),
    ("999,,,,,,,,,A,,,,,,,,,", "0999"),
    ("42,3,,,,,,,,A,,,,,,,,,", "0042-03"),
    ("1939,9,1,,1945,,,,,A,,,,,,,,,", "1939-09-01/1945"),
    ("1953,3,,,1953,6,,,,A,,,,,,,,,", "1953-03/1953-06"),
    (" 1953 , 03 , 05 ,,,,,,,A,,,,,,,,,", "1953-03-05"),
    ("1953.0,,,,,,,,,A,,,,,,,,,", "1953"),
    ("1953,3,5,,1953,3,5,,,A,,,,,,,,,", "1953-03-05"),
    ("-44,3,15,,,,,,,A,,,,,,,,,", "-0043-03-15"),
    ("-1,,,,,,,,,A,,,,,,,,,", "0000"),
    ("-13800000000,,,,,,,,,A,,,,,,,,,", "Y-13800000000"),
    ("-300000,,,,,,,,,A,,,,,,,,,", "Y-300000"),
    ("-12000,,,,,,,,,A,,,,,,,,,", "Y-11999"),
    ("1969,7,20,20:17,,,,,,A,,,,,,,,,", "1969-07-20T20:17"),
    ("1969,7,20,8:17 PM,,,,,,A,,,,,,,,,", "1969-07-20T20:17"),
    ("1969,7,20,20:17:40,1969,7,21,2:56,,A,,,,,,,,,", "1969-07-20T20:17:40/1969-07-21T02:56"),
]


@pytest.mark.parametrize(("row", "edtf"), DATE_ROWS)
def test_sheet_dates_keep_their_precision(row: str, edtf: str) -> None:
    """Year / Month / Day (and End ...) become EDTF at the precision given, never filled in."""
    result = sheet(row)
    assert errors(result) == []
    assert result.timeline.events[0].when.edtf == edtf


def test_sheet_row_fields() -> None:
    """Headline, Text, Media columns, Group and Display Date map onto the event."""
    result = sheet('1859,11,24,,,,,,"Late 1859",Origin,"Darwin, <i>natural</i> selection",'
                   "https://e.org/p.jpg,Commons,Title page,https://e.org/t.jpg,,Science,,Book cover")
    ev = result.timeline.events[0]
    assert (ev.id, ev.title, ev.text, ev.lane, ev.display_date) == (
        "origin-1859-11-24", "Origin", "Darwin, *natural* selection", "science", "Late 1859")
    assert ev.media == Media(url="https://e.org/p.jpg", credit="Commons", caption="Title page",
                             alt="Book cover", thumbnail="https://e.org/t.jpg")
    assert ev.citations == ()


def test_title_and_era_rows() -> None:
    """Type 'title' sets the title and description; Type 'era' makes an era."""
    result = sheet(",,,,,,,,,My <b>title</b>,Intro <b>text</b>,,,,,title,,,",
                   "1914,7,28,,1918,11,11,,,Great War,,,,,,Era,,,",
                   "1916,,,,,,,,,Somme,,,,,,,,,")
    tl = result.timeline
    assert (tl.title, tl.description) == ("My title", "Intro **text**")
    assert [(e.id, e.label, e.when.edtf) for e in tl.eras] == [("great-war", "Great War", "1914-07-28/1918-11-11")]
    assert [e.id for e in tl.events] == ["somme-1916"]


def test_groups_become_lanes_in_order_of_first_use() -> None:
    """Group -> lane: created in order of first use, ids slugified, labels kept."""
    result = sheet("1,,,,,,,,,A,,,,,,,Home Front,,", "2,,,,,,,,,B,,,,,,,Politics,,", "3,,,,,,,,,C,,,,,,,Home Front,,")
    tl = result.timeline
    assert [(ln.id, ln.label) for ln in tl.lanes] == [("home-front", "Home Front"), ("politics", "Politics")]
    assert [e.lane for e in tl.events] == ["home-front", "politics", "home-front"]


def test_tag_is_an_alias_of_group_and_headers_are_loose() -> None:
    """Headers match case- and space-insensitively; the old 'Tag' column means Group."""
    result = sheet("1953,3,5,Stalin dies,Politics", header=" year ,MONTH,day,  Headline,Tag")
    assert result.timeline.events[0].lane == "politics"


def test_ids_are_stable_and_deduplicated() -> None:
    """Ids are slug + date; repeats get -2, -3 in file order."""
    result = sheet("1953,,,,,,,,,Café opens,,,,,,,,,", "1953,,,,,,,,,Café opens,,,,,,,,,",
                   "1953,,,,,,,,,Cafe opens,,,,,,,,,")
    assert [e.id for e in result.timeline.events] == ["cafe-opens-1953", "cafe-opens-1953-2", "cafe-opens-1953-3"]


def test_headline_falls_back_to_text_then_date() -> None:
    """A slide without a headline takes its title from the text, else the date."""
    result = sheet("1953,,,,,,,,,,Some <b>text</b> here,,,,,,,,", "1954,,,,,,,,,,,,,,,,,,")
    assert [e.title for e in result.timeline.events] == ["Some text here", "1954"]


def test_one_citation_warning_per_file() -> None:
    """Uncited events give one summary warning for the whole file, not one per row."""
    result = sheet("1,,,,,,,,,A,,,,,,,,,", "2,,,,,,,,,B,,,,,,,,,", "3,,,,,,,,,C,,,,,,,,,")
    assert warnings(result) == ["sheet.csv:2:1: warning: 3 event(s) have no citation (TimelineJS has no sources); "
                                "add sources and citations after converting, see docs/interop.md (the first is here)"]


def test_dropped_html_warns_once_per_file() -> None:
    """Tags other than links and emphasis are dropped (text kept) with one warning at the first cell."""
    result = sheet('1,,,,,,,,,A,"<span>x</span>",,,,,,,,', '2,,,,,,,,,B,"<img src=x>y<font>z</font>",,,,,,,,')
    assert [e.text for e in result.timeline.events] == ["x", "yz"]
    assert warnings(result)[1] == ("sheet.csv:2:13: warning: HTML tags other than links and emphasis were dropped, "
                                   "keeping their text: font, img (with an address that is not http(s): its address and "
                                   "alt text are not kept), span (2 cells; the first is here)")


def test_bom_and_windows_line_endings() -> None:
    """A UTF-8 BOM and CRLF line endings (also inside quoted cells) are read."""
    result = read_timelinejs_csv(DATA / "bom-crlf.csv")
    assert errors(result) == []
    assert [(e.when.edtf, e.text) for e in result.timeline.events] == [("1951-06", "Line one\nline two"),
                                                                       ("1953", "")]


def test_cp1251_is_explained() -> None:
    """A Windows-1251 sheet is refused with a hint, not garbled."""
    result = read_timelinejs_csv(DATA / "cp1251.csv")
    assert len(errors(result)) == 1
    assert "Windows-1251" in errors(result)[0]
    assert errors(result)[0].startswith(f"{DATA / 'cp1251.csv'}:2:6: error: file is not valid UTF-8")


def test_blank_rows_are_skipped() -> None:
    """Rows of empty cells (a spreadsheet's trailing ',,,,') are not events and not errors."""
    result = sheet("1953,,,,,,,,,A,,,,,,,,,", ",,,,,,,,,,,,,,,,,,", "")
    assert errors(result) == [] and len(result.timeline.events) == 1


# -- CSV errors, with exact messages -------------------------------------------------

ERRORS = [
    (("1953,,,,,,,,,A,,,,,,,,,",), "Month,Headline",
     ["sheet.csv:1:1: error: missing column 'Year' (a TimelineJS sheet needs Year and Headline columns; "
      "the header has: Month, Headline)"]),
    (("Sometime,,,,,,,,,A,,,,,,,,,",), HEADER, ["sheet.csv:2:1: error: Year must be a whole number, got 'Sometime'"]),
    (("1953,June,,,,,,,,A,,,,,,,,,",), HEADER, ["sheet.csv:2:6: error: Month must be a whole number, got 'June'"]),
    (("1953,13,,,,,,,,A,,,,,,,,,",), HEADER, ["sheet.csv:2:6: error: Month must be between 1 and 12, got '13'"]),
    (("1953,,5,,,,,,,A,,,,,,,,,",), HEADER, ["sheet.csv:2:7: error: Day is given without Month"]),
    (("1953,2,30,,,,,,,A,,,,,,,,,",), HEADER,
     ["sheet.csv:2:8: error: date 1953-02-30: day 30 is out of range for February 1953"]),
    ((",,,,,,,,,A,,,,,,,,,",), HEADER,
     ["sheet.csv:2:1: error: this row has no Year, so it cannot become an event (every event needs at least a "
      "Year; only the title row may go without)"]),
    (("0,,,,,,,,,Zero,,,,,,,,,",), HEADER,
     ["sheet.csv:2:1: error: Year 0 is not a year: TimelineJS counts 1 BCE as -1 and 1 CE as 1"]),
    (("-13800000000,1,,,,,,,,Big Bang,,,,,,,,,",), HEADER,
     ["sheet.csv:2:14: error: Year -13800000000 is a cosmological year (TimelineJS shows nothing finer than the "
      "year there); leave Month and Day empty"]),
    (("1969,7,,20:17,,,,,,A,,,,,,,,,",), HEADER,
     ["sheet.csv:2:9: error: Time is given without Day (a time of day needs the whole date)"]),
    (("1969,7,20,25:00,,,,,,A,,,,,,,,,",), HEADER, ["sheet.csv:2:11: error: Time '25:00' is not a time of day"]),
    (("1969,7,20,noon,,,,,,A,,,,,,,,,",), HEADER,
     ["sheet.csv:2:11: error: Time must look like 20:17, 20:17:40 or 8:17 PM, got 'noon'"]),
    (("1953,,,,1950,,,,,A,,,,,,,,,",), HEADER, ["sheet.csv:2:9: error: the end (1950) is before the start (1953)"]),
    (("1914,,,,,,,,,War,,,,,,era,,,",), HEADER,
     ["sheet.csv:2:9: error: an era needs both Year and End Year (a start and a different end)"]),
    (("1953,,,,,,,,,A,,,,,,,,,,extra",), HEADER,
     ["sheet.csv:2:25: error: this row has more cells than the header has columns (19); is a comma missing its quotes?"]),
    (('1953,,,,,,,,,"A',), HEADER, ["sheet.csv:2:14: error: CSV syntax: a quoted cell is never closed (a '\"' is missing)"]),
]


@pytest.mark.parametrize(("rows", "header", "expected"), ERRORS)
def test_sheet_errors_point_at_the_cell(rows: tuple[str, ...], header: str, expected: list[str]) -> None:
    """Each bad row is an error at file:line:column (character column where the cell starts), never a skip."""
    result = sheet(*rows, header=header)
    assert result.timeline is None
    assert errors(result) == expected


def test_error_rows_are_all_reported() -> None:
    """Reading goes on after a bad row and reports every one."""
    result = sheet("x,,,,,,,,,A,,,,,,,,,", "1953,,,,,,,,,B,,,,,,,,,", "y,,,,,,,,,C,,,,,,,,,")
    assert [d.line for d in result.diagnostics if d.is_error] == [2, 4]


def test_unknown_column_warns_with_suggestion() -> None:
    """An unknown column is a warning at its header cell, with a did-you-mean."""
    result = sheet("1953,A,x", header="Year,Headline,Medai")
    assert "sheet.csv:1:15: warning: unknown column 'Medai' is ignored (did you mean 'Media'?)" in warnings(result)


# -- HTML -> markup ----------------------------------------------------------------

HTML = [
    ("plain text", "plain text"),
    ("<b>bold</b> and <strong>strong</strong>", "**bold** and **strong**"),
    ("<i>it</i> <em>em</em>", "*it* *em*"),
    ('<a href="https://x.org/?a=1&amp;b=2">link</a>', "[link](https://x.org/?a=1&b=2)"),
    ('<a href="mailto:a@b.org">mail</a>', "[mail](mailto:a@b.org)"),
    ('<a href="javascript:alert(1)">bad</a>', "bad"),
    ("<p>one</p><p>two</p>", "one\n\ntwo"),
    ("a<br>b<br/>c", "a\nb\nc"),
    ("<script>alert(1)</script>kept", "kept"),
    ("<b>word </b>next", "**word** next"),
    ("<em></em>x", "x"),
    ("fish &amp; chips", "fish & chips"),
]


@pytest.mark.parametrize(("source", "markup"), HTML)
def test_html_to_markup(source: str, markup: str) -> None:
    """Links (http/https/mailto) and emphasis survive; other tags leave only their text."""
    assert html_to_markup(source).text == markup


def test_markup_to_html_escapes() -> None:
    """Our markup goes back to HTML with everything else escaped."""
    assert markup_to_html("a < b *c* **d** [e](https://x.org/?a&b)\n\nnext") == (
        '<p>a &lt; b <em>c</em> <strong>d</strong> <a href="https://x.org/?a&amp;b">e</a></p><p>next</p>')


# -- JSON --------------------------------------------------------------------------


def test_json_mapping() -> None:
    """TimelineJS JSON: title, events (dates, text, media, group, unique_id, display_date) and eras."""
    result = read_timelinejs_json(DATA / "timelinejs.json")
    tl = result.timeline
    assert (tl.title, tl.description) == ("Space race", "From **Sputnik** to Apollo.")
    assert [(e.id, e.when.edtf, e.lane, e.display_date) for e in tl.events] == [
        ("sputnik", "1957-10-04", "ussr", ""),
        ("gagarin-orbits-earth-1961-04", "1961-04", "ussr", "Spring 1961"),
        ("apollo-11-1969-07-16-1969-07-24", "1969-07-16/1969-07-24", "usa", ""),
    ]
    assert tl.events[0].media == Media(url="https://example.org/sputnik.jpg", credit="NASA", caption="A *replica*",
                                       alt="A metal sphere", thumbnail="https://example.org/t.jpg")
    assert [(e.label, e.when.edtf) for e in tl.eras] == [("Space race", "1955/1975")]
    assert any("Background is not kept" in w for w in warnings(result))


JSON_ERRORS = [
    ({"events": [{"start_date": {"year": 1953, "month": 13}}]},
     ["<string>:$.events[0].start_date.month: error: Month must be between 1 and 12, got '13'"]),
    ({"events": [{"start_date": {"year": "abc"}}]},
     ["<string>:$.events[0].start_date.year: error: Year must be a whole number, got 'abc'"]),
    ({"events": [{"start_date": {"year": [1]}}]},
     ["<string>:$.events[0].start_date.year: error: expected a number, got an array"]),
    ({"events": [{"text": {"headline": "x"}}]},
     ["<string>:$.events[0]: error: this slide has no start_date year, so it cannot become an event (every event "
      "needs at least a year; only the title slide may go without)"]),
    ({"events": [1]}, ["<string>:$.events[0]: error: expected an object, got a number"]),
    ({"title": {}}, ["<string>:$.events: error: a TimelineJS file needs an 'events' array"]),
]


@pytest.mark.parametrize(("data", "expected"), JSON_ERRORS)
def test_json_errors_have_json_paths(data: dict, expected: list[str]) -> None:
    """JSON problems are reported at a JSON path, kept in Diagnostic.pointer."""
    result = read_timelinejs_json_text(json.dumps(data))
    assert [re.sub(r"^<string>:1:\d+:", "<string>:", e) for e in errors(result)] == expected
    assert all(d.pointer and d.line == 1 and d.column for d in result.diagnostics if d.is_error)


# -- sniffing -------------------------------------------------------------------------


def test_read_sniffs_csv_and_json(tmp_path: Path) -> None:
    """read() tells a TimelineJS sheet or JSON from our formats by content."""
    assert read(SAMPLE).timeline.title.startswith("Two Centuries")
    assert read(DATA / "timelinejs.json").timeline.title == "Space race"
    ours = tmp_path / "ours.csv"
    ours.write_text("date,title\n1953,A\n", encoding="utf-8")
    assert read(ours).timeline.events[0].title == "A"
    assert read_text(HEADER + "\n1953,,,,,,,,,A,,,,,,,,,\n", name="x.csv").timeline.events[0].id == "a-1953"
    assert read_text(HEADER + "\n1953,,,,,,,,,A,,,,,,,,,\n").timeline.events[0].id == "a-1953"


# -- writing ---------------------------------------------------------------------------


def _cited() -> Timeline:
    return (Timeline(title="T", description="Intro *x*")
            .add_source(Source(id="smith", title="A Book", author=("Jane Smith",), type="book"))
            .add_lane("pol", "Politics")
            .add_event("a", "Exact day", "1953-03-05", lane="pol", tags=("x",),
                       citations=[Citation("smith", "p. 3", "quoted")])
            .add_event("b", "Approximate", "c. 1930")
            .add_event("c", "Month", "1951-06", media=Media(url="https://e.org/i.png", credit="Me"))
            .add_event("d", "Decade", "the 1940s")
            .add_era("w", "War", "1941/1945"))


def test_writer_dates_and_display_dates() -> None:
    """Year / year-month / full dates carry over; other dates become display_date and a note."""
    data, _ = timelinejs_data(_cited())
    by_id = {e["unique_id"]: e for e in data["events"]}
    assert by_id["a"]["start_date"] == {"year": 1953, "month": 3, "day": 5} and "display_date" not in by_id["a"]
    assert by_id["c"]["start_date"] == {"year": 1951, "month": 6}
    assert by_id["b"]["start_date"] == {"year": 1930} and by_id["b"]["display_date"] == "c. 1930"
    assert "Date: c. 1930 (EDTF 1930~)." in by_id["b"]["text"]["text"]
    assert (by_id["d"]["start_date"], by_id["d"]["end_date"]) == ({"year": 1940}, {"year": 1949})
    assert by_id["a"]["group"] == "Politics"
    assert data["eras"] == [{"start_date": {"year": 1941}, "end_date": {"year": 1945}, "text": {"headline": "War"}}]


def test_writer_appends_sources_line_and_warns() -> None:
    """Citations become a 'Sources:' line; what cannot carry over is said in warnings."""
    text, diags = timelinejs_json(_cited(), "out.json")
    data = json.loads(text)
    assert [e["unique_id"] for e in data["events"]] == ["b", "d", "c", "a"]
    assert "Sources: Jane Smith, A Book, p. 3 (“quoted”)." in data["events"][3]["text"]["text"]
    messages = [d.format() for d in diags]
    assert "out.json: warning: TimelineJS cannot carry this over: approximate, uncertain, bounded, seasonal or " \
           "decade dates became a display date (b, d)" in messages
    assert "out.json: warning: TimelineJS cannot carry this over: tags are not kept (TimelineJS has no tags) (a)" in messages


def test_writer_is_deterministic() -> None:
    """Writing twice gives the same bytes."""
    assert timelinejs_json(_cited())[0] == timelinejs_json(_cited())[0]
    assert timelinejs_csv(_cited())[0] == timelinejs_csv(_cited())[0]


@pytest.mark.parametrize("write", [timelinejs_json, timelinejs_csv])
def test_sheet_round_trips_through_our_writers(write) -> None:
    """Sample sheet -> model -> TimelineJS (JSON or CSV) -> model gives the same timeline."""
    tl = read_timelinejs_csv(SAMPLE).timeline
    text, diags = write(tl)
    reader = read_timelinejs_json_text if write is timelinejs_json else read_timelinejs_csv_text
    again = reader(text).timeline
    assert again == tl
    assert diags == []


def test_written_dates_parse_back_at_same_precision() -> None:
    """Partial dates written to a sheet read back with the same EDTF."""
    tl = Timeline().add_event("a", "A", "1951").add_event("b", "B", "1951-06").add_event("c", "C", "0999-01-02")
    back = read_timelinejs_csv_text(timelinejs_csv(tl)[0]).timeline
    assert [e.when.edtf for e in back.events] == ["0999-01-02", "1951", "1951-06"]
    assert parse_date("0999-01-02").earliest.year == 999


# -- nothing lost: full titles, every character, spacing, --skip-invalid -----------------


def test_long_headlines_are_kept_whole() -> None:
    """A headline over 80 characters stays whole in the model (the drawing shortens it)."""
    headline = "The " + "very " * 30 + "long headline"
    result = sheet(f"1953,,,,,,,,,{headline},,,,,,,,,")
    assert result.timeline.events[0].title == headline


TITLES = [
    ("Sh*t People Say", "Sh*t People Say"),
    ("<b>Sh*t</b> People *Say*", "Sh*t People *Say*"),
    ("A &amp; B", "A & B"),
    ("[not a link](x)", "[not a link](x)"),
    ("back\\slash", "back\\slash"),
    ("<p>One</p><p>Two</p>", "One Two"),
]


@pytest.mark.parametrize(("headline", "title"), TITLES)
def test_headline_characters_are_kept(headline: str, title: str) -> None:
    """Headlines lose their tags only: asterisks, brackets and backslashes stay as typed."""
    data = {"events": [{"start_date": {"year": 1953}, "text": {"headline": headline}}]}
    assert read_timelinejs_json_text(json.dumps(data)).timeline.events[0].title == title


def test_text_asterisks_stay_literal() -> None:
    """A literal '*' in TimelineJS text is escaped in our markup, so it is never read as emphasis."""
    result = sheet('1953,,,,,,,,,A,"a*b*c <i>it</i>",,,,,,,,')
    assert result.timeline.events[0].text == "a\\*b\\*c *it*"


def test_spacing_survives_a_second_import() -> None:
    """Runs of spaces written to TimelineJS read back unchanged (spelled &#32; after the first)."""
    tl = Timeline().add_event("a", "Two  spaces & more", "1953", text="x  *y*  z")
    text, _ = timelinejs_json(tl)
    again = read_timelinejs_json_text(text).timeline.events[0]
    assert (again.title, again.text) == ("Two  spaces & more", "x  *y*  z")
    twice = read_timelinejs_json_text(timelinejs_json(read_timelinejs_json_text(text).timeline)[0]).timeline
    assert twice.events[0].text == "x  *y*  z"


BROKEN = {"title": ["not", "an object"], "events": [
    {"start_date": {"year": 1953}, "text": {"headline": "Kept"}},
    {"text": {"headline": "No date"}},
    {"start_date": {"year": 1954, "month": 13}, "text": {"headline": "Bad month"}},
]}


def test_invalid_slides_are_errors_by_default() -> None:
    """Without --skip-invalid each bad slide is an error at its JSON path and nothing loads."""
    result = read_timelinejs_json_text(json.dumps(BROKEN), "t.json")
    assert result.timeline is None
    assert [d.pointer for d in result.diagnostics if d.is_error] == [
        "$.title", "$.events[1]", "$.events[2].start_date.month"]


def test_skip_invalid_brings_in_the_rest() -> None:
    """--skip-invalid: the rest loads, and each skipped slide is a warning at its location."""
    result = read_text(json.dumps(BROKEN, indent=1), name="t.json", skip_invalid=True)
    assert [e.title for e in result.timeline.events] == ["Kept"]
    assert [d.format().split("\n")[0] for d in result.diagnostics if "skipped" in d.message] == [
        "t.json: warning: 3 slide(s) skipped (--skip-invalid), each listed at its place; "
        "`timeline check` reports them as errors",
        "t.json:2:11:$.title: warning: slide skipped (--skip-invalid): expected an object, got an array",
        "t.json:15:3:$.events[1]: warning: slide skipped (--skip-invalid): this slide has no start_date year, so it "
        "cannot become an event (every event needs at least a year; only the title slide may go without)",
        "t.json:23:14:$.events[2].start_date.month: warning: slide skipped (--skip-invalid): Month must be between "
        "1 and 12, got '13'",
    ]


def test_skip_invalid_rows_of_a_sheet() -> None:
    """In a sheet, a skipped row is reported at its cell; file-level errors are never skipped."""
    from timeline.io.common import ReadOptions

    text = "\n".join([HEADER, "abc,,,,,,,,,Bad,,,,,,,,,", "1953,,,,,,,,,Good,,,,,,,,,", "1954,,,,,,,,,X,,,,,,,,,,y"])
    result = read_timelinejs_csv_text(text, "s.csv", ReadOptions(skip_invalid=True))
    assert [e.title for e in result.timeline.events] == ["Good"]
    assert [d.location() for d in result.diagnostics if "skipped (--skip-invalid):" in d.message] == [
        "s.csv:2:1", "s.csv:4:25"]
    missing = read_timelinejs_csv_text("Headline\nA\n", "s.csv", ReadOptions(skip_invalid=True))
    assert missing.timeline is None


def test_bce_cosmological_and_times_round_trip() -> None:
    """44 BCE, a cosmological year and times of day go out to TimelineJS and come back the same."""
    result = sheet("-44,3,15,,,,,,,Caesar,,,,,,,,,", "-13800000000,,,,,,,,,Big Bang,,,,,,,,,",
                   "1969,7,20,20:17:40,,,,,,Eagle,,,,,,,,,")
    tl = result.timeline
    assert [e.when.display() for e in tl.sorted_events()] == [
        "13.8 billion years ago", "15 March 44 BCE", "20 July 1969, 20:17:40"]
    data, diags = timelinejs_data(tl)
    assert [e["start_date"] for e in data["events"]] == [
        {"year": -13800000000}, {"year": -44, "month": 3, "day": 15},
        {"year": 1969, "month": 7, "day": 20, "hour": 20, "minute": 17, "second": 40}]
    for write, reader in ((timelinejs_json, read_timelinejs_json_text), (timelinejs_csv, read_timelinejs_csv_text)):
        back = reader(write(tl)[0]).timeline
        assert back.sorted_events() == tl.sorted_events() and diags == []


def test_json_times() -> None:
    """start_date hour/minute/second become the time of the date."""
    data = {"events": [{"start_date": {"year": 1969, "month": 7, "day": 20, "hour": 20, "minute": 17},
                        "text": {"headline": "Eagle"}}]}
    assert read_timelinejs_json_text(json.dumps(data)).timeline.events[0].when.edtf == "1969-07-20T20:17"


def test_skip_invalid_covers_the_validation_pass() -> None:
    """A slide only the shared validation pass refuses (a field over the length limit) is skipped too."""
    data = {"events": [{"start_date": {"year": 1953}, "text": {"headline": "Kept"}},
                       {"start_date": {"year": 1954}, "text": {"headline": "Huge"}, "media": {"url": "x" * 10_001}}]}
    strict = read_timelinejs_json_text(json.dumps(data), "t.json")
    assert strict.timeline is None and any("10,000-character limit" in d.message for d in strict.diagnostics)
    result = read_text(json.dumps(data), name="t.json", skip_invalid=True)
    assert [e.title for e in result.timeline.events] == ["Kept"]
    assert any(d.message.startswith("slide skipped (--skip-invalid): 'url' is 10,001 characters long")
               for d in result.diagnostics)


def test_a_link_in_a_headline_is_warned() -> None:
    """A headline's link address cannot stay in a plain title: its text stays, and a warning says so."""
    data = {"events": [{"start_date": {"year": 1953}, "text": {"headline": '<a href="https://e.org">Stalin</a> dies'}}]}
    result = read_timelinejs_json_text(json.dumps(data), "t.json")
    assert result.timeline.events[0].title == "Stalin dies"
    assert any("a (a title keeps the link text, not its address)" in d.message for d in result.diagnostics)


@pytest.mark.parametrize("cell", ["<![0", "a <![ b", "<![", "x <![ CDATA"])
def test_a_broken_marked_section_is_text_not_a_traceback(cell: str) -> None:
    """`<![` before anything but a name failed an assertion inside html.parser; it is kept as text."""
    result = read_timelinejs_csv_text(f"Year,Headline\n1963,{cell}\n")
    assert result.timeline is not None and result.timeline.events[0].title == cell


IMAGES = [
    # (headline, text) -> (title, event text, what the dropped-tags warning says of the image)
    (("A", 'See <img src="https://e.org/map.png" alt="The [old] map"> here'),
     ("A", "See [image: The \\[old\\] map](https://e.org/map.png) here",
      "img (kept as a link to the image, [image: alt text](address))")),
    (("A", '<img src="https://e.org/map.png">'),
     ("A", "[image](https://e.org/map.png)", "img (kept as a link to the image, [image: alt text](address))")),
    (("A", '<img src="map.png" alt="Map">x'),
     ("A", "x", "img (with an address that is not http(s): its address and alt text are not kept)")),
    (('A <img src="https://e.org/i.png" alt="icon">', "t"),
     ("A", "t", "img (in a title: its address and alt text are not kept)")),
]


@pytest.mark.parametrize(("given", "want"), IMAGES)
def test_an_image_in_html_is_kept_as_a_link_or_said_lost(given: tuple[str, str], want: tuple[str, str, str]) -> None:
    """An <img> in a slide's text becomes a link to it; in a headline, or with a relative address, the
    warning says that its address and alt text are not kept."""
    headline, text = given
    data = {"events": [{"start_date": {"year": 1953}, "text": {"headline": headline, "text": text}}]}
    result = read_text(json.dumps(data), format="timelinejs-json", name="a.json")
    event = result.timeline.events[0]
    assert (event.title, event.text) == want[:2]
    dropped = [d.message for d in result.diagnostics if "HTML tags" in d.message]
    assert len(dropped) == 1 and f"keeping their text: {want[2]} (1 cell;" in dropped[0]
