"""One validation pass: the same mistake gets the same diagnostic in every format, at the planted line.

Line numbers count ``\\n`` only: U+2028, U+0085 and friends inside strings
never shift them (``str.splitlines`` would).
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import timeline
from timeline.io import read_text, write_text
from timeline.io.jsonfmt import to_data

HEADER = '[timeline]\ntitle = "T"\nrange = "1930/1956"\n\n[sources.a]\ntitle = "A"\n\n[[lanes]]\nid = "main"\n'
#: Characters str.splitlines() treats as line breaks, legal inside TOML, JSON and CSV strings.
SNEAKY = ["\u2028", "\u2029", "\u0085", "\u001c", "\u001d", "\u001e", "\x0b", "\x0c"]
TOML_SNEAKY = ["\u2028", "\u2029", "\u0085"]  # TOML strings refuse C0 controls

BROKEN = {
    "duplicate-id": "duplicate event id 'e0'",
    "undefined-source": "citation of undefined source 'nope'",
    "undeclared-lane": "unknown lane 'nolane'",
    "out-of-range": "is outside the declared range",
    "empty-claim": "a claim about 'deaths' needs 'quantity' or 'statement'",
}

titles = st.lists(st.sampled_from(["Stalin", "dies", " ", "Ж", *TOML_SNEAKY]), min_size=1, max_size=6).map("".join)


def toml_event(i: int, title: str, planted: str | None) -> tuple[list[str], int]:
    """The lines of one event, and the index of the line a planted error points at (or -1)."""
    lines = ["[[events]]", f'id = "{"e0" if planted == "duplicate-id" else f"e{i}"}"',
             f"title = {json.dumps(title, ensure_ascii=False)}",
             f'when = "{"1990" if planted == "out-of-range" else "1953-03-05"}"',
             f'lane = "{"nolane" if planted == "undeclared-lane" else "main"}"',
             f'citations = [{{ source = "{"nope" if planted == "undefined-source" else "a"}", locator = "p. 1" }}]']
    at = {"duplicate-id": 1, "out-of-range": 3, "undeclared-lane": 4, "undefined-source": 5}.get(planted or "", -1)
    if planted == "empty-claim":
        lines += ["[[events.claims]]", 'about = "deaths"', 'citations = ["a"]']
        at = len(lines) - 3
    return [*lines, ""], at


@settings(max_examples=60, deadline=None)
@given(st.lists(titles, min_size=2, max_size=7), st.data())
def test_toml_error_is_reported_at_the_planted_line(names: list[str], data: st.DataObject) -> None:
    """A random valid file with one planted error: one error, at the line where it was planted."""
    kind = data.draw(st.sampled_from(sorted(BROKEN)))
    target = data.draw(st.integers(1, len(names) - 1))
    lines, expected = HEADER.split("\n"), 0
    for i, title in enumerate(names):
        block, at = toml_event(i, title, kind if i == target else None)
        if at >= 0:
            expected = len(lines) + at + 1
        lines += block
    result = read_text("\n".join(lines), name="x.toml")
    errors = [d for d in result.diagnostics if d.is_error]
    assert [(d.line, BROKEN[kind] in d.message) for d in errors] == [(expected, True)], [d.format() for d in errors]


def model(names: list[str]) -> timeline.Timeline:
    """A valid timeline with one event per title."""
    return timeline.loads(HEADER + "\n".join("\n".join(toml_event(i, t, None)[0]) for i, t in enumerate(names)))


def plant_json(data: dict, kind: str, target: int) -> None:
    """Put one mistake into our JSON data."""
    event = data["events"][target]
    if kind == "duplicate-id":
        event["id"] = "e0"
    elif kind == "undefined-source":
        event["citations"][0]["source"] = "nope"
    elif kind == "undeclared-lane":
        event["lane"] = "nolane"
    elif kind == "out-of-range":
        event["when"] = {"edtf": "1990"}
    else:
        event["claims"] = [{"about": "deaths", "citations": [{"source": "a"}]}]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["A", "B\u2028C", "D\u0085", "\u2029E"] + SNEAKY), min_size=2, max_size=6),
       st.data())
def test_json_error_is_reported_at_the_planted_line(names: list[str], data: st.DataObject) -> None:
    """Our JSON gets the same error as TOML, at the line of the planted value."""
    kind = data.draw(st.sampled_from(sorted(BROKEN)))
    target = data.draw(st.integers(1, len(names) - 1))
    doc = to_data(model(["t"] * len(names)))
    for i, name in enumerate(names):
        doc["events"][i]["title"] = name
    plant_json(doc, kind, target)
    text = json.dumps(doc, ensure_ascii=False, indent=2)
    result = read_text(text, format="json", name="x.json")
    errors = [d for d in result.diagnostics if d.is_error]
    assert len(errors) == 1 and BROKEN[kind] in errors[0].message, [d.format() for d in errors]
    key = {"duplicate-id": "id", "undefined-source": "source", "undeclared-lane": "lane", "out-of-range": "when",
           "empty-claim": "claims"}[kind]
    lines = text.split("\n")
    key_lines = [n for n, line in enumerate(lines, 1) if line.strip().startswith(f'"{key}":')]
    expected = next(n for n in key_lines if n > _nth_event_line(lines, target))
    if kind == "empty-claim":
        expected += 1  # the claim object itself, on the line after "claims": [
    assert errors[0].line == expected, errors[0].format()


def _nth_event_line(lines: list[str], n: int) -> int:
    """The line where the n-th event object of our pretty-printed JSON starts."""
    inside = lines.index('  "events": [') + 1
    starts = [i for i, line in enumerate(lines[inside:], inside + 1) if line == "    {"]
    return starts[n]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["plain", "two\nlines", "sep\u2028arated", "x\u0085y", "a, b", 'say "hi"']),
                min_size=2, max_size=8), st.integers(0, 1000))
def test_csv_error_is_reported_at_the_planted_row(texts: list[str], pick: int) -> None:
    """A bad date or a duplicate id in our CSV is reported at its row, counting only \\n."""
    target = 1 + pick % (len(texts) - 1)
    kind = ["bad-date", "duplicate-id"][pick % 2]
    rows, line, expected = ["id,date,title,text,source"], 2, 0
    for i, text in enumerate(texts):
        event_id = "e0" if kind == "duplicate-id" and i == target else f"e{i}"
        date = "5 Jnu 1953" if kind == "bad-date" and i == target else "1953-03-05"
        quoted = '"' + text.replace('"', '""') + '"'
        rows.append(f"{event_id},{date},Title {i},{quoted},A")
        if i == target:
            expected = line
        line += text.count("\n") + 1
    result = read_text("\n".join(rows) + "\n", format="csv", name="x.csv")
    errors = [d for d in result.diagnostics if d.is_error]
    assert [d.line for d in errors] == [expected], [d.format() for d in errors]


@pytest.mark.parametrize("kind", sorted(BROKEN))
def test_the_same_mistake_gets_the_same_diagnostic_in_toml_and_json(kind: str) -> None:
    """Duplicate ids, undefined sources, undeclared lanes, out-of-range events and empty claims: TOML and our
    JSON give the same messages (our JSON used to pass them all, even under --strict)."""
    names = ["A", "B", "C"]
    toml = HEADER + "\n".join("\n".join(toml_event(i, t, kind if i == 2 else None)[0]) for i, t in enumerate(names))
    doc = to_data(model(names))
    plant_json(doc, kind, 2)
    messages = {}
    for fmt, text in (("toml", toml), ("json", json.dumps(doc, indent=2))):
        result = read_text(text, format=fmt, name=f"x.{fmt}", strict=True)
        assert result.timeline is None
        messages[fmt] = [d.message.split(" (first defined at")[0] for d in result.diagnostics if d.is_error]
    assert messages["toml"] == messages["json"]
    assert len(messages["toml"]) == 1 and BROKEN[kind] in messages["toml"][0]


def test_duplicate_ids_in_every_format_that_carries_ids() -> None:
    """Our CSV and TimelineJS report a duplicate id like TOML does, at the row of the second one."""
    tl = model(["A", "B"])
    for fmt in ("csv", "json"):
        text, _ = write_text(tl, fmt)
        text = text.replace("e1", "e0")
        result = read_text(text, format=fmt, name=f"x.{fmt}")
        errors = [d for d in result.diagnostics if d.is_error]
        assert len(errors) == 1 and errors[0].message.startswith("duplicate event id 'e0' (first defined at x."), \
            (fmt, [d.format() for d in errors])
        assert errors[0].line > 1


@pytest.mark.parametrize(("text", "expected"), [
    ('[timeline]\ntitle = "t"\n\n[[evnts]]\nid = "a"\n', "x.toml:4:1: error: unknown key 'evnts' in the file (top level)"),
    ('a.b = 1\n', "x.toml:1:1: error: unknown key 'a' in the file (top level)"),
    ('[timeline]\ntitel = "t"\n', "x.toml:2:1: error: unknown key 'titel' in [timeline]"),
])
def test_unknown_tables_and_dotted_keys_have_a_line(text: str, expected: str) -> None:
    """A misspelt [[table]] or a dotted key is reported at its line (it used to have none)."""
    got = [d.format().splitlines()[0] for d in read_text(text, name="x.toml").diagnostics if d.is_error]
    assert [g.split(" (did you mean")[0] for g in got] == [expected]


@pytest.mark.parametrize(("doc", "expected"), [
    ({"evnts": []}, "x.json:1:47:$.evnts: error: unknown key 'evnts' in the file (top level) (did you mean 'events'?)"),
    ({"events": [{"id": "e", "title": "t", "when": "1953", "titel": "u"}]},
     "x.json:1:100:$.events[0].titel: error: unknown key 'titel' in an event (did you mean 'title'?)"),
    ({"timeline": {"title": "t", "subtile": "s"}},
     "x.json:1:76:$.timeline.subtile: error: unknown key 'subtile' in timeline (did you mean 'subtitle'?)"),
    ({"events": [{"id": "e", "title": "t", "when": {"edtf": "1953", "calender": "julian"}}]},
     "x.json:1:112:$.events[0].when.calender: error: unknown key 'calender' in a date (did you mean 'calendar'?)"),
])
def test_our_json_refuses_unknown_keys_as_toml_does(doc: dict, expected: str) -> None:
    """A misspelt key in our JSON is an error at its path, as in TOML (it used to be ignored without a word);
    the keys export adds for other programs (display, earliest, support...) are read back without one."""
    text = json.dumps({"format": "timeline", "version": 1, **doc})
    got = [d.format().splitlines()[0] for d in read_text(text, name="x.json").diagnostics if d.is_error]
    assert got == [expected]


LONG = "x" * 25_000
LONG_HEADERS = {
    "mermaid": [f"timeline\n    title {LONG}\n    1953 : a\n", f"timeline\n    section {LONG}\n    1953 : a\n"],
    "markwhen": [f"title: {LONG}\n\n2020: a\n", f"section {LONG}\n2020: a\n"],
    "timelinejs-csv": [f"Year,Headline,Group\n1953,a,{LONG}\n", f"Year,Headline,Type\n,{LONG},title\n1953,a,\n"],
    "timelinejs-json": ['{"title":{"text":{"headline":"' + LONG + '"}},"events":[{"start_date":{"year":1953},'
                        '"text":{"headline":"a"}}]}'],
    "vis": ['{"items":[{"id":1,"start":"1953","content":"a","group":"g"}],"groups":[{"id":"g","content":"'
            + LONG + '"}]}'],
    "csv": [f"date,title,lane\n1953,a,{LONG}\n"],
    "timelinejs2": ['{"timeline":{"headline":"' + LONG + '","date":[{"startDate":"1953","headline":"a"}]}}'],
}


@pytest.mark.parametrize(("fmt", "text"), [(f, t) for f, texts in LONG_HEADERS.items() for t in texts],
                         ids=[f"{f}-{i}" for f, texts in LONG_HEADERS.items() for i, _ in enumerate(texts)])
def test_a_too_long_title_or_lane_is_located_in_every_format(fmt: str, text: str) -> None:
    """The length limit on a timeline title or a lane made from a cell is reported at a line or path."""
    errors = [d for d in read_text(text, format=fmt, name="x").diagnostics if d.is_error]
    assert errors and all("25,000 characters long" in d.message and (d.line or d.pointer) for d in errors), \
        [d.format() for d in errors]
