"""Nothing changed silently: every writer/reader pair gives back each value it carries, character for character.

TOML and our JSON carry the whole model.  The lossy formats (our CSV,
TimelineJS, vis, Markwhen, Mermaid) carry some fields; those fields come back
exactly, or changed just as a warning at convert time says (whitespace around
a cell trimmed, a title made one line, a blank title shown as the date).
"""

from __future__ import annotations

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_roundtrip import timelines
from timeline.dates import parse_date
from timeline.io import FORMATS, read_text, write_text
from timeline.io.common import BLANK_TITLE, CARRIAGE_RETURNS, HEADLINE, ONE_LINE, TRIMMED
from timeline.io.jsonfmt import to_data
from timeline.io.limits import line_ends
from timeline.io.timelinejs.write import one_line
from timeline.model import Event, Timeline

ROUND_TRIP = sorted(name for name, row in FORMATS.items() if row.can_read and row.can_write)
WHOLE = {"toml", "json"}


#: The losses that say how a text changed, and that change: the property then checks the text came back so.
#: (Applied in this order: a \r becomes \n before the cell is trimmed.)
SAID = {CARRIAGE_RETURNS: line_ends, HEADLINE: one_line, ONE_LINE: lambda text: " ".join(text.split()),
        TRIMMED: str.strip}


def named(losses: list, what: str | None, ev: Event) -> bool:
    """Whether a loss warning (of kind ``what``, or any) names the event, as ``... (a, b and 3 more)``."""
    for d in losses:
        if what is not None and what not in d.message:
            continue
        listed = d.message[d.message.rindex("(") + 1:-1]
        if "more" in listed or ev.id in listed.split(" and ")[0].split(", "):
            return True
    return False


def expected(losses: list, ev: Event) -> Event:
    """The event as the warnings say it comes back: each text changed as its warning says, no other way."""
    changes = [change for what, change in SAID.items() if named(losses, what, ev)]

    def text(value: str) -> str:
        for change in changes:
            value = change(value)
        return value

    title = ev.when.display() if named(losses, BLANK_TITLE, ev) else text(ev.title)
    citations = tuple(attrs.evolve(c, locator=text(c.locator), quote=text(c.quote)) for c in ev.citations)
    return attrs.evolve(ev, title=title, text=text(ev.text), tags=tuple(text(t) for t in ev.tags),
                        citations=citations)


def carried(fmt: str, ev: Event) -> dict[str, object]:
    """The fields of an event a lossy format carries."""
    fields: dict[str, object] = {"title": ev.title, "when": ev.when.edtf}
    if fmt == "csv":
        fields |= {"id": ev.id, "tags": ev.tags}
        if not ev.claims:
            fields["text"] = ev.text
        if ev.citations:
            fields |= {"locator": ev.citations[0].locator, "quote": ev.citations[0].quote}
    return fields


def _named_in_other_losses(losses: list, ev: Event) -> bool:
    """Named in a warning that does not say exactly how the text changed (a date rounded, a tag dropped...)."""
    return any(named([d], None, ev) for d in losses if not any(what in d.message for what in (*SAID, BLANK_TITLE)))


@pytest.mark.parametrize("fmt", ROUND_TRIP)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tl=timelines(), carriage_returns=st.booleans())
def test_every_carried_value_comes_back_exactly(fmt: str, tl: Timeline, carriage_returns: bool) -> None:
    """Write, read back: whole-model formats give the same model; lossy ones the same carried fields, changed
    only as a warning at convert time says (trimmed, made one line, a blank title shown as the date)."""
    if carriage_returns and tl.events:  # "\r", padding and line breaks are characters like any other
        first = tl.events[0]
        tl = Timeline(title=tl.title, subtitle=tl.subtitle, description=tl.description + "\r",
                      events=(Event(id=first.id, title=f" {first.title}\rx \n y\t", when=first.when,
                                    text="a\r\nb ", citations=first.citations, tags=(" t ",)), *tl.events[1:]),
                      lanes=tl.lanes, sources=tl.sources)
    text, losses = write_text(tl, fmt)
    result = read_text(text, format=fmt, name=f"x.{fmt}")
    assert [d.format() for d in result.diagnostics if d.is_error] == []
    back = result.timeline
    assert back is not None
    if fmt in WHOLE:
        assert to_data(back) == to_data(tl)
        return
    by_key: dict[tuple[str, str], Event] = {}
    for ev in back.events:
        by_key.setdefault((ev.id, ev.when.edtf) if fmt == "csv" else (ev.title, ev.when.edtf), ev)
    for ev in tl.events:
        if _named_in_other_losses(losses, ev):
            continue
        want = expected(losses, ev)
        match = by_key.get((ev.id, ev.when.edtf) if fmt == "csv" else (want.title, ev.when.edtf))
        assert match is not None, f"{ev.id}: {want.title!r} ({ev.when.edtf}) did not come back: {sorted(by_key)}"
        assert carried(fmt, match) == carried(fmt, want), [d.message for d in losses]


@pytest.mark.parametrize(("fmt", "title", "what"), [
    (fmt, title, what) for fmt in sorted(set(ROUND_TRIP) - WHOLE)
    for title, what in ((" padded ", "trimmed"), ("", "blank"), ("two  spaces\tand\nlines", "one line"))
])
def test_a_changed_title_is_said_at_convert_time(fmt: str, title: str, what: str) -> None:
    """Padding, a blank title and (in one-line formats) whitespace runs are never changed without a warning."""
    tl = Timeline(title="T", events=(Event(id="e1", title=title or "  ", when=parse_date("1953")),))
    text, losses = write_text(tl, fmt)
    back = read_text(text, format=fmt, name=f"x.{fmt}").timeline
    assert back is not None
    if back.events[0].title != tl.events[0].title:
        assert named(losses, None, tl.events[0]), f"{tl.events[0].title!r} became {back.events[0].title!r} silently"


@pytest.mark.parametrize("fmt", ["timelinejs-csv", "timelinejs-json"])
@pytest.mark.parametrize("title", ["&\x0c0", "a \x0c b &", "Smith  & Jones", "x\x0by&", "x \x0b y <b>"])
def test_html_spaces_come_back_exactly(fmt: str, title: str) -> None:
    """TimelineJS cells are HTML, which reads a form feed as a space and collapses runs of them; U+000B is
    not HTML space.  Found by the property above: a title '&\\x0c0' came back as '& 0', with no warning."""
    import timeline

    tl = Timeline(title="T", events=(Event(id="e1", title=title, when=timeline.parse_date("1953"),
                                           text=f"{title} *t*"),))
    text, losses = write_text(tl, fmt)
    back = read_text(text, format=fmt, name=f"x.{fmt}").timeline
    assert (back.events[0].title, back.events[0].text) == (title, f"{title} *t*")
    assert losses == []
