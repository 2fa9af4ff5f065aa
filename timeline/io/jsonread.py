"""Our JSON format read: the data checked against the schema (docs/json.md), each problem at its JSON path.

Parsing, duplicate keys and lines for the paths come from :mod:`timeline.io.jsonpos`; every
problem is reported (an unknown key with a did-you-mean, a wrong type, a bad date) and reading
goes on, then the model passes the validation every reader's does, located by jsonlocate.py.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs

from timeline.dates import CALENDARS, HistoricalDate, Span, parse_date
from timeline.errors import DateError, UsageError
from timeline.io.common import Collector, ReadOptions, ReadResult, did_you_mean, read_file
from timeline.io.jsonfmt import _SOURCE_FIELDS, FORMAT_NAME, FORMAT_VERSION
from timeline.io.jsonlocate import JsonLocator
from timeline.io.jsonpos import open_json, with_lines
from timeline.io.limits import bounded_number
from timeline.io.validate import validate
from timeline.model.records import Citation, Claim, ClaimRank, Era, Event, Lane, Media, Quantity, Source, SourceKind
from timeline.model.timeline import Timeline
from timeline.model.validators import PRIORITY_RANGE, is_valid_id

__all__ = ["read_json", "read_json_text"]


# The keys each object may hold: what the TOML reader takes, plus what export adds for other programs
# (read back and ignored: "display", "earliest", "support"...).  Any other key is a mistake, as in TOML.
_DATE_KEYS = frozenset({"edtf", "text", "display", "earliest", "latest", "precision", "approximate", "uncertain",
                        "calendar"})
_KNOWN_KEYS = {
    "the file (top level)": frozenset({"format", "version", "timeline", "lanes", "eras", "events", "sources"}),
    "timeline": frozenset({"title", "subtitle", "description", "range"}),
    "a lane": frozenset({"id", "label", "description"}),
    "an era": frozenset({"id", "label", "when", "text", "citations"}),
    "an event": frozenset({"id", "title", "when", "date_label", "text", "tags", "lane", "note", "display_date",
                           "priority", "media", "citations", "claims", "support", "weak_only", "disputes"}),
    "a source": frozenset({"id", *(key for _, key in _SOURCE_FIELDS)}),
    "a date": _DATE_KEYS,
    "a citation": frozenset({"source", "locator", "quote"}),
    "a claim": frozenset({"about", "kind", "when", "quantity", "statement", "by", "text", "rank", "note", "citations"}),
    "a quantity": frozenset({"value", "low", "high", "approximate", "unit", "display"}),
    "media": frozenset(attrs.fields_dict(Media)),
}


class _JsonReader:
    """Builds a Timeline from our JSON data, reporting problems at JSON paths."""

    def __init__(self, name: str, collector: Collector, strict: bool = False) -> None:
        self.name = name
        self.strict = strict
        self.c = collector
        self.where = JsonLocator(name)
        self.index = self.where.index  # the JSON index of each model event, era and lane, filled in below

    def err(self, pointer: str, message: str) -> None:
        self.c.error(message, self.name, pointer=pointer)

    def obj(self, value: Any, pointer: str, what: str | None = None) -> dict[str, Any]:
        """The object at ``pointer`` ({} after an error); with ``what``, each key it may not hold is an error."""
        if not isinstance(value, dict):
            self.err(pointer, f"expected an object, got {type(value).__name__}")
            return {}
        if what is not None:
            known = _KNOWN_KEYS[what]
            for key in value:
                if key not in known:
                    self.err(f"{pointer}.{key}", f"unknown key '{key}' in {what}{did_you_mean(key, known)}")
        return value

    def seq(self, value: Any, pointer: str) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.err(pointer, f"expected an array, got {type(value).__name__}")
            return []
        return value

    def priority(self, data: dict[str, Any], pointer: str) -> int | None:
        value = data.get("priority")
        if value is None:
            return None
        low, high = PRIORITY_RANGE
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.err(f"{pointer}.priority", f"expected a whole number from {low} to {high}, got {value!r}")
            return None
        return value

    def text(self, data: dict[str, Any], key: str, pointer: str) -> str:
        value = data.get(key, "")
        if value is None:
            return ""
        if not isinstance(value, str):
            self.err(f"{pointer}.{key}", f"expected a string, got {type(value).__name__}")
            return ""
        return value

    def ident(self, data: dict[str, Any], pointer: str) -> str | None:
        value = data.get("id")
        if not is_valid_id(value):
            self.err(f"{pointer}.id", f"expected an id of letters, digits, '-', '_', '.', ':', got {value!r}")
            return None
        return value

    def strings(self, value: Any, pointer: str) -> tuple[str, ...]:
        if isinstance(value, str):
            return (value,)
        items = self.seq(value, pointer)
        if not all(isinstance(v, str) for v in items):
            self.err(pointer, "expected an array of strings")
            return ()
        return tuple(items)

    def date(self, value: Any, pointer: str) -> HistoricalDate | Span | None:
        if value is None:
            return None
        if isinstance(value, str):
            value = {"edtf": value}
        data = self.obj(value, pointer, "a date")
        edtf = data.get("edtf")
        if not isinstance(edtf, str):
            self.err(f"{pointer}.edtf", "a date needs an 'edtf' string")
            return None
        calendar = data.get("calendar", "gregorian")
        if calendar not in CALENDARS:
            self.err(f"{pointer}.calendar", f"unknown calendar {calendar!r}; expected one of {', '.join(CALENDARS)}")
            return None
        original = data.get("text")
        if isinstance(original, str) and original and original != edtf:
            # The wording can carry more than its EDTF ("the late 1940s" is a decade part,
            # its EDTF a range of years), so it is preferred when it means the same dates.
            try:
                worded = parse_date(original, calendar=calendar)
            except DateError:
                worded = None
            if worded is not None and worded.edtf == edtf and worded.calendar == calendar:
                return worded
        try:
            when = parse_date(edtf, calendar=calendar)
        except DateError as exc:
            self.err(f"{pointer}.edtf", str(exc))
            return None
        return attrs.evolve(when, text=original) if isinstance(original, str) else when

    def citations(self, value: Any, pointer: str) -> tuple[Citation, ...]:
        out = []
        for i, item in enumerate(self.seq(value, pointer)):
            p = f"{pointer}[{i}]"
            item = self.obj(item, p, "a citation")
            source = item.get("source")
            if not isinstance(source, str) or not source:
                self.err(f"{p}.source", "a citation needs a 'source' id")
                continue
            out.append(Citation(source=source, locator=self.text(item, "locator", p), quote=self.text(item, "quote", p)))
        return tuple(out)

    def quantity(self, value: Any, pointer: str) -> Quantity | None:
        if value is None:
            return None
        data = self.obj(value, pointer, "a quantity")
        nums = {}
        for key in ("value", "low", "high"):
            v = data.get(key)
            if v is not None and (isinstance(v, bool) or not isinstance(v, (int, float))):
                self.err(f"{pointer}.{key}", "expected a finite number")
                v = None
            elif v is not None and bounded_number(v):
                self.err(f"{pointer}.{key}", f"the number {bounded_number(v)}")
                v = None
            nums[key] = v
        approximate = data.get("approximate", False)
        if not isinstance(approximate, bool):
            self.err(f"{pointer}.approximate", f"expected true or false, got {type(approximate).__name__}")
        return Quantity(unit=self.text(data, "unit", pointer), approximate=approximate is True, **nums)

    def claims(self, value: Any, pointer: str) -> tuple[Claim, ...]:
        out = []
        for i, item in enumerate(self.seq(value, pointer)):
            p = f"{pointer}[{i}]"
            item = self.obj(item, p, "a claim")
            try:
                rank = ClaimRank(item.get("rank", "normal"))
            except ValueError:
                self.err(f"{p}.rank", f"unknown claim rank {item.get('rank')!r}")
                rank = ClaimRank.NORMAL
            fields = dict(
                about=self.text(item, "about", p) or "date", when=self.date(item.get("when"), f"{p}.when"),
                quantity=self.quantity(item.get("quantity"), f"{p}.quantity"),
                statement=self.text(item, "statement", p), by=self.text(item, "by", p), text=self.text(item, "text", p),
                rank=rank, note=self.text(item, "note", p), citations=self.citations(item.get("citations"), f"{p}.citations"),
            )
            try:
                out.append(Claim(**fields))
            except UsageError as exc:  # two values at once, or a statement about "date"
                self.err(f"{p}.statement", str(exc))
        return tuple(out)

    def build(self, data: Any) -> Timeline | None:
        if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
            self.err("$" if not isinstance(data, dict) else "$.format", _not_ours(data))
            return None
        root = data
        if root.get("version") != FORMAT_VERSION:
            self.err("$.version", f"unsupported version {root.get('version')!r}; this library reads version {FORMAT_VERSION}")
            return None
        self.obj(root, "$", "the file (top level)")
        head = self.obj(root.get("timeline", {}), "$.timeline", "timeline")
        events, eras, lanes, sources = [], [], [], {}
        try:
            for i, item in enumerate(self.seq(root.get("lanes"), "$.lanes")):
                item = self.obj(item, f"$.lanes[{i}]", "a lane")
                if self.ident(item, f"$.lanes[{i}]") is None:
                    continue
                lanes.append(Lane(id=item["id"], label=self.text(item, "label", f"$.lanes[{i}]"),
                                  description=self.text(item, "description", f"$.lanes[{i}]")))
                self.index["lanes"].append(i)
            for i, item in enumerate(self.seq(root.get("eras"), "$.eras")):
                p = f"$.eras[{i}]"
                item = self.obj(item, p, "an era")
                when = self.date(item.get("when"), f"{p}.when")
                if when is not None and self.ident(item, p) is not None:
                    eras.append(Era(id=item["id"], label=self.text(item, "label", p), when=when,
                                    text=self.text(item, "text", p), citations=self.citations(item.get("citations"), f"{p}.citations")))
                    self.index["eras"].append(i)
            for i, item in enumerate(self.seq(root.get("events"), "$.events")):
                p = f"$.events[{i}]"
                item = self.obj(item, p, "an event")
                when = self.date(item.get("when"), f"{p}.when")
                if when is None:
                    if item.get("when") is None:
                        self.err(f"{p}.when", "an event needs 'when'")
                    continue
                if self.ident(item, p) is None:
                    continue
                media = item.get("media")
                if media is not None:
                    media = self.obj(media, f"{p}.media", "media")
                    media = {k: self.text(media, k, f"{p}.media") for k in attrs.fields_dict(Media) if k in media}
                    if not media.get("url"):
                        self.err(f"{p}.media.url", "media needs a 'url' string")
                events.append(Event(
                    id=item["id"], title=self.text(item, "title", p), when=when, text=self.text(item, "text", p),
                    tags=self.strings(item.get("tags"), f"{p}.tags"), lane=self.text(item, "lane", p) or None,
                    citations=self.citations(item.get("citations"), f"{p}.citations"),
                    claims=self.claims(item.get("claims"), f"{p}.claims"), note=self.text(item, "note", p),
                    media=Media(**media) if media and media.get("url") else None,
                    display_date=self.text(item, "display_date", p), priority=self.priority(item, p),
                ))
                self.index["events"].append(i)
            for sid, item in sorted(self.obj(root.get("sources", {}), "$.sources").items()):
                p = f"$.sources.{sid}"
                item = self.obj(item, p, "a source")
                fields: dict[str, Any] = {}
                for attr, key in _SOURCE_FIELDS:
                    if item.get(key) is not None:
                        is_list = attr in ("author", "editor")
                        fields[attr] = self.strings(item[key], f"{p}.{key}") if is_list else self.text(item, key, p)
                if "kind" in fields:
                    try:
                        fields["kind"] = SourceKind(fields["kind"])
                    except ValueError:
                        self.err(f"{p}.kind", f"unknown source kind {fields['kind']!r}; expected one of "
                                 f"{', '.join(k.value for k in SourceKind)}")
                        del fields["kind"]
                sources[sid] = Source(id=sid, **fields)
        except (UsageError, ValueError, TypeError) as exc:
            self.err("$", f"invalid value: {exc}")
            return None
        title, subtitle = self.text(head, "title", "$.timeline"), self.text(head, "subtitle", "$.timeline")
        description, rng = self.text(head, "description", "$.timeline"), self.date(head.get("range"), "$.timeline.range")
        tl = Timeline(title=title or "Timeline", subtitle=subtitle, description=description, range=rng,
                      events=tuple(events), eras=tuple(eras), lanes=tuple(lanes), sources=sources)
        self.c.extend(validate(tl, self.where.locate, name=self.name, strict=self.strict, reader_errors=self.c.has_errors))
        return None if self.c.has_errors else tl


def _not_ours(data: Any) -> str:
    """Why JSON is not our format, naming the format it does look like (so the fix is one flag away)."""
    ours = f'not a timeline JSON file (ours is an object with "format": "{FORMAT_NAME}")'
    if isinstance(data, list):
        items = [x for x in data if isinstance(x, dict)]
        if items and all("start" in x for x in items):
            return f"{ours}; this array of items with 'start' looks like vis-timeline data: use --from vis"
        return f"{ours}; got an array, which none of the JSON formats we read has at its top"
    if not isinstance(data, dict):
        return f"{ours}; got {type(data).__name__ if data is not None else 'null'}"
    if isinstance(data.get("timeline"), dict) and "date" in data["timeline"]:
        return f"{ours}; this looks like a TimelineJS 2 file (timeline.date[]): use --from timelinejs2"
    if "format" in data:
        return f'{ours}; got "format": {json.dumps(data["format"])}'
    keys = ", ".join(sorted(map(str, data))[:6]) or "no keys"
    return f"{ours}; got an object with {keys} (TimelineJS files have 'events' with 'start_date')"


def read_json_text(text: str, name: str = "<string>", options: ReadOptions | None = None, *,
                   strict: bool = False) -> ReadResult:
    """Read our JSON from text; return the timeline (or None) and every diagnostic."""
    data, text, collector, strict, failed = open_json(text, name, options, strict)
    if failed is not None:
        return failed
    timeline = _JsonReader(name, collector, strict).build(data)
    return ReadResult(timeline, tuple(with_lines(collector.sorted(), text)))


def read_json(path: str | Path, *, strict: bool = False) -> ReadResult:
    """Read our JSON from a file."""
    return read_file(path, lambda text, name: read_json_text(text, name, strict=strict))
