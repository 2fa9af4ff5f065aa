"""The TOML reader's tables: [timeline], [sources.<id>], [[lanes]], [[eras]] and [[events]] with their claims.

:class:`TableReader` takes the parsed tables of each file in turn, builds
the model's records from them (their values through
:mod:`timeline.io.tomlvalues`), and keeps where each record was written
(:class:`~timeline.io.tomlfile.Located`), so that :meth:`TableReader.finish`
can assemble the timeline and hand the validation pass a way to locate what
it refuses (:mod:`timeline.io.tomllocate`).  A plain event table takes the
fast path of :mod:`timeline.io.tomlplain`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from timeline.dates import HistoricalDate, Span, parse_date
from timeline.errors import DateError, UsageError
from timeline.io.common import Collector
from timeline.io.tomlfile import KeyPath, Located, TomlFile, toml_type
from timeline.io.tomllocate import Origins, locate
from timeline.io.tomlplain import plain_event
from timeline.io.tomlvalues import (
    check_keys,
    read_calendar,
    read_choice,
    read_citations,
    read_id,
    read_media,
    read_priority,
    read_quantity,
    read_str,
    read_strings,
)
from timeline.io.validate import validate
from timeline.model.records import Claim, ClaimRank, Era, Event, Lane, Source, SourceKind
from timeline.model.timeline import Timeline
from timeline.model.validators import is_valid_id

__all__ = [
    "CLAIM_KEYS",
    "ERA_KEYS",
    "EVENT_KEYS",
    "LANE_KEYS",
    "SOURCE_KEYS",
    "TIMELINE_KEYS",
    "TOP_KEYS",
    "TableReader",
]

TOP_KEYS = frozenset({"timeline", "sources", "lanes", "eras", "events"})
TIMELINE_KEYS = frozenset({"title", "subtitle", "description", "range", "calendar"})
SOURCE_KEYS = frozenset({
    "type", "kind", "title", "author", "editor", "container-title", "publisher", "issued",
    "url", "archive", "archive_location", "note", "reliability", "file",
})
LANE_KEYS = frozenset({"id", "label", "description"})
ERA_KEYS = frozenset({"id", "label", "when", "calendar", "text", "citations"})
EVENT_KEYS = frozenset({
    "id", "title", "when", "calendar", "text", "lane", "tags", "citations", "claims", "note", "media", "display_date",
    "priority",
})
CLAIM_KEYS = frozenset({"about", "when", "calendar", "quantity", "statement", "by", "text", "rank", "note", "citations"})


class TableReader:
    """Turns parsed TOML tables into model objects, collecting diagnostics."""

    def __init__(self, collector: Collector) -> None:
        self.c = collector
        self.header: dict[str, Any] = {}
        self.header_at: dict[str, Located] = {}
        self.sources: dict[str, Located] = {}
        self.lanes: list[Located] = []
        self.eras: list[Located] = []
        self.events: list[Located] = []
        self.strays: list[Located] = []  # citations of events that could not be built, for the source check
        self.calendar = "gregorian"       # [timeline] calendar: the default for every date
        self.dates_read = 0
        self.good_ids: set[str] = set()   # ids found valid, for tomlplain (sources repeat)

    def _date(self, f: TomlFile, raw: Any, path: KeyPath, calendar: str | None = None) -> HistoricalDate | Span | None:
        """A date value, in the table's calendar or else the timeline's (None, reported, when it is no date)."""
        self.dates_read += 1
        if not isinstance(raw, str):
            f.report(f"a date must be a string such as \"1953-03-05\" or \"June 1951\", got {toml_type(raw)}",
                     path, value=True)
            return None
        try:
            when = parse_date(raw, calendar=calendar or self.calendar)
        except DateError as exc:
            # +1 skips the opening quote of the TOML string.
            f.report(str(exc), path, value=True, offset=(exc.column or 1))
            return None
        return when  # parse_date itself refuses a range that ends before it starts

    # -- tables ---------------------------------------------------------------

    def read(self, f: TomlFile, data: Mapping[str, Any]) -> None:
        """Read one file's tables into the pending timeline."""
        check_keys(f, data, TOP_KEYS, (), "the file (top level)")
        self._timeline(f, data.get("timeline", {}))
        self._sources(f, data.get("sources", {}))
        for kind, reader in (("lanes", self._lane), ("eras", self._era), ("events", self._event)):
            items = data.get(kind, [])
            if not isinstance(items, list):
                f.report(f"'{kind}' must be an array of tables ([[{kind}]]), got {toml_type(items)}", (kind,))
                continue
            for i, item in enumerate(items):
                if not isinstance(item, dict):
                    f.report(f"each entry of '{kind}' must be a table", (kind, i))
                    continue
                reader(f, item, (kind, i))

    def _timeline(self, f: TomlFile, table: Any) -> None:
        if not isinstance(table, dict):
            f.report("[timeline] must be a table", ("timeline",))
            return
        check_keys(f, table, TIMELINE_KEYS, ("timeline",), "[timeline]")
        if "calendar" in table:
            if self.dates_read:
                f.report("[timeline] calendar must be set before any date is read: put [timeline] in the first "
                         "file (files are read in name order)", ("timeline", "calendar"))
            self.calendar = read_calendar(f, table, ("timeline",), self.calendar)
        for key in sorted(TIMELINE_KEYS & table.keys() - {"calendar"}):
            path = ("timeline", key)
            if key in self.header_at:
                first = self.header_at[key]
                f.report(f"[timeline] '{key}' is set again (first set at {first.file.where(first.path)})", path)
                continue
            value = self._date(f, table[key], path) if key == "range" else read_str(f, table, key, ("timeline",))
            self.header[key] = value
            self.header_at[key] = Located(value, f, path)

    def _sources(self, f: TomlFile, table: Any) -> None:
        if not isinstance(table, dict):
            f.report("[sources] must hold tables such as [sources.smith2003]", ("sources",))
            return
        for sid, body in table.items():
            path = ("sources", sid)
            if not isinstance(body, dict):
                f.report(f"source '{sid}' must be a table [sources.{sid}]", path)
                continue
            if not is_valid_id(sid):
                f.report(f"source id {sid!r} must use letters, digits, '-', '_', '.' or ':'", path)
                continue
            if sid in self.sources:
                first = self.sources[sid]
                f.report(f"duplicate source id '{sid}' (first defined at {first.file.where(first.path)})", path)
                continue
            check_keys(f, body, SOURCE_KEYS, path, f"source '{sid}'")
            kind = read_choice(f, body, "kind", path, SourceKind.OTHER, "source kind")
            source = Source(
                id=sid, title=read_str(f, body, "title", path), type=read_str(f, body, "type", path) or "document",
                kind=kind, author=read_strings(f, body, "author", path), editor=read_strings(f, body, "editor", path),
                container_title=read_str(f, body, "container-title", path),
                publisher=read_str(f, body, "publisher", path), issued=read_str(f, body, "issued", path),
                url=read_str(f, body, "url", path), archive=read_str(f, body, "archive", path),
                archive_location=read_str(f, body, "archive_location", path), note=read_str(f, body, "note", path),
                reliability=read_str(f, body, "reliability", path), file=read_str(f, body, "file", path),
            )
            self.sources[sid] = Located(source, f, path)

    def _lane(self, f: TomlFile, table: Mapping[str, Any], path: KeyPath) -> None:
        check_keys(f, table, LANE_KEYS, path, "[[lanes]]")
        lane_id = read_id(f, table, path, "lane")
        if lane_id:
            lane = Lane(id=lane_id, label=read_str(f, table, "label", path),
                        description=read_str(f, table, "description", path))
            self.lanes.append(Located(lane, f, path))

    def _era(self, f: TomlFile, table: Mapping[str, Any], path: KeyPath) -> None:
        check_keys(f, table, ERA_KEYS, path, "[[eras]]")
        era_id = read_id(f, table, path, "era")
        label = read_str(f, table, "label", path, required=True)
        if "when" not in table:
            f.report("[[eras]] needs 'when', e.g. when = \"1941/1945\"", path)
            return
        when = self._date(f, table["when"], (*path, "when"), read_calendar(f, table, path, self.calendar))
        citations = read_citations(f, table, path)
        if era_id and when is not None:
            era = Era(id=era_id, label=label or era_id, when=when, text=read_str(f, table, "text", path),
                      citations=citations)
            self.eras.append(Located(era, f, path))

    def _event(self, f: TomlFile, table: Mapping[str, Any], path: KeyPath) -> None:
        plain = plain_event(table, self.good_ids)
        if plain is not None:  # a plain table: only its date can still be wrong
            when = self._date(f, table["when"], (*path, "when"))
            if when is None:
                self.strays += [Located(c, f, (*path, "citations")) for c in plain.citations]
            else:
                self.events.append(Located(plain.event(when), f, path))
            return
        check_keys(f, table, EVENT_KEYS, path, "[[events]]")
        event_id = read_id(f, table, path, "event")
        title = read_str(f, table, "title", path, required=True)
        calendar = read_calendar(f, table, path, self.calendar)
        when = self._date(f, table["when"], (*path, "when"), calendar) if "when" in table else None
        claims, claim_paths = self._claims(f, table, path, calendar)
        if "when" not in table:
            dated = [c for c in claims if c.is_date and c.when is not None]
            preferred = [c for c in dated if c.rank is ClaimRank.PREFERRED]
            if dated:
                when = (preferred or dated)[0].when
            elif not any(c.is_date for c in claims):
                f.report("event needs 'when', e.g. when = \"1953-03-05\" (or claims about its date)", path)
        lane = read_str(f, table, "lane", path) or None
        media = read_media(f, table.get("media"), (*path, "media"))
        citations = read_citations(f, table, path)
        if event_id and title and when is not None:
            try:
                event = Event(
                    id=event_id, title=title, when=when, text=read_str(f, table, "text", path),
                    tags=read_strings(f, table, "tags", path), lane=lane, citations=citations, claims=claims,
                    note=read_str(f, table, "note", path), media=media,
                    display_date=read_str(f, table, "display_date", path),
                    priority=read_priority(f, table, path),
                )
            except UsageError as exc:  # a validator refused a value the checks above let through
                f.report(str(exc), path)
                return
            self.events.append(Located(event, f, path, claim_paths))
        else:
            for c in citations:
                self.strays.append(Located(c, f, (*path, "citations")))
            for claim, cpath in zip(claims, claim_paths, strict=True):
                self.strays += [Located(c, f, (*cpath, "citations")) for c in claim.citations]

    def _claims(self, f: TomlFile, table: Mapping[str, Any], path: KeyPath,
                calendar: str = "gregorian") -> tuple[tuple[Claim, ...], tuple[KeyPath, ...]]:
        """The claims of an event, and the key path of each (the validation pass checks them)."""
        raw = table.get("claims", [])
        if not isinstance(raw, list):
            f.report("'claims' must be an array of tables ([[events.claims]])", (*path, "claims"))
            return (), ()
        out, paths = [], []
        for i, item in enumerate(raw):
            cpath = (*path, "claims", i)
            if not isinstance(item, dict):
                f.report("each claim must be a table", cpath)
                continue
            check_keys(f, item, CLAIM_KEYS, cpath, "a claim")
            about = read_str(f, item, "about", cpath) or "date"
            rank = read_choice(f, item, "rank", cpath, ClaimRank.NORMAL, "claim rank")
            when = (self._date(f, item["when"], (*cpath, "when"), read_calendar(f, item, cpath, calendar))
                    if "when" in item else None)
            quantity = read_quantity(f, item.get("quantity"), (*cpath, "quantity"))
            statement = read_str(f, item, "statement", cpath)
            values = [key for key in ("when", "quantity", "statement") if key in item]
            if len(values) > 1:
                f.report(f"a claim holds one value: 'when', 'quantity' or 'statement'; got {' and '.join(values)}",
                         (*cpath, values[1]))
                continue
            if about == "date" and "statement" in item:
                f.report("a statement claim needs 'about' to name what it is about, e.g. about = \"cause of death\"",
                         (*cpath, "statement"))
                continue
            citations = read_citations(f, item, cpath)
            if ("when" in item and when is None) or ("quantity" in item and quantity is None):
                continue  # already reported; an empty claim would only repeat it
            out.append(Claim(about=about, when=when, quantity=quantity, statement=statement,
                             by=read_str(f, item, "by", cpath), text=read_str(f, item, "text", cpath),
                             rank=rank, note=read_str(f, item, "note", cpath), citations=citations))
            paths.append(cpath)
        return tuple(out), tuple(paths)

    # -- cross-file checks and assembly -------------------------------------------

    def finish(self, strict: bool, name: str) -> Timeline | None:
        """Build the timeline, run the validation pass over it, and return it (None if there were errors)."""
        tl = Timeline(
            title=self.header.get("title") or "Timeline",
            subtitle=self.header.get("subtitle", ""),
            description=self.header.get("description", ""),
            range=self.header.get("range"),
            events=tuple(loc.value for loc in self.events),
            eras=tuple(loc.value for loc in self.eras),
            lanes=tuple(loc.value for loc in self.lanes),
            sources={sid: self.sources[sid].value for sid in sorted(self.sources)},
        )
        origins = Origins(self.header_at, self.sources, self.lanes, self.eras, self.events, self.strays)
        self.c.extend(validate(tl, lambda path: locate(origins, tl, path), name=name, strict=strict,
                               reader_errors=self.c.has_errors,
                               stray_citations=[loc.value for loc in self.strays]))
        return None if self.c.has_errors else tl
