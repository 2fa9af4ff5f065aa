"""Nothing lost on the way out: each field of the model reaches the written file, or a warning names it.

One table per writer (docs/interop.md has the same per-writer table in words):
a timeline using one field, written in that format and read back by our
own reader.  The field comes back equal ("kept"), or the warning named in
the table is given, naming the event, lane, source or ``timeline`` that
lost it, and the field does not come back equal (so the table cannot go
stale either way).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs
import pytest

from timeline import Citation, Claim, Era, Event, Lane, Media, Quantity, Source, Timeline, parse_date
from timeline.io import FORMATS, read_text, write_text

SOURCE = Source(id="s", title="A Book", type="book", author=("Jane Smith",), editor=("Ed Itor",),
                container_title="Series", publisher="Pub", issued="1999", url="https://e.org/b", archive="Arch",
                archive_location="Box 1", note="A note on the source", reliability="high")
BASE = Timeline(title="Timeline", events=(Event(id="e1", title="E", when=parse_date("1953-03-05")),))


def _event(**fields: Any) -> Callable[[Timeline], Timeline]:
    return lambda tl: attrs.evolve(tl, events=(attrs.evolve(tl.events[0], **fields),), sources={"s": SOURCE})


def _timeline(**fields: Any) -> Callable[[Timeline], Timeline]:
    return lambda tl: attrs.evolve(tl, **fields)


def _when(tl: Timeline) -> str:
    return tl.events[0].when.edtf


def _of_event(field: str) -> Callable[[Timeline], Any]:
    return lambda tl: getattr(tl.events[0], field)


_CITED = (Citation("s", "p. 3", "a quoted line"),)
_LANE = [Lane("pol", "Politics", "What the lane is about")]

#: field -> (the timeline using it, what must come back, who a warning may name)
FIELDS: dict[str, tuple[Callable[[Timeline], Timeline], Callable[[Timeline], Any], str | tuple[str, ...]]] = {
    "when approximate": (_event(when=parse_date("1930~")), _when, "e1"),
    "when uncertain": (_event(when=parse_date("1953-03?")), _when, "e1"),
    "when bounded": (_event(when=parse_date("[..1953-08]")), _when, "e1"),
    "when season": (_event(when=parse_date("1953-21")), _when, "e1"),
    "when decade": (_event(when=parse_date("195X")), _when, "e1"),
    "when range": (_event(when=parse_date("1939/1945")), _when, "e1"),
    "when open end": (_event(when=parse_date("1953/..")), _when, "e1"),
    "when time": (_event(when=parse_date("1969-07-20T20:17")), _when, "e1"),
    "when BCE": (_event(when=parse_date("-0043")), _when, "e1"),
    "disputed claims": (_event(claims=(Claim(when=parse_date("1953-03-23"), citations=_CITED),
                                       Claim(when=parse_date("1953-03-26")))), _of_event("claims"), "e1"),
    "display_date": (_event(display_date="spring 1953"), _of_event("display_date"), "e1"),
    "text": (_event(text="Some *text* and [a link](https://e.org)"), _of_event("text"), "e1"),
    "note": (_event(note="a note"), _of_event("note"), "e1"),
    "tags": (_event(tags=("war", "peace")), _of_event("tags"), "e1"),
    "lane": (lambda tl: attrs.evolve(_event(lane="pol")(tl), lanes=(Lane("pol", "Politics"),)),
             lambda tl: [lane.label for lane in tl.lanes], "pol"),
    "lane description": (lambda tl: attrs.evolve(_event(lane="pol")(tl), lanes=tuple(_LANE)),
                         lambda tl: [lane.description for lane in tl.lanes], "pol"),
    "lane with no events": (_timeline(lanes=(Lane("pol", "Politics"),)), lambda tl: [l.label for l in tl.lanes],
                            "pol"),
    "media": (_event(media=Media("https://e.org/x.png", credit="Credit", caption="Caption", alt="Alt",
                                 thumbnail="https://e.org/t.png")), _of_event("media"), "e1"),
    "citation": (_event(citations=_CITED), _of_event("citations"), ("e1", "s")),
    "quantity claim": (_event(claims=(Claim(about="deaths", quantity=Quantity(100, "people"), citations=_CITED),)),
                       _of_event("claims"), "e1"),
    "statement claim": (_event(claims=(Claim(about="cause", statement="stroke"),)), _of_event("claims"), "e1"),
    "priority": (_event(priority=5), _of_event("priority"), "e1"),
    "title": (_timeline(title="My title"), lambda tl: tl.title, "timeline"),
    "subtitle": (_timeline(subtitle="A subtitle"), lambda tl: tl.subtitle, "timeline"),
    "description": (_timeline(description="First paragraph: two\n\nSecond # one"), lambda tl: tl.description,
                    "timeline"),
    "era": (_timeline(eras=(Era("war", "War", parse_date("1939/1945"), text="Its *text*"),)),
            lambda tl: [(e.label, e.when.edtf, e.text) for e in tl.eras], "war"),
    "era citation": (lambda tl: _timeline(eras=(Era("war", "War", parse_date("1939/1945"), citations=_CITED),),
                                          sources={"s": SOURCE})(tl),
                     lambda tl: [e.citations for e in tl.eras], "war"),
    "source fields": (_event(citations=(Citation("s"),)), lambda tl: tl.sources, ("s", "e1")),
    "uncited source": (_timeline(sources={"s": SOURCE}), lambda tl: tl.sources, ("s", "timeline")),
    "range": (_timeline(range=parse_date("1900/2000")), lambda tl: tl.range, "timeline"),
}

KEPT = "kept"
_DATE_TJS = "approximate, uncertain, bounded, seasonal or decade dates became a display date"
_CITES_TJS = "citations became a 'Sources:' line in the text"
_CLAIMS_TJS = "claims about quantities and statements became notes in the text"
TIMELINEJS = {
    "when approximate": _DATE_TJS, "when uncertain": _DATE_TJS, "when bounded": _DATE_TJS,
    "when season": _DATE_TJS, "when decade": _DATE_TJS, "when open end": _DATE_TJS,
    "disputed claims": "disputed dates became a display date and a note in the text",
    "note": "notes became a 'Note:' line in the text", "tags": "tags are not kept",
    "lane description": "lane descriptions are not kept", "lane with no events": "lanes no event is in are not kept",
    "citation": _CITES_TJS, "quantity claim": _CLAIMS_TJS, "statement claim": _CLAIMS_TJS,
    "priority": "priorities are not kept", "subtitle": "the subtitle became the first paragraph of the title slide",
    "era citation": _CITES_TJS, "source fields": _CITES_TJS, "uncited source": "sources cited by no event",
    "range": "the declared range is not kept",
}
_DATE_MW = "dates became the plain range they cover, with a 'Date:' line keeping our wording"
_CITES_MW = "citations became a 'Sources:' line in the text"
_CLAIMS_MW = "claims became sentences in the text"
_DATE_VIS = "dates became the plain range they cover, with a 'Date:' line in the tooltip"
_TEXT_MMD = "texts, notes, claims, media and display dates are not kept"
_VIS_TIMELINE = "the title, subtitle, description and sources are not kept"
_VIS_EVENT = "citations, notes, media and display dates are not kept"
#: writer -> field -> "kept", or the warning that names the loss (a field left out is kept)
EXPECTED: dict[str, dict[str, str]] = {
    "toml": {},
    "json": {},
    "csv": {
        "disputed claims": "only the first citation of an event is kept", "display_date": "display dates are not kept",
        "note": "notes and display dates are not kept", "lane description": "lane descriptions are not kept",
        "lane with no events": "lanes no event is in are not kept",
        "media": "media, notes and display dates are not kept", "citation": "sources became their title",
        "quantity claim": "only the first citation", "statement claim": "other claims become sentences",
        "title": "the title, subtitle and description are not kept", "subtitle": "the title, subtitle and",
        "description": "the title, subtitle and description", "era": "eras are not kept",
        "era citation": "eras are not kept", "source fields": "their other fields are not kept",
        "uncited source": "sources no row cites are not kept", "range": "the declared range is not kept",
    },
    "timelinejs-json": TIMELINEJS,
    "timelinejs-csv": TIMELINEJS,
    "markwhen": {
        "when approximate": _DATE_MW, "when uncertain": _DATE_MW, "when bounded": _DATE_MW, "when season": _DATE_MW,
        "when decade": _DATE_MW, "disputed claims": _CLAIMS_MW, "display_date": "display dates are not kept",
        "lane with no events": "lanes with no events and no description are not kept",
        "media": "media became a link in the text", "citation": _CITES_MW, "quantity claim": _CLAIMS_MW,
        "statement claim": _CLAIMS_MW, "priority": "priorities are not kept",
        "subtitle": "the subtitle became the first paragraph of the description",
        "era": "eras are not kept", "era citation": "eras are not kept", "source fields": _CITES_MW,
        "uncited source": "sources cited by no event", "range": "the declared range is not kept",
    },
    "mermaid": {
        "disputed claims": _TEXT_MMD, "display_date": _TEXT_MMD, "text": _TEXT_MMD, "note": _TEXT_MMD,
        "tags": "tags are not kept", "lane description": "lane descriptions are not kept",
        "lane with no events": "lanes no event is in are not kept", "media": _TEXT_MMD,
        "citation": "citations are not kept", "quantity claim": _TEXT_MMD, "statement claim": _TEXT_MMD,
        "priority": "priorities are not kept", "subtitle": "the subtitle and description are not kept",
        "description": "the subtitle and description are not kept", "era": "eras are not kept",
        "era citation": "eras are not kept", "source fields": "citations are not kept",
        "uncited source": "sources cited by no event", "range": "the declared range is not kept",
    },
    "vis": {  # a group with no items is vis-timeline's to show; our reader drops it, with a warning
        "when approximate": _DATE_VIS, "when uncertain": _DATE_VIS, "when bounded": "a date open at one side",
        "when season": _DATE_VIS, "when decade": _DATE_VIS, "when open end": "open-ended ranges became their known end",
        "disputed claims": "claims became sentences in the tooltip", "display_date": _VIS_EVENT, "note": _VIS_EVENT,
        "lane with no events": "group(s) with no items are not kept", "media": _VIS_EVENT, "citation": _VIS_EVENT,
        "quantity claim": "claims became sentences in the tooltip",
        "statement claim": "claims became sentences in the tooltip", "priority": "priorities are not kept",
        "title": _VIS_TIMELINE, "subtitle": _VIS_TIMELINE, "description": _VIS_TIMELINE,
        "era citation": "citations of eras are not kept", "source fields": _VIS_EVENT,
        "uncited source": _VIS_TIMELINE, "range": "the declared range is not kept",
    },
}


def test_every_writer_has_a_table() -> None:
    """Each format we write has its row of outcomes here, and each table names only known fields."""
    assert sorted(EXPECTED) == sorted(name for name, row in FORMATS.items() if row.can_write)
    for fmt, table in EXPECTED.items():
        assert set(table) <= set(FIELDS), fmt


def _listed(message: str) -> list[str]:
    """The ids a loss warning lists: ``... (a, b and 3 more)``."""
    return message[message.rindex("(") + 1:-1].split(" and ")[0].split(", ")


@pytest.mark.parametrize("fmt", sorted(EXPECTED))
@pytest.mark.parametrize("field", sorted(FIELDS))
def test_each_field_is_kept_or_named_in_a_warning(fmt: str, field: str) -> None:
    """Written and read back, the field comes back equal, or the table's warning names who lost it."""
    make, get, who = FIELDS[field]
    tl = make(BASE)
    text, losses = write_text(tl, fmt, name="out")
    result = read_text(text, format=fmt, name="back")
    assert [d.format() for d in result.diagnostics if d.is_error] == []
    back = result.timeline
    assert back is not None
    outcome = EXPECTED[fmt].get(field, KEPT)
    said = [d.message for d in (*losses, *result.diagnostics)]
    if outcome == KEPT:
        assert get(back) == get(tl), f"{fmt} lost {field} without a warning: {said}"
        return
    named = [m for m in said if outcome in m]
    assert named, f"{fmt}, {field}: expected a warning with {outcome!r}, got {said}"
    whose = (who,) if isinstance(who, str) else who
    assert any(set(whose) & set(_listed(m)) for m in named if m.endswith(")")) or any(
        not m.endswith(")") for m in named), named
    assert get(back) != get(tl), f"{fmt} keeps {field}: the table should say {KEPT!r}"
