"""Numbers read from text: ASCII digits only, bounded, and every refusal located; ids a reader cannot keep are said.

A year, month, day, hour, priority or duration written with superscripts
(``²``), other scripts' digits (``٣``) or thousands of digits is refused with
a diagnostic at its cell, line or JSON path; it never becomes a traceback or
a silently different number.
"""

from __future__ import annotations

import json

import pytest

from timeline.io import read_text

HUGE = "9" * 5001


def tljs(start: dict, **more: object) -> str:
    """One TimelineJS 3 JSON event with this start_date."""
    return json.dumps({"events": [{"start_date": start, "text": {"headline": "a"}, **more}]}, ensure_ascii=False)


CASES = [
    ("timelinejs-json", tljs({"year": "1963", "month": "8", "day": "9", "hour": "²"}),
     "x:1:79:$.events[0].start_date.hour: error: hour must be a whole number written with the digits 0-9, got '²'"),
    ("timelinejs-json", tljs({"year": "1963", "month": "8", "day": "9", "minute": "٣"}),
     "x:1:81:$.events[0].start_date.minute: error: minute must be a whole number written with the digits 0-9, "
     "got '٣'"),
    ("timelinejs-json", tljs({"year": "١٩٦٣"}),
     "x:1:37:$.events[0].start_date.year: error: Year must be written with the digits 0-9, got '١٩٦٣'"),
    ("timelinejs-json", tljs({"year": HUGE}),
     "x:1:37:$.events[0].start_date.year: error: Year must be between -1000000000000 and 1000000000000, "
     "got '999999999999...' (5,001 characters)"),
    ("timelinejs-json", tljs({"year": "1963", "month": "1²"}),
     "x:1:54:$.events[0].start_date.month: error: Month must be a whole number, got '1²'"),
    ("timelinejs-csv", "Year,Month,Headline\n1963,٣,a\n",
     "x:2:6: error: Month must be written with the digits 0-9, got '٣'"),
    ("timelinejs-csv", f"Year,Headline\n{HUGE},a\n",
     "x:2:1: error: Year must be between -1000000000000 and 1000000000000, got '999999999999...' "
     "(5,001 characters)"),
    ("timelinejs-csv", "Year,Month,Day,Time,Headline\n1963,8,9,٢٠:١٧,a\n",
     "x:2:10: error: Time must look like 20:17, 20:17:40 or 8:17 PM, got '٢٠:١٧'"),
    ("timelinejs2", json.dumps({"timeline": {"headline": "t", "date": [{"startDate": f"{HUGE},1,1", "headline": "a"}]}}),
     "x:1:55:$.timeline.date[0].startDate: error: Year must be between -1000000000000 and 1000000000000, "
     "got '999999999999...' (5,001 characters)"),
    ("timelinejs2", json.dumps({"timeline": {"headline": "t", "date": [{"startDate": "١٩٦٣,8,9", "headline": "a"}]}},
                               ensure_ascii=False),
     "x:1:55:$.timeline.date[0].startDate: error: cannot read the TimelineJS 2 date '١٩٦٣,8,9'; expected "
     "'YYYY,MM,DD' (or 'MM/DD/YYYY', or a year)"),
    ("csv", "date,title,priority\n1953,a,٣\n",
     "x:2:8: error: priority '٣' must be a whole number from -1000 to 1000 written with the digits 0-9"),
    ("csv", f"date,title,priority\n1953,a,{HUGE}\n",
     "x:2:8: error: priority '999999999999...' (5,001 characters) must be a whole number from -1000 to 1000"),
    ("markwhen", f"title: t\n\n2020 - {HUGE} years: x\n",
     "x:3:1: error: a duration of '999999999999...' (5,001 characters) years is longer than any timeline"),
    ("vis", json.dumps([{"id": "e", "start": "١٩٥٣", "content": "a"}], ensure_ascii=False),
     "x:1:23:$[0].start: error: the date '١٩٥٣' must be written with the digits 0-9 (vis-timeline reads no others)"),
    ("easytimeline", f"DateFormat = yyyy\nPeriod = from:1900 till:2000\nPlotData =\n  at:{HUGE} text:x\n",
     None),
]


