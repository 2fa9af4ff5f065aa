"""Read TOML event files (one file, or a directory loaded as one timeline).

Reading never stops at the first problem: every diagnostic is collected
with its file, line and column, and :class:`~timeline.errors.LoadError`
carries them all.  The format is documented in ``docs/format.md``.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from timeline.dates import CALENDARS, HistoricalDate, Span, parse_date
from timeline.errors import DateError, UsageError
from timeline.io.common import (
    Collector,
    ReadOptions,
    ReadResult,
    decode_text,
    did_you_mean,
    read_bytes,
)
from timeline.io.limits import MAX_QUANTITY, bounded_number, line_col, lines_of, normalise_text
from timeline.io.positions import PositionIndex
from timeline.io.tomlplain import plain_event
from timeline.io.validate import ModelPath, Where, validate
from timeline.model.records import Citation, Claim, ClaimRank, Era, Event, Lane, Media, Quantity, Source, SourceKind
from timeline.model.timeline import Timeline
from timeline.model.validators import is_valid_id

__all__ = ["ReadResult", "read_toml", "read_toml_path", "read_toml_text"]

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
CITATION_KEYS = frozenset({"source", "locator", "quote"})
CLAIM_KEYS = frozenset({"about", "when", "calendar", "quantity", "statement", "by", "text", "rank", "note", "citations"})
QUANTITY_KEYS = frozenset({"value", "approximate", "low", "high", "unit"})
MEDIA_KEYS = frozenset({"url", "credit", "caption", "alt", "thumbnail"})
try:  # the optional "fast" extra: tomli's compiled wheel, ~4x faster, same messages (docs/design.md)
    import tomli as _toml_parser

    if not _toml_parser._parser.__file__.endswith((".so", ".pyd")):  # pure Python: no faster than the stdlib
        raise ImportError("tomli is not compiled")
except (ImportError, AttributeError):
    import tomllib as _toml_parser
_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)")

Path_ = tuple[str | int, ...]
E = TypeVar("E", bound=enum.Enum)


class _Located(NamedTuple):
    """A model object with the file and key path it came from (and, for events, where each claim is)."""

    value: Any
    file: _File
    path: Path_
    claim_paths: tuple[Path_, ...] = ()


class _File:
    """One TOML text with its positions; reports problems at keys and values."""

    def __init__(self, name: str, text: str, collector: Collector) -> None:
        self.name = name
        self.text = text
        self.collector = collector
        self._index: PositionIndex | None = None

    @property
    def index(self) -> PositionIndex:
        # Built lazily: a clean file never pays for the position scan.
        if self._index is None:
            self._index = PositionIndex(self.text)
        return self._index

    def report(self, message: str, path: Path_, *, value: bool = False, offset: int = 0,
               needle: str | None = None, warning: bool = False) -> None:
        """Record a diagnostic located at the key (or value, or a needle) of ``path``."""
        if needle is not None:
            pos = self.index.find_text(path, needle)
        elif value:
            pos = self.index.find_value(path)
        else:
            pos = self.index.find(path)
        line, column, source = (pos.line, pos.column + offset, pos.text) if pos else (0, 0, None)
        add = self.collector.warning if warning else self.collector.error
        add(message, self.name, line, column, source)

    def where(self, path: Path_) -> str:
        """``file:line`` of a path, for "first defined at" notes."""
        pos = self.index.find(path)
        return f"{self.name}:{pos.line}" if pos else self.name


class _Reader:
    """Turns parsed TOML tables into model objects, collecting diagnostics."""

    def __init__(self, collector: Collector) -> None:
        self.c = collector
        self.header: dict[str, Any] = {}
        self.header_at: dict[str, _Located] = {}
        self.sources: dict[str, _Located] = {}
        self.lanes: list[_Located] = []
        self.eras: list[_Located] = []
        self.events: list[_Located] = []
        self.strays: list[_Located] = []  # citations of events that could not be built, for the source check
        self.calendar = "gregorian"       # [timeline] calendar: the default for every date
        self.dates_read = 0
        self.good_ids: set[str] = set()   # ids found valid, for tomlplain (sources repeat)

    # -- small typed getters --------------------------------------------------

    def _unknown_keys(self, f: _File, table: Mapping[str, Any], allowed: frozenset[str], path: Path_, what: str) -> None:
        for key in table:
            if key not in allowed:
                f.report(f"unknown key '{key}' in {what}{did_you_mean(key, allowed)}", (*path, key))

    def _str(self, f: _File, table: Mapping[str, Any], key: str, path: Path_, required: bool = False) -> str:
        value = table.get(key)
        if value is None:
            if required:
                f.report(f"missing required key '{key}'", path)
            return ""
        if not isinstance(value, str):
            f.report(f"'{key}' must be a string, got {_toml_type(value)}", (*path, key), value=True)
            return ""
        return value

    def _priority(self, f: _File, table: Mapping[str, Any], path: Path_) -> int | None:
        value = table.get("priority")
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not -1000 <= value <= 1000:
            f.report(f"'priority' must be a whole number from -1000 to 1000 (higher is labelled first), "
                     f"got {value!r}", (*path, "priority"), value=True)
            return None
        return value

    def _choice(self, f: _File, table: Mapping[str, Any], key: str, path: Path_, default: E, what: str) -> E:
        """An enum member named by a string key, or ``default`` (with an error) for an unknown name."""
        text = self._str(f, table, key, path) or default.value
        try:
            return type(default)(text)
        except ValueError:
            choices = [member.value for member in type(default)]
            f.report(f"unknown {what} '{text}'{did_you_mean(text, choices)}; expected one of {', '.join(choices)}",
                     (*path, key), value=True)
            return default

    def _strings(self, f: _File, table: Mapping[str, Any], key: str, path: Path_) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            f.report(f"'{key}' must be a list of strings, got {_toml_type(value)}", (*path, key), value=True)
            return ()
        return tuple(value)

    def _id(self, f: _File, table: Mapping[str, Any], path: Path_, what: str) -> str | None:
        value = self._str(f, table, "id", path, required=True)
        if value and not is_valid_id(value):
            f.report(f"{what} id {value!r} must use letters, digits, '-', '_', '.' or ':'", (*path, "id"), value=True)
            return None
        return value or None

    def _calendar(self, f: _File, table: Mapping[str, Any], path: Path_, default: str) -> str:
        """The ``calendar`` key of a table ("gregorian" or "julian"), or ``default``."""
        if "calendar" not in table:
            return default
        value = self._str(f, table, "calendar", path)
        if value not in CALENDARS:
            f.report(f"unknown calendar {value!r}{did_you_mean(value, CALENDARS)}; expected one of "
                     f"{', '.join(CALENDARS)}", (*path, "calendar"), value=True)
            return default
        return value

    def _date(self, f: _File, raw: Any, path: Path_, calendar: str | None = None) -> HistoricalDate | Span | None:
        self.dates_read += 1
        if not isinstance(raw, str):
            f.report(f"a date must be a string such as \"1953-03-05\" or \"June 1951\", got {_toml_type(raw)}",
                     path, value=True)
            return None
        try:
            when = parse_date(raw, calendar=calendar or self.calendar)
        except DateError as exc:
            # +1 skips the opening quote of the TOML string.
            f.report(str(exc), path, value=True, offset=(exc.column or 1))
            return None
        return when  # parse_date itself refuses a range that ends before it starts

    def _citations(self, f: _File, table: Mapping[str, Any], path: Path_) -> tuple[Citation, ...]:
        raw = table.get("citations", [])
        if isinstance(raw, dict):
            raw = [raw]
        if not isinstance(raw, list):
            f.report(f"'citations' must be a list of tables like {{ source = \"id\", locator = \"p. 3\" }}, "
                     f"got {_toml_type(raw)}", (*path, "citations"), value=True)
            return ()
        out = []
        for i, item in enumerate(raw):
            cpath = (*path, "citations", i)
            if isinstance(item, str):
                item = {"source": item}
            if not isinstance(item, dict):
                f.report(f"a citation must be a table like {{ source = \"id\" }}, got {_toml_type(item)}",
                         (*path, "citations"), value=True)
                continue
            for key in item:
                if key not in CITATION_KEYS:
                    f.report(f"unknown key '{key}' in citation{did_you_mean(key, CITATION_KEYS)}",
                             (*path, "citations"), needle=key)
            source = self._str(f, item, "source", cpath)
            if not source:
                f.report("citation needs 'source', the id of a [sources.<id>] table", (*path, "citations"))
                continue
            if not is_valid_id(source):
                f.report(f"citation source {source!r} is not a valid id", (*path, "citations"), needle=source)
                continue
            out.append(Citation(source=source, locator=self._str(f, item, "locator", cpath),
                                quote=self._str(f, item, "quote", cpath)))
        return tuple(out)

    # -- tables ---------------------------------------------------------------

    def read(self, f: _File, data: Mapping[str, Any]) -> None:
        """Read one file's tables into the pending timeline."""
        self._unknown_keys(f, data, TOP_KEYS, (), "the file (top level)")
        self._timeline(f, data.get("timeline", {}))
        self._sources(f, data.get("sources", {}))
        for kind, reader in (("lanes", self._lane), ("eras", self._era), ("events", self._event)):
            items = data.get(kind, [])
            if not isinstance(items, list):
                f.report(f"'{kind}' must be an array of tables ([[{kind}]]), got {_toml_type(items)}", (kind,))
                continue
            for i, item in enumerate(items):
                if not isinstance(item, dict):
                    f.report(f"each entry of '{kind}' must be a table", (kind, i))
                    continue
                reader(f, item, (kind, i))

    def _timeline(self, f: _File, table: Any) -> None:
        if not isinstance(table, dict):
            f.report("[timeline] must be a table", ("timeline",))
            return
        self._unknown_keys(f, table, TIMELINE_KEYS, ("timeline",), "[timeline]")
        if "calendar" in table:
            if self.dates_read:
                f.report("[timeline] calendar must be set before any date is read: put [timeline] in the first "
                         "file (files are read in name order)", ("timeline", "calendar"))
            self.calendar = self._calendar(f, table, ("timeline",), self.calendar)
        for key in sorted(TIMELINE_KEYS & table.keys() - {"calendar"}):
            path = ("timeline", key)
            if key in self.header_at:
                first = self.header_at[key]
                f.report(f"[timeline] '{key}' is set again (first set at {first.file.where(first.path)})", path)
                continue
            value = self._date(f, table[key], path) if key == "range" else self._str(f, table, key, ("timeline",))
            self.header[key] = value
            self.header_at[key] = _Located(value, f, path)

    def _sources(self, f: _File, table: Any) -> None:
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
            self._unknown_keys(f, body, SOURCE_KEYS, path, f"source '{sid}'")
            kind = self._choice(f, body, "kind", path, SourceKind.OTHER, "source kind")
            source = Source(
                id=sid, title=self._str(f, body, "title", path), type=self._str(f, body, "type", path) or "document",
                kind=kind, author=self._strings(f, body, "author", path), editor=self._strings(f, body, "editor", path),
                container_title=self._str(f, body, "container-title", path),
                publisher=self._str(f, body, "publisher", path), issued=self._str(f, body, "issued", path),
                url=self._str(f, body, "url", path), archive=self._str(f, body, "archive", path),
                archive_location=self._str(f, body, "archive_location", path), note=self._str(f, body, "note", path),
                reliability=self._str(f, body, "reliability", path), file=self._str(f, body, "file", path),
            )
            self.sources[sid] = _Located(source, f, path)

    def _lane(self, f: _File, table: Mapping[str, Any], path: Path_) -> None:
        self._unknown_keys(f, table, LANE_KEYS, path, "[[lanes]]")
        lane_id = self._id(f, table, path, "lane")
        if lane_id:
            lane = Lane(id=lane_id, label=self._str(f, table, "label", path),
                        description=self._str(f, table, "description", path))
            self.lanes.append(_Located(lane, f, path))

    def _era(self, f: _File, table: Mapping[str, Any], path: Path_) -> None:
        self._unknown_keys(f, table, ERA_KEYS, path, "[[eras]]")
        era_id = self._id(f, table, path, "era")
        label = self._str(f, table, "label", path, required=True)
        if "when" not in table:
            f.report("[[eras]] needs 'when', e.g. when = \"1941/1945\"", path)
            return
        when = self._date(f, table["when"], (*path, "when"), self._calendar(f, table, path, self.calendar))
        citations = self._citations(f, table, path)
        if era_id and when is not None:
            era = Era(id=era_id, label=label or era_id, when=when, text=self._str(f, table, "text", path),
                      citations=citations)
            self.eras.append(_Located(era, f, path))

    def _event(self, f: _File, table: Mapping[str, Any], path: Path_) -> None:
        plain = plain_event(table, self.good_ids)
        if plain is not None:  # a plain table: only its date can still be wrong
            when = self._date(f, table["when"], (*path, "when"))
            if when is None:
                self.strays += [_Located(c, f, (*path, "citations")) for c in plain.citations]
            else:
                self.events.append(_Located(plain.event(when), f, path))
            return
        self._unknown_keys(f, table, EVENT_KEYS, path, "[[events]]")
        event_id = self._id(f, table, path, "event")
        title = self._str(f, table, "title", path, required=True)
        calendar = self._calendar(f, table, path, self.calendar)
        when = self._date(f, table["when"], (*path, "when"), calendar) if "when" in table else None
        claims, claim_paths = self._claims(f, table, path, calendar)
        if "when" not in table:
            dated = [c for c in claims if c.is_date and c.when is not None]
            preferred = [c for c in dated if c.rank is ClaimRank.PREFERRED]
            if dated:
                when = (preferred or dated)[0].when
            elif not any(c.is_date for c in claims):
                f.report("event needs 'when', e.g. when = \"1953-03-05\" (or claims about its date)", path)
        lane = self._str(f, table, "lane", path) or None
        media = self._media(f, table.get("media"), (*path, "media"))
        citations = self._citations(f, table, path)
        if event_id and title and when is not None:
            try:
                event = Event(
                    id=event_id, title=title, when=when, text=self._str(f, table, "text", path),
                    tags=self._strings(f, table, "tags", path), lane=lane, citations=citations, claims=claims,
                    note=self._str(f, table, "note", path), media=media,
                    display_date=self._str(f, table, "display_date", path),
                    priority=self._priority(f, table, path),
                )
            except UsageError as exc:  # a validator refused a value the checks above let through
                f.report(str(exc), path)
                return
            self.events.append(_Located(event, f, path, claim_paths))
        else:
            for c in citations:
                self.strays.append(_Located(c, f, (*path, "citations")))
            for claim, cpath in zip(claims, claim_paths, strict=True):
                self.strays += [_Located(c, f, (*cpath, "citations")) for c in claim.citations]

    def _claims(self, f: _File, table: Mapping[str, Any], path: Path_,
                calendar: str = "gregorian") -> tuple[tuple[Claim, ...], tuple[Path_, ...]]:
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
            self._unknown_keys(f, item, CLAIM_KEYS, cpath, "a claim")
            about = self._str(f, item, "about", cpath) or "date"
            rank = self._choice(f, item, "rank", cpath, ClaimRank.NORMAL, "claim rank")
            when = (self._date(f, item["when"], (*cpath, "when"), self._calendar(f, item, cpath, calendar))
                    if "when" in item else None)
            quantity = self._quantity(f, item.get("quantity"), (*cpath, "quantity"))
            statement = self._str(f, item, "statement", cpath)
            values = [key for key in ("when", "quantity", "statement") if key in item]
            if len(values) > 1:
                f.report(f"a claim holds one value: 'when', 'quantity' or 'statement'; got {' and '.join(values)}",
                         (*cpath, values[1]))
                continue
            if about == "date" and "statement" in item:
                f.report("a statement claim needs 'about' to name what it is about, e.g. about = \"cause of death\"",
                         (*cpath, "statement"))
                continue
            citations = self._citations(f, item, cpath)
            if ("when" in item and when is None) or ("quantity" in item and quantity is None):
                continue  # already reported; an empty claim would only repeat it
            out.append(Claim(about=about, when=when, quantity=quantity, statement=statement,
                             by=self._str(f, item, "by", cpath), text=self._str(f, item, "text", cpath),
                             rank=rank, note=self._str(f, item, "note", cpath), citations=citations))
            paths.append(cpath)
        return tuple(out), tuple(paths)

    def _quantity(self, f: _File, raw: Any, path: Path_) -> Quantity | None:
        if raw is None:
            return None
        if isinstance(raw, (int, float)) and not isinstance(raw, bool):
            problem = bounded_number(raw)
            if problem:
                f.report(f"quantity {problem}", path, value=True)
                return None
            return Quantity(value=raw)
        if not isinstance(raw, dict):
            f.report(f"'quantity' must be a number or a table like {{ value = 1500000, approximate = true }}, "
                     f"got {_toml_type(raw)}", path, value=True)
            return None
        for key in raw:
            if key not in QUANTITY_KEYS:
                f.report(f"unknown key '{key}' in quantity{did_you_mean(key, QUANTITY_KEYS)}", path, needle=key)
        numbers = {}
        for key in ("value", "low", "high"):
            value = raw.get(key)
            if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
                f.report(f"quantity '{key}' must be a number, got {_toml_type(value)}", path, needle=key)
                return None
            problem = bounded_number(value) if value is not None else None
            if problem:
                f.report(f"quantity '{key}' {problem}", path, needle=key)
                return None
            numbers[key] = value
        if all(v is None for v in numbers.values()):
            f.report("quantity needs 'value', or 'low' and/or 'high'", path, value=True)
            return None
        unit, approximate = raw.get("unit", ""), raw.get("approximate", False)
        if not isinstance(unit, str):
            f.report(f"quantity 'unit' must be a string, got {_toml_type(unit)}", path, needle="unit")
            return None
        if not isinstance(approximate, bool):
            f.report(f"quantity 'approximate' must be true or false, got {_toml_type(approximate)}", path,
                     needle="approximate")
            return None
        return Quantity(unit=unit, approximate=approximate, **numbers)

    def _media(self, f: _File, raw: Any, path: Path_) -> Media | None:
        if raw is None:
            return None
        if isinstance(raw, str):
            raw = {"url": raw}
        if not isinstance(raw, dict) or not isinstance(raw.get("url"), str):
            f.report("'media' must be a table with a 'url'", path, value=True)
            return None
        for key in raw:
            if key not in MEDIA_KEYS:
                f.report(f"unknown key '{key}' in media{did_you_mean(key, MEDIA_KEYS)}", path, needle=key)
        for key, value in raw.items():
            if key in MEDIA_KEYS and not isinstance(value, str):
                f.report(f"media '{key}' must be a string, got {_toml_type(value)}", path, needle=key)
                return None
        return Media(**{k: v for k, v in raw.items() if k in MEDIA_KEYS})

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
        self.c.extend(validate(tl, lambda path: self._locate(tl, path), name=name, strict=strict,
                               reader_errors=self.c.has_errors,
                               stray_citations=[loc.value for loc in self.strays]))
        return None if self.c.has_errors else tl

    def _locate(self, tl: Timeline, path: ModelPath) -> Where | None:
        """Where a part of the model was written (see :mod:`timeline.io.validate`)."""
        if len(path) < 2:
            return None
        head, key, rest = path[0], path[1], path[2:]
        if head == "stray" and isinstance(key, int):
            loc = self.strays[key]
            pos = loc.file.index.find_text(loc.path, f'"{loc.value.source}"')
            return Where(loc.file.name, pos.line, pos.column + 1, pos.text) if pos else None
        if head == "timeline":
            loc = self.header_at.get(str(key))
            return self._where(loc.file, loc.path, value=True) if loc else None
        if head == "sources":
            loc = self.sources.get(str(key))
            if loc is None:
                return None
            return self._where(loc.file, (*loc.path, str(rest[0]).replace("_", "-")) if rest else loc.path, bool(rest))
        items = {"events": self.events, "eras": self.eras, "lanes": self.lanes}.get(str(head))
        if items is None or not isinstance(key, int) or key >= len(items):
            return None
        loc = items[key]
        base = loc.path
        if len(rest) >= 2 and rest[0] == "claims" and isinstance(rest[1], int) and rest[1] < len(loc.claim_paths):
            base, rest = loc.claim_paths[rest[1]], rest[2:]
        elif rest and rest[0] == "claims":
            return None
        if not rest:
            return self._where(loc.file, base)
        if rest[0] == "media" and len(rest) >= 2:  # an inline table: find the value's text in it
            media = getattr(getattr(tl, str(head))[key], "media", None)
            value = getattr(media, str(rest[1]), "") if media is not None else ""
            pos = loc.file.index.find_text((*base, "media"), value) if value else None
            return Where(loc.file.name, pos.line, pos.column, pos.text) if pos else self._where(loc.file, (*base, "media"))
        if rest[0] == "citations" and len(rest) >= 2:
            citation = _citation_at(tl, path)
            pos = loc.file.index.find_text((*base, "citations"), f'"{citation.source}"') if citation else None
            if pos is None:
                return self._where(loc.file, (*base, "citations"))
            return Where(loc.file.name, pos.line, pos.column + 1, pos.text)
        return self._where(loc.file, (*base, rest[0]), value=True)

    @staticmethod
    def _where(f: _File, path: Path_, value: bool = False) -> Where | None:
        pos = f.index.find_value(path) if value else f.index.find(path)
        if pos is None and value:
            pos = f.index.find(path)
        return Where(f.name, pos.line, pos.column, pos.text) if pos else None


