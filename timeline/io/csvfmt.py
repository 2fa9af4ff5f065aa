"""Our simple CSV: one event per row, for spreadsheets.

Columns (header names are case- and space-insensitive; only ``date`` and
``title`` are required): ``id, date, end, title, text, lane, tags,
source, locator, quote, priority`` (a whole number; higher is labelled first).  ``tags`` are separated by ``;``.

``source`` names where the row's claim comes from.  When it is the id of
a source the caller already knows (``sources=``), the row cites that
source; otherwise each distinct text becomes one source whose *title* is
that text (id: a slug of it), so a teacher can type "Encyclopaedia
Britannica" in the cell and get a citation.  Errors point at
``file:line:column`` (the character column where the cell starts).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from pathlib import Path

import attrs

from timeline.dates import HistoricalDate, Span, join_dates, parse_date, portable_text
from timeline.errors import DateError, Diagnostic
from timeline.io.common import (
    BLANK_TITLE,
    CARRIAGE_RETURNS,
    STDIN_NAME,
    TRIMMED,
    Collector,
    Losses,
    ReadOptions,
    ReadResult,
    did_you_mean,
    header_key,
    lose_lanes,
    read_file,
    trimmed,
)
from timeline.io.csvscan import Cell, CsvSyntaxError, Row, scan_csv
from timeline.io.limits import line_ends, normalise_text, shown_number, whole_number
from timeline.io.slugs import IdAllocator, date_slug, slugify
from timeline.io.validate import ModelPath, Where, validate
from timeline.model.records import Citation, Event, Lane, Source
from timeline.model.timeline import Timeline
from timeline.model.validators import PRIORITY_RANGE, is_valid_id

__all__ = ["COLUMNS", "csv_text", "is_csv_header", "read_csv", "read_csv_text"]

#: Our CSV columns, in the order the writer uses.
COLUMNS = ("id", "date", "end", "title", "text", "lane", "tags", "source", "locator", "quote", "priority")
_REQUIRED = ("date", "title")
#: The column a part of an event comes from, for locating diagnostics.
_CELL_OF = {"when": "date", "citations": "source", "tags": "tags"}


def is_csv_header(headers: list[str]) -> bool:
    """True when a header row has our ``date`` or ``title`` column."""
    keys = {header_key(h) for h in headers}
    return bool(keys & {"date", "title"})


def read_csv_text(text: str, name: str = "<string>", options: ReadOptions | None = None, *,
                  sources: Mapping[str, Source] | None = None, strict: bool = False) -> ReadResult:
    """Read our CSV from text; ``sources`` are sources a ``source`` cell may name by id."""
    strict = strict or bool(options and options.strict)
    collector = Collector(options)
    text = normalise_text(text)
    try:
        rows = scan_csv(text)
    except CsvSyntaxError as exc:
        collector.error(f"CSV syntax: {exc.message}", name, exc.line, exc.column, text.split("\n")[exc.line - 1])
        return ReadResult(None, tuple(collector.sorted()))
    if not rows:
        collector.error(f"the file is empty (expected a header row: {', '.join(COLUMNS)})", name, 1, 1)
        return ReadResult(None, tuple(collector.sorted()))
    header, body = rows[0], rows[1:]
    columns: dict[str, int] = {}
    for index, cell in enumerate(header.cells):
        key = header_key(cell.value)
        if not key:
            continue
        if key not in COLUMNS:
            collector.warning(f"unknown column {cell.value.strip()!r} is ignored{did_you_mean(key, COLUMNS)}",
                              name, cell.line, cell.column, header.text)
        elif key in columns:
            collector.error(f"column '{key}' appears twice", name, cell.line, cell.column, header.text)
        else:
            columns[key] = index
    missing = [c for c in _REQUIRED if c not in columns]
    sheet_hint = ("; this header looks like a TimelineJS sheet: read it as timelinejs-csv (--from timelinejs-csv)"
                  if {header_key(c.value) for c in header.cells} & {"year", "headline"} else "")
    for column in missing:
        collector.error(f"missing column '{column}' (our CSV needs date and title; optional: "
                        f"{', '.join(c for c in COLUMNS if c not in _REQUIRED)}){sheet_hint}", name, 1, 1, header.text)
    if missing:
        return ReadResult(None, tuple(collector.sorted()))

    known = dict(sources or {})
    made: dict[str, Source] = {}  # source text -> source created from it
    source_ids = IdAllocator(known)
    explicit = {row.cells[columns["id"]].value.strip() for row in body
                if "id" in columns and columns["id"] < len(row.cells)}
    event_ids = IdAllocator(x for x in explicit if x)
    lanes: dict[str, Lane] = {}
    lane_ids = IdAllocator()
    events: list[Event] = []
    event_rows: list[Row] = []
    for row in body:
        if row.is_blank:
            continue
        line_text = row.text

        def cell(key: str, row=row) -> Cell | None:
            index = columns.get(key)
            return row.cells[index] if index is not None and index < len(row.cells) else None

        def value(key: str) -> str:
            c = cell(key)
            return c.value.strip() if c is not None else ""

        def err(key: str, message: str, row=row) -> None:
            c = cell(key)
            line, column = (c.line, c.column) if c is not None else (row.line, 1)
            collector.error(message, name, line, column, line_text if line == row.line else None)

        if len(row.cells) > len(header.cells) and any(c.value.strip() for c in row.cells[len(header.cells):]):
            extra = row.cells[len(header.cells)]
            collector.error(f"this row has more cells than the header has columns ({len(header.cells)}); "
                            f"is a comma missing its quotes?", name, extra.line, extra.column, line_text)
            continue
        title = value("title")
        if not title:
            err("title", "this row has no title, so it cannot become an event")
            continue
        when = _when(value("date"), value("end"), err)
        if when is None:
            continue
        event_id = value("id")
        if event_id and not is_valid_id(event_id):
            err("id", f"id {event_id!r} must use letters, digits, '-', '_', '.' or ':'")
            continue
        if not event_id:
            date_part = date_slug(when.edtf)
            event_id = event_ids.new(f"{slugify(title, 'event')}-{date_part}")
        citations: tuple[Citation, ...] = ()
        source_text = value("source")
        if source_text:
            if source_text in known:
                sid = source_text
            else:
                if source_text not in made:
                    made[source_text] = Source(id=source_ids.new(slugify(source_text, "source")), title=source_text)
                sid = made[source_text].id
            citations = (Citation(source=sid, locator=value("locator"), quote=value("quote")),)
        elif value("locator") or value("quote"):
            err("locator" if value("locator") else "quote", "locator or quote is given without a source")
            continue
        lane = None
        if value("lane"):
            label = value("lane")
            if label not in lanes:
                lanes[label] = Lane(id=lane_ids.new(slugify(label, "lane")), label=label)
            lane = lanes[label].id
        tags = tuple(t.strip() for t in value("tags").split(";") if t.strip())
        priority = None
        if value("priority"):
            number = whole_number(value("priority"), 4)
            low, high = PRIORITY_RANGE
            if not isinstance(number, int) or not low <= number <= high:
                err("priority", f"priority {shown_number(value('priority'))} must be a whole number from {low} to "
                                f"{high}{' written with the digits 0-9' if number == 'digits' else ''}")
                continue
            priority = number
        events.append(Event(id=event_id, title=title, when=when, text=value("text"), tags=tags, lane=lane,
                            citations=citations, priority=priority))
        event_rows.append(row)
    used = {c.source for ev in events for c in ev.citations}
    all_sources = {sid: src for sid, src in known.items() if sid in used}
    all_sources.update({src.id: src for src in made.values()})
    timeline = Timeline(title=Path(name).stem if name not in ("<string>", STDIN_NAME) else "Timeline", events=tuple(events),
                        lanes=tuple(lanes.values()), sources=dict(sorted(all_sources.items())))

    def locate(path: ModelPath) -> Where | None:
        if len(path) < 2 or path[0] != "events" or not isinstance(path[1], int) or path[1] >= len(event_rows):
            return None
        row = event_rows[path[1]]
        index = columns.get(_CELL_OF.get(str(path[2]), str(path[2]))) if len(path) > 2 else None
        if index is None or index >= len(row.cells):
            return Where(name, row.line, 1, row.text)
        cell = row.cells[index]
        return Where(name, cell.line, cell.column, row.text if cell.line == row.line else None)

    collector.extend(validate(timeline, locate, name=name, strict=strict, reader_errors=collector.has_errors,
                              uncited_hint="(no 'source' cell); fill the 'source' column to cite one"))
    return ReadResult(None if collector.has_errors else timeline, tuple(collector.sorted()))


def _when(date: str, end: str, err) -> HistoricalDate | Span | None:
    if not date:
        err("date", "this row has no date, so it cannot become an event")
        return None
    try:
        start = parse_date(date)
    except DateError as exc:
        err("date", str(exc))
        return None
    if not end:
        return start
    try:
        stop = parse_date(end)
    except DateError as exc:
        err("end", str(exc))
        return None
    if isinstance(start, Span) or isinstance(stop, Span):
        err("end", "'end' must be a single date when 'date' is a single date (write a range in 'date' alone)")
        return None
    if start.earliest and stop.latest and stop.latest < start.earliest:
        err("end", f"end ({stop.display()}) is before date ({start.display()})")
        return None
    try:
        return join_dates(start, stop, f"{date}/{end}")
    except DateError as exc:
        err("end", str(exc))
        return None


def read_csv(path: str | Path, *, sources: Mapping[str, Source] | None = None) -> ReadResult:
    """Read our CSV from a file (UTF-8, with or without BOM)."""
    return read_file(path, lambda text, name: read_csv_text(text, name, sources=sources))


def _wording(when: HistoricalDate | Span) -> str | None:
    """The date as its author wrote it ("the early 1930s"), when that reads back as exactly the same date."""
    if not when.text or when.text == when.edtf:
        return None
    try:
        again = parse_date(when.text)
    except DateError:
        return None
    same = (again.edtf, again.first_day, again.last_day, again.calendar) == (
        when.edtf, when.first_day, when.last_day, when.calendar)
    return when.text if same else None


def csv_text(tl: Timeline, name: str = "<output>") -> tuple[str, list[Diagnostic]]:
    """The timeline's events as our CSV (time order), with warnings saying what a row cannot hold."""
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\n")
    out.writerow(COLUMNS)
    losses = Losses("CSV")
    lane_names = {lane.id: lane.name for lane in tl.lane_order()}
    for ev in tl.sorted_events():
        date, end = _wording(ev.when), ""
        if date is None:
            date = portable_text(ev.when)
            if isinstance(ev.when, Span) and ev.when.start is not None and ev.when.end is not None \
                    and not ev.when.open_start and not ev.when.open_end:
                date, end = portable_text(ev.when.start), portable_text(ev.when.end)
        first = ev.citations[0] if ev.citations else None
        if len(ev.citations) > 1 or ev.claims:
            losses.lose("only the first citation of an event is kept (date claims and further citations are "
                        "not; other claims become sentences in the text)", ev.id)
        text = "\n\n".join([ev.text, *(c.sentence() + "." for c in ev.claims if not c.is_date)]).strip()
        if ev.media or ev.note or ev.display_date:
            losses.lose("media, notes and display dates are not kept", ev.id)
        source = ""
        if first is not None:
            src = tl.sources.get(first.source)
            source = src.title if src is not None and src.title.strip() else first.source  # cells are read stripped
        title = ev.title
        if not title.strip():
            title = ev.when.display()
            losses.lose(BLANK_TITLE, ev.id)
        row = [ev.id, date, end, title, text, lane_names.get(ev.lane, ev.lane or ""), ";".join(ev.tags), source,
               first.locator if first else "", first.quote if first else "",
               "" if ev.priority is None else str(ev.priority)]
        if trimmed(title, ev.text, row[5], *ev.tags, row[8], row[9]):
            losses.lose(TRIMMED, ev.id)
        if any("\r" in cell for cell in row):
            losses.lose(CARRIAGE_RETURNS, ev.id)
        if any(";" in tag for tag in ev.tags):
            losses.lose("a tag holding ';' became several tags (';' separates the tags in a cell)", ev.id)
        out.writerow([line_ends(cell) for cell in row])  # a bare \r would end the row for every reader
    for era in tl.eras:
        losses.lose("eras are not kept", era.id)
    _timeline_losses(tl, name, losses)
    return buffer.getvalue(), losses.diagnostics(name)


def _timeline_losses(tl: Timeline, name: str, losses: Losses) -> None:
    """What of the timeline itself a sheet of event rows cannot hold."""
    if tl.title not in ("Timeline", Path(name).stem) or tl.subtitle or tl.description:
        losses.lose("the title, subtitle and description are not kept (reading takes the title from the file "
                    "name)", "timeline")
    if tl.range is not None:
        losses.lose("the declared range is not kept", "timeline")
    lose_lanes(tl, losses)
    first_cited = {ev.citations[0].source for ev in tl.events if ev.citations}
    for sid, src in sorted(tl.sources.items()):
        if sid not in first_cited:
            losses.lose("sources no row cites are not kept", sid)
        elif attrs.evolve(src, id=slugify(src.title or sid, "source"), title=src.title or sid) != Source(
                id=slugify(src.title or sid, "source"), title=src.title or sid):
            losses.lose("sources became their title in the source cell (read back as a source of that title, "
                        "its id made from it); their other fields are not kept", sid)

