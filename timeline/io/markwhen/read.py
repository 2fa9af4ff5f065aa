"""Read Markwhen (``.mw``): the header, sections and groups, events with descriptions and properties.

* **Header** (front matter between ``---`` lines, or ``key: value`` lines
  before the first event): ``title``, ``description`` and ``dateFormat``
  (``d/M/y`` makes slashed dates day-first) are read; tag colours and other
  keys are not kept, said once in a warning.
* **Sections and groups** (``section``/``endSection``, ``group``/``endGroup``,
  ``# Heading`` levels) become lanes; nested ones are named ``Outer / Inner``.
* **Events** are ``DATES: title`` lines (:mod:`.when` reads the dates).
  ``#tags`` become tags, ``!name`` or an ``id:`` property names the event
  so others can say ``after !name``; other ``key: value`` lines right after
  the event line are kept in its note; the lines after that, up to the next
  event or section, are its text.  Text under no event (before the first, or
  at the top of a section) is kept as the timeline's or the lane's
  description, with a warning: Markwhen shows it nowhere, but it is the user's.
* A line whose dates cannot be a historical date (recurrence, ``now``,
  ``next week``) is an error at its line and column, or, under
  ``--skip-invalid``, a warning saying it was skipped.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import attrs

from timeline.dates import parse_date
from timeline.errors import DateError
from timeline.io.common import Collector, ReadOptions, ReadResult, did_you_mean
from timeline.io.limits import normalise_text
from timeline.io.markwhen.header import _KNOWN_HEADER, _PAGE_BREAK, _PROPERTY, HeaderReader, unquote
from timeline.io.markwhen.when import Point, Refused, Spec, parse_range
from timeline.io.slugs import IdAllocator, date_slug, slugify
from timeline.io.skipping import validate_items
from timeline.io.validate import ModelPath, Where
from timeline.model.records import Event, Lane
from timeline.model.timeline import Timeline

__all__ = ["read_markwhen_text"]

_TAG = re.compile(r"(?<![\w#])#([\w-]+)")
_YEARISH = re.compile(r"(?<![\d,.])\d{4}(?![\d,])")  # a year, so "1,000 people: ..." stays quiet
_BANG_ID = re.compile(r"(?<!\S)!([A-Za-z0-9][A-Za-z0-9_.:-]*)(?=\s|$)")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_GROUP = re.compile(r"^(section|group)(?:\s+(.*))?$", re.I)
_END = re.compile(r"^end\s*(section|group)\s*$", re.I)
_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")


class _Draft(NamedTuple):
    """An event line read but not yet dated (its dates may refer to later events)."""

    line: int
    column: int
    source: str
    spec: Spec
    title: str
    tags: tuple[str, ...]
    lane: str | None
    name: str | None  # the id others refer to it by
    properties: list[str]
    text: list[str]


class _Reader(HeaderReader):
    def __init__(self, text: str, name: str, collector: Collector) -> None:
        super().__init__(text, name, collector)
        self.drafts: list[_Draft] = []
        self.lanes: dict[str, Lane] = {}
        self.lane_ids = IdAllocator()
        self.stack: list[tuple[str, int, str]] = []  # (kind, heading level, label) of open sections/groups
        self.loose: dict[tuple[str, ...], list[str]] = {}  # lane labels -> text lines under no event
        self.described: dict[str, str] = {}  # lane label -> a section's description property

    # -- body ----------------------------------------------------------------------
    def read_body(self, start: int) -> None:
        current: _Draft | None = None
        in_properties = False
        refused_at = 0  # the line of the refused event line the text below belongs to
        for i in range(start, len(self.lines)):
            if i < self.skip_to:
                continue
            raw = self.lines[i]
            stripped = raw.strip()
            number = i + 1
            if stripped.startswith("//"):
                self.comment(number)
                continue
            if stripped == _PAGE_BREAK:
                current, in_properties, refused_at = None, False, 0
                self.page_header(i + 1)
                continue
            if self._structure(stripped, number):
                current, in_properties, refused_at = None, True, 0
                continue
            event = self._event(raw, number) if stripped else None
            if event is not None:
                if event is not False:
                    self.drafts.append(event)
                    current, in_properties, refused_at = event, True, 0
                else:
                    current, in_properties, refused_at = None, False, number
                continue
            if current is None:
                in_properties = self._loose_line(raw, number, in_properties, refused_at)
                if stripped:
                    refused_at = 0 if not refused_at else -refused_at  # said once per refused line
                continue
            prop = _PROPERTY.match(raw) if in_properties else None
            if prop is not None:
                current.properties.append(f"{prop.group(1)}: {self.value(prop.group(2) or '', number)}".rstrip())
                continue
            if in_properties and raw[:1].isspace() and stripped.startswith("- ") and current.properties:
                current.properties[-1] += " " + stripped
                continue
            in_properties = False
            if stripped and not _TAG.sub("", stripped).strip():  # a line of tags only: the event's tags
                current = current._replace(tags=tuple(dict.fromkeys((*current.tags, *_TAG.findall(stripped)))))
                self.drafts[-1] = current
                continue
            current.text.append(stripped)

    def _loose_line(self, raw: str, number: int, in_properties: bool, refused_at: int) -> bool:
        """A line under no event: a section's property, text of a refused line, or text kept as a description.

        Markwhen shows such text nowhere; it is kept as the description of the lane it is in (the
        timeline's outside any section), with one warning per place.  Returns whether property lines
        may still follow.
        """
        stripped = raw.strip()
        if not stripped:
            labels = tuple(label for _, _, label in self.stack if label)
            if self.loose.get(labels):
                self.loose[labels].append("")  # paragraphs stay apart
            return in_properties
        if refused_at:
            if refused_at > 0:
                self.warning(number, len(raw) - len(raw.lstrip()) + 1,
                             f"this text belongs to the event line refused at line {refused_at}, and is left out "
                             f"with it")
            return False
        prop = _PROPERTY.match(raw) if in_properties and self.stack else None
        if prop is not None and prop.group(1) == "description":  # Markwhen's own way to describe a section
            value = prop.group(2) or ""
            quoted = unquote(value)
            labels = tuple(label for _, _, label in self.stack if label)
            if labels:
                self._lane()
            self.described[" / ".join(labels)] = quoted if quoted is not None else self.value(value, number).strip()
            return True
        if prop is not None:
            self.warning(number, len(raw) - len(raw.lstrip()) + 1,
                         f"the property '{prop.group(1)}' of a section or group is not kept (lanes have a "
                         f"label and a description only)")
            return True
        labels = tuple(label for _, _, label in self.stack if label)
        if labels:
            self._lane()  # the lane takes its place in the order now, even if no event follows
        place = self.loose.setdefault(labels, [])
        if not place:
            where = f"the description of the lane '{' / '.join(labels)}'" if labels else "the timeline's description"
            self.warning(number, len(raw) - len(raw.lstrip()) + 1,
                         f"text outside any event is kept as {where} (Markwhen itself shows it nowhere)")
        place.append(stripped)
        return False

    def _structure(self, stripped: str, number: int) -> bool:
        """Open or close a section or group; True when the line was one."""
        end = _END.match(stripped)
        if end:
            kind = end.group(1).lower()
            for k in range(len(self.stack) - 1, -1, -1):
                if self.stack[k][0] == kind:
                    del self.stack[k:]
                    return True
            self.error(number, 1, f"'{stripped}' closes no open {kind}")
            return True
        opened = _GROUP.match(stripped)
        heading = _HEADING.match(stripped)
        if opened or (heading and not re.match(r"^#[\w-]+\s*:", stripped)):
            tags = _TAG.findall((opened or heading).group(2) or "")  # type: ignore[union-attr]
            if tags:
                self.warning(number, 1, f"tags of a section or group are not kept (they colour it in Markwhen; "
                                        f"its events keep their own tags): {', '.join('#' + t for t in tags)}")
        if opened:
            label = _TAG.sub("", opened.group(2) or "").strip()
            self.stack.append((opened.group(1).lower(), 0, label))
            return True
        if heading and not re.match(r"^#[\w-]+\s*:", stripped):
            level = len(heading.group(1))
            while self.stack and self.stack[-1][0] == "heading" and self.stack[-1][1] >= level:
                self.stack.pop()
            self.stack.append(("heading", level, _TAG.sub("", heading.group(2)).strip()))
            return True
        return False

    def _lane(self) -> str | None:
        labels = [label for _, _, label in self.stack if label]
        if not labels:
            return None
        label = " / ".join(labels)
        lane = self.lanes.get(label)
        if lane is None:
            lane = Lane(id=self.lane_ids.new(slugify(label, "lane")), label=label)
            self.lanes[label] = lane
        return lane.id

    def _event(self, raw: str, number: int) -> _Draft | bool | None:
        """The event a line starts; False when it tried to be one and was refused; None for other lines."""
        indent = len(raw) - len(raw.lstrip())
        line = raw.strip()
        for colon in [m.start() for m in re.finditer(r":(?=\s|$)", line)]:
            dates = line[:colon].strip()
            if not dates:
                continue
            with self.c.item("line") as scope:
                try:
                    spec = parse_range(dates, self.day_first)
                except Refused as exc:
                    self.error(number, indent + 1, str(exc))
                    spec = None
            if scope.failed:
                return False
            if spec is None:
                continue
            title = line[colon + 1:].strip()
            tags = tuple(dict.fromkeys(_TAG.findall(title)))
            bang = _BANG_ID.findall(title)
            if len(bang) > 1:
                self.warning(number, indent + 1, f"an event has one id: '!{bang[-1]}' is kept, "
                                                 f"{', '.join(repr('!' + b) for b in bang[:-1])} not")
            title = " ".join(_BANG_ID.sub("", _TAG.sub("", title)).split())
            return _Draft(number, indent + 1, raw, spec, title, tags, self._lane(), bang[-1] if bang else None, [], [])
        self._almost_an_event(line, number, indent)
        return None

    def _almost_an_event(self, line: str, number: int, indent: int) -> None:
        """Warn about a line that reads as text only because its date has a mistake ("5 Jnu 1953: ...")."""
        colon = re.search(r":(?=\s|$)", line)
        dates = line[:colon.start()].strip() if colon else ""
        if not dates or len(dates) > 40 or not _YEARISH.search(dates):
            return
        try:
            parse_date(dates)
        except DateError as exc:
            self.warning(number, indent + 1, f"'{dates}' is not a date ({exc.reason}), so this line is read as "
                                             f"text, not as an event")

    # -- dates and events --------------------------------------------------------------
    def build(self) -> Timeline:
        names: dict[str, int] = {}
        for index, draft in enumerate(self.drafts):
            for prop in draft.properties:
                if prop.startswith("id: "):
                    names.setdefault(prop[4:].strip(), index)
            if draft.name:
                names.setdefault(draft.name, index)
        resolved: dict[int, Point | None] = {}
        busy: set[int] = set()

        def resolve(index: int) -> Point | None:
            if index in resolved:
                return resolved[index]
            draft = self.drafts[index]
            if index in busy:
                raise Refused(f"'{draft.spec.text}' depends on itself through the events it refers to")
            busy.add(index)

            def lookup(ref: str) -> Point:
                if ref not in names:
                    raise Refused(f"no event has the id '{ref}'{did_you_mean(ref, names)}")
                point = resolve(names[ref])
                if point is None:
                    raise Refused(f"the event '{ref}' it refers to has no dates (see its own error)")
                return point

            previous = next((resolve(j) for j in range(index - 1, -1, -1)), None) if draft.spec.uses_previous \
                else None
            with self.c.item("line") as scope:
                try:
                    point = draft.spec.resolve(lookup, previous)
                except Refused as exc:
                    self.error(draft.line, draft.column, str(exc))
            resolved[index] = None if scope.failed else point
            busy.discard(index)
            return resolved[index]

        events: list[Event] = []
        self.event_lines: list[_Draft] = []
        ids = IdAllocator()
        for index, draft in enumerate(self.drafts):
            point = resolve(index)
            if point is None:
                continue
            with self.c.item("line") as scope:
                try:
                    when = parse_date(point.edtf)
                except DateError as exc:
                    self.error(draft.line, draft.column, f"'{draft.spec.text}': {exc.reason}")
            if scope.failed:
                continue
            wanted = next((p[4:].strip() for p in draft.properties if p.startswith("id: ")), draft.name)
            event_id, problem = ids.given(
                wanted, f"{slugify(draft.title, 'event')}-{date_slug(when.edtf)}")
            if problem:
                self.warning(draft.line, draft.column, f"id {wanted!r} {problem}; this event's id is {event_id!r}")
            note = "; ".join(p.removeprefix("note: ") for p in draft.properties if not p.startswith("id: "))
            title, text = draft.title, "\n".join(draft.text).strip()
            if _LINK.search(title):  # a title is plain text: its links' text stays, the links go first in the text
                text = "\n\n".join(x for x in (title, text) if x)
                title = " ".join(_LINK.sub(r"\1", title).split())
            events.append(Event(id=event_id, title=title or when.display(), when=when, text=text, tags=draft.tags,
                                lane=draft.lane, note=note))
            self.event_lines.append(draft)
        description = "\n\n".join(x for x in (self.entry("description"),
                                               _paragraphs(self.loose.get((), ()))) if x)
        loose = {" / ".join(labels): lines for labels, lines in self.loose.items()}  # keyed as self.lanes is
        lanes = []
        for label, lane in self.lanes.items():
            if label in loose or label in self.described:
                lane = attrs.evolve(lane, description="\n\n".join(x for x in (
                    self.described.get(label, ""), _paragraphs(loose.get(label, ()))) if x))
            lanes.append(lane)
        return Timeline(title=self.entry("title") or "Timeline", description=description,
                        events=tuple(events), lanes=tuple(lanes))


def _paragraphs(lines: "list[str] | tuple[str, ...]") -> str:
    """Lines of text as one text: runs of blank lines one blank line, none around."""
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def read_markwhen_text(text: str, name: str = "<string>", options: ReadOptions | None = None, *,
                       strict: bool = False) -> ReadResult:
    """Read Markwhen text; return the timeline (or None) and every diagnostic."""
    strict = strict or bool(options and options.strict)
    collector = Collector(options)
    reader = _Reader(normalise_text(text), name, collector)
    body = reader.read_header()
    reader.read_body(body)
    tl = reader.build()
    if reader.comments:
        line = reader.first_comment
        collector.note(f"{reader.comments} comment line(s) (//) not kept; the first is here", name, line, 1,
                       reader.lines[line - 1])
    dropped = sorted(k for k in reader.header if k.lower() not in _KNOWN_HEADER)
    if dropped:
        collector.warning(f"Markwhen header entries not kept (tag colours, time zones, sharing and the like): "
                          f"{', '.join(dropped)}", name, 1, 1)

    def locate(path: ModelPath) -> Where | None:
        if len(path) >= 2 and path[0] == "events" and isinstance(path[1], int) and path[1] < len(reader.event_lines):
            draft = reader.event_lines[path[1]]
            return Where(name, draft.line, draft.column, draft.source)
        return None

    tl = validate_items(tl, locate, collector, name=name, strict=strict, noun="line",
                        uncited_hint="(Markwhen has no sources); add sources and citations after "
                                     "converting, see docs/interop.md")
    collector.summarise_skipped("line", name)
    return ReadResult(None if collector.has_errors else tl, tuple(collector.sorted()))
