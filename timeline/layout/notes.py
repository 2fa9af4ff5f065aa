"""Footnote numbering shared by every renderer.

One (source, locator) pair gets one number, numbered in order of first
use as the reader meets them: events in time order (each event's own
citations, then each claim's), then eras.  Linear in the number of
citations.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from timeline._memo import memo
from timeline.cite import Run, note
from timeline.model.records import Citation, Era, Event
from timeline.model.timeline import Timeline

__all__ = ["Footnotes", "Note", "note_runs", "number_footnotes", "timeline_footnotes"]


@attrs.frozen
class Note:
    """One numbered footnote: a source and a place in it, with the first quote given for it."""

    number: int
    source: str
    locator: str
    quote: str = ""

    @property
    def unsourced(self) -> str:
        """The note's text where the timeline lacks its source: the source id and the locator ("x, p. 3.")."""
        return f"{self.source}, {self.locator}." if self.locator else f"{self.source}."


@attrs.frozen
class Footnotes:
    """Every numbered note of a timeline, and the lookup from citation to number."""

    notes: tuple[Note, ...]
    numbers: dict[tuple[str, str], int] = attrs.field(eq=False, repr=False)

    def number(self, citation: Citation) -> int:
        """The note number of a citation."""
        return self.numbers[citation.key]

    def numbers_for(self, citations: Iterable[Citation]) -> tuple[int, ...]:
        """The distinct note numbers of some citations, in order of appearance."""
        numbers = self.numbers
        if citations.__class__ is tuple and len(citations) < 2:  # type: ignore[arg-type]  # most events: one or none
            return (numbers[citations[0].key],) if citations else ()  # type: ignore[index]
        return tuple(dict.fromkeys([numbers[c.key] for c in citations]))

    def __len__(self) -> int:
        return len(self.notes)


def number_footnotes(events: Sequence[Event], eras: Sequence[Era] = ()) -> Footnotes:
    """Number the citations of ``events`` (already in reading order), then of ``eras``."""
    numbers: dict[tuple[str, str], int] = {}
    notes: list[Note] = []
    item: Event | Era
    for item in (*events, *eras):  # type: ignore[assignment]  # mypy joins the two to object
        cites = item.all_citations if isinstance(item, Event) else item.citations
        for citation in cites:
            if citation.key not in numbers:
                numbers[citation.key] = len(notes) + 1
                notes.append(Note(len(notes) + 1, citation.source, citation.locator, citation.quote))
    return Footnotes(tuple(notes), numbers)


def timeline_footnotes(tl: Timeline) -> Footnotes:
    """Footnotes of a whole timeline in its reading order (events by date, then eras by date).

    Numbered once per timeline: the SVG and the HTML of one render both ask.
    """
    return memo(tl, "footnotes", lambda: _number_timeline(tl))


def _number_timeline(tl: Timeline) -> Footnotes:
    eras = sorted(tl.eras, key=lambda e: (e.when.sort_key, e.id))
    return number_footnotes(tl.sorted_events(), eras)


def note_runs(tl: Timeline) -> tuple[tuple[Run, ...] | None, ...]:
    """The Chicago runs of each footnote of ``timeline_footnotes(tl)``, in its order (None where the
    source is unknown).  Made once per timeline: the SVG source list and the HTML notes both ask."""
    return memo(tl, "note_runs", lambda: _note_runs(tl))


def _note_runs(tl: Timeline) -> tuple[tuple[Run, ...] | None, ...]:
    sources = tl.sources
    out: list[tuple[Run, ...] | None] = []
    for n in timeline_footnotes(tl).notes:
        src = sources.get(n.source)
        out.append(note(src, n.locator) if src is not None else None)
    return tuple(out)
