"""Mermaid ``timeline`` diagrams (``.mmd``): read, and write for GitHub, GitLab and Obsidian pages.

A diagram is ``timeline``, an optional ``title``, ``section`` lines (our
lanes) and period lines ``PERIOD : event : event`` (a line starting ``:``
adds events to the period above).  Reading makes one event per entry, dated
by its period, which must be a date (``2004``, ``7600 BC``, ``March 1953``):
Mermaid also draws label-only periods (``Industry 1.0``, ``Bullet 1``) in
file order, but they give no date, so each such line is refused with its
line number.  ``<br>`` in an entry is a line break in Mermaid, a space in
our titles; ``#58;``-style entity codes are decoded; ``accDescr`` is the
description.  Front matter and
``%%{init}%%`` directives (diagram settings) are not kept, said in a warning.

Writing groups events by lane and date, one period line per date in time
order, with ``:``, ``<``, ``>`` and ``&`` in titles spelled as Mermaid's entity codes (``#58;``); texts, sources
and eras do not fit a diagram, and a warning says so.
"""

from __future__ import annotations

import re

from timeline.dates import HistoricalDate, Span, parse_date
from timeline.errors import DateError, Diagnostic
from timeline.io.common import (
    BLANK_TITLE,
    ONE_LINE,
    PRIORITY,
    UNCITED,
    Collector,
    Losses,
    ReadOptions,
    ReadResult,
    lose_lanes,
    uncited_sources,
)
from timeline.io.limits import normalise_text
from timeline.io.markup import html_to_plain
from timeline.io.slugs import IdAllocator, date_slug, slugify
from timeline.io.skipping import validate_items
from timeline.io.validate import ModelPath, Where
from timeline.markup import unescape_html
from timeline.model.records import Event, Lane
from timeline.model.timeline import Timeline

__all__ = ["mermaid_text", "read_mermaid_text", "sniff"]

_ENTITY = re.compile(r"#([0-9]+|[A-Za-z]+);")
#: ``accTitle: text``, ``accDescr: text`` or ``accDescr {`` (text over lines up to ``}``).
_ACCESSIBLE = re.compile(r"^(accTitle|accDescr)\s*(?::\s*(.*)|\{(?P<block>.*))$")
_KEYWORD = re.compile(r"^timeline(?:\s+(?:LR|TD))?\s*$", re.I)


def sniff(probe) -> bool:
    """Mermaid without its suffix: the first line that is not front matter, a directive or a comment is ``timeline``."""
    in_front = False
    for index, line in enumerate(probe.lines):
        stripped = line.strip()
        if index == 0 and stripped == "---":
            in_front = True
            continue
        if in_front:
            in_front = stripped != "---"
            continue
        if not stripped or stripped.startswith("%%"):
            continue
        return _KEYWORD.match(stripped) is not None
    return False


def _decode(text: str, dropped: set[str] | None = None) -> str:
    """Mermaid's entity codes (``#58;``, ``#colon;``) as characters, then the HTML as plain text.

    The names of HTML tags dropped on the way go into ``dropped``.
    """
    def entity(match: re.Match[str]) -> str:
        code = match.group(1)
        if code[0] in "0123456789":
            return unescape_html(f"&#{code};")
        return unescape_html(f"&{code};")

    converted = html_to_plain(_ENTITY.sub(entity, text))
    if dropped is not None:
        dropped.update(converted.dropped)
    return converted.text


