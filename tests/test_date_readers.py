"""Every reader (TOML, our JSON, plain CSV) reads dates through the one core: same limits, messages, calendars."""

from __future__ import annotations

import json
import textwrap

import pytest

from timeline.io import csvfmt, jsonfmt, toml, tomlwrite

HEADER = '[timeline]\ntitle = "T"\n{calendar}\n[sources.a]\ntitle = "A"\n'


def _toml(when: str, calendar_line: str = "", event_extra: str = "") -> str:
    return (HEADER.format(calendar=calendar_line)
            + f'\n[[events]]\nid = "e"\ntitle = "E"\nwhen = "{when}"\n{event_extra}citations = ["a"]\n')


def _json(when: str) -> str:
    data = json.loads(jsonfmt.dumps(toml.read_toml_text(_toml("1953"), "x.toml").timeline))
    data["events"][0]["when"] = {"edtf": when}
    return json.dumps(data)


def _csv(when: str) -> str:
    return f"date,title\n{when},E\n"


READERS = {
    "toml": lambda when: toml.read_toml_text(_toml(when), "x.toml"),
    "json": lambda when: jsonfmt.read_json_text(_json(when), "x.json"),
    "csv": lambda when: csvfmt.read_csv_text(_csv(when), "x.csv"),
}


@pytest.mark.parametrize("reader", sorted(READERS))
@pytest.mark.parametrize(
    ("when", "reason"),
    [
        ("Y-200000000000", "year -200,000,000,000 is beyond the supported range (±100,000,000,000; the universe"),
        ("Y9999", "'Y9999': the Y prefix is only for years of more than four digits in EDTF; write 9999"),
        ("2001-34", "'2001-34' reads as EDTF level 2 sub-year grouping 34 (quarter 2), which is not supported"),
        ("1953??", "repeated qualifier in '1953??': use one of ? (uncertain), ~ (approximate) or % (both)"),
        ("-12345-01-01", "a day or month can be given only in years -9999 to 9999"),
    ],
)
def test_readers_give_the_same_limits_and_messages(reader, when, reason):
    """TOML, JSON and CSV refuse the same dates with the same reason, because they share the core."""
    result = READERS[reader](when)
    messages = [d.message for d in result.diagnostics if d.is_error]
    assert any(reason in m for m in messages), messages


@pytest.mark.parametrize("reader", sorted(READERS))
@pytest.mark.parametrize(
    ("when", "first", "display"),
    [
        ("-0043-03-15", "-0043-03-15", "15 March 44 BCE"),
        ("Y-13800000000", "-13800000000-01-01", "13.8 billion years ago"),
        ("1953-03-05T21:50", "1953-03-05", "5 March 1953, 21:50"),
        ("0000", "0000-01-01", "1 BCE"),
    ],
)
def test_readers_accept_any_era(reader, when, first, display):
    """BCE days, deep time and times of day load in every reader."""
    result = READERS[reader](when)
    assert not [d for d in result.diagnostics if d.is_error], result.diagnostics
    (event,) = result.timeline.events
    assert event.when.earliest.isoformat() == first
    assert event.when.display() == display


def test_toml_calendar_per_timeline_per_event_and_in_the_text():
    """[timeline] calendar sets the default; an event's calendar key or '(O.S.)' in the text overrides it."""
    text = (HEADER.format(calendar='calendar = "julian"')
            + '\n[[events]]\nid = "a1"\ntitle = "Julian by default"\nwhen = "1917-10-25"\ncitations = ["a"]\n'
            + '\n[[events]]\nid = "a2"\ntitle = "Gregorian by key"\nwhen = "1917-11-07"\ncalendar = "gregorian"\n'
              'citations = ["a"]\n'
            + '\n[[events]]\nid = "a3"\ntitle = "Claims inherit"\ncalendar = "julian"\ncitations = ["a"]\n'
              '[[events.claims]]\nwhen = "1917-10-25"\ncitations = ["a"]\n')
    result = toml.read_toml_text(text, "x.toml")
    assert not result.diagnostics
    events = {e.id: e for e in result.timeline.events}
    assert events["a1"].when.calendar == "julian" and events["a1"].when.display() == "25 October 1917 (O.S.)"
    assert events["a2"].when.calendar == "gregorian"
    assert events["a1"].when.first_day == events["a2"].when.first_day == events["a3"].when.first_day
    assert events["a1"].when.display(calendar="both") == "25 October / 7 November 1917"


def test_toml_unknown_calendar_is_refused_with_a_suggestion():
    """A misspelt calendar is an error at its key, with a did-you-mean."""
    result = toml.read_toml_text(_toml("1917-10-25", event_extra='calendar = "julain"\n'), "x.toml")
    (message,) = [d.format().splitlines()[0] for d in result.diagnostics]
    assert message.startswith("x.toml:11:12: error: unknown calendar 'julain' (did you mean 'julian'?)")


def test_toml_timeline_calendar_after_dates_is_refused(tmp_path):
    """In a folder, [timeline] calendar must come before any date is read (files go in name order)."""
    (tmp_path / "a.toml").write_text('[sources.a]\ntitle = "A"\n[[events]]\nid = "e"\ntitle = "E"\n'
                                     'when = "1917"\ncitations = ["a"]\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text('[timeline]\ntitle = "T"\ncalendar = "julian"\n', encoding="utf-8")
    result = toml.read_toml(tmp_path)
    assert any("[timeline] calendar must be set before any date is read" in d.message for d in result.diagnostics)


@pytest.mark.parametrize("when", ["1917-10-25", "1917-10", "1700-02-29", "1917-10-25/1917-11-01"])
def test_julian_dates_survive_every_writer(when):
    """A Julian date written as our JSON, TOML or CSV reads back as the same days and calendar."""
    tl = toml.read_toml_text(_toml(when, 'calendar = "julian"'), "x.toml").timeline
    original = tl.events[0].when
    for again in (
        jsonfmt.read_json_text(jsonfmt.dumps(tl)).timeline,
        toml.read_toml_text(tomlwrite.toml_text(tl)).timeline,
        csvfmt.read_csv_text(csvfmt.csv_text(tl)[0]).timeline,
    ):
        when_again = again.events[0].when
        assert (when_again.first_day, when_again.last_day) == (original.first_day, original.last_day)
        assert when_again.calendar == "julian"


def test_json_unknown_calendar_is_refused():
    """Our JSON refuses a date whose calendar it does not know, at that key."""
    data = json.loads(_json("1917-10-25"))
    data["events"][0]["when"]["calendar"] = "mayan"
    result = jsonfmt.read_json_text(json.dumps(data), "x.json")
    assert any("unknown calendar 'mayan'" in d.message for d in result.diagnostics)


def test_dedent_helper_is_not_needed():
    """The TOML built here is already flush left (guards the fixtures above)."""
    assert textwrap.dedent(_toml("1953")) == _toml("1953")
