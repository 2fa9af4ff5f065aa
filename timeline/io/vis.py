"""vis-timeline items (``{id, content, start, end, type, group, className, title}``) and groups, read and written.

Input is the JSON a page loads (an array of items, or ``{"items": [...],
"groups": [...]}``) or the literals copied out of a page's script
(:mod:`timeline.io.jsliteral`: ``new Date(1939, 8, 1)`` is 1 September
1939, as JavaScript counts months from 0).  ``background`` items become
eras; groups become lanes, nested groups flattened as ``Parent / Child``;
``content`` HTML becomes a plain title and ``title`` (the tooltip) the
event's text, through our inline-markup policy; ``className`` words become
tags.  Dates keep the precision written (``2014-04`` is a month) and their
time of day; a number is a moment in milliseconds since 1970 (UTC).  An
item's ``end`` is read as the last day or moment it covers.

Writing (:mod:`timeline.io.viswrite`) gives the same shape back.
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from typing import Any

from timeline.dates import Span, parse_date
from timeline.errors import DateError
from timeline.io.common import Collector, ReadOptions, ReadResult
from timeline.io.jsliteral import JsDate, JsSyntaxError, parse_literals
from timeline.io.jsonpos import with_lines
from timeline.io.limits import line_col, normalise_text
from timeline.io.markup import html_to_markup, html_to_plain
from timeline.io.slugs import IdAllocator, date_slug, slugify
from timeline.io.skipping import validate_items
from timeline.io.validate import ModelPath, Where
from timeline.model.records import Era, Event, Lane
from timeline.model.timeline import Timeline

__all__ = ["read_vis_text", "sniff"]

_ISO = re.compile(r"([+-]\d{6}|\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?"
                  r"(Z|[+-]\d{2}:?\d{2})?)?)?)?", re.ASCII)
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")
_ITEM_KEYS = {"id", "content", "start", "end", "type", "group", "className", "title"}
_GROUP_KEYS = {"id", "content", "nestedGroups", "title"}


def _is_items(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(x, dict) for x in value) and \
        any("start" in x for x in value)


def sniff(probe: Any) -> bool:
    """vis-timeline JSON: an array of items with ``start``, or an object with an ``items`` array."""
    data = probe.json
    return _is_items(data) or (isinstance(data, dict) and isinstance(data.get("items"), list)
                               and "format" not in data)


class _Reader:
    def __init__(self, name: str, collector: Collector) -> None:
        self.name = name
        self.c = collector
        self.lanes: dict[str, Lane] = {}
        self.lane_ids = IdAllocator()
        self.group_path: dict[str, str] = {}  # group id -> "Parent / Child" label
        self.dropped_keys: set[str] = set()
        self.dropped_group_keys: dict[str, str] = {}  # group field not kept -> the first pointer
        self.group_title: dict[str, str] = {}
        self.group_at: dict[str, str] = {}  # group id -> its pointer
        self.dropped_tags: set[str] = set()
        self.first_dropped: dict[str, str] = {}  # "keys"/"tags" -> the pointer of the first item that lost some
        self.events: list[Event] = []
        self.eras: list[Era] = []
        self.where: list[str] = []
        self.ids = IdAllocator()

    def err(self, pointer: str, message: str) -> None:
        self.c.error(message, self.name, pointer=pointer)

    def groups(self, groups: Any, pointer: str) -> None:
        if not isinstance(groups, list):
            self.err(pointer, "expected an array of groups")
            return
        labels: dict[str, str] = {}
        parent: dict[str, str] = {}
        for i, group in enumerate(groups):
            if not isinstance(group, dict) or "id" not in group:
                self.err(f"{pointer}[{i}]", "a group needs an 'id'")
                continue
            gid = str(group["id"])
            content = html_to_plain(str(group.get("content", gid)))
            labels[gid] = content.text or gid
            if content.dropped:
                self.dropped_tags.update(content.dropped)
                self.first_dropped.setdefault("tags", f"{pointer}[{i}].content")
            if group.get("title"):  # the group's tooltip: its lane's description
                self.group_title[gid] = html_to_markup(str(group["title"])).text
            for key in group:
                if key not in _GROUP_KEYS and group[key] not in (None, ""):
                    self.dropped_group_keys.setdefault(key, f"{pointer}[{i}].{key}")
            self.group_at[gid] = f"{pointer}[{i}]"
            for child in group.get("nestedGroups") or ():
                parent[str(child)] = gid
        for gid in labels:
            path, seen, at = [labels[gid]], {gid}, gid
            while at in parent and parent[at] not in seen:
                at = parent[at]
                seen.add(at)
                path.insert(0, labels.get(at, at))
            self.group_path[gid] = " / ".join(path)

    def lane(self, group: Any, pointer: str) -> str | None:
        if group is None or group == "":
            return None
        gid = str(group)
        if gid not in self.group_path:
            self.c.warning(f"group {gid!r} is not among the groups; its items go in a lane of that name",
                           self.name, pointer=pointer)
            self.group_path[gid] = gid
        label = self.group_path[gid]
        if label not in self.lanes:
            self.lanes[label] = Lane(id=self.lane_ids.new(slugify(label, "lane")), label=label,
                                     description=self.group_title.get(gid, ""))
        return self.lanes[label].id

    def date(self, value: Any, pointer: str) -> str | None:
        """EDTF for a vis date value (string, milliseconds, new Date(...)); None after an error."""
        if isinstance(value, JsDate):
            if len(value.args) == 1:
                return self.date(value.args[0], pointer)
            if not value.args or not all(isinstance(a, int) and not isinstance(a, bool) for a in value.args):
                self.err(pointer, "new Date(...) needs a date string, a number, or whole numbers (year, month, ...)")
                return None
            y, m, *rest = value.args
            d, h, mi, s = (*rest, None, None, None, None)[:4]
            text = f"{_year(y)}-{m + 1:02d}" + (f"-{d:02d}" if d is not None else "")
            if h is not None:
                text += f"T{h:02d}:{(mi or 0):02d}" + (f":{s:02d}" if s is not None else "")
            return self._checked(text, pointer)
        if isinstance(value, bool) or value is None:
            self.err(pointer, f"expected a date, got {json.dumps(value)}")
            return None
        if isinstance(value, (int, float)):
            try:
                moment = _dt.datetime(1970, 1, 1, tzinfo=_dt.timezone.utc) + _dt.timedelta(milliseconds=value)
            except OverflowError:
                self.err(pointer, f"{value!r} milliseconds since 1970 is outside the dates a computer clock holds")
                return None
            return self._checked(moment.strftime("%Y-%m-%dT%H:%M:%SZ"), pointer)
        if not isinstance(value, str):
            self.err(pointer, f"expected a date, got {type(value).__name__}")
            return None
        match = _ISO.fullmatch(value.strip())
        if match is None:
            return self._checked(value.strip(), pointer)
        year, month, day, hour, minute, second, fraction, zone = match.groups()
        text = _year(int(year)) + (f"-{month}" if month else "") + (f"-{day}" if day else "")
        if hour:
            text += f"T{hour}:{minute}" + (f":{second}" if second else "")
            if fraction:
                self.c.warning(f"fractions of a second are not kept ({value!r})", self.name, pointer=pointer)
            text += "" if not zone else "Z" if zone == "Z" else zone if ":" in zone else f"{zone[:3]}:{zone[3:]}"
        return self._checked(text, pointer)

    def _checked(self, text: str, pointer: str) -> str | None:
        if not text.isascii() and _OTHER_DIGIT.search(text):
            self.err(pointer, f"the date {text!r} must be written with the digits 0-9 (vis-timeline reads no others)")
            return None
        try:
            when = parse_date(text)
        except DateError as exc:
            self.err(pointer, f"cannot read the date {text!r}: {exc.reason}")
            return None
        if isinstance(when, Span):
            self.err(pointer, f"{text!r} is a range; give its ends as 'start' and 'end'")
            return None
        return when.edtf

    def item(self, item: Any, pointer: str) -> None:
        if not isinstance(item, dict):
            self.err(pointer, "expected an item (an object with 'start' and 'content')")
            return
        unknown = [k for k in item if k not in _ITEM_KEYS]
        if unknown:
            self.dropped_keys.update(unknown)
            self.first_dropped.setdefault("keys", f"{pointer}.{unknown[0]}")
        if "start" not in item:
            self.err(pointer, "this item has no 'start', so it cannot be placed in time")
            return
        start = self.date(item["start"], f"{pointer}.start")
        end = self.date(item["end"], f"{pointer}.end") if item.get("end") not in (None, "") else None
        if start is None or (item.get("end") not in (None, "") and end is None):
            return
        try:
            when = parse_date(start if end is None or end == start else f"{start}/{end}")
        except DateError as exc:
            self.err(f"{pointer}.end", exc.reason)
            return
        content = html_to_plain(str(item.get("content", "")))
        tooltip = html_to_markup(str(item.get("title", ""))) if item.get("title") else None
        if content.dropped or (tooltip and tooltip.dropped):
            self.dropped_tags.update(content.dropped + (tooltip.dropped if tooltip else ()))
            self.first_dropped.setdefault("tags", f"{pointer}.content" if content.dropped else f"{pointer}.title")
        title = content.text or when.display()
        text = tooltip.text if tooltip else ""
        linked = html_to_markup(str(item.get("content", ""))).text
        if "](" in linked:  # a link in the content: the title is plain, so the link goes first in the text
            text = "\n\n".join(x for x in (linked, text) if x)
        wanted = str(item["id"]) if item.get("id") is not None else ""
        kind = str(item.get("type") or "")
        if kind == "background":
            if not isinstance(when, Span):
                self.err(pointer, "a background item needs a 'start' and a different 'end' to become an era")
                return
            era_id, problem = self.ids.given(wanted, slugify(title, "era"))
            if problem:
                self.c.warning(f"id {wanted!r} {problem.replace('event', 'item')}; this era's id is {era_id!r}",
                               self.name, pointer=f"{pointer}.id")
            if item.get("group") not in (None, ""):
                self.c.warning("a background item's group is not kept (eras span every lane)", self.name,
                               pointer=f"{pointer}.group")
            if str(item.get("className") or "").strip():
                self.c.warning("a background item's className is not kept (eras have no tags)", self.name,
                               pointer=f"{pointer}.className")
            self.eras.append(Era(id=era_id, label=title, when=when, text=text))
            return
        if kind not in ("", "box", "point", "range"):
            self.c.warning(f"unknown item type {kind!r} (vis-timeline knows box, point, range and background); "
                           f"read as an event", self.name, pointer=f"{pointer}.type")
        event_id, problem = self.ids.given(
            wanted, f"{slugify(title, 'event')}-{date_slug(when.edtf)}")
        if problem:
            self.c.warning(f"id {wanted!r} {problem}; this event's id is {event_id!r}", self.name,
                           pointer=f"{pointer}.id")
        tags = tuple(dict.fromkeys(str(item.get("className") or "").split()))
        self.events.append(Event(id=event_id, title=title, when=when, text=text,
                                 tags=tags, lane=self.lane(item.get("group"), f"{pointer}.group")))
        self.where.append(pointer)


def _ancestors(gid: str, reader: _Reader) -> set[str]:
    """The ids of the groups ``gid`` is nested in (their labels are part of its lane's)."""
    label = reader.group_path.get(gid, "")
    return {other for other, path in reader.group_path.items()
            if other != gid and label.startswith(path + " / ")}


def _year(year: int) -> str:
    if abs(year) > 9999:
        return f"Y{year}"
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def _load(text: str, name: str, collector: Collector) -> tuple[list[tuple[Any, str]], bool]:
    """The literals of the file with their pointer prefixes, and whether the text was plain JSON."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):  # not JSON, or too deep for json: the literal parser reports it
        pass
    else:
        return [(data, "$")], True
    comments: list[int] = []
    try:
        values = parse_literals(text, comments)
    except JsSyntaxError as exc:
        collector.error(f"neither JSON nor a JavaScript data literal: {exc.message}", name, exc.line, exc.column,
                        exc.source)
        return [], False
    except RecursionError:
        collector.error("the data nests too deeply", name, 1, 1)
        return [], False
    except ValueError:  # int() refuses a number of thousands of digits
        digits = re.search(r"[0-9]{4000,}", text)
        line, column, source = line_col(text, digits.start() if digits else 0)
        collector.error("a number has thousands of digits; a number must be at most 2**53", name, line, column,
                        source)
        return [], False
    if comments:
        line, column, source = line_col(text, comments[0])
        collector.note(f"{len(comments)} comment(s) (// or /* */) not kept; the first is here", name, line, column,
                       source)
    return [(v, "$" if i == 0 else f"${i + 1}") for i, v in enumerate(values)], False


def read_vis_text(text: str, name: str = "<string>", options: ReadOptions | None = None, *,
                  strict: bool = False) -> ReadResult:
    """Read vis-timeline items (and groups); return the timeline (or None) and every diagnostic."""
    strict = strict or bool(options and options.strict)
    collector = Collector(options)
    text = normalise_text(text)
    values, is_json = _load(text, name, collector)
    if collector.has_errors:
        return ReadResult(None, tuple(collector.sorted()))
    reader = _Reader(name, collector)
    items: list[tuple[Any, str]] = []
    for value, pointer in values:
        if isinstance(value, dict) and ("items" in value or "groups" in value):
            extra = [k for k in value if k not in ("items", "groups")]
            if extra:
                collector.warning(f"fields not kept: {', '.join(extra)} (only 'items' and 'groups' are read)", name,
                                  pointer=f"{pointer}.{extra[0]}")
            if "groups" in value:
                reader.groups(value["groups"], f"{pointer}.groups")
            if "items" in value:
                items.append((value["items"], f"{pointer}.items"))
        elif _is_items(value) or (isinstance(value, list) and not value):
            items.append((value, pointer))
        elif isinstance(value, list):
            reader.groups(value, pointer)
        else:
            collector.error("expected an array of items, or an object with 'items' (and 'groups')", name,
                            pointer=pointer)
    for array, pointer in items:
        if not isinstance(array, list):
            collector.error("expected an array of items", name, pointer=pointer)
            continue
        for i, item in enumerate(array):
            with collector.item("item"):
                reader.item(item, f"{pointer}[{i}]")
    if reader.dropped_keys:
        collector.warning(f"item fields not kept: {', '.join(sorted(reader.dropped_keys))} (the first is here)", name,
                          pointer=reader.first_dropped["keys"])
    if reader.dropped_group_keys:
        collector.warning(f"group fields not kept: {', '.join(sorted(reader.dropped_group_keys))} (the first is "
                          f"here)", name, pointer=next(iter(reader.dropped_group_keys.values())))
    used = {gid for gid, label in reader.group_path.items() if label in reader.lanes}
    parents = {p for gid in used for p in _ancestors(gid, reader)}
    empty = [gid for gid in reader.group_at if gid not in used and gid not in parents]
    if empty:
        collector.warning(f"group(s) with no items are not kept (a lane needs events): "
                          f"{', '.join(repr(reader.group_path.get(g, g)) for g in empty)}", name,
                          pointer=reader.group_at[empty[0]])
    if reader.dropped_tags:
        collector.warning(f"HTML tags other than links and emphasis were dropped, keeping their text: "
                          f"{', '.join(sorted(reader.dropped_tags))} (the first is here)", name,
                          pointer=reader.first_dropped["tags"])
    order = list(dict.fromkeys(reader.group_path.values()))  # lanes in the groups' order, as vis shows them
    lanes = sorted(reader.lanes.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else len(order))
    tl = Timeline(title="Timeline", events=tuple(reader.events), eras=tuple(reader.eras),
                  lanes=tuple(lane for _, lane in lanes))

    def locate(path: ModelPath) -> Where | None:
        if len(path) >= 2 and path[0] == "events" and isinstance(path[1], int) and path[1] < len(reader.where):
            return Where(name, pointer=reader.where[path[1]])
        return None

    tl = validate_items(tl, locate, collector, name=name, strict=strict, noun="item",
                        uncited_hint="(vis-timeline items have no sources); add sources and citations after "
                                     "converting, see docs/interop.md")
    collector.summarise_skipped("item", name)
    diagnostics = collector.sorted()
    return ReadResult(None if collector.has_errors else tl,
                      tuple(with_lines(diagnostics, text) if is_json else diagnostics))
