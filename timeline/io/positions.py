"""Find where things are in a TOML file, for diagnostics.

``tomllib`` gives values but no positions.  This scanner reads the text
once, line by line, and records where each table header and each key
sits, keyed by the same path a loader uses (``("events", 3, "when")``).
It understands enough TOML for that: headers, array-of-tables, keys,
and multi-line strings and arrays, which it skips over.
"""

from __future__ import annotations

import bisect
import re

import attrs

__all__ = ["Position", "PositionIndex"]

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\[\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r'^(\s*)((?:[A-Za-z0-9_-]+|"[^"\n]*"|\'[^\'\n]*\')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"\n]*"))*)\s*=\s*')

Path = tuple[str | int, ...]


@attrs.frozen
class Position:
    """A 1-based line and column, with the text of that line."""

    line: int
    column: int
    text: str


def _split_dotted(key: str) -> list[str]:
    parts = re.findall(r'"([^"]*)"|\'([^\']*)\'|([A-Za-z0-9_-]+)', key)
    return [a or b or c for a, b, c in parts]


class PositionIndex:
    """Positions of headers, keys and values in one TOML text."""

    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")  # line numbers count \n only, never U+2028 or U+0085
        self._keys: dict[Path, tuple[int, int, int]] = {}  # path -> (line, key col, value col)
        self._blocks: dict[Path, tuple[int, int]] = {}  # table path -> (first line, last line)
        self._prefixes: dict[Path, tuple[int, int, int]] | None = None
        self._scan()
        # Sorted once: looking up "the next key" per diagnostic must not re-sort (quadratic on big files).
        self._key_lines = sorted({v[0] for v in self._keys.values()})

    def _scan(self) -> None:
        counters: dict[Path, int] = {}
        table: Path = ()
        table_start = 0
        in_string: str | None = None
        depth = 0  # brackets open across lines (multi-line arrays / inline tables)
        for number, line in enumerate(self.lines, start=1):
            if in_string:
                if in_string in line:
                    in_string = None
                continue
            if depth == 0:
                header = _HEADER.match(line)
                if header:
                    self._close(table, table_start, number - 1)
                    names = _split_dotted(header.group(2))
                    table = self._table_path(names, header.group(1) == "[[", counters)
                    table_start = number
                    self._keys.setdefault(table, (number, line.index(header.group(1)) + 1, 0))
                    continue
                key = _KEY.match(line)
                if key:
                    path = table + tuple(_split_dotted(key.group(2)))
                    self._keys.setdefault(path, (number, len(key.group(1)) + 1, key.end() + 1))
            depth, in_string = self._track(line, depth)
        self._close(table, table_start, len(self.lines))

    def _close(self, table: Path, start: int, end: int) -> None:
        if start:
            self._blocks[table] = (start, end)

    @staticmethod
    def _table_path(names: list[str], is_array: bool, counters: dict[Path, int]) -> Path:
        # Array-of-tables headers nest under the latest element of their parent:
        # [[events.claims]] belongs to the current [[events]] entry.
        path: Path = ()
        for i, name in enumerate(names):
            path = path + (name,)
            last = i == len(names) - 1
            if last and is_array:
                index = counters.get(path, -1) + 1
                counters[path] = index
                # A new parent element restarts the numbering of its children.
                for child in [k for k in counters if len(k) > len(path) + 1 and k[: len(path) + 1] == path + (index,)]:
                    del counters[child]
                path = path + (index,)
            elif path in counters:
                path = path + (counters[path],)
        return path

    @staticmethod
    def _track(line: str, depth: int) -> tuple[int, str | None]:
        """Update bracket depth over one line, skipping strings and comments."""
        i, n = 0, len(line)
        in_string = None
        while i < n:
            ch = line[i]
            if line.startswith('"""', i) or line.startswith("'''", i):
                delim = line[i : i + 3]
                close = line.find(delim, i + 3)
                if close < 0:
                    return depth, delim
                i = close + 3
                continue
            if ch == '"':
                i += 1
                while i < n and line[i] != '"':
                    i += 2 if line[i] == "\\" else 1
            elif ch == "'":
                close = line.find("'", i + 1)
                i = n if close < 0 else close
            elif ch == "#":
                break
            elif ch in "[{":
                depth += 1
            elif ch in "]}":
                depth = max(depth - 1, 0)
            i += 1
        return depth, in_string

    def find(self, path: Path) -> Position | None:
        """Where the key (or table) at ``path`` is, or its nearest known ancestor.

        A path known only through longer ones (``[[evnts]]`` records ``("evnts", 0)``,
        ``a.b = 1`` records ``("a", "b")``) is found at the first of them.
        """
        probe = tuple(path)
        while probe:
            hit = self._keys.get(probe) or self._first_under().get(probe)
            if hit:
                line, key_col, _ = hit
                return Position(line, key_col, self.lines[line - 1])
            probe = probe[:-1]
        return None

    def _first_under(self) -> dict[Path, tuple[int, int, int]]:
        """For every proper prefix of a recorded path, the earliest recorded position under it."""
        if self._prefixes is None:
            self._prefixes = {}
            for path, hit in sorted(self._keys.items(), key=lambda item: item[1]):
                for n in range(1, len(path)):
                    self._prefixes.setdefault(path[:n], hit)
        return self._prefixes

    def find_value(self, path: Path) -> Position | None:
        """Where the value of the key at ``path`` starts (falls back to :meth:`find`)."""
        hit = self._keys.get(tuple(path))
        if hit and hit[2]:
            line, _, value_col = hit
            return Position(line, value_col, self.lines[line - 1])
        return self.find(path)

    def find_text(self, path: Path, needle: str) -> Position | None:
        """Where ``needle`` first appears inside the block of ``path`` (e.g. a source id in a citation)."""
        probe = tuple(path)
        while probe:
            block = self._block_of(probe)
            if block:
                first, last = block
                for number in range(first, last + 1):
                    col = self.lines[number - 1].find(needle)
                    if col >= 0:
                        return Position(number, col + 1, self.lines[number - 1])
            probe = probe[:-1]
        return self.find(path)

    def _block_of(self, path: Path) -> tuple[int, int] | None:
        if path in self._blocks:
            return self._blocks[path]
        hit = self._keys.get(path)
        if hit:
            # A key's block runs until the next key or header.
            line = hit[0]
            after = bisect.bisect_right(self._key_lines, line)
            return (line, self._key_lines[after] - 1 if after < len(self._key_lines) else len(self.lines))
        return None
