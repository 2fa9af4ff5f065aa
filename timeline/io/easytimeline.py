"""Read EasyTimeline (MediaWiki's ``<timeline>`` script): ``PlotData`` bars and ``at:`` events.

A script is ``Command = value`` lines, some followed by an indented block
(``PlotData =``, ``BarData =``).  In ``PlotData`` a line of ``name:value``
attributes either sets defaults for the lines after it (``color:red
width:25``), chooses the bar (``bar:UNIX``), or draws: ``from:A till:B`` a
period and ``at:A`` a point, each becoming an event when it has a ``text``
(or a bar to name it), in the lane of its bar (the bar's ``BarData`` label,
else its id).  ``start`` and ``end`` are the ``Period``'s ends.

Dates follow ``DateFormat``: ``yyyy`` (a negative year is BCE as
EasyTimeline counts it: ``-1550`` is 1550 BC), ``dd/mm/yyyy``,
``mm/dd/yyyy``.  A decimal year (``1983.83``) is kept as the year it falls in,
with one warning: the fraction cannot say which day.  ``DateFormat = x.y``
charts plot numbers, not dates, and are refused.  In texts, ``~`` is a line
break (a space in titles) and wiki links ``[[target|label]]``, ``[[target]]``
and Foswiki's ``[[url][label]]`` keep their label.  Colours, sizes, scales,
``LineData`` and ``TextData`` are drawing instructions and are not kept
(one warning).  Reading only.
"""

from __future__ import annotations

import re
from typing import Any

from timeline.dates import parse_date
from timeline.errors import DateError
from timeline.io.common import Collector, ReadOptions, ReadResult
from timeline.io.limits import normalise_text
from timeline.io.skipping import validate_items
from timeline.io.slugs import IdAllocator, slugify
from timeline.io.validate import ModelPath, Where
from timeline.model.records import Event, Lane
from timeline.model.timeline import Timeline

__all__ = ["read_easytimeline_text", "sniff"]

_COMMAND = re.compile(r"^([A-Za-z]+)\s*=\s*(.*)$")
_ATTRIBUTE = re.compile(r'([A-Za-z]+):\s*("(?:[^"]*)"|\([^)]*\)|\S+)')
_WIKI = re.compile(r"\[\[([^\]|]*)\|([^\]]*)\]\]|\[\[([^\]]*)\]\[([^\]]*)\]\]|\[\[([^\]]*)\]\]")
_KNOWN = {"PlotData", "BarData", "DateFormat", "Period"}
_YEAR = re.compile(r"-?[0-9]{1,13}(?:\.[0-9]+)?")


def sniff(probe: Any) -> bool:
    """EasyTimeline without a telling suffix: a ``PlotData=`` line and ``Period`` or ``DateFormat``."""
    text = "\n".join(probe.lines)
    return bool(re.search(r"^\s*PlotData\s*=", text, re.M)) and bool(
        re.search(r"^\s*(Period|DateFormat)\s*=", text, re.M))


def _text(raw: str) -> str:
    """A text attribute as plain text: quotes off, wiki links as their labels, ``~`` line breaks as spaces."""
    raw = raw[1:-1] if raw.startswith('"') and raw.endswith('"') else raw
    raw = _WIKI.sub(lambda m: m.group(2) or m.group(4) or m.group(5) or "", raw)
    return " ".join(raw.replace("~", " ").split())


def _attributes(line: str) -> dict[str, tuple[str, int]]:
    """``name:value`` pairs with their columns; ``text:`` unquoted runs to the next attribute or the end."""
    out: dict[str, tuple[str, int]] = {}
    for match in _ATTRIBUTE.finditer(line):
        out[match.group(1).lower()] = (match.group(2), match.start() + 1)
    text = re.search(r'\btext:\s*(?!")(.*?)(?=\s+[A-Za-z]+:|$)', line)
    if text:
        out["text"] = (text.group(1), text.start() + 1)
    return out