@pytest.mark.parametrize(("fmt", "text", "expected"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_odd_digits_are_refused_where_they_are(fmt: str, text: str, expected: str | None) -> None:
    """Each reader refuses the number at its place, with the message a user can act on, and no exception."""
    result = read_text(text, format=fmt, name="x")
    errors = [d.format().splitlines()[0] for d in result.diagnostics if d.is_error]
    assert result.timeline is None and errors
    if expected is not None:
        assert expected in errors, errors
    assert all(d.line or d.pointer for d in result.diagnostics if d.is_error)


REFERENCES = {"5001-digits": "&#" + "9" * 5001 + ";", "8-digits": "&#99999999;", "hex": "&#x" + "f" * 4400 + ";"}


@pytest.mark.parametrize(("fmt", "reference"), [
    pytest.param(fmt, ref, id=f"{fmt}-{name}") for fmt in ("timelinejs-csv", "timelinejs-json", "vis", "mermaid")
    for name, ref in REFERENCES.items() if not (fmt == "mermaid" and name == "hex")  # Mermaid's #code; is decimal
])
def test_character_references_to_no_character_are_a_replacement_character(fmt: str, reference: str) -> None:
    """A numeric character reference past U+10FFFF (even 5,001 digits long) reads as U+FFFD, as in a browser."""
    title = f"a{reference}b"
    text = {
        "timelinejs-csv": f"Year,Headline\n1963,{title}\n",
        "timelinejs-json": tljs({"year": "1963"}) .replace('"a"', json.dumps(title)),
        "vis": json.dumps([{"id": "e", "start": "1963", "content": title}]),
        "mermaid": f"timeline\n    1963 : {title.replace('&', '')}\n",
    }[fmt]
    result = read_text(text, format=fmt, name="x")
    assert [d.format() for d in result.diagnostics if d.is_error] == []
    assert result.timeline.events[0].title == "a\ufffdb"


IDS = [
    ("timelinejs-json",
     json.dumps({"events": [{"start_date": {"year": 1963}, "text": {"headline": "a"}, "unique_id": "x"},
                            {"start_date": {"year": 1964}, "text": {"headline": "b"}, "unique_id": "x"}]}),
     "x:1:161:$.events[1].unique_id: warning: unique_id 'x' is already the id of an earlier event; "
     "this event's id is 'x-2'"),
    ("timelinejs-json",
     json.dumps({"events": [{"start_date": {"year": 1963}, "text": {"headline": "a"}, "unique_id": "a b"}]}),
     "x:1:84:$.events[0].unique_id: warning: unique_id 'a b' is not an id (an id is letters, digits, '-', '_', "
     "'.' and ':', starting with a letter or digit); this event's id is 'a-b'"),
    ("vis", json.dumps([{"id": "x", "start": "1963", "content": "a"}, {"id": "x", "start": "1964", "content": "b"}]),
     "x:1:55:$[1].id: warning: id 'x' is already the id of an earlier event; this event's id is 'b-1964'"),
    ("markwhen", "title: t\n\n2020: a !x\n2021: b !x\n",
     "x:4:1: warning: id 'x' is already the id of an earlier event; this event's id is 'b-2021'"),
]


@pytest.mark.parametrize(("fmt", "text", "expected"), IDS, ids=[f"{c[0]}-{i}" for i, c in enumerate(IDS)])
def test_an_id_that_cannot_be_kept_is_said(fmt: str, text: str, expected: str) -> None:
    """A repeated or malformed id in a foreign format is renamed with a warning at it, never silently."""
    result = read_text(text, format=fmt, name="x")
    assert result.timeline is not None
    assert expected in [d.format().splitlines()[0] for d in result.diagnostics]


def _priority_toml(priority: int) -> str:
    return f'[[events]]\nid = "a"\ntitle = "a"\nwhen = "1953"\npriority = {priority}\n'


def _priority_json(priority: int) -> str:
    return json.dumps({"format": "timeline", "version": 1,
                       "events": [{"id": "a", "title": "a", "when": "1953", "priority": priority}]})


PRIORITY_CASES = [
    ("toml", _priority_toml, "x:5:12: error: 'priority' must be a whole number from -1000 to 1000 (higher is labelled "
     "first), got {p}"),
    ("json", _priority_json, "x:1:103:$.events[0].priority: error: expected a whole number from -1000 to 1000, got {p}"),
    ("csv", lambda p: f"date,title,priority\n1953,a,{p}\n",
     "x:2:8: error: priority '{p}' must be a whole number from -1000 to 1000"),
]


@pytest.mark.parametrize(("fmt", "make", "expected"), PRIORITY_CASES, ids=[c[0] for c in PRIORITY_CASES])
def test_a_priority_is_kept_within_its_range_and_refused_past_it(fmt: str, make, expected: str) -> None:
    """Each reader keeps a priority at either end of PRIORITY_RANGE and refuses one past either end, at its place."""
    from timeline.model.validators import PRIORITY_RANGE

    low, high = PRIORITY_RANGE
    for kept in (low, high):
        result = read_text(make(kept), format=fmt, name="x")
        assert result.timeline is not None and [e.priority for e in result.timeline.events] == [kept]
    for refused in (low - 1, high + 1):
        result = read_text(make(refused), format=fmt, name="x")
        errors = [d.format().splitlines()[0] for d in result.diagnostics if d.is_error]
        assert result.timeline is None and errors == [expected.format(p=refused)]
