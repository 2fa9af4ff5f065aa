"""The one validation pass every reader's model goes through.

A reader turns its syntax into model objects and reports what only it can
see (a bad date string, an unknown key, a cell that is not a number).  Then
it hands the draft :class:`~timeline.model.Timeline` to :func:`validate`,
with a ``locate`` function that says where a part of the model came from,
so the same mistake gets the same diagnostic whatever the format:

* duplicate event, era and lane ids;
* citations of undefined sources;
* events in lanes that are not declared (when lanes are declared);
* events outside the declared range (unless tagged ``context``);
* empty claims, and claims without their own citation;
* events without any citation (a warning; an error under ``strict``);
* events that only blog, forum or partisan sources back, whose title does not
  say whose claim it is (a warning; an error under ``strict``: see
  :mod:`timeline.support`);
* text fields over :data:`~timeline.io.limits.MAX_FIELD_CHARS` characters;
* links and URLs that will be shown as plain text (a warning: only http,
  https and mailto become links, :func:`timeline.markup.safe_url`);
* a file that holds no events at all.

``locate`` receives a model path such as ``("events", 3, "lane")``,
``("events", 3, "claims", 0, "citations", 1)`` or ``("sources", "smith")``
(indexes into the Timeline's tuples) and returns a :class:`Where`, or None
when it knows nothing that precise; the pass then asks for the parent path,
down to ``()``, and finally uses the file name alone.  A new reader calls::

    diagnostics = validate(timeline, locate, name=name, strict=strict)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import chain

import attrs

from timeline.errors import Diagnostic, Severity
from timeline.io.common import did_you_mean
from timeline.io.limits import MAX_FIELD_CHARS
from timeline.markup import find_links, safe_url, shorten_url
from timeline.dates import HistoricalDate, Span
from timeline.model.records import Citation, Event
from timeline.model.timeline import Timeline
from timeline.support import WEAK_KINDS, attribution_problem

__all__ = ["ModelPath", "Where", "validate"]

ModelPath = tuple[str | int, ...]


@attrs.frozen
class Where:
    """A place in an input file: path, 1-based line and column (0 = unknown), source line, JSON path."""

    path: str
    line: int = 0
    column: int = 0
    source_line: str | None = None
    pointer: str | None = None

    def short(self) -> str:
        """``file:line`` (or ``file:$.json.path``) for "first defined at" notes."""
        if self.line:
            return f"{self.path}:{self.line}"
        return f"{self.path}:{self.pointer}" if self.pointer else self.path


Locate = Callable[[ModelPath], "Where | None"]

#: Text fields checked for length, per kind of object.
_EVENT_TEXT = ("title", "text", "note", "display_date")
_SOURCE_TEXT = ("title", "container_title", "publisher", "issued", "url", "archive", "archive_location", "note",
                "reliability", "file")
#: What every ``[text](url)`` link holds (timeline.markup.find_links looks for it first).
_LINK = "]("


class _Pass:
    def __init__(self, tl: Timeline, locate: Locate, name: str, strict: bool) -> None:
        self.tl = tl
        self.locate = locate
        self.name = name
        self.strict = strict
        self.out: list[Diagnostic] = []

    def where(self, path: ModelPath) -> Where:
        for n in range(len(path), -1, -1):
            found = self.locate(path[:n])
            if found is not None:
                return found
        if len(path) >= 2 and path[0] == "lanes" and isinstance(path[1], int) and path[1] < len(self.tl.lanes):
            # A lane the format makes from a cell (Group, lane, group, section): at its first event.
            lane = self.tl.lanes[path[1]].id
            first = next((i for i, ev in enumerate(self.tl.events) if ev.lane == lane), None)
            if first is not None:
                return self.where(("events", first))
        if path[:1] == ("timeline",):
            return Where(self.name, 1, 1)  # a header the reader does not place: the top of the file
        return Where(self.name)

    def report(self, severity: Severity, message: str, path: ModelPath) -> None:
        w = self.where(path)
        self.out.append(Diagnostic(severity, message, w.path, w.line, w.column, w.source_line, w.pointer))

    def error(self, message: str, path: ModelPath) -> None:
        self.report(Severity.ERROR, message, path)

    def warning(self, message: str, path: ModelPath) -> None:
        self.report(Severity.ERROR if self.strict else Severity.WARNING, message, path)

    # -- the checks ------------------------------------------------------------

    def ids(self) -> None:
        for kind, items in (("event", self.tl.events), ("era", self.tl.eras), ("lane", self.tl.lanes)):
            first: dict[str, int] = {}
            for i, item in enumerate(items):
                if item.id in first:
                    at = self.where((f"{kind}s", first[item.id])).short()
                    self.error(f"duplicate {kind} id '{item.id}' (first defined at {at})", (f"{kind}s", i, "id"))
                else:
                    first[item.id] = i

    def citations(self) -> Iterator[tuple[Citation, ModelPath]]:
        for i, ev in enumerate(self.tl.events):
            for j, c in enumerate(ev.citations):
                yield c, ("events", i, "citations", j)
            for k, claim in enumerate(ev.claims):
                for j, c in enumerate(claim.citations):
                    yield c, ("events", i, "claims", k, "citations", j)
        for i, era in enumerate(self.tl.eras):
            for j, c in enumerate(era.citations):
                yield c, ("eras", i, "citations", j)

    def all_citations(self) -> Iterator[Citation]:
        """Every citation :meth:`citations` yields, without its path (the claims' after all the events')."""
        events = self.tl.events
        return chain(chain.from_iterable([ev.citations for ev in events]),
                     chain.from_iterable([claim.citations for ev in events for claim in ev.claims]),
                     chain.from_iterable([era.citations for era in self.tl.eras]))

    def sources(self, strays: Sequence[Citation]) -> None:
        known = self.tl.sources
        if {c.source for c in self.all_citations()} <= known.keys() and all(c.source in known for c in strays):
            return  # the common case, without a path per citation
        strays_at = [(c, ("stray", n)) for n, c in enumerate(strays)]
        for citation, path in [*self.citations(), *strays_at]:
            sid = citation.source
            if sid not in known:
                self.error(f"citation of undefined source '{sid}'{did_you_mean(sid, known)}; "
                           f"define it with [sources.{sid}]", path)

    def events(self, uncited_hint: str | None, reader_errors: bool) -> None:
        declared = {lane.id for lane in self.tl.lanes}
        rng = self.tl.range
        lo, hi = (None, None) if rng is None else (rng.first_day, rng.last_day)
        sources = self.tl.sources
        # An event rests on weak sources only when every source it cites is defined and weak
        # (timeline.support.weak_only); most timelines cite no weak source at all.
        weak = {sid for sid, src in sources.items() if src.kind in WEAK_KINDS}
        uncited: list[int] = []
        for i, ev in enumerate(self.tl.events):
            if declared and ev.lane and ev.lane not in declared:
                self.error(f"unknown lane '{ev.lane}'{did_you_mean(ev.lane, declared)}; declare it with [[lanes]]",
                           ("events", i, "lane"))
            cited = ev.all_citations if ev.claims else ev.citations
            if not cited:
                uncited.append(i)
                if uncited_hint is None:
                    self.warning(f"event '{ev.id}' has no citation", ("events", i))
            if rng is not None and _outside(ev.when, lo, hi) and not ev.is_context:
                self.error(f"event '{ev.id}' ({ev.when.display()}) is outside the declared range {rng.display()}; "
                           f"fix the date or tag it 'context'", ("events", i, "when"))
            if ev.claims:
                self.claims(i, ev)
            if weak and cited and all(c.source in weak for c in cited):
                problem = attribution_problem(ev, sources)
                if problem is not None:
                    self.warning(problem, ("events", i, "title"))
        if uncited and uncited_hint is not None:
            self.warning(f"{len(uncited)} event(s) have no citation {uncited_hint} (the first is here)",
                         ("events", uncited[0]))
        if not self.tl.events and not reader_errors:  # events the reader refused are not "no events"
            self.warning("the file holds no timeline: no events", ())

    def claims(self, i: int, ev: Event) -> None:
        for k, claim in enumerate(ev.claims):
            path = ("events", i, "claims", k)
            if claim.is_date and claim.when is None:
                self.error("a claim about the date needs 'when'", path)
            elif not claim.is_date and claim.quantity is None and not claim.statement and not claim.text:
                self.error(f"a claim about '{claim.about}' needs 'quantity' or 'statement'", path)
            if not claim.citations:
                self.report(Severity.WARNING, "a claim needs its own citation", path)

    def lengths(self) -> None:
        limit = MAX_FIELD_CHARS

        def check(value: str, path: ModelPath) -> None:
            if len(value) > limit:
                self.error(f"'{path[-1]}' is {len(value):,} characters long, over the {limit:,}-character "
                           f"limit for one text field; shorten it or move the text to a source", path)

        for key in ("title", "subtitle", "description"):
            check(getattr(self.tl, key), ("timeline", key))
        for i, ev in enumerate(self.tl.events):
            # Most events have short fields and no claims or media: one comparison each, no paths.
            if (ev.claims or ev.media is not None or len(ev.title) > limit or len(ev.text) > limit
                    or len(ev.note) > limit or len(ev.display_date) > limit
                    or (ev.tags and any(len(tag) > limit for tag in ev.tags))):
                self._event_lengths(i, ev, check)
        if any(len(c.locator) > limit or len(c.quote) > limit for c in self.all_citations()):
            for citation, path in self.citations():
                check(citation.locator, (*path, "locator"))
                check(citation.quote, (*path, "quote"))
        for i, era in enumerate(self.tl.eras):
            for key in ("label", "text"):
                check(getattr(era, key), ("eras", i, key))
        for i, lane in enumerate(self.tl.lanes):
            for key in ("label", "description"):
                check(getattr(lane, key), ("lanes", i, key))
        for sid, src in self.tl.sources.items():
            for key in _SOURCE_TEXT:
                check(getattr(src, key), ("sources", sid, key))

    @staticmethod
    def _event_lengths(i: int, ev: Event, check: Callable[[str, ModelPath], None]) -> None:
        for key in _EVENT_TEXT:
            check(getattr(ev, key), ("events", i, key))
        for j, tag in enumerate(ev.tags):
            check(tag, ("events", i, "tags", j))
        for k, claim in enumerate(ev.claims):
            for key in ("statement", "by", "text", "note"):
                check(getattr(claim, key), ("events", i, "claims", k, key))
        if ev.media is not None:
            for key in ("url", "credit", "caption", "alt", "thumbnail"):
                check(getattr(ev.media, key), ("events", i, "media", key))

    def links(self) -> None:
        allowed = "only http://, https:// and mailto: links are allowed"

        def scan(text: str, path: ModelPath) -> None:
            for _label, url in find_links(text):
                if safe_url(url) is None:
                    self.report(Severity.WARNING, f"link to '{shorten_url(url)}' will be shown as plain text: "
                                                  f"{allowed}", path)

        def url(value: str, path: ModelPath) -> None:
            if value and safe_url(value) is None:
                self.report(Severity.WARNING, f"URL '{shorten_url(value)}' will be shown as plain text: {allowed}",
                            path)

        scan(self.tl.description, ("timeline", "description"))
        link = _LINK  # find_links finds nothing in a text without it: most events' texts are not scanned
        for i, ev in enumerate(self.tl.events):
            if link in ev.text:
                scan(ev.text, ("events", i, "text"))
            if link in ev.note:
                scan(ev.note, ("events", i, "note"))
            for k, claim in enumerate(ev.claims):
                scan(claim.text, ("events", i, "claims", k, "text"))
                scan(claim.note, ("events", i, "claims", k, "note"))
            if ev.media is not None:
                url(ev.media.url, ("events", i, "media", "url"))
                scan(ev.media.caption, ("events", i, "media", "caption"))
                scan(ev.media.credit, ("events", i, "media", "credit"))
        for i, era in enumerate(self.tl.eras):
            scan(era.text, ("eras", i, "text"))
        for i, lane in enumerate(self.tl.lanes):
            scan(lane.description, ("lanes", i, "description"))
        for sid, src in self.tl.sources.items():
            url(src.url, ("sources", sid, "url"))
            scan(src.note, ("sources", sid, "note"))


def _outside(when: HistoricalDate | Span, lo: int | None, hi: int | None) -> bool:
    """True when a date lies wholly before day ``lo`` or wholly after day ``hi`` (None: that side is open)."""
    last, first = when.last_day, when.first_day
    return (lo is not None and last is not None and last < lo) or (hi is not None and first is not None and first > hi)


def validate(tl: Timeline, locate: Locate, *, name: str = "<string>", strict: bool = False,
             uncited_hint: str | None = None, reader_errors: bool = False,
             stray_citations: Sequence[Citation] = ()) -> list[Diagnostic]:
    """Every diagnostic of the shared checks for a draft timeline, located through ``locate``.

    ``strict`` turns the "no citation" and "no events" warnings into errors.
    ``uncited_hint``, for formats with little room for citations (TimelineJS, our
    CSV), makes the uncited events one summary warning, at the first of them,
    that goes on with the hint (e.g. "(TimelineJS has no sources); add..."),
    instead of one warning per event.  ``reader_errors`` says the reader already refused
    something, so an empty model is not reported as "no events".
    ``stray_citations`` are citations of objects the reader could not build (an
    event with a bad date): their sources are checked too, so every problem is
    reported at once; ``locate`` finds the n-th at ``("stray", n)``.
    """
    check = _Pass(tl, locate, name, strict)
    check.ids()
    check.sources(stray_citations)
    check.events(uncited_hint, reader_errors)
    check.lengths()
    check.links()
    return check.out
