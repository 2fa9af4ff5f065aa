"""One TOML text the reader is reading, and how it reports a problem at a key or value.

The TOML reader's diagnostics all go through :class:`TomlFile`: it finds
the position of a key path (``("events", 3, "when")``) in the text, through
the scan of :mod:`timeline.io.positions`, built only when the first problem
is reported, so a clean file never pays for it.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from timeline.io.common import Collector
from timeline.io.positions import Path as KeyPath
from timeline.io.positions import PositionIndex

__all__ = ["KeyPath", "Located", "TomlFile", "toml_type"]


class Located(NamedTuple):
    """A model object with the file and key path it came from (and, for events, where each claim is)."""

    value: Any
    file: TomlFile
    path: KeyPath
    claim_paths: tuple[KeyPath, ...] = ()


class TomlFile:
    """One TOML text with its positions; reports problems at keys and values."""

    def __init__(self, name: str, text: str, collector: Collector) -> None:
        self.name = name
        self.text = text
        self.collector = collector
        self._index: PositionIndex | None = None

    @property
    def index(self) -> PositionIndex:
        """The positions of the text's headers, keys and values (scanned on first use)."""
        # Built lazily: a clean file never pays for the position scan.
        if self._index is None:
            self._index = PositionIndex(self.text)
        return self._index

    def report(self, message: str, path: KeyPath, *, value: bool = False, offset: int = 0,
               needle: str | None = None, warning: bool = False) -> None:
        """Record a diagnostic located at the key (or value, or a needle) of ``path``."""
        if needle is not None:
            pos = self.index.find_text(path, needle)
        elif value:
            pos = self.index.find_value(path)
        else:
            pos = self.index.find(path)
        line, column, source = (pos.line, pos.column + offset, pos.text) if pos else (0, 0, None)
        add = self.collector.warning if warning else self.collector.error
        add(message, self.name, line, column, source)

    def where(self, path: KeyPath) -> str:
        """``file:line`` of a path, for "first defined at" notes."""
        pos = self.index.find(path)
        return f"{self.name}:{pos.line}" if pos else self.name


def toml_type(value: Any) -> str:
    """What a parsed TOML value is, in the words of a message: "a string", "an array"..."""
    names = {bool: "a boolean", int: "an integer", float: "a float", str: "a string", list: "an array", dict: "a table"}
    return names.get(type(value), type(value).__name__)
