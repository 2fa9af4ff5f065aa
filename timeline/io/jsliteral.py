"""Read the data literals people copy out of a vis-timeline page: JSON, loosened the way JavaScript allows.

``[{id: 1, content: 'item 1', start: new Date(2014, 3, 20)}, ...]``: keys
without quotes, single-quoted strings, ``//`` and ``/* */`` comments,
trailing commas, and ``new Date(...)``, which becomes a :class:`JsDate`.
A file may hold several literals one after another (the items, then the
groups).  Nothing is evaluated: anything else (a variable, a function call)
is a :class:`JsSyntaxError` with its line and column.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from timeline.io.limits import line_col

__all__ = ["JsDate", "JsSyntaxError", "parse_literals"]


class JsDate(NamedTuple):
    """``new Date(...)``: its arguments as written (numbers, or one string)."""

    args: tuple[Any, ...]


class JsSyntaxError(ValueError):
    """Text that is not a data literal, with where."""

    def __init__(self, message: str, line: int, column: int, source: str) -> None:
        super().__init__(message)
        self.message, self.line, self.column, self.source = message, line, column, source


_TOKEN = re.compile(r"""
    (?P<space>\s+|//[^\n]*|/\*.*?\*/)
  | (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<number>[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
  | (?P<name>[A-Za-z_$][\w$]*)
  | (?P<punct>[\[\]{}(),:;])
""", re.S | re.X)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_CONSTANTS = {"true": True, "false": False, "null": None, "undefined": None}
_MAX_DEPTH = 200


def _unquote(token: str) -> str:
    return re.sub(r"\\(?:u([0-9A-Fa-f]{4})|(.))",
                  lambda m: chr(int(m.group(1), 16)) if m.group(1) else _ESCAPES.get(m.group(2), m.group(2)),
                  token[1:-1], flags=re.S)


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens: list[tuple[str, str, int]] = []
        self.comments: list[int] = []  # where each // or /* */ comment starts
        pos = 0
        while pos < len(text):
            match = _TOKEN.match(text, pos)
            if match is None:
                self.fail(pos, f"unexpected character {text[pos]!r}")
            if match.lastgroup != "space":
                self.tokens.append((match.lastgroup or "", match.group(), pos))
            elif text.startswith("/", pos):
                self.comments.append(pos)
            pos = match.end()
        self.i = 0

    def fail(self, pos: int, message: str) -> None:
        line, column, source = line_col(self.text, pos)
        raise JsSyntaxError(message, line, column, source)

    def peek(self) -> tuple[str, str, int] | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self, value: str | None = None) -> tuple[str, str, int]:
        token = self.peek()
        if token is None:
            self.fail(len(self.text), f"the data ends early (expected {value or 'a value'})")
        assert token is not None
        if value is not None and token[1] != value:
            self.fail(token[2], f"expected {value!r}, got {token[1]!r}")
        self.i += 1
        return token

    def value(self, depth: int = 0) -> Any:
        if depth > _MAX_DEPTH:
            self.fail(self.peek()[2] if self.peek() else 0, "the data nests too deeply")
        kind, text, pos = self.take()
        if text == "[":
            items = []
            while self.peek() is not None and self.peek()[1] != "]":
                items.append(self.value(depth + 1))
                if self.peek() is not None and self.peek()[1] == ",":
                    self.take(",")
                elif self.peek() is not None and self.peek()[1] != "]":
                    self.fail(self.peek()[2], f"expected ',' or ']', got {self.peek()[1]!r}")
            self.take("]")
            return items
        if text == "{":
            obj: dict[str, Any] = {}
            while self.peek() is not None and self.peek()[1] != "}":
                key_kind, key, key_pos = self.take()
                if key_kind not in ("name", "string", "number"):
                    self.fail(key_pos, f"expected a key, got {key!r}")
                self.take(":")
                obj[_unquote(key) if key_kind == "string" else key] = self.value(depth + 1)
                if self.peek() is not None and self.peek()[1] == ",":
                    self.take(",")
                elif self.peek() is not None and self.peek()[1] != "}":
                    self.fail(self.peek()[2], f"expected ',' or '}}', got {self.peek()[1]!r}")
            self.take("}")
            return obj
        if kind == "string":
            return _unquote(text)
        if kind == "number":
            return float(text) if any(c in text for c in ".eE") else int(text)
        if kind == "name" and text in _CONSTANTS:
            return _CONSTANTS[text]
        if text == "new" and self.peek() is not None and self.peek()[1] == "Date":
            self.take("Date")
            self.take("(")
            args = []
            while self.peek() is not None and self.peek()[1] != ")":
                args.append(self.value(depth + 1))
                if self.peek() is not None and self.peek()[1] == ",":
                    self.take(",")
            self.take(")")
            return JsDate(tuple(args))
        self.fail(pos, f"{text!r} is code, not data (only literals and new Date(...) are read)")
        return None


def parse_literals(text: str, comments: list[int] | None = None) -> list[Any]:
    """Every top-level literal in ``text``, in order (raises :class:`JsSyntaxError`).

    The offset where each comment starts is added to ``comments`` when given.
    """
    parser = _Parser(text)
    if comments is not None:
        comments += parser.comments
    out = []
    while parser.peek() is not None:
        out.append(parser.value())
        while parser.peek() is not None and parser.peek()[1] in (",", ";"):
            parser.take()
    return out
