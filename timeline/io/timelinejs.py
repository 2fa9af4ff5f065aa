"""Read and write TimelineJS: the Google-Sheet template (as CSV) and TimelineJS JSON.

Reading maps each slide (a sheet row, or an entry of ``events``) to an
:class:`~timeline.model.Event`, an era or the timeline's title.  Dates
keep the precision they were given at: a row with only a Year becomes
the EDTF year ``1951``, never 1 January.  HTML in the text becomes our
inline markup.  Problems are reported at ``file:line:column`` (the line
and character column where the cell starts) for CSV, and at a JSON path
such as ``$.events[3].start_date.month`` for JSON.

Writing produces what TimelineJS can show and says, as warnings, what it
could not carry over.  The mapping is documented in ``docs/interop.md``.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import attrs

from timeline.dates import Bound, HistoricalDate, Precision, Span, parse_date
from timeline.errors import DateError, Diagnostic, Severity
from timeline.io.common import (
    Collector,
    ReadResult,
    did_you_mean,
    read_file,
)
from timeline.io.csvscan import Cell, CsvSyntaxError, Row, scan_csv
from timeline.io.jsonpos import loads_checked, with_lines
from timeline.io.limits import normalise_text
from timeline.io.markup import html_to_markup, markup_to_html
from timeline.io.slugs import IdAllocator, slugify
from timeline.io.validate import ModelPath, Where, validate
from timeline.model import Citation, Era, Event, Lane, Media, Timeline

__all__ = [
    "CSV_COLUMNS",
    "REQUIRED_COLUMNS",
    "is_timelinejs_data",
    "is_timelinejs_header",
    "read_timelinejs_csv",
    "read_timelinejs_csv_text",
    "read_timelinejs_json",
    "read_timelinejs_json_text",
    "timelinejs_csv",
    "timelinejs_data",
    "timelinejs_json",
]

#: The sheet's columns in template order, and the field each one fills.
CSV_COLUMNS = {
    "Year": "year", "Month": "month", "Day": "day", "Time": "time",
    "End Year": "end_year", "End Month": "end_month", "End Day": "end_day", "End Time": "end_time",
    "Display Date": "display_date", "Headline": "headline", "Text": "text", "Media": "media",
    "Media Credit": "media_credit", "Media Caption": "media_caption", "Media Thumbnail": "media_thumbnail",
    "Type": "type", "Group": "group", "Background": "background", "Alt Text": "alt_text",
}
#: Older sheets call Group "Tag".
_ALIASES = {"tag": "group"}
#: Columns a sheet must have.
REQUIRED_COLUMNS = ("Year", "Headline")
_BY_KEY = {" ".join(name.lower().split()): field for name, field in CSV_COLUMNS.items()} | _ALIASES
_NAME_OF = {field: name for name, field in CSV_COLUMNS.items()}
_DATE_PARTS = ("year", "month", "day", "hour", "minute", "second", "millisecond")


def _norm(header: str) -> str:
    return " ".join(header.replace("\ufeff", "").lower().split())


def is_timelinejs_header(headers: Sequence[str]) -> bool:
    """True when a CSV header row looks like the TimelineJS sheet (Year, Headline, Display Date...)."""
    keys = {_norm(h) for h in headers}
    return bool(keys & {"year", "headline", "display date", "media credit", "end year"})


def is_timelinejs_data(data: Any) -> bool:
    """True for parsed JSON shaped like TimelineJS (``events`` whose entries have ``start_date``)."""
    if not isinstance(data, dict) or data.get("format") == "timeline":
        return False
    events = data.get("events")
    if isinstance(events, list):
        return not events or any(isinstance(e, dict) and "start_date" in e for e in events)
    return isinstance(data.get("title"), dict)


# -- reading -------------------------------------------------------------------


class _Value(NamedTuple):
    """One input value and where it came from: a CSV cell or a JSON path."""

    text: str
    line: int = 0
    column: int = 0
    source_line: str | None = None
    pointer: str | None = None


@attrs.define
class _Slide:
    """One TimelineJS slide, flattened to the sheet's fields."""

    fields: dict[str, _Value]
    where: _Value  # the slide itself (row start, or its JSON path)
    kind: str = "event"  # event | title | era

    def get(self, field: str) -> str:
        value = self.fields.get(field)
        return value.text.strip() if value is not None else ""

    def at(self, field: str) -> _Value:
        """The value of ``field``, or the slide's own position when the field is absent."""
        return self.fields.get(field) or self.where


