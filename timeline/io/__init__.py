"""Readers and writers: files in, :class:`~timeline.model.Timeline` out (and back).

``io`` never imports ``layout`` or ``render``.  :func:`read` picks the
reader by suffix (or ``format=``) and returns every diagnostic;
:func:`timeline.load` wraps it and raises.
"""

from __future__ import annotations

from pathlib import Path

import attrs

from timeline.errors import UsageError
from timeline.io.common import Collector, ReadResult, decode_text, read_bytes
from timeline.io.limits import byte_budget, normalise_text
from timeline.io.toml import read_toml, read_toml_text
from timeline.io.writers import WRITE_FORMATS, write, write_text
from timeline.markup import check_links

__all__ = ["FORMATS", "ReadResult", "WRITE_FORMATS", "detect_format", "read", "read_text", "sniff_format",
           "write", "write_text"]

#: Input formats by name, and the suffixes that select them.  A .json or .csv
#: file is sniffed (see :func:`sniff_format`) unless the format is given.
FORMATS = {"toml": (".toml",), "json": (".json",), "csv": (".csv",), "timelinejs-json": (), "timelinejs-csv": ()}


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


def read(path: str | Path, *, format: str | None = None, strict: bool = False,
         max_bytes: int | None = None) -> ReadResult:
    """Read a timeline file or directory; never raises for bad content, returns diagnostics.

    At most ``max_bytes`` bytes are read in all (default
    :data:`~timeline.io.limits.MAX_INPUT_BYTES`, 20 MiB), for a file or for
    all the files of a folder together.
    """
    path = Path(path)
    if not path.exists():
        raise UsageError(f"{path}: no such file or directory")
    kind = detect_format(path, format)
    if path.is_dir() and kind != "toml":
        raise UsageError(f"{path} is a folder, and a folder is read as its .toml files; format '{kind}' needs a file")
    with byte_budget(max_bytes):
        if path.is_dir():
            return read_toml(path, strict=strict)
        collector = Collector()
        data = read_bytes(path, collector)
        text = decode_text(data, str(path), collector) if data is not None else None
        if text is None:
            return ReadResult(None, tuple(collector.sorted()))
    return read_text(text, format=kind, name=str(path), strict=strict)


def read_text(text: str, *, format: str = "toml", name: str = "<string>", strict: bool = False) -> ReadResult:
    """Read a timeline from a string."""
    text = normalise_text(text)
    kind = detect_format(name, format)
    if kind in ("json", "csv"):
        kind = sniff_format(text, kind)
    if kind != "toml":
        return _read_other(kind, text=text, name=name, strict=strict)
    return read_toml_text(text, name, strict=strict)


def sniff_format(text: str, family: str) -> str:
    """Tell our JSON from TimelineJS JSON, or our CSV from a TimelineJS sheet, by content."""
    if family == "json":
        import json

        from timeline.io.timelinejs import is_timelinejs_data

        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            return "json"  # the JSON reader reports the syntax error
        return "timelinejs-json" if is_timelinejs_data(data) else "json"
    from timeline.io.timelinejs import is_timelinejs_header

    first = text.split("\n", 1)[0]
    return "timelinejs-csv" if is_timelinejs_header(first.split(",")) else "csv"


def _read_other(kind: str, *, text: str, name: str = "<string>", strict: bool = False) -> ReadResult:
    from timeline.io import csvfmt, jsonfmt, timelinejs

    readers = {
        "json": jsonfmt.read_json_text,
        "csv": csvfmt.read_csv_text,
        "timelinejs-json": timelinejs.read_timelinejs_json_text,
        "timelinejs-csv": timelinejs.read_timelinejs_csv_text,
    }
    result = readers[kind](text, name, strict=strict)
    if result.timeline is None:
        return result
    # These formats carry no positions for text fields, so refused links are reported per file.
    links = [attrs.evolve(d, path=name) for d in check_links(result.timeline)]
    return ReadResult(result.timeline, (*result.diagnostics, *links))
