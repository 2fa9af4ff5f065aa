"""A small CSV scanner that remembers where every cell starts.

The stdlib ``csv`` module gives values but not positions.  Diagnostics
need ``file:line:column`` of the offending cell, so this scanner reads
RFC 4180 CSV (commas, double-quoted cells with ``""`` escapes, newlines
inside quotes) and records for each cell the 1-based line and character
column where it starts.
"""

from __future__ import annotations

import re
from itertools import repeat
from typing import Any, NamedTuple

__all__ = ["Cell", "CsvSyntaxError", "Row", "SplitRow", "scan_csv", "scan_csv_split"]

_QUOTED = re.compile(r'"((?:[^"]|"")*)"')
_PLAIN = re.compile(r"[^,\n]*")


class Cell(NamedTuple):
    """One cell's text and where it starts (1-based line and character column)."""

    value: str
    line: int
    column: int


class Row(NamedTuple):
    """One record: its first line, its cells, and the text of that first line."""

    line: int
    cells: tuple[Cell, ...]
    text: str

    @property
    def is_blank(self) -> bool:
        """True when every cell is empty or whitespace (a spreadsheet's trailing ",,,,")."""
        return all(not c.value.strip() for c in self.cells)


class CsvSyntaxError(ValueError):
    """Broken quoting, with the line and column where it was found."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


def scan_csv(text: str) -> list[Row]:
    """Split CSV text (newlines already normalised to ``\\n``) into rows of positioned cells."""
    return _scan(text, split_plain_rows=True)


def scan_csv_split(text: str) -> list[Row | SplitRow]:
    """:func:`scan_csv`'s rows, but each row that ends on its own line as a :class:`SplitRow`: its values
    and their columns, without a Cell for each (a reader makes objects only of the cells it keeps)."""
    return _scan(text, split_plain_rows=True, flat=True)


class SplitRow(NamedTuple):
    """A row on one line (``line``), split: each cell's value, the column where each starts, the line's text."""

    line: int
    values: list[str]
    columns: list[int]
    text: str

    @property
    def row(self) -> Row:
        """The row as :func:`scan_csv` gives it."""
        line, new = self.line, _new_tuple
        return new(Row, (line, tuple([new(Cell, (value, line, column))
                                      for value, column in zip(self.values, self.columns)]), self.text))


#: Makes a Cell (or Row) as ``Cell(...)`` does, without its Python-level ``__new__`` (200k cells at 10k rows).
_new_tuple = tuple.__new__


def _split_values(line: str) -> tuple[list[str], list[int]] | None:
    """The values of a row that ends on its own line and the column where each starts, or None to scan it
    in full.

    None when a quoted cell runs past the line (a newline inside quotes, or
    a missing quote) or text follows a closing quote: the full scan then
    reads the row, or raises its error.  The line is split at every comma,
    and the pieces of each quoted cell (found with ``str.find``, so the
    other cells cost no Python step) joined again: it ends at the first
    quote that pairs with no quote after it (the scan's reading of ``""``),
    which must end a piece.
    """
    parts = line.split(",")
    if line[:1] == '"':
        start = 0
    elif '"' not in line or (start := line.find(',"') + 1) == 0:
        return parts, _columns(parts)  # no cell starts with a quote
    values: list[str] = []
    raw: list[str] = []
    taken, seen, commas, n = 0, 0, 0, len(parts)  # parts[:taken] are in values; commas in line[:seen]
    while True:
        commas += line.count(",", seen, start)
        first = k = commas  # the piece the quoted cell starts
        tail = parts[k][1:]
        while True:  # the pieces after a comma start unpaired: each is read alone
            unpaired = tail.replace('""', "") if '"' in tail else tail
            close = unpaired.find('"')
            if close >= 0:
                if close != len(unpaired) - 1:
                    return None
                break
            k += 1
            if k == n:
                return None
            tail = parts[k]
        if first > taken:
            values += parts[taken:first]
            raw += parts[taken:first]
        cell = ",".join(parts[first:k + 1]) if k > first else parts[k]
        raw.append(cell)
        value = cell[1:-1]
        values.append(value.replace('""', '"') if '""' in value else value)
        taken, seen, commas = k + 1, start + len(cell), k
        start = line.find(',"', seen) + 1
        if start == 0:
            break
    if taken < n:
        values += parts[taken:]
        raw += parts[taken:]
    return values, _columns(raw)


def _columns(cells: list[str]) -> list[int]:
    """The column where each of a line's cells starts, given their text as written."""
    columns, column = [], 1
    for cell in cells:
        columns.append(column)
        column += len(cell) + 1
    return columns


def _split_rows(lines: list[str], line: int, last: int, pos: int, rows: list[Any], flat: bool) -> tuple[int, int]:
    """Add the rows from line ``line`` (at offset ``pos``) on while each ends on its own line; return the
    line and the offset where the first that does not (or the text) starts."""
    append, new, split = rows.append, _new_tuple, _split_values
    for index in range(line - 1, last):
        row_text = lines[index]
        cells = split(row_text)
        if cells is None:
            return index + 1, pos
        values, columns = cells
        if flat:
            append(new(SplitRow, (index + 1, values, columns, row_text)))
        else:
            append(new(Row, (index + 1, tuple(map(new, repeat(Cell), zip(values, repeat(index + 1), columns))),
                             row_text)))
        pos += len(row_text) + 1
    return last + 1, pos


def _scan(text: str, split_plain_rows: bool, flat: bool = False) -> list[Any]:
    # A row that ends on its own line is split by _split_values (``flat``: kept as a SplitRow);
    # split_plain_rows=False scans every row cell by cell over the whole text, which the tests compare it with.
    lines = text.split("\n")
    rows: list[Any] = []
    pos, line, line_start, n = 0, 1, 0, len(text)
    last = len(lines) - (lines[-1] == "")  # the lines a row may start on (a final newline starts none)
    while pos < n:
        if split_plain_rows:
            line, pos = _split_rows(lines, line, last, pos, rows, flat)
            line_start = pos
            if pos >= n:
                break
        row_line = line
        row_text = lines[row_line - 1]
        cells = []
        while True:
            column = pos - line_start + 1
            if pos < n and text[pos] == '"':
                match = _QUOTED.match(text, pos)
                if match is None:
                    raise CsvSyntaxError("a quoted cell is never closed (a '\"' is missing)", line, column)
                value = match.group(1).replace('""', '"')
            else:
                match = _PLAIN.match(text, pos)
                assert match is not None
                value = match.group(0)
            cells.append(Cell(value, line, column))
            segment = text[pos:match.end()]
            newlines = segment.count("\n")
            if newlines:
                line += newlines
                line_start = pos + segment.rfind("\n") + 1
            pos = match.end()
            if pos >= n:
                break
            if text[pos] == ",":
                pos += 1
                continue
            if text[pos] == "\n":
                pos += 1
                line += 1
                line_start = pos
                break
            raise CsvSyntaxError("unexpected text after a closing quote (put the whole cell in quotes)",
                                 line, pos - line_start + 1)
        rows.append(Row(row_line, tuple(cells), row_text))
    return rows