class _Reader:
    def __init__(self, name: str, collector: Collector, lines: list[str]) -> None:
        self.name, self.c, self.lines = name, collector, lines
        self.date_format = "yyyy"
        self.period: dict[str, str] = {}
        self.bar_labels: dict[str, str] = {}
        self.dropped: list[str] = []
        self.decimal_at: tuple[int, int] | None = None
        self.events: list[Event] = []
        self.where: list[Where] = []
        self.lanes: dict[str, Lane] = {}
        self.lane_ids, self.ids = IdAllocator(), IdAllocator()

    def error(self, number: int, column: int, message: str) -> None:
        self.c.error(message, self.name, number, column, self.lines[number - 1])

    def blocks(self) -> list[tuple[str, str, int, list[int]]]:
        """(command, value, line, indented body line numbers) for each command."""
        out: list[tuple[str, str, int, list[int]]] = []
        for index, raw in enumerate(self.lines):
            stripped = raw.split("#", 1)[0].rstrip() if not raw.lstrip().startswith("#>") else ""
            if not stripped.strip():
                continue
            command = _COMMAND.match(stripped) if not raw[:1].isspace() else None
            if command:
                out.append((command.group(1), command.group(2).strip(), index + 1, []))
            elif out:
                out[-1][3].append(index + 1)
        return out

    def year(self, value: str, number: int, column: int) -> str | None:
        """EDTF for an EasyTimeline date in the file's DateFormat; None after an error."""
        value = self.period.get(value, value)
        if self.date_format in ("dd/mm/yyyy", "mm/dd/yyyy"):
            match = re.fullmatch(r"([0-9]{1,2})/([0-9]{1,2})/(-?[0-9]{1,13})", value)
            if match is None:
                self.error(number, column, f"date {value!r} does not follow DateFormat {self.date_format}")
                return None
            a, b, y = match.groups()
            day, month = (a, b) if self.date_format.startswith("dd") else (b, a)
            text = f"{_astronomical(int(y))}-{int(month):02d}-{int(day):02d}"
        elif _YEAR.fullmatch(value):
            whole = int(float(value)) if "." in value else int(value)
            if "." in value and self.decimal_at is None:
                self.decimal_at = (number, column)
            text = _astronomical(whole)
        elif value.startswith("$"):
            self.error(number, column, f"date {value!r} is a name made with Define; this reader does not expand "
                                       f"Define, so write the date itself")
            return None
        else:
            self.error(number, column, f"date {value!r} is not a year (DateFormat {self.date_format})")
            return None
        try:
            return parse_date(text).edtf
        except DateError as exc:
            self.error(number, column, f"date {value!r}: {exc.reason}")
            return None

    def plot(self, numbers: list[int]) -> None:
        bar = None
        for number in numbers:
            line = self.lines[number - 1].split(" #", 1)[0]
            attrs = _attributes(line)
            if not attrs:
                continue
            if "bar" in attrs:
                bar = attrs["bar"][0]
            if "from" not in attrs and "at" not in attrs:
                continue  # defaults for the lines after it (colour, width, font): drawing only
            with self.c.item("line"):
                self.draw(attrs, bar, number)

    def draw(self, attrs: dict[str, tuple[str, int]], bar: str | None, number: int) -> None:
        if "at" in attrs:
            edtf = self.year(attrs["at"][0], number, attrs["at"][1])
        else:
            if "till" not in attrs:
                self.error(number, attrs["from"][1], "'from:' needs a 'till:'")
                return
            start = self.year(attrs["from"][0], number, attrs["from"][1])
            end = self.year(attrs["till"][0], number, attrs["till"][1])
            edtf = None if start is None or end is None else start if start == end else f"{start}/{end}"
        if edtf is None:
            return
        label = self.bar_labels.get(bar or "", bar or "")
        title = _text(attrs["text"][0]) if "text" in attrs else ""
        if not title and not label:
            return  # a bare bar segment (colour only) on no named bar: nothing to say in words
        try:
            when = parse_date(edtf)
        except DateError as exc:
            self.error(number, 1, exc.reason)
            return
        lane = None
        if label:
            if label not in self.lanes:
                self.lanes[label] = Lane(id=self.lane_ids.new(slugify(label, "lane")), label=label)
            lane = self.lanes[label].id
        title = title or label
        date_part = re.sub(r"[^0-9A-Za-z]+", "-", when.edtf).strip("-")
        self.events.append(Event(id=self.ids.new(f"{slugify(title, 'event')}-{date_part}"), title=title, when=when,
                                 lane=lane))
        self.where.append(Where(self.name, number, 1, self.lines[number - 1]))

    def read(self) -> None:
        blocks = self.blocks()
        for command, value, number, _ in blocks:
            if command == "DateFormat":
                self.date_format = value.strip().lower()
            elif command == "Period":
                self.period = {k: v for k, (v, _) in _attributes(value).items() if k in ("from", "till")}
                self.period = {"start": self.period.get("from", "start"), "end": self.period.get("till", "end")}
            elif command not in _KNOWN:
                self.dropped.append(command)
        if self.date_format == "x.y":
            line = next(n for c, _, n, _ in blocks if c == "DateFormat")
            self.error(line, 1, "DateFormat x.y plots numbers, not dates: this chart is not a timeline")
            return
        if self.date_format not in ("yyyy", "dd/mm/yyyy", "mm/dd/yyyy"):
            line = next(n for c, _, n, _ in blocks if c == "DateFormat")
            self.error(line, 1, f"unknown DateFormat {self.date_format!r}; EasyTimeline knows yyyy, dd/mm/yyyy, "
                                f"mm/dd/yyyy and x.y")
            return
        for command, _, _, body in blocks:
            if command == "BarData":
                for number in body:
                    attrs = _attributes(self.lines[number - 1])
                    if "bar" in attrs and "text" in attrs:
                        self.bar_labels[attrs["bar"][0]] = _text(attrs["text"][0])
        for command, value, number, body in blocks:
            if command == "PlotData":
                self.plot(([number] if value else []) + body)