def _citation_at(tl: Timeline, path: ModelPath) -> Citation | None:
    """The citation a model path such as ("events", 2, "claims", 0, "citations", 1) names."""
    try:
        owner: Any = getattr(tl, str(path[0]))[path[1]]
        if path[2] == "claims":
            owner = owner.claims[path[3]]
        return owner.citations[path[-1]]
    except (AttributeError, IndexError, TypeError):
        return None


def _toml_type(value: Any) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a float", str: "a string", list: "an array", dict: "a table"}
    return names.get(type(value), type(value).__name__)


def _parse_file(name: str, text: str, reader: _Reader, collector: Collector) -> None:
    try:
        data = _toml_parser.loads(text)
    except _toml_parser.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_POS.search(message)
        line = int(match.group(1)) if match else 0
        column = int(match.group(2)) if match else 0
        lines = lines_of(text.rstrip("\n"))
        if not match and "end of document" in message:
            line, column = max(len(lines), 1), len(lines[-1]) + 1 if lines else 1
        source = lines[line - 1] if 0 < line <= len(lines) else None
        clean = _TOML_POS.sub("", message).strip().rstrip(".")
        collector.error(f"TOML syntax: {clean[:1].lower()}{clean[1:]}", name, line, column, source)
        return
    except RecursionError:  # the parser recurses once per nested array or inline table
        collector.error("TOML nests arrays or inline tables too deeply", name, 1, 1)
        return
    except ValueError:  # tomllib lets int() refuse an integer over Python's 4,300-digit limit
        digits = re.search(r"[0-9][0-9_]{4000,}", text)
        line, column, source = line_col(text, digits.start() if digits else 0)
        collector.error("TOML integer has thousands of digits; a number must be at most "
                        f"{MAX_QUANTITY:,}", name, line, column, source)
        return
    reader.read(_File(name, text, collector), data)


