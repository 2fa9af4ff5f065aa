"""Readers and writers: files in, :class:`~timeline.model.Timeline` out (and back).

``io`` never imports ``layout`` or ``render``.  :func:`read` picks the
reader by suffix (or ``format=``) and returns every diagnostic;
:func:`timeline.load` wraps it and raises.
"""

from __future__ import annotations

from pathlib import Path

from timeline.errors import UsageError
from timeline.io.toml import ReadResult, read_toml, read_toml_text

__all__ = ["FORMATS", "ReadResult", "detect_format", "read", "read_text"]

#: Input formats by name, and the suffixes that select them.
FORMATS = {"toml": (".toml",), "json": (".json",)}


def detect_format(path: str | Path, format: str | None = None) -> str:
    """Return the format name for a path (a directory is TOML), or raise UsageError."""
    if format:
        if format not in FORMATS:
            raise UsageError(f"unknown input format '{format}'; expected one of {', '.join(sorted(FORMATS))}")
        return format
    path = Path(path)
    if path.is_dir():
        return "toml"
    for name, suffixes in FORMATS.items():
        if path.suffix.lower() in suffixes:
            return name
    raise UsageError(f"cannot tell the format of '{path}' from its suffix; "
                     f"expected {', '.join(s for v in FORMATS.values() for s in v)} or pass format=")


def read(path: str | Path, *, format: str | None = None, strict: bool = False) -> ReadResult:
    """Read a timeline file or directory; never raises for bad content, returns diagnostics."""
    path = Path(path)
    if not path.exists():
        raise UsageError(f"{path}: no such file or directory")
    kind = detect_format(path, format)
    if kind == "json":
        from timeline.io.jsonfmt import read_json

        return read_json(path)
    return read_toml(path, strict=strict)


def read_text(text: str, *, format: str = "toml", name: str = "<string>", strict: bool = False) -> ReadResult:
    """Read a timeline from a string."""
    kind = detect_format(name, format)
    if kind == "json":
        from timeline.io.jsonfmt import read_json_text

        return read_json_text(text, name)
    return read_toml_text(text, name, strict=strict)