def read_mermaid_text(text: str, name: str = "<string>", options: ReadOptions | None = None, *,
                      strict: bool = False) -> ReadResult:
    """Read a Mermaid timeline diagram; return the timeline (or None) and every diagnostic."""
    strict = strict or bool(options and options.strict)
    collector = Collector(options)
    lines = normalise_text(text).split("\n")
    title, lane, period, period_line = "", None, None, 0
    seen_keyword = False
    dropped: list[str] = []
    events: list[Event] = []
    where: list[Where] = []
    lane_at: list[Where] = []
    title_at: Where | None = None
    lanes: dict[str, Lane] = {}
    lane_ids, ids = IdAllocator(), IdAllocator()
    start = 0
    tags: set[str] = set()
    tags_at: Where | None = None
    comments: list[int] = []
    periods: list[tuple[int, int]] = []  # (line, events made) of each dated period line, to say the empty ones
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
        if end is not None:
            dropped.append("front matter (config)")
            start = end + 1
    skip_to = 0
    description, acc_title = "", None
    for index in range(start, len(lines)):
        if index < skip_to:
            continue
        raw = lines[index]
        line = raw.strip()
        number = index + 1
        if not line or line.startswith("%%"):
            if line.startswith("%%{"):
                dropped.append("%%{init}%% directive")
            elif line:
                comments.append(number)
            continue
        before = len(tags)
        if not seen_keyword:
            if _KEYWORD.match(line):
                seen_keyword = True
                if line.split()[1:]:
                    dropped.append(f"direction {line.split()[1]}")
                continue
            collector.error(f"expected the diagram to start with 'timeline', got {line!r}", name, number,
                            len(raw) - len(raw.lstrip()) + 1, raw)
            return ReadResult(None, tuple(collector.sorted()))
        keyword, _, rest = line.partition(" ")
        if keyword == "title":
            if title_at is not None:
                collector.warning(f"a second title: {title!r} (line {title_at.line}) is not kept, this one is",
                                  name, number, len(raw) - len(raw.lstrip()) + 1, raw)
            title = _decode(rest.strip(), tags)
            title_at = Where(name, number, len(raw) - len(raw.lstrip()) + 1, raw)
            tags_at = tags_at or (title_at if len(tags) > before else None)
            continue
        acc = _ACCESSIBLE.match(line)
        if acc:
            body = acc.group(2)
            if body is None:  # accDescr { ... } over lines
                end = next((i for i in range(index, len(lines)) if "}" in lines[i]), len(lines) - 1)
                block = "\n".join([lines[index].split("{", 1)[1], *lines[index + 1:end + 1]])
                body = block.split("}", 1)[0]
                skip_to = end + 1
            text = "\n".join(_decode(part.strip(), tags) for part in body.strip().split("\n"))
            if acc.group(1) == "accDescr":
                description = "\n".join(x for x in (description, text) if x)
            else:
                acc_title = (text, number)
            continue
        if keyword == "section":
            label = _decode(rest.strip(), tags)
            tags_at = tags_at or (Where(name, number, 1, raw) if len(tags) > before else None)
            lane = lanes.get(label)
            if lane is None:
                lane = lanes[label] = Lane(id=lane_ids.new(slugify(label, "lane")), label=label)
                lane_at.append(Where(name, number, len(raw) - len(raw.lstrip()) + 1, raw))
            period, period_line = None, 0
            continue
        column = len(raw) - len(raw.lstrip()) + 1
        parts = [p.strip() for p in line.split(":")]
        with collector.item("line") as scope:
            if line.startswith(":"):
                if period is None:
                    message = (f"these entries belong to the period on line {period_line}, which has no date"
                               if period_line else "this ':' line adds events to the period above, and there is none")
                    collector.error(message, name, number, column, raw)
                entries = parts[1:]
            else:
                period, period_line = None, number
                label = _decode(parts[0], tags)
                try:
                    when = parse_date(label)
                except DateError as exc:
                    collector.error(f"the period {label!r} is a label, not a date: Mermaid draws it in file order, "
                                    f"but a timeline needs a date ({exc.reason})", name, number, column, raw)
                else:
                    period = when
                    periods.append((number, len(events)))
                entries = parts[1:]
        if scope.failed or period is None:
            continue
        for entry in entries:
            title_text = _decode(entry, tags)
            if not title_text:
                continue
            date_part = date_slug(period.edtf)
            events.append(Event(id=ids.new(f"{slugify(title_text, 'event')}-{date_part}"), title=title_text,
                                when=period, lane=lane.id if lane else None))
            where.append(Where(name, number, column, raw))
        if len(tags) > before and tags_at is None:
            tags_at = Where(name, number, column, raw)
    for k, (number, made) in enumerate(periods):
        upto = periods[k + 1][1] if k + 1 < len(periods) else len(events)
        if upto == made:
            raw = lines[number - 1]
            collector.warning("this period has no events, so it is not kept (a timeline has events, not bare "
                              "periods)", name, number, len(raw) - len(raw.lstrip()) + 1, raw)
    if tags and tags_at is not None:
        collector.warning(f"HTML tags dropped, keeping their text: {', '.join(sorted(tags))} (the first is here)",
                          name, tags_at.line, tags_at.column, tags_at.source_line)
    if comments:
        collector.note(f"{len(comments)} comment line(s) (%%) not kept; the first is here", name, comments[0], 1,
                       lines[comments[0] - 1])
    if not seen_keyword and not collector.has_errors:
        collector.error("no 'timeline' line: this is not a Mermaid timeline diagram", name, 1, 1)
    if dropped:
        collector.warning(f"Mermaid diagram settings not kept: {', '.join(dict.fromkeys(dropped))}", name, 1, 1)
    if acc_title is not None and acc_title[0] != title:
        if title:
            collector.warning(f"accTitle {acc_title[0]!r} is not kept: the title is {title!r}", name, acc_title[1], 1,
                              lines[acc_title[1] - 1])
        else:
            title = acc_title[0]
    tl = Timeline(title=title or "Timeline", description=description, events=tuple(events),
                  lanes=tuple(lanes.values()))

    def locate(path: ModelPath) -> Where | None:
        if len(path) >= 2 and path[0] == "events" and isinstance(path[1], int) and path[1] < len(where):
            return where[path[1]]
        if len(path) >= 2 and path[0] == "lanes" and isinstance(path[1], int) and path[1] < len(lane_at):
            return lane_at[path[1]]
        return title_at if path[:1] == ("timeline",) else None

    tl = validate_items(tl, locate, collector, name=name, strict=strict, noun="line",
                        uncited_hint="(a Mermaid diagram has no sources); add sources and citations after "
                                     "converting, see docs/interop.md")
    collector.summarise_skipped("line", name)
    return ReadResult(None if collector.has_errors else tl, tuple(collector.sorted()))