class _Builder:
    """Turns slides into a Timeline, collecting diagnostics (warnings summarised once per file)."""

    def __init__(self, name: str, collector: Collector, strict: bool = False) -> None:
        self.name = name
        self.c = collector
        self.strict = strict
        self.title = ""
        self.description = ""
        self.title_at: _Value | None = None
        self.events: list[Event] = []
        self.event_at: list[_Value] = []  # where each event's slide is, for the validation pass
        self.eras: list[Era] = []
        self.lanes: dict[str, Lane] = {}  # label -> lane, in order of first use
        self.lane_ids = IdAllocator()
        self.event_ids = IdAllocator()
        self.era_ids = IdAllocator()
        # Per-file summaries: (first position, count, details).
        self.dropped_tags: set[str] = set()
        self.dropped_first: _Value | None = None
        self.dropped_count = 0
        self.summaries: dict[str, list[Any]] = {}

    # reporting
    def error(self, at: _Value, message: str) -> None:
        self.c.error(message, self.name, at.line, at.column, at.source_line, at.pointer)

    def warning(self, at: _Value, message: str) -> None:
        self.c.warning(message, self.name, at.line, at.column, at.source_line, at.pointer)

    def note_once(self, key: str, at: _Value) -> None:
        """Count an occurrence of a per-file warning, remembering the first position."""
        entry = self.summaries.setdefault(key, [at, 0])
        entry[1] += 1

    # text
    def markup(self, value: _Value | None) -> str:
        if value is None or not value.text.strip():
            return ""
        converted = html_to_markup(value.text)
        if converted.dropped:
            self.dropped_tags.update(converted.dropped)
            self.dropped_first = self.dropped_first or value
            self.dropped_count += 1
        return converted.text

    # dates
    def _int(self, value: _Value, label: str, low: int, high: int) -> int | None:
        text = value.text.strip()
        if re.fullmatch(r"[+-]?\d+(\.0+)?", text):
            number = int(float(text)) if "." in text else int(text)
            if low <= number <= high:
                return number
            self.error(value, f"{label} must be between {low} and {high}, got {text!r}")
            return None
        self.error(value, f"{label} must be a whole number, got {text!r}")
        return None

    def edtf(self, slide: _Slide, prefix: str) -> tuple[str | None, HistoricalDate | None, bool]:
        """EDTF text and date for the start (prefix "") or end (prefix "end_"); (None, None, ok)."""
        label = "End " if prefix else ""
        year_v, month_v, day_v = (slide.fields.get(prefix + p) for p in ("year", "month", "day"))
        has = [v is not None and v.text.strip() != "" for v in (year_v, month_v, day_v)]
        if not any(has):
            return None, None, True
        if not has[0]:
            given = month_v if has[1] else day_v
            assert given is not None
            self.error(given, f"{label}{'Month' if has[1] else 'Day'} is given without {label}Year")
            return None, None, False
        if has[2] and not has[1]:
            assert day_v is not None
            self.error(day_v, f"{label}Day is given without {label}Month")
            return None, None, False
        assert year_v is not None
        year = self._int(year_v, f"{label}Year", -999_999, 9999)
        if year is None:
            return None, None, False
        if year < 1:
            self.error(year_v, f"{label}Year {year} is before 1 CE; timeline's dates hold years 1 to 9999 only, "
                               f"so this row cannot become an event yet")
            return None, None, False
        text = f"{year:04d}"
        if has[1]:
            assert month_v is not None
            month = self._int(month_v, f"{label}Month", 1, 12)
            if month is None:
                return None, None, False
            text += f"-{month:02d}"
        if has[2]:
            assert day_v is not None
            day = self._int(day_v, f"{label}Day", 1, 31)
            if day is None:
                return None, None, False
            text += f"-{day:02d}"
        try:
            date = parse_date(text)
        except DateError as exc:
            self.error(day_v if has[2] and day_v else year_v, f"{label}date {text}: {exc.reason}")
            return None, None, False
        return text, date, True

    def when(self, slide: _Slide) -> tuple[HistoricalDate | Span | None, bool]:
        start, s, ok_start = self.edtf(slide, "")
        end, e, ok_end = self.edtf(slide, "end_")
        if not (ok_start and ok_end):
            return None, False
        if start is None:
            if end is not None:
                self.error(slide.at("end_year"), "End Year is given but Year is empty")
                return None, False
            return None, True
        if end is None or end == start:
            return s, True
        if s.earliest and e.latest and e.latest < s.earliest:
            self.error(slide.at("end_year"), f"the end ({e.display()}) is before the start ({s.display()})")
            return None, False
        try:
            return parse_date(f"{start}/{end}"), True
        except DateError as exc:
            self.error(slide.at("end_year"), exc.reason)
            return None, False

    # slides
    def add(self, slide: _Slide) -> None:
        """Read one slide into the timeline being built."""
        kind = slide.kind
        type_text = slide.get("type").lower()
        if type_text in ("title", "era"):
            kind = type_text
        elif type_text:
            self.warning(slide.at("type"), f"unknown Type {slide.get('type')!r} (TimelineJS knows 'title' and "
                                           f"'era'); the row is read as an event")
        if kind == "title":
            self._title(slide)
            return
        when, ok = self.when(slide)
        if not ok:
            return
        if slide.get("background"):
            self.note_once("background", slide.at("background"))
        headline = self.markup(slide.fields.get("headline"))
        text = self.markup(slide.fields.get("text"))
        if kind == "era":
            self._era(slide, when, headline, text)
            return
        if when is None:
            self.error(slide.at("year"), "this row has no Year, so it cannot become an event "
                                         "(every event needs at least a Year; only the title row may go without)")
            return
        display = slide.get("display_date")
        times = [t for t in (slide.get("time"), slide.get("end_time")) if t]
        if times:
            self.note_once("time", slide.at("time" if slide.get("time") else "end_time"))
            if not display:
                display = when.display() + ", " + " – ".join(times)
        title = _plain_title(headline) or _plain_title(text.split("\n")[0]) or display or when.display()
        lane = self._lane(slide.get("group"))
        explicit = slide.get("unique_id")
        event_id = self._event_id(explicit, title, when)
        self.events.append(Event(
            id=event_id, title=title, when=when, text=text, lane=lane,
            media=self._media(slide), display_date=display,
        ))
        self.event_at.append(slide.where)

    def _event_id(self, explicit: str, title: str, when: HistoricalDate | Span) -> str:
        if explicit and re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.:-]*", explicit) and explicit not in self.event_ids.taken:
            return self.event_ids.claim(explicit)
        date_part = re.sub(r"[^0-9A-Za-z]+", "-", when.edtf).strip("-")
        base = slugify(explicit) if explicit else f"{slugify(title, 'event')}-{date_part}"
        return self.event_ids.new(base)

    def _title(self, slide: _Slide) -> None:
        if self.title_at is not None:
            where = self.title_at.pointer or f"line {self.title_at.line}"
            self.error(slide.at("type"), f"a second title slide (the first is at {where}); a sheet has one title row")
            return
        self.title_at = slide.where
        self.title = _plain_title(self.markup(slide.fields.get("headline")))
        self.description = self.markup(slide.fields.get("text"))
        if slide.get("media"):
            self.warning(slide.at("media"), "the title slide's Media is not kept (a timeline has no title picture); "
                                            "put the link in the title Text if it matters")

    def _era(self, slide: _Slide, when: HistoricalDate | Span | None, headline: str, text: str) -> None:
        if when is None or not isinstance(when, Span):
            self.error(slide.at("end_year" if when is not None else "year"),
                       "an era needs both Year and End Year (a start and a different end)")
            return
        label = _plain_title(headline) or when.display()
        era_id = self.era_ids.new(slugify(label, "era"))
        for field in ("media", "group", "display_date"):
            if slide.get(field):
                self.warning(slide.at(field), f"{_NAME_OF[field]} of an era is not kept (eras have a label, "
                                              f"dates and text only)")
        self.eras.append(Era(id=era_id, label=label, when=when, text=text))

    def _lane(self, group: str) -> str | None:
        if not group:
            return None
        lane = self.lanes.get(group)
        if lane is None:
            lane = Lane(id=self.lane_ids.new(slugify(group, "lane")), label=group)
            self.lanes[group] = lane
        return lane.id

    def _media(self, slide: _Slide) -> Media | None:
        url = slide.get("media")
        extras = {"credit": "media_credit", "caption": "media_caption", "thumbnail": "media_thumbnail",
                  "alt": "alt_text"}
        if not url:
            for field in extras.values():
                if slide.get(field):
                    self.warning(slide.at(field), f"{_NAME_OF[field]} is given without Media (a URL); it is not kept")
            return None
        values = {
            "credit": self.markup(slide.fields.get("media_credit")),
            "caption": self.markup(slide.fields.get("media_caption")),
            "thumbnail": slide.get("media_thumbnail"),
            "alt": slide.get("alt_text"),
        }
        return Media(url=url, **values)

    def finish(self) -> Timeline | None:
        """Add the per-file summary warnings and build the timeline (None on errors)."""
        if self.dropped_first is not None:
            cells = "1 cell" if self.dropped_count == 1 else f"{self.dropped_count} cells"
            self.warning(self.dropped_first,
                         f"HTML tags other than links and emphasis were dropped, keeping their text: "
                         f"{', '.join(sorted(self.dropped_tags))} ({cells}; the first is here)")
        if "background" in self.summaries:
            at, count = self.summaries["background"]
            self.warning(at, f"Background is not kept ({count} slide(s)); timeline draws its own backgrounds")
        if "time" in self.summaries:
            at, count = self.summaries["time"]
            self.warning(at, f"Time is not kept as part of the date (timeline dates go down to the day); "
                             f"{count} slide(s) show it in their display date instead")
        tl = Timeline(
            title=self.title or "Timeline", description=self.description, events=tuple(self.events),
            eras=tuple(self.eras), lanes=tuple(self.lanes.values()),
        )

        def locate(path: ModelPath) -> Where | None:
            if len(path) >= 2 and path[0] == "events" and isinstance(path[1], int) and path[1] < len(self.event_at):
                at = self.event_at[path[1]]
                return Where(self.name, at.line, at.column, at.source_line, at.pointer)
            return None

        self.c.extend(validate(tl, locate, name=self.name, strict=self.strict, reader_errors=self.c.has_errors,
                               uncited_hint="(TimelineJS has no sources); add sources and citations after "
                                            "converting, see docs/interop.md"))
        return None if self.c.has_errors else tl


