"""A small CSV scanner that remembers where every cell starts.

The stdlib ``csv`` module gives values but not positions.  Diagnostics
need ``file:line:column`` of the offending cell, so this scanner reads
RFC 4180 CSV (commas, double-quoted cells with ``""`` escapes, newlines
inside quotes) and records for each cell the 1-based line and character
column where it starts.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["Cell", "CsvSyntaxError", "Row", "scan_csv"]

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


#: Makes a Cell (or Row) as ``Cell(...)`` does, without its Python-level ``__new__`` (200k cells at 10k rows).
_new_tuple = tuple.__new__


def _split_line(line: str, number: int) -> tuple[Cell, ...] | None:
    """The cells of a row that ends on its own line (line ``number``), or None to scan it in full.

    None when a quoted cell runs past the line (a newline inside quotes, or
    a missing quote) or text follows a closing quote: the full scan then
    reads the row, or raises its error.
    """
    new = _new_tuple
    if '"' not in line:
        cells, column = [], 1
        for value in line.split(","):
            cells.append(new(Cell, (value, number, column)))
            column += len(value) + 1
        return tuple(cells)
    cells, i, n = [], 0, len(line)
    find, startswith = line.find, line.startswith
    while True:
        if startswith('"', i):
            j = i + 1
            while True:
                j = find('"', j)
                if j < 0:
                    return None
                if not startswith('"', j + 1):
                    break
                j += 2
            value = line[i + 1:j]
            cells.append(new(Cell, (value.replace('""', '"') if '""' in value else value, number, i + 1)))
            i = j + 1
            if i == n:
                return tuple(cells)
            if line[i] != ",":
                return None
            i += 1
        else:
            j = find(",", i)
            if j < 0:
                cells.append(new(Cell, (line[i:], number, i + 1)))
                return tuple(cells)
            cells.append(new(Cell, (line[i:j], number, i + 1)))
            i = j + 1


def _scan(text: str, split_plain_rows: bool) -> list[Row]:
    # A row that ends on its own line is split by _split_line; split_plain_rows=False
    # scans every row cell by cell over the whole text, which the tests compare it with.
    lines = text.split("\n")
    rows: list[Row] = []
    pos, line, line_start, n = 0, 1, 0, len(text)
    while pos < n:
        row_line = line
        row_text = lines[row_line - 1]
        split = _split_line(row_text, line) if split_plain_rows else None
        if split is not None:
            rows.append(_new_tuple(Row, (row_line, split, row_text)))
            pos += len(row_text) + 1
            line += 1
            line_start = pos
            continue
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