def read_toml_text(text: str, name: str = "<string>", options: ReadOptions | None = None, *,
                   strict: bool = False) -> ReadResult:
    """Read TOML event text; return the timeline (or None) and every diagnostic."""
    strict = strict or bool(options and options.strict)
    collector = Collector()
    reader = _Reader(collector)
    _parse_file(name, normalise_text(text), reader, collector)
    timeline = reader.finish(strict, name)
    return ReadResult(timeline, tuple(collector.sorted()))


def read_toml_path(path: str | Path, options: ReadOptions | None = None) -> ReadResult:
    """Read a TOML file or directory with reader options (the format registry's entry point)."""
    return read_toml(path, strict=bool(options and options.strict))


def read_toml(path: str | Path, *, strict: bool = False) -> ReadResult:
    """Read a TOML file, or every ``*.toml`` in a directory (sorted by name) as one timeline."""
    path = Path(path)
    collector = Collector()
    reader = _Reader(collector)
    if path.is_dir():
        try:
            entries = sorted(p for p in path.iterdir() if p.suffix.lower() == ".toml")
        except OSError as exc:
            collector.error(f"cannot list the folder: {exc.strerror or exc}", str(path))
            entries = []
        files = [p for p in entries if p.is_file()]
        for p in entries:
            if p.is_symlink() and not p.exists():
                collector.error("symlink to a missing file (remove it or fix its target)", str(p))
            elif not p.is_file():
                collector.warning("not a regular file; skipped", str(p))
        if not entries:
            collector.error("directory holds no .toml event files", str(path))
    else:
        files = [path]
    for file in files:
        name = str(file)
        data = read_bytes(file, collector)
        text = decode_text(data, name, collector) if data is not None else None
        if text is not None:
            _parse_file(name, text, reader, collector)
    timeline = reader.finish(strict, str(path))
    return ReadResult(timeline, tuple(collector.sorted()))
