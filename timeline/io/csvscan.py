"""A small CSV scanner that remembers where every cell starts.

The stdlib ``csv`` module gives values but not positions.  Diagnostics
need ``file:line:column`` of the offending cell, so this scanner reads
RFC 4180 CSV (commas, double-quoted cells with ``""`` escapes, newlines
inside quotes) and records for each cell the 1-based line and character
column where it starts.
"""

from __future__ import annotations

import re

import attrs

__all__ = ["Cell", "CsvSyntaxError", "Row", "scan_csv"]

_QUOTED = re.compile(r'"((?:[^"]|"")*)"')
_PLAIN = re.compile(r"[^,\n]*")


@attrs.frozen
class Cell:
    """One cell's text and where it starts (1-based line and character column)."""

    value: str
    line: int
    column: int


@attrs.frozen
class Row:
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
    lines = text.split("\n")
    rows: list[Row] = []
    pos, line, line_start, n = 0, 1, 0, len(text)
    while pos < n:
        row_line = line
        cells: list[Cell] = []
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
        rows.append(Row(row_line, tuple(cells), lines[row_line - 1]))
    return rows