def _astronomical(year: int) -> str:
    """EDTF for a year counted as EasyTimeline does (no year 0 on the page: -1 is 1 BC)."""
    astronomical = year + 1 if year < 0 else year
    if abs(astronomical) > 9999:
        return f"Y{astronomical}"
    return f"-{-astronomical:04d}" if astronomical < 0 else f"{astronomical:04d}"


def read_easytimeline_text(text: str, name: str = "<string>", options: ReadOptions | None = None, *,
                           strict: bool = False) -> ReadResult:
    """Read an EasyTimeline script; return the timeline (or None) and every diagnostic."""
    strict = strict or bool(options and options.strict)
    collector = Collector(options)
    reader = _Reader(name, collector, normalise_text(text).split("\n"))
    reader.read()
    if reader.decimal_at is not None:
        line, column = reader.decimal_at
        collector.warning("decimal years (such as 1983.83) are kept as the year they fall in: a fraction of a "
                          "year does not say which day", name, line, column, reader.lines[line - 1])
    if reader.dropped:
        collector.warning(f"drawing instructions not kept: {', '.join(dict.fromkeys(reader.dropped))}", name, 1, 1)
    tl = Timeline(title="Timeline", events=tuple(reader.events), lanes=tuple(reader.lanes.values()))

    def locate(path: ModelPath) -> Where | None:
        if len(path) >= 2 and path[0] == "events" and isinstance(path[1], int) and path[1] < len(reader.where):
            return reader.where[path[1]]
        return None

    tl = validate_items(tl, locate, collector, name=name, strict=strict, noun="line",
                        uncited_hint="(EasyTimeline has no sources); add sources and citations after converting, "
                                     "see docs/interop.md")
    collector.summarise_skipped("line", name)
    return ReadResult(None if collector.has_errors else tl, tuple(collector.sorted()))
