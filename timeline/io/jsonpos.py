"""JSON text to data for every JSON reader, with the positions its diagnostics need.

:func:`loads_checked` parses, and reports syntax errors, duplicate keys,
integers too long to read and lone surrogates (replaced, with a warning);
:func:`with_lines` gives diagnostics located by a JSON path a line and column.

``json.loads`` gives values but no positions.  :class:`JsonPositions` scans a
text that has already parsed (so it needs no error handling of its own) once,
without recursion, recording where each value starts by its path
(``("events", 3, "when")``) and which object keys appear twice (JSON allows
it, and ``json.loads`` silently keeps the last).  It is built only when a
diagnostic needs it.
"""

from __future__ import annotations

import bisect
import json
import re
from typing import Any

import attrs

from timeline.errors import Diagnostic
from timeline.io.common import Collector, ReadOptions, ReadResult
from timeline.io.limits import line_col, normalise_text

__all__ = [
    "JsonPositions", "loads_checked", "pointer_path", "with_lines",
]

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_SCALAR = re.compile(r"[^\s,\]}]+")
_POINTER_PART = re.compile(r"\.([^.\[\]]+)|\[(\d+)\]")

Path = tuple[str | int, ...]


def pointer_path(pointer: str) -> Path:
    """``$.events[3].when`` as ``("events", 3, "when")``."""
    return tuple(int(i) if i else key for key, i in _POINTER_PART.findall(pointer.removeprefix("$")))


class JsonPositions:
    """Line and column of every value in a JSON text, and its duplicate keys."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: dict[Path, int] = {}
        self.duplicates: list[tuple[Path, int]] = []  # (path of the repeated key, offset)
        self._newlines: list[int] | None = None
        self._scan()

    def _scan(self) -> None:
        text = self.text
        # Each open container: [path, is_object, next index or pending key, keys seen]
        stack: list[list] = []
        i, n = 0, len(text)
        expect_key = False
        while i < n:
            ch = text[i]
            if ch in " \t\r\n,:":
                i += 1
                continue
            if ch in "]}":
                stack.pop()
                expect_key = bool(stack) and stack[-1][1]
                i += 1
                continue
            if expect_key:  # an object key
                match = _STRING.match(text, i)
                assert match is not None
                key = json.loads(match.group())
                top = stack[-1]
                if key in top[3]:
                    self.duplicates.append(((*top[0], key), i))
                top[3].add(key)
                top[2] = key
                expect_key = False
                i = match.end()
                continue
            # a value: its path comes from the container it sits in
            if stack:
                top = stack[-1]
                path = (*top[0], top[2])
                if top[1]:
                    expect_key = True
                else:
                    top[2] += 1
            else:
                path = ()
            self.starts.setdefault(path, i)
            if ch in "[{":
                stack.append([path, ch == "{", 0 if ch == "[" else None, set()])
                expect_key = ch == "{"
                i += 1
            elif ch == '"':
                match = _STRING.match(text, i)
                assert match is not None
                i = match.end()
            else:
                match = _SCALAR.match(text, i)
                i = match.end() if match else i + 1

    def find(self, path: Path) -> tuple[int, int, str] | None:
        """(line, column, text of that line) where the value at ``path`` (or its nearest ancestor) starts."""
        probe = tuple(path)
        while True:
            offset = self.starts.get(probe)
            if offset is not None:
                return self.line_col(offset)
            if not probe:
                return None
            probe = probe[:-1]

    def line_col(self, offset: int) -> tuple[int, int, str]:
        """1-based line and column of an offset (lines count ``\\n`` only), and that line's text."""
        if self._newlines is None:
            self._newlines = [m.start() for m in re.finditer("\n", self.text)]
        line = bisect.bisect_left(self._newlines, offset) + 1
        start = self._newlines[line - 2] + 1 if line > 1 else 0
        end = self._newlines[line - 1] if line - 1 < len(self._newlines) else len(self.text)
        return line, offset - start + 1, self.text[start:end]


