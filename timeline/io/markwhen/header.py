"""The header of a Markwhen file (front matter, or ``key: value`` lines before the first event), and of its pages.

:class:`HeaderReader` holds the file's lines and reports at them; the body
reader (:mod:`.read`) builds on it.  ``title``, ``description`` and
``dateFormat`` are read; other keys are named in one warning; comments
(``//``) are counted for one note; the header of a later page (after
``_-_-_break_-_-_``) is said not kept.
"""

from __future__ import annotations

import re

from timeline.io.common import Collector
from timeline.io.markwhen.when import Refused, parse_range

__all__ = ["HeaderReader", "unquote"]

_PROPERTY = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*:(?:\s+(.*)|\s*)$")
_KNOWN_HEADER = {"title", "description", "dateformat"}
_PAGE_BREAK = "_-_-_break_-_-_"  # between the pages of a Markwhen file


class HeaderReader:
    """A Markwhen file's lines, its header, and its comments counted."""

    def __init__(self, text: str, name: str, collector: Collector) -> None:
        self.lines = text.split("\n")
        self.name = name
        self.c = collector
        self.header: dict[str, str] = {}
        self.quoted: set[str] = set()  # keys whose value was a quoted YAML scalar: every character is text
        self.day_first = False
        self.comments, self.first_comment, self.skip_to = 0, 0, 0

    def value(self, text: str, number: int) -> str:
        """A property's value without its trailing ``// comment`` (counted with the comments)."""
        value = _strip_comment(text)
        if value != text.strip():
            self.comment(number)
        return value

    def error(self, line: int, column: int, message: str) -> None:
        """An error at a line of the file."""
        self.c.error(message, self.name, line, column, self.lines[line - 1] if line else None)

    def warning(self, line: int, column: int, message: str) -> None:
        """A warning at a line of the file."""
        self.c.warning(message, self.name, line, column, self.lines[line - 1] if line else None)

    def read_header(self) -> int:
        """Read the header; return the index of the first body line."""
        i = 0
        if self.lines and self.lines[0].strip() == "---":
            end = next((j for j in range(1, len(self.lines)) if self.lines[j].strip() == "---"), None)
            if end is not None:
                self._header_lines(range(1, end))
                return end + 1
        while i < len(self.lines):
            stripped = self.lines[i].strip()
            if not stripped or stripped.startswith("//"):
                if stripped:
                    self.comment(i + 1)
                i += 1
                continue
            match = _PROPERTY.match(self.lines[i])
            is_tag_colour = re.match(r"^#[\w-]+\s*:", stripped) is not None
            if not is_tag_colour and (match is None or _is_dates(match.group(1))):
                break
            j = i + 1
            while j < len(self.lines) and self.lines[j][:1].isspace() and self.lines[j].strip():
                j += 1
            self._header_lines(range(i, j))
            i = j
        return i

    def _header_lines(self, indexes: range) -> None:
        key = None
        for i in indexes:
            line = self.lines[i]
            stripped = line.strip()
            if not stripped or stripped.startswith("//"):
                if stripped:
                    self.comment(i + 1)
                continue
            if line[:1].isspace() and key is not None:
                self.header[key] += " " + stripped
                continue
            if stripped.startswith("#"):
                key = stripped.split(":", 1)[0]
                self.header[key] = ""
                continue
            match = _PROPERTY.match(line)
            if match is None:
                self.error(i + 1, 1, f"cannot read this header line; expected 'key: value'")
                continue
            key = match.group(1)
            quoted = unquote(match.group(2) or "")
            self.header[key] = quoted if quoted is not None else self.value(match.group(2) or "", i + 1)
            if quoted is not None:
                self.quoted.add(key)
        fmt = self.header.get("dateFormat", "").strip().lower()
        self.day_first = fmt.startswith("d")

    def entry(self, key: str) -> str:
        """A header value: a quoted one as written, a plain one without the spaces around it."""
        value = self.header.get(key, "")
        return value if key in self.quoted else value.strip()

    def comment(self, number: int) -> None:
        """Count a ``//`` comment line (one note per file says they are not kept)."""
        self.comments += 1
        self.first_comment = self.first_comment or number

    def page_header(self, start: int) -> None:
        """A later page's header: said not kept (a timeline has one title), its lines accounted for."""
        end = start
        keys: list[str] = []
        while end < len(self.lines):
            stripped = self.lines[end].strip()
            match = _PROPERTY.match(self.lines[end])
            if stripped.startswith("//"):
                self.comment(end + 1)
            elif stripped and not self.lines[end][:1].isspace() and not re.match(r"^#[\w-]+\s*:", stripped) and (
                    match is None or _is_dates(match.group(1))):
                break
            elif match is not None or stripped.startswith("#"):
                keys.append(match.group(1) if match else stripped.split(":", 1)[0])
            end += 1
        self.skip_to = end
        if keys:
            self.warning(start + 1, 1, f"the header of this page is not kept (the timeline keeps the first "
                                       f"page's): {', '.join(dict.fromkeys(keys))}")


def _is_dates(text: str) -> bool:
    """True when ``text`` is (or tries to be) the dates of an event, so its line is no header entry."""
    try:
        return parse_range(text) is not None
    except Refused:
        return True


def _strip_comment(value: str) -> str:
    return re.sub(r"\s+//.*$", "", value).strip()


#: YAML's escapes in a double-quoted scalar (the Markwhen header and properties are YAML).
_YAML_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
                 "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\x85", "_": "\xa0",
                 "L": "\u2028", "P": "\u2029"}
_DOUBLE_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)")


def unquote(value: str) -> str | None:
    """The text of a YAML quoted scalar on one line (``"a\\nb"``, ``'it''s'``), or None when it is not one.

    Markwhen reads its header and properties as YAML, so quotes are syntax, not text.
    """
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == "'" and "'" not in value[1:-1].replace("''", ""):
        return value[1:-1].replace("''", "'")
    match = _DOUBLE_QUOTED.fullmatch(value)
    if match is None:
        return None
    try:
        return _ESCAPE.sub(lambda m: _YAML_ESCAPES[m.group(1)] if len(m.group(1)) == 1 else chr(int(m.group(1)[1:], 16)),
                           match.group(1))
    except (KeyError, ValueError):  # an escape YAML does not know: not a value we can read as YAML does
        return None
