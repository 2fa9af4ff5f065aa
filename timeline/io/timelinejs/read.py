"""Read TimelineJS: the Google-Sheet template saved as CSV, and TimelineJS 3 JSON.

Both are flattened into :class:`~timeline.io.timelinejs.slides.Slide`
records and built by the shared :class:`SlideBuilder`.  Problems are
reported at ``file:line:column`` (the line and character column where the
cell starts) for CSV, and at a JSON path such as
``$.events[3].start_date.month`` for JSON.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from timeline.io.common import Collector, ReadOptions, ReadResult, did_you_mean, header_key, read_file
from timeline.io.csvscan import Cell, CsvSyntaxError, Row, SplitRow, scan_csv_split
from timeline.io.limits import normalise_text, shown_number, whole_number
from timeline.io.timelinejs.slides import BY_KEY, CSV_COLUMNS, REQUIRED_COLUMNS, Slide, SlideBuilder, Value

__all__ = ["JsonSlides", "json_type", "note_unknown", "read_timelinejs_csv", "read_timelinejs_csv_text",
           "read_timelinejs_json", "read_timelinejs_json_text", "warn_unknown"]


def read_timelinejs_csv_text(text: str, name: str = "<string>", options: ReadOptions | None = None, *,
                             strict: bool = False) -> ReadResult:
    """Read a TimelineJS sheet saved as CSV; return the timeline (or None) and every diagnostic."""
    strict = strict or bool(options and options.strict)
    collector = Collector(options)
    text = normalise_text(text)
    try:
        rows = scan_csv_split(text)
    except CsvSyntaxError as exc:
        lines = text.split("\n")
        collector.error(f"CSV syntax: {exc.message}", name, exc.line, exc.column, lines[exc.line - 1])
        return ReadResult(None, tuple(collector.sorted()))
    if not rows:
        collector.error("the sheet is empty (expected a header row: Year, Month, Day, ..., Headline, Text, ...)", name, 1, 1)
        return ReadResult(None, tuple(collector.sorted()))
    header, body = _row(rows[0]), rows[1:]
    columns = _header_columns(header, name, collector)
    if columns is None:
        return ReadResult(None, tuple(collector.sorted()))
    # Columns without a header: their cells are said not kept (checked only when the sheet has such columns).
    unnamed = [i for i, cell in enumerate(header.cells) if not header_key(cell.value)]
    unnamed_cells: list[tuple[Cell, str]] = []
    builder = SlideBuilder(name, collector, "row", strict)
    width, picked = len(header.cells), list(columns.items())
    reach = max(columns) + 1 if columns else 0
    new = _new_tuple  # makes the Value that Value(...) makes, without its Python-level __new__
    placed = SlideBuilder.PLACED_WHEN_EMPTY
    # A row on one line with a cell for every column and none beyond, under a header naming each column
    # (the usual sheet), is read from its values; any other row from its cells, below.
    fields_of = [] if unnamed else [(index, field, field in placed) for index, field in picked]
    for row in body:
        if type(row) is SplitRow and fields_of and reach <= len(row.values) <= width:
            line, values, at, text = row
            if not any(map(str.strip, values)):  # blank: a spreadsheet's trailing ",,,,"
                continue
            fields = {field: new(Value, (value, line, at[index], text, None)) for index, field, keep in fields_of
                      if (value := values[index]) or keep}
            with builder.item():
                builder.add(new(Slide, (fields, new(Value, ("", line, 1, text, None)), "event")))
            continue
        row = _row(row)
        if row.is_blank:
            continue
        cells, line, text = row.cells, row.line, row.text
        count = len(cells)
        if unnamed:
            unnamed_cells += [(cells[i], text) for i in unnamed if i < count and cells[i].value.strip()]
        # An empty cell is left out (the builder reads it as absent), but for the ones whose place
        # a message names when they are empty (SlideBuilder.PLACED_WHEN_EMPTY).
        if count >= reach and cells[-1].line == line:  # every column there, the row on one line: the usual row
            fields = {field: new(Value, (*cell, text, None)) for index, field in picked
                      if (cell := cells[index])[0] or field in placed}
        else:
            fields = {}
            for index, field in picked:
                if index < count:
                    value, cell_line, column = cells[index]
                    if value or field in placed:
                        fields[field] = new(Value, (value, cell_line, column, text if cell_line == line else None,
                                                    None))
        with builder.item():
            extra = next((c for c in cells[width:] if c.value.strip()), None) if count > width else None
            if extra is not None:
                collector.error(f"this row has more cells than the header has columns ({len(header.cells)}); "
                                f"is a comma missing its quotes?", name, extra.line, extra.column, row.text)
            else:
                builder.add(Slide(fields, Value("", row.line, 1, row.text)))
    if unnamed_cells:
        first, source = unnamed_cells[0]
        collector.warning(f"{len(unnamed_cells)} cell(s) under a column with no header are not kept (name the "
                          f"column, e.g. Text, to keep them); the first is here", name, first.line, first.column,
                          source)
    timeline = builder.finish()
    return ReadResult(timeline, tuple(collector.sorted()))


_new_tuple = tuple.__new__


def _row(row: Row | SplitRow) -> Row:
    """A scanned row with its cells (a row on one line comes split, without them)."""
    return row.row if type(row) is SplitRow else row


#: An end date's display_date is not read (TimelineJS shows the start's): named among the fields not kept.
_END_DATE_KEYS = frozenset({"year", "month", "day", "hour", "minute", "second"})


def _header_columns(header: Row, name: str, collector: Collector) -> dict[int, str] | None:
    columns: dict[int, str] = {}
    seen: dict[str, Cell] = {}
    for index, cell in enumerate(header.cells):
        key = header_key(cell.value)
        if not key:
            continue
        field = BY_KEY.get(key)
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


#: The keys each object of TimelineJS 3 JSON has that the reader keeps; any other is named in one warning.
SLIDE_KEYS = frozenset({"start_date", "end_date", "display_date", "text", "media", "group", "unique_id",
                        "background"})
DATE_KEYS = frozenset({"year", "month", "day", "hour", "minute", "second", "display_date"})
TEXT_KEYS = frozenset({"headline", "text"})
MEDIA_KEYS = frozenset({"url", "caption", "credit", "thumbnail", "alt"})
TOP_KEYS = frozenset({"title", "events", "eras"})


def note_unknown(into: dict[str, str], obj: dict[str, Any], known: frozenset[str], pointer: str,
                 prefix: str = "") -> None:
    """Add each key of ``obj`` outside ``known`` that has a value to ``into`` (key -> its first JSON path)."""
    for key, value in obj.items():
        if key not in known and value not in (None, "", [], {}):
            into.setdefault(prefix + key, f"{pointer}.{key}")


def warn_unknown(builder: SlideBuilder, unknown: dict[str, str]) -> None:
    """One warning naming every key not kept (``fields not kept: a, media.b``), at the first one."""
    if unknown:
        builder.warning(Value("", pointer=next(iter(unknown.values()))),
                        f"fields not kept: {', '.join(sorted(unknown))} (the first is here)")


class JsonSlides:
    """Flattens TimelineJS JSON into slides, checking types at JSON paths."""

    def __init__(self, builder: SlideBuilder) -> None:
        self.b = builder
        self.unknown: dict[str, str] = {}  # key, as a path from its slide ("media.link") -> the first pointer

    def extra(self, obj: dict[str, Any], known: frozenset[str], pointer: str, prefix: str = "") -> None:
        """Note the keys of ``obj`` the reader does not keep (one warning per file names them)."""
        if not obj.keys() <= known:
            note_unknown(self.unknown, obj, known, pointer, prefix)

    def warn_extra(self) -> None:
        """The one warning naming every key not kept, at the first one."""
        warn_unknown(self.b, self.unknown)

    def _err(self, pointer: str, message: str) -> None:
        self.b.error(Value("", pointer=pointer), message)

    def scalar(self, obj: dict[str, Any], key: str, pointer: str, numeric: bool = False) -> Value | None:
        value = obj.get(key)
        p = f"{pointer}.{key}"
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self._err(p, f"expected {'a number' if numeric else 'a string'}, got {json_type(value)}")
            return None
        if isinstance(value, str) or not numeric:
            if not isinstance(value, str):
                self._err(p, f"expected a string, got {json_type(value)}")
                return None
            return Value(value, pointer=p)
        if isinstance(value, float) and not value.is_integer():
            self._err(p, f"expected a whole number, got {value!r}")
            return None
        return Value(str(int(value)), pointer=p)

    def obj(self, value: Any, pointer: str) -> dict[str, Any] | None:
        if value is None:
            return None
        if not isinstance(value, dict):
            self._err(pointer, f"expected an object, got {json_type(value)}")
            return None
        return value

    def add(self, item: Any, pointer: str, kind: str) -> None:
        """Read the slide at ``pointer`` into the builder, unless its shape is wrong (reported)."""
        with self.b.item():
            before = len(self.b.c.diagnostics)
            slide = self._slide(item, pointer, kind)
            if slide is not None and not any(d.is_error for d in self.b.c.diagnostics[before:]):
                self.b.add(slide)

    def _slide(self, item: Any, pointer: str, kind: str) -> Slide | None:
        data = self.obj(item, pointer)
        if data is None:
            if item is None:
                self._err(pointer, "expected an object, got null")
            return None
        fields: dict[str, Value] = {}
        self.extra(data, SLIDE_KEYS, pointer)
        for key, prefix in (("start_date", ""), ("end_date", "end_")):
            date = self.obj(data.get(key), f"{pointer}.{key}")
            if date is None:
                continue
            self.extra(date, DATE_KEYS if prefix == "" else _END_DATE_KEYS, f"{pointer}.{key}", f"{key}.")
            for part in ("year", "month", "day"):
                value = self.scalar(date, part, f"{pointer}.{key}", numeric=True)
                if value is not None:
                    fields[prefix + part] = value
            clock = [self.scalar(date, p, f"{pointer}.{key}", numeric=True) for p in ("hour", "minute", "second")]
            for part, value in zip(("hour", "minute", "second"), clock, strict=True):
                if value is not None and not isinstance(whole_number(value.text, 2), int):
                    self._err(value.pointer or pointer, f"{part} must be a whole number written with the digits "
                                                        f"0-9, got {shown_number(value.text)}")
                    return None
            if any(clock):
                hour, minute, second = (v.text if v else "" for v in clock)
                text = f"{hour}:{minute or '0':0>2}" + (f":{second:0>2}" if second else "")
                fields[prefix + "time"] = Value(text, pointer=(clock[0] or next(v for v in clock if v)).pointer)
            shown = self.scalar(date, "display_date", f"{pointer}.{key}")
            if shown is not None and prefix == "":
                fields.setdefault("display_date", shown)
        display = self.scalar(data, "display_date", pointer)
        if display is not None:
            shown = fields.get("display_date")
            if shown is not None and shown.text.strip() != display.text.strip():
                self.b.warning(shown, f"start_date.display_date {shown.text.strip()!r} is not kept: the slide's "
                                      f"display_date {display.text.strip()!r} is")
            fields["display_date"] = display
        text = self.obj(data.get("text"), f"{pointer}.text") or {}
        self.extra(text, TEXT_KEYS, f"{pointer}.text", "text.")
        for key, field in (("headline", "headline"), ("text", "text")):
            value = self.scalar(text, key, f"{pointer}.text")
            if value is not None:
                fields[field] = value
        media = self.obj(data.get("media"), f"{pointer}.media") or {}
        self.extra(media, MEDIA_KEYS, f"{pointer}.media", "media.")
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
        if (isinstance(background, dict) and any(background.values())) or (
                background not in (None, "", {}) and not isinstance(background, dict)):
            fields["background"] = Value("yes", pointer=f"{pointer}.background")
        return Slide(fields, Value("", pointer=pointer), kind)


def json_type(value: Any) -> str:
    """The JSON name of a parsed value's type, with its article ("an array")."""
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", int: "a number",
             float: "a number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def read_timelinejs_json_text(text: str, name: str = "<string>", options: ReadOptions | None = None, *,
                              strict: bool = False) -> ReadResult:
    """Read TimelineJS JSON (``title``, ``events``, ``eras``); return the timeline and every diagnostic."""
    from timeline.io.jsonpos import open_json, with_lines  # json and its positions: not for a sheet

    data, text, collector, strict, failed = open_json(text, name, options, strict)
    if failed is not None:
        return failed
    builder = SlideBuilder(name, collector, "slide", strict)
    slides = JsonSlides(builder)
    if not isinstance(data, dict):
        builder.error(Value("", pointer="$"), f"expected an object with 'events', got {json_type(data)}")
        return ReadResult(None, tuple(with_lines(collector.sorted(), text)))
    if not isinstance(data.get("events"), list):
        builder.error(Value("", pointer="$.events"), "a TimelineJS file needs an 'events' array")
        return ReadResult(None, tuple(with_lines(collector.sorted(), text)))
    if data.get("title") is not None:
        slides.add(data["title"], "$.title", "title")
    for i, item in enumerate(data["events"]):
        slides.add(item, f"$.events[{i}]", "event")
    eras = data.get("eras")
    if eras is not None and not isinstance(eras, list):
        builder.error(Value("", pointer="$.eras"), f"expected an array, got {json_type(eras)}")
    for i, item in enumerate(eras if isinstance(eras, list) else []):
        slides.add(item, f"$.eras[{i}]", "era")
    slides.extra(data, TOP_KEYS, "$")
    slides.warn_extra()
    timeline = builder.finish()
    return ReadResult(timeline, tuple(with_lines(collector.sorted(), text)))


def read_timelinejs_json(path: str | Path) -> ReadResult:
    """Read a TimelineJS JSON file."""
    return read_file(path, read_timelinejs_json_text)

