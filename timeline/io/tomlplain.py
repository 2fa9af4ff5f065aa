"""The TOML reader's fast path for a plain event table (issue 15).

Most event tables use a few keys with well-typed values: an id, a title, a
date, a lane, some text, tags and citations of known sources.  For such a
table :func:`plain_event` gives the fields at once; for anything else (an
unknown key, a wrong type, a bad id, claims, media, a calendar, a priority)
it declines with None and the reader's full path reads the table, writing
every diagnostic.  Both give the same event (tests/test_fast_paths.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from timeline._prechecked import prechecked
from timeline.dates import HistoricalDate, Span
from timeline.model.records import Citation, Event
from timeline.io.tomlvalues import CITATION_KEYS
from timeline.model.validators import is_valid_id

__all__ = ["PLAIN_EVENT_KEYS", "PlainEvent", "plain_event"]

#: The keys a plain event table may hold (all strings, tags a list of strings, citations a list).
PLAIN_EVENT_KEYS = frozenset({"id", "title", "when", "lane", "text", "tags", "note", "display_date", "citations"})
# Each value below is checked as the classes' validators check it (ids by is_valid_id, tuples made here).
_event, _citation = prechecked(Event), prechecked(Citation)


def plain_event(table: Mapping[str, Any], good_ids: set[str]) -> PlainEvent | None:
    """The fields of a plain event table, its date still text, or None to read the table in full.

    ``good_ids`` holds the ids already found valid (sources repeat); new valid ones are added.
    """
    if not table.keys() <= PLAIN_EVENT_KEYS:
        return None
    get = table.get
    event_id, title, when = get("id"), get("title"), get("when")
    if type(event_id) is not str or type(title) is not str or type(when) is not str or not title:
        return None
    if not is_valid_id(event_id):
        return None
    text, note, display_date, lane = get("text", ""), get("note", ""), get("display_date", ""), get("lane", "")
    if type(text) is not str or type(note) is not str or type(display_date) is not str or type(lane) is not str:
        return None
    tags = get("tags", ())
    if type(tags) is str:
        tags = (tags,)
    elif type(tags) is list and all(type(tag) is str for tag in tags):
        tags = tuple(tags)
    elif tags != ():
        return None
    citations = _citations(get("citations", ()), good_ids)
    if citations is None:
        return None
    return PlainEvent(event_id, title, text, tags, lane or None, citations, note, display_date)


class PlainEvent(NamedTuple):
    """What :func:`plain_event` read: the fields of an :class:`~timeline.model.Event` but its date."""

    id: str
    title: str
    text: str
    tags: tuple[str, ...]
    lane: str | None
    citations: tuple[Citation, ...]
    note: str
    display_date: str

    def event(self, when: HistoricalDate | Span) -> Event:
        """The event, on its date (a date :func:`~timeline.dates.parse_date` gave)."""
        return _event(self.id, self.title, when, self.text, self.tags, self.lane, self.citations, (), self.note,
                      None, self.display_date, None)


def _citations(raw: Any, good_ids: set[str]) -> tuple[Citation, ...] | None:
    if type(raw) is dict:
        raw = [raw]
    elif type(raw) is not list:
        return None if raw != () else ()
    out = []
    for item in raw:
        if type(item) is str:
            source, locator, quote = item, "", ""
        elif type(item) is dict and item.keys() <= CITATION_KEYS:
            source, locator, quote = item.get("source"), item.get("locator", ""), item.get("quote", "")
            if type(locator) is not str or type(quote) is not str:
                return None
        else:
            return None
        if type(source) is not str or source not in good_ids:
            if type(source) is not str or not is_valid_id(source):
                return None
            good_ids.add(source)
        out.append(_citation(source, locator, quote))
    return tuple(out)
