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
charts plot numbers, not dates, and are refused.  ``Define $name = value``
is expanded in later lines, as EasyTimeline does; comments (``#``, ``#> <#``)
are counted in one note; whatever else is not kept is said in a warning.  In texts, ``~`` is a line
break (a space in titles) and wiki links ``[[target|label]]``, ``[[target]]``
and Foswiki's ``[[url][label]]`` keep their label.  Colours, sizes, scales,
``LineData`` and ``TextData`` are drawing instructions and are not kept
(one warning), but ``TextData`` texts are kept as the description.  Reading only.
"""

from __future__ import annotations

import re
from typing import Any

from timeline.dates import parse_date
from timeline.errors import DateError
from timeline.io.common import Collector, ReadOptions, ReadResult
from timeline.io.easytimeline_script import preprocess
from timeline.io.limits import normalise_text
from timeline.io.skipping import validate_items
from timeline.io.slugs import IdAllocator, date_slug, slugify
from timeline.io.validate import ModelPath, Where
from timeline.markup import safe_url
from timeline.model.records import Event, Lane
from timeline.model.timeline import Timeline

__all__ = ["read_easytimeline_text", "sniff"]

_COMMAND = re.compile(r"^([A-Za-z]+)\s*=\s*(.*)$")
_ATTRIBUTE = re.compile(r'([A-Za-z]+):\s*("(?:[^"]*)"|\([^)]*\)|\S+)')
_WIKI = re.compile(r"\[\[([^\]|]*)\|([^\]]*)\]\]|\[\[([^\]]*)\]\[([^\]]*)\]\]|\[\[([^\]]*)\]\]")
_KNOWN = {"PlotData", "BarData", "DateFormat", "Period"}
_YEAR = re.compile(r"-?[0-9]{1,13}(?:\.[0-9]+)?")
_MARKS = re.compile(r"[\\*\[\]]")  # what our markup reads as marks: escaped in a link's label
#: PlotData attributes that say what and when; the others (color, width, mark, shift...) only draw.
_DATA_ATTRIBUTES = {"bar", "at", "from", "till", "text", "link"}


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


def _leftover(line: str) -> re.Match[str] | None:
    """The first words of a data line that are no ``name:value`` attribute (they would be lost)."""
    text = re.search(r'\btext:\s*(?!")(.*?)(?=\s+[A-Za-z]+:|$)', line)
    rest = line[:text.start()] + " " * (text.end() - text.start()) + line[text.end():] if text else line
    rest = _ATTRIBUTE.sub(lambda m: " " * len(m.group()), rest)
    return re.search(r"\S+", rest)


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
        self.script, problems = preprocess(lines)
        self.text = self.script.lines  # what is parsed; self.lines is what messages quote
        for number, column, message in problems:
            self.error(number, column, message)
        self.first_dropped = 0  # the line of the first command or attribute not kept
        self.loose_attributes: dict[str, int] = {}  # PlotData attributes that only draw -> first line
        self.wiki_targets = self.first_wiki = 0
        self.captions: list[str] = []  # TextData texts
        self.caption_at = 0
        self.date_format = "yyyy"
        self.period: dict[str, str] = {}
        self.bar_labels: dict[str, str] = {}
        self.dropped: list[str] = []
        self.decimal_at: tuple[int, int] | None = None
        self.events: list[Event] = []
        self.where: list[Where] = []
        self.lanes: dict[str, Lane] = {}
        self.lane_ids, self.ids = IdAllocator(), IdAllocator()

    def _column(self, number: int, column: int) -> int:
        """The column in the file of ``column`` in the line as expanded."""
        columns = self.script.origin.get(number)
        return columns[column - 1] + 1 if columns and 0 < column <= len(columns) else column

    def error(self, number: int, column: int, message: str) -> None:
        self.c.error(message, self.name, number, self._column(number, column), self.lines[number - 1])

    def warning(self, number: int, column: int, message: str) -> None:
        self.c.warning(message, self.name, number, self._column(number, column), self.lines[number - 1])

    def blocks(self) -> list[tuple[str, str, int, list[int]]]:
        """(command, value, line, indented body line numbers) for each command."""
        out: list[tuple[str, str, int, list[int]]] = []
        for index, raw in enumerate(self.text):
            stripped = raw.rstrip()
            if not stripped.strip():
                continue
            command = _COMMAND.match(stripped) if not raw[:1].isspace() else None
            if command:
                out.append((command.group(1), command.group(2).strip(), index + 1, []))
            elif out:
                out[-1][3].append(index + 1)
            else:
                self.warning(index + 1, len(raw) - len(raw.lstrip()) + 1,
                             "a line before the first command (Name = value) is not kept")
        return out

    def words(self, raw: str, number: int) -> str:
        """A text attribute as plain text (:func:`_text`), counting wiki links whose target goes."""
        targets = sum(1 for m in _WIKI.finditer(raw) if m.group(2) or m.group(4))
        if targets and not self.wiki_targets:
            self.first_wiki = number
        self.wiki_targets += targets
        return _text(raw)

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
            self.error(number, column, f"date {value!r} is not defined: no 'Define {value} = ...' comes before "
                                       f"this line")
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
            line = self.text[number - 1]
            attrs = _attributes(line)
            if not attrs:
                if line.strip():
                    self.warning(number, len(line) - len(line.lstrip()) + 1,
                                 "this PlotData line has no 'name:value' attributes; it is not kept")
                continue
            for key in attrs:
                if key not in _DATA_ATTRIBUTES:
                    self.loose_attributes.setdefault(key, number)
            stray = _leftover(line)
            if stray is not None:
                self.warning(number, stray.start() + 1, f"{stray.group()!r} is no 'name:value' attribute; it is "
                                                        f"not kept")
            if "bar" in attrs:
                bar = attrs["bar"][0]
            if "from" not in attrs and "at" not in attrs:
                if "text" in attrs or "link" in attrs:  # a default text would be drawn on no bar of ours
                    key = "text" if "text" in attrs else "link"
                    self.warning(number, attrs[key][1], f"'{key}:' on a line with no 'at:' or 'from:' is not kept "
                                                        f"(it names no period or point)")
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
        title = self.words(attrs["text"][0], number) if "text" in attrs else ""
        if not title and not label:
            self.warning(number, 1, "a period or point with no text on no bar names nothing; it is not kept")
            return
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
        text = ""
        if "link" in attrs:  # where the text links to on the chart: kept as a link in the event's text
            url = attrs["link"][0].strip('"')
            if safe_url(url) is None:
                self.warning(number, attrs["link"][1], f"link {url!r} is not kept (only http, https and mailto "
                                                       f"links are)")
            else:
                label = _MARKS.sub(lambda m: "\\" + m.group(), title)
                text = f"[{label}]({url})"
        date_part = date_slug(when.edtf)
        self.events.append(Event(id=self.ids.new(f"{slugify(title, 'event')}-{date_part}"), title=title, when=when,
                                 text=text, lane=lane))
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
                self.first_dropped = self.first_dropped or number
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
                    attrs = _attributes(self.text[number - 1])
                    if "bar" in attrs and "text" in attrs:
                        self.bar_labels[attrs["bar"][0]] = self.words(attrs["text"][0], number)
                    for key in attrs:
                        if key not in ("bar", "text"):
                            self.loose_attributes.setdefault(f"BarData {key}", number)
        for command, value, number, body in blocks:
            if command == "PlotData":
                self.plot(([number] if value else []) + body)
            elif command == "TextData":  # captions on the chart: the user's words, kept as the description
                for line in ([number] if value else []) + body:
                    attrs = _attributes(self.text[line - 1] if line != number else value)
                    if "text" in attrs:
                        self.captions.append(self.words(attrs["text"][0], line))
                        self.caption_at = self.caption_at or line


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
        line = reader.first_dropped
        collector.warning(f"drawing instructions not kept: {', '.join(dict.fromkeys(reader.dropped))}", name, line, 1,
                          reader.lines[line - 1])
    if reader.loose_attributes:
        line = min(reader.loose_attributes.values())
        collector.warning(f"drawing attributes not kept: {', '.join(sorted(reader.loose_attributes))} (the first is "
                          f"here)", name, line, 1, reader.lines[line - 1])
    if reader.wiki_targets:
        line = reader.first_wiki
        collector.warning(f"{reader.wiki_targets} wiki link(s) keep their label, not the page they link to (the "
                          f"first is here)", name, line, 1, reader.lines[line - 1])
    if reader.script.comments:
        line = reader.script.comments[0]
        collector.note(f"{len(reader.script.comments)} comment line(s) (#) not kept; the first is here", name, line,
                       1, reader.lines[line - 1])
    if reader.captions:
        line = reader.caption_at
        collector.warning("TextData texts are kept as the timeline's description (a timeline draws no captions "
                          "of its own)", name, line, 1, reader.lines[line - 1])
    tl = Timeline(title="Timeline", description="\n".join(c for c in reader.captions if c), events=tuple(reader.events),
                  lanes=tuple(reader.lanes.values()))

    def locate(path: ModelPath) -> Where | None:
        if len(path) >= 2 and path[0] == "events" and isinstance(path[1], int) and path[1] < len(reader.where):
            return reader.where[path[1]]
        return None

    tl = validate_items(tl, locate, collector, name=name, strict=strict, noun="line",
                        uncited_hint="(EasyTimeline has no sources); add sources and citations after converting, "
                                     "see docs/interop.md")
    collector.summarise_skipped("line", name)
    return ReadResult(None if collector.has_errors else tl, tuple(collector.sorted()))