def _replace_surrogates(data: Any, name: str, collector: Collector) -> Any:
    """Replace lone surrogates (legal in JSON escapes, unwritable as UTF-8) with U+FFFD, with a warning.

    Iterative, so a 900-deep array that ``json.loads`` accepted cannot overflow the stack here.
    """
    def clean(value: str, pointer: str) -> str:
        if not _SURROGATE.search(value):
            return value
        collector.warning("text holds a lone UTF-16 surrogate (a broken emoji or character); "
                          "replaced with U+FFFD", name, pointer=pointer)
        return _SURROGATE.sub("\ufffd", value)

    if isinstance(data, str):
        return clean(data, "$")
    stack: list[tuple[Any, str]] = [(data, "$")]
    while stack:
        container, pointer = stack.pop()
        if isinstance(container, list):
            for i, v in enumerate(container):
                if isinstance(v, str):
                    container[i] = clean(v, f"{pointer}[{i}]")
                elif isinstance(v, (list, dict)):
                    stack.append((v, f"{pointer}[{i}]"))
        elif isinstance(container, dict):
            for k in list(container):
                v = container[k]
                key = clean(k, pointer) if isinstance(k, str) else k
                if key != k:
                    del container[k]
                    container[key] = v
                if isinstance(v, str):
                    container[key] = clean(v, f"{pointer}.{key}")
                elif isinstance(v, (list, dict)):
                    stack.append((v, f"{pointer}.{key}"))
    return data


def loads_checked(text: str, name: str, collector: Collector) -> tuple[Any, bool]:
    """Parse JSON text, reporting syntax errors, duplicate keys and lone surrogates; (data, ok)."""
    duplicates = False

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        # json.loads keeps the last of two equal keys; note it, so the value is refused, not silently lost.
        nonlocal duplicates
        result = dict(pairs)
        duplicates = duplicates or len(result) != len(pairs)
        return result

    try:
        data = json.loads(text, object_pairs_hook=no_duplicates)
    except json.JSONDecodeError as exc:
        lines = text.split("\n")
        source = lines[exc.lineno - 1] if 0 < exc.lineno <= len(lines) else None
        collector.error(f"JSON syntax: {exc.msg}", name, exc.lineno, exc.colno, source)
        return None, False
    except RecursionError:
        collector.error("JSON nests too deeply", name, 1, 1)
        return None, False
    except ValueError:  # json refuses an integer over Python's 4,300-digit limit
        digits = re.search(r"[0-9]{4000,}", text)
        line, column, source = line_col(text, digits.start() if digits else 0)
        collector.error("JSON number has thousands of digits; a number must be at most 2**53", name, line, column,
                        source)
        return None, False
    if duplicates:
        positions = JsonPositions(text)
        for path, offset in positions.duplicates:
            line, column, source = positions.line_col(offset)
            collector.error(f"key '{path[-1]}' appears twice in one object (JSON readers would silently keep "
                            f"only the last)", name, line, column, source)
    if _MAY_HOLD_SURROGATES.search(text):  # the walk costs; most texts cannot hold a surrogate
        data = _replace_surrogates(data, name, collector)
    return data, True


def with_lines(diagnostics: list[Diagnostic], text: str) -> list[Diagnostic]:
    """Give every diagnostic that has a JSON path the line and column of that value."""
    positions: JsonPositions | None = None
    out = []
    for d in diagnostics:
        if d.pointer and not d.line:
            positions = positions or JsonPositions(text)
            found = positions.find(pointer_path(d.pointer))
            if found:
                d = attrs.evolve(d, line=found[0], column=found[1], source_line=found[2])
        out.append(d)
    return sorted(out, key=lambda d: (d.path, d.line, d.column))


_SURROGATE = re.compile("[\ud800-\udfff]")
#: A surrogate escape (``\ud800``-``\udfff``) or a raw surrogate: only text holding one can need the walk.
_MAY_HOLD_SURROGATES = re.compile(r"\\u[dD][89a-fA-F]|[\ud800-\udfff]")


def open_json(text: str, name: str, options: ReadOptions | None,
              strict: bool) -> tuple[Any, str, Collector, bool, ReadResult | None]:
    """The opening every JSON reader shares: (data, normalised text, collector, strict, the result to
    return at once when the text is no JSON, else None)."""
    strict = strict or bool(options and options.strict)
    collector = Collector(options)
    text = normalise_text(text)
    data, ok = loads_checked(text, name, collector)
    return data, text, collector, strict, None if ok else ReadResult(None, tuple(collector.sorted()))