_CODES = {":": "#58;", "<": "#60;", ">": "#62;", "&": "#38;"}


def _escape(text: str) -> str:
    """Text for a diagram on one line: ':' (Mermaid's separator) and HTML characters as entity codes."""
    text = _ENTITY.sub(lambda m: "#35;" + m.group(0)[1:], " ".join(text.split()))
    return "".join(_CODES.get(ch, ch) for ch in text)


def _period(when: HistoricalDate | Span) -> str:
    """The period label: our wording when it reads back as the same date, else EDTF."""
    shown = when.display()
    try:
        if parse_date(shown).edtf == when.edtf:
            return shown
    except DateError:
        pass
    return when.edtf


def mermaid_text(tl: Timeline, name: str = "<output>") -> tuple[str, list[Diagnostic]]:
    """The timeline as a Mermaid ``timeline`` diagram, with warnings saying what a diagram cannot hold."""
    losses = Losses("Mermaid")
    out = ["timeline", f"    title {_escape(tl.title)}"]
    lanes = {lane.id: lane.name for lane in tl.lane_order()}
    by_lane: dict[str | None, list[Event]] = {}
    for ev in sorted(tl.events, key=lambda e: e.when.sort_key):  # stable: same-date entries keep their order
        by_lane.setdefault(ev.lane, []).append(ev)
        if ev.text or ev.note or ev.claims or ev.media or ev.display_date:
            losses.lose("texts, notes, claims, media and display dates are not kept (a diagram shows titles)", ev.id)
        if ev.all_citations:
            losses.lose("citations are not kept (a diagram has no sources)", ev.id)
        if ev.tags:
            losses.lose("tags are not kept", ev.id)
        if ev.priority is not None:
            losses.lose(PRIORITY, ev.id)
        if not ev.title.strip():
            losses.lose(BLANK_TITLE, ev.id)
        elif " ".join(ev.title.split()) != ev.title:
            losses.lose(ONE_LINE, ev.id)
    for lane in [None, *lanes]:
        events = by_lane.get(lane)
        if not events:
            continue
        indent = "    "
        if lane is not None:
            out.append(f"    section {_escape(lanes[lane])}")
            indent = "        "
        periods: dict[str, list[str]] = {}
        for ev in events:
            periods.setdefault(_period(ev.when), []).append(_escape(ev.title) or _escape(ev.when.display()))
        for label, titles in periods.items():
            out.append(f"{indent}{_escape(label)} : " + " : ".join(titles))
    for era in tl.eras:
        losses.lose("eras are not kept (a diagram has no background periods)", era.id)
    if tl.description or tl.subtitle:
        losses.lose("the subtitle and description are not kept", "timeline")
    lose_lanes(tl, losses)
    if tl.range is not None:
        losses.lose("the declared range is not kept", "timeline")
    for sid in uncited_sources(tl):
        losses.lose(UNCITED, sid)
    return "\n".join(out) + "\n", losses.diagnostics(name)