def _plain_title(markup: str) -> str:
    """A one-line plain title from markup: marks and link targets removed, cut at 80 characters."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markup)
    text = " ".join(text.replace("**", "").replace("*", "").split())
    return text if len(text) <= 80 else text[:79].rsplit(" ", 1)[0] + "…"


def read_timelinejs_csv_text(text: str, name: str = "<string>", *, strict: bool = False) -> ReadResult:
    """Read a TimelineJS sheet saved as CSV; return the timeline (or None) and every diagnostic."""
    collector = Collector()
    text = normalise_text(text)
    try:
        rows = scan_csv(text)
    except CsvSyntaxError as exc:
        lines = text.split("\n")
        collector.error(f"CSV syntax: {exc.message}", name, exc.line, exc.column, lines[exc.line - 1])
        return ReadResult(None, tuple(collector.sorted()))
    if not rows:
        collector.error("the sheet is empty (expected a header row: Year, Month, Day, ..., Headline, Text, ...)", name, 1, 1)
        return ReadResult(None, tuple(collector.sorted()))
    header, body = rows[0], rows[1:]
    columns = _header_columns(header, name, collector)
    if columns is None:
        return ReadResult(None, tuple(collector.sorted()))
    builder = _Builder(name, collector, strict)
    for row in body:
        if row.is_blank:
            continue
        fields = {}
        for index, field in columns.items():
            cell = row.cells[index] if index < len(row.cells) else None
            if cell is not None:
                fields[field] = _cell_value(cell, row)
        for extra in row.cells[len(header.cells):]:
            if extra.value.strip():
                collector.error(f"this row has more cells than the header has columns ({len(header.cells)}); "
                                f"is a comma missing its quotes?", name, extra.line, extra.column, row.text)
                break
        builder.add(_Slide(fields, _Value("", row.line, 1, row.text)))
    timeline = builder.finish()
    return ReadResult(timeline, tuple(collector.sorted()))


def _cell_value(cell: Cell, row: Row) -> _Value:
    line_text = row.text if cell.line == row.line else None
    return _Value(cell.value, cell.line, cell.column, line_text)


def _header_columns(header: Row, name: str, collector: Collector) -> dict[int, str] | None:
    columns: dict[int, str] = {}
    seen: dict[str, Cell] = {}
    for index, cell in enumerate(header.cells):
        key = _norm(cell.value)
        if not key:
            continue
        field = _BY_KEY.get(key)
        if field is None:
            collector.warning(f"unknown column {cell.value.strip()!r} is ignored"
                              f"{did_you_mean(cell.value.strip(), CSV_COLUMNS)}", name, cell.line, cell.column, header.text)
            continue
        if field in seen:
            first = seen[field]
            collector.error(f"column {cell.value.strip()!r} appears twice (first at column {first.column})",
                            name, cell.line, cell.column, header.text)
            continue
        seen[field] = cell
        columns[index] = field
    ok = True
    for required in REQUIRED_COLUMNS:
        if CSV_COLUMNS[required] not in columns.values():
            found = ", ".join(c.value.strip() for c in header.cells if c.value.strip()) or "nothing"
            collector.error(f"missing column '{required}' (a TimelineJS sheet needs Year and Headline columns; "
                            f"the header has: {found})", name, 1, 1, header.text)
            ok = False
    return columns if ok else None


def read_timelinejs_csv(path: str | Path) -> ReadResult:
    """Read a TimelineJS sheet from a CSV file (UTF-8, with or without BOM)."""
    return read_file(path, read_timelinejs_csv_text)


# JSON ---------------------------------------------------------------------------


class _JsonSlides:
    """Flattens TimelineJS JSON into slides, checking types at JSON paths."""

    def __init__(self, builder: _Builder) -> None:
        self.b = builder

    def _err(self, pointer: str, message: str) -> None:
        self.b.error(_Value("", pointer=pointer), message)

    def scalar(self, obj: dict[str, Any], key: str, pointer: str, numeric: bool = False) -> _Value | None:
        value = obj.get(key)
        p = f"{pointer}.{key}"
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self._err(p, f"expected {'a number' if numeric else 'a string'}, got {_json_type(value)}")
            return None
        if isinstance(value, str) or not numeric:
            if not isinstance(value, str):
                self._err(p, f"expected a string, got {_json_type(value)}")
                return None
            return _Value(value, pointer=p)
        if isinstance(value, float) and not value.is_integer():
            self._err(p, f"expected a whole number, got {value!r}")
            return None
        return _Value(str(int(value)), pointer=p)

    def obj(self, value: Any, pointer: str) -> dict[str, Any] | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            self._err(pointer, f"expected an object, got {_json_type(value)}")
            return None
        return value

    def slide(self, item: Any, pointer: str, kind: str) -> _Slide | None:
        """The slide at ``pointer``, or None when its shape is wrong (already reported)."""
        before = len(self.b.c.diagnostics)
        slide = self._slide(item, pointer, kind)
        if any(d.is_error for d in self.b.c.diagnostics[before:]):
            return None
        return slide

    def _slide(self, item: Any, pointer: str, kind: str) -> _Slide | None:
        data = self.obj(item, pointer)
        if data is None:
            if item is None:
                self._err(pointer, "expected an object, got null")
            return None
        fields: dict[str, _Value] = {}
        for key, prefix in (("start_date", ""), ("end_date", "end_")):
            date = self.obj(data.get(key), f"{pointer}.{key}")
            if date is None:
                continue
            for part in ("year", "month", "day"):
                value = self.scalar(date, part, f"{pointer}.{key}", numeric=True)
                if value is not None:
                    fields[prefix + part] = value
            clock = [date.get(p) for p in ("hour", "minute", "second")]
            if any(v not in (None, "") for v in clock):
                parts = [f"{int(v):02d}" if str(v).isdigit() else "00" for v in clock if v not in (None, "")]
                fields[prefix + "time"] = _Value(":".join(parts), pointer=f"{pointer}.{key}.hour")
            shown = self.scalar(date, "display_date", f"{pointer}.{key}")
            if shown is not None and prefix == "":
                fields.setdefault("display_date", shown)
        if kind != "title" and "year" not in fields and "start_date" not in data:
            self._err(pointer, "expected 'start_date' with a 'year'")
            return None
        display = self.scalar(data, "display_date", pointer)
        if display is not None:
            fields["display_date"] = display
        text = self.obj(data.get("text"), f"{pointer}.text") or {}
        for key, field in (("headline", "headline"), ("text", "text")):
            value = self.scalar(text, key, f"{pointer}.text")
            if value is not None:
                fields[field] = value
        media = self.obj(data.get("media"), f"{pointer}.media") or {}
        for key, field in (("url", "media"), ("credit", "media_credit"), ("caption", "media_caption"),
                           ("thumbnail", "media_thumbnail"), ("alt", "alt_text")):
            value = self.scalar(media, key, f"{pointer}.media")
            if value is not None:
                fields[field] = value
        for key in ("group", "unique_id"):
            value = self.scalar(data, key, pointer)
            if value is not None:
                fields[key] = value
        background = data.get("background")
        if isinstance(background, dict) and any(background.values()):
            fields["background"] = _Value("yes", pointer=f"{pointer}.background")
        return _Slide(fields, _Value("", pointer=pointer), kind)


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", int: "a number",
             float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def read_timelinejs_json_text(text: str, name: str = "<string>", *, strict: bool = False) -> ReadResult:
    """Read TimelineJS JSON (``title``, ``events``, ``eras``); return the timeline and every diagnostic."""
    collector = Collector()
    text = normalise_text(text)
    data, ok = loads_checked(text, name, collector)
    if not ok:
        return ReadResult(None, tuple(collector.sorted()))
    builder = _Builder(name, collector, strict)
    slides = _JsonSlides(builder)
    if not isinstance(data, dict):
        builder.error(_Value("", pointer="$"), f"expected an object with 'events', got {_json_type(data)}")
        return ReadResult(None, tuple(with_lines(collector.sorted(), text)))
    if not isinstance(data.get("events"), list):
        builder.error(_Value("", pointer="$.events"), "a TimelineJS file needs an 'events' array")
        return ReadResult(None, tuple(with_lines(collector.sorted(), text)))
    if data.get("title") is not None:
        slide = slides.slide(data["title"], "$.title", "title")
        if slide is not None:
            builder.add(slide)
    for i, item in enumerate(data["events"]):
        slide = slides.slide(item, f"$.events[{i}]", "event")
        if slide is not None:
            builder.add(slide)
    eras = data.get("eras")
    if eras is not None and not isinstance(eras, list):
        builder.error(_Value("", pointer="$.eras"), f"expected an array, got {_json_type(eras)}")
    for i, item in enumerate(eras if isinstance(eras, list) else []):
        slide = slides.slide(item, f"$.eras[{i}]", "era")
        if slide is not None:
            builder.add(slide)
    timeline = builder.finish()
    return ReadResult(timeline, tuple(with_lines(collector.sorted(), text)))


def read_timelinejs_json(path: str | Path) -> ReadResult:
    """Read a TimelineJS JSON file."""
    return read_file(path, read_timelinejs_json_text)


# -- writing -------------------------------------------------------------------


class _Writer:
    """Builds TimelineJS data from a timeline and notes what could not carry over."""

    def __init__(self, tl: Timeline, name: str) -> None:
        self.tl = tl
        self.name = name
        self.lossy: dict[str, list[str]] = {}

    def lose(self, what: str, item_id: str) -> None:
        ids = self.lossy.setdefault(what, [])
        if item_id not in ids:
            ids.append(item_id)

    def date_object(self, date: HistoricalDate, item_id: str, use: str = "earliest") -> dict[str, int] | None:
        day = date.earliest if use == "earliest" else date.latest
        if day is None:
            day = date.latest if use == "earliest" else date.earliest
        if day is None:
            return None
        out = {"year": day.year}
        if date.precision <= Precision.MONTH:
            out["month"] = day.month
        if date.precision is Precision.DAY:
            out["day"] = day.day
        return out

    def dates(self, when: HistoricalDate | Span, item_id: str) -> tuple[dict | None, dict | None, bool]:
        """(start_date, end_date, exact): exact when TimelineJS shows the same date we mean."""
        if isinstance(when, HistoricalDate):
            exact = (when.precision in (Precision.DAY, Precision.MONTH, Precision.YEAR) and not when.approximate
                     and not when.uncertain and when.bound is Bound.EXACT and not when.part)
            if when.precision in (Precision.DECADE, Precision.SEASON) and when.bound is Bound.EXACT:
                return self.date_object(when, item_id), self.date_object(when, item_id, "latest"), False
            return self.date_object(when, item_id), None, exact
        start = self.dates(when.start, item_id) if when.start is not None else None
        end = self.dates(when.end, item_id) if when.end is not None else None
        exact = bool(start and end and start[2] and end[2])
        start_obj = start[0] if start else None
        end_obj = (end[1] or end[0]) if end else None
        if start_obj is None:
            start_obj, end_obj = end_obj, None
        return start_obj, end_obj, exact

    def citations_text(self, citations: Sequence[Citation]) -> str:
        # cite sits beside io in the pipeline, so it is imported where it is used.
        from timeline.cite import note as _cite_note
        from timeline.cite import plain as _plain_runs

        parts = []
        for c in citations:
            src = self.tl.sources.get(c.source)
            text = _plain_runs(_cite_note(src, c.locator)) if src is not None else ", ".join(
                x for x in (c.source, c.locator) if x)
            text = text.rstrip(".")
            if c.quote:
                text += f" (“{c.quote}”)"
            parts.append(text)
        return "Sources: " + "; ".join(parts) + "." if parts else ""

    def event(self, ev: Event) -> dict[str, Any]:
        start, end, exact = self.dates(ev.when, ev.id)
        paragraphs = [ev.text] if ev.text else []
        display = ev.display_date
        if ev.is_disputed:
            display = display or ev.date_label()
            self.lose("disputed dates became a display date and a note in the text", ev.id)
            paragraphs.append("Date disputed: " + "; ".join(
                f"{c.when.display()}" + (f" ({self.citations_text(c.citations)[9:-1]})" if c.citations else "")
                for c in ev.date_claims))
        elif not exact:
            display = display or ev.when.display()
            self.lose("approximate, uncertain, bounded, seasonal or decade dates became a display date", ev.id)
            paragraphs.append(f"Date: {ev.when.display()} (EDTF {ev.when.edtf}).")
        for claim in ev.claims:
            if not claim.is_date:
                self.lose("claims about quantities and statements became notes in the text", ev.id)
                cites = self.citations_text(claim.citations)
                paragraphs.append(claim.sentence() + (f" ({cites[9:-1]})" if cites else "") + ".")
        if ev.note:
            paragraphs.append(f"Note: {ev.note}")
        cites = self.citations_text(ev.citations)
        if cites:
            paragraphs.append(cites)
        if ev.tags:
            self.lose("tags are not kept (TimelineJS has no tags)", ev.id)
        out: dict[str, Any] = {"start_date": start or {}, "text": {"headline": _escape(ev.title)}}
        if end:
            out["end_date"] = end
        body = "\n\n".join(paragraphs)
        if body:
            out["text"]["text"] = markup_to_html(body)
        if display:
            out["display_date"] = display
        if ev.lane:
            lane = next((ln for ln in self.tl.lane_order() if ln.id == ev.lane), None)
            out["group"] = lane.name if lane else ev.lane
        if ev.media:
            media = {"url": ev.media.url}
            for key in ("caption", "credit"):
                if getattr(ev.media, key):
                    media[key] = markup_to_html(getattr(ev.media, key))
            for key in ("thumbnail", "alt"):
                if getattr(ev.media, key):
                    media[key] = getattr(ev.media, key)
            out["media"] = media
        out["unique_id"] = ev.id
        return out

    def era(self, era: Era) -> dict[str, Any]:
        start, end, exact = self.dates(era.when, era.id)
        if not exact:
            self.lose("era dates that are not plain years, months or days were rounded", era.id)
        text = "\n\n".join(x for x in (era.text, self.citations_text(era.citations)) if x)
        out: dict[str, Any] = {"start_date": start or {}, "end_date": end or start or {},
                               "text": {"headline": _escape(era.label)}}
        if text:
            out["text"]["text"] = markup_to_html(text)
        return out

    def data(self) -> dict[str, Any]:
        tl = self.tl
        title_text = "\n\n".join(x for x in (tl.subtitle, tl.description) if x)
        title: dict[str, Any] = {"text": {"headline": _escape(tl.title)}}
        if title_text:
            title["text"]["text"] = markup_to_html(title_text)
        cited = {c.source for ev in tl.events for c in ev.all_citations} | {
            c.source for era in tl.eras for c in era.citations}
        for sid in sorted(set(tl.sources) - cited):
            self.lose("sources cited by no event are not kept", sid)
        if tl.range is not None:
            self.lose("the declared range is not kept", "timeline")
        events = [self.event(ev) for ev in tl.sorted_events()]
        out: dict[str, Any] = {"title": title, "events": events}
        eras = [self.era(era) for era in sorted(tl.eras, key=lambda e: (e.when.sort_key, e.id))]
        if eras:
            out["eras"] = eras
        return out

    def diagnostics(self) -> list[Diagnostic]:
        out = []
        for what, ids in self.lossy.items():
            shown = ", ".join(ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
            out.append(Diagnostic(Severity.WARNING, f"TimelineJS cannot carry this over: {what} ({shown})", self.name))
        return out


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def timelinejs_data(tl: Timeline, name: str = "<output>") -> tuple[dict[str, Any], list[Diagnostic]]:
    """The timeline as TimelineJS JSON data, and warnings saying what could not carry over."""
    writer = _Writer(tl, name)
    data = writer.data()
    return data, writer.diagnostics()


def timelinejs_json(tl: Timeline, name: str = "<output>") -> tuple[str, list[Diagnostic]]:
    """The timeline as TimelineJS JSON text (deterministic), with warnings."""
    data, diagnostics = timelinejs_data(tl, name)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n", diagnostics


def timelinejs_csv(tl: Timeline, name: str = "<output>") -> tuple[str, list[Diagnostic]]:
    """The timeline as a TimelineJS sheet in CSV (the Google-Sheet template's columns), with warnings."""
    data, diagnostics = timelinejs_data(tl, name)
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\n")
    out.writerow(list(CSV_COLUMNS))
    out.writerow(_row(data["title"], "title"))
    for event in data["events"]:
        out.writerow(_row(event, ""))
    for era in data.get("eras", []):
        out.writerow(_row(era, "era"))
    return buffer.getvalue(), diagnostics


def _row(slide: Mapping[str, Any], kind: str) -> list[str]:
    start, end = slide.get("start_date", {}), slide.get("end_date", {})
    text, media = slide.get("text", {}), slide.get("media", {})
    values = {
        "year": start.get("year"), "month": start.get("month"), "day": start.get("day"),
        "end_year": end.get("year"), "end_month": end.get("month"), "end_day": end.get("day"),
        "display_date": slide.get("display_date"), "headline": text.get("headline"), "text": text.get("text"),
        "media": media.get("url"), "media_credit": media.get("credit"), "media_caption": media.get("caption"),
        "media_thumbnail": media.get("thumbnail"), "alt_text": media.get("alt"), "type": kind,
        "group": slide.get("group"),
    }
    return ["" if values.get(field) is None else str(values[field]) for field in CSV_COLUMNS.values()]
