"""Write a timeline in any format we can write, by name or by file suffix.

Each writer returns its text and the warnings that say what the target
format could not carry over (as :class:`~timeline.errors.Diagnostic`).
SVG and HTML are not here: ``io`` never imports ``render`` (the CLI
handles those).
"""

from __future__ import annotations

from pathlib import Path

from timeline.atomic import write_atomic
from timeline.errors import Diagnostic, UsageError
from timeline.model import Timeline

__all__ = ["WRITE_FORMATS", "format_for_output", "write", "write_text"]

#: Formats we can write, and the suffix that picks each by default.
WRITE_FORMATS = {"toml": ".toml", "json": ".json", "csv": ".csv", "timelinejs-json": None, "timelinejs-csv": None}


def format_for_output(path: str | Path, format: str | None = None) -> str:
    """The write format for an output path: ``format`` if given, else by suffix (.json is ours)."""
    if format:
        if format not in WRITE_FORMATS:
            raise UsageError(f"cannot write format '{format}'; expected one of {', '.join(sorted(WRITE_FORMATS))}")
        return format
    suffix = Path(path).suffix.lower()
    for name, default_suffix in WRITE_FORMATS.items():
        if default_suffix == suffix:
            return name
    raise UsageError(f"cannot tell the output format of '{path}' from its suffix; expected "
                     f".toml, .json or .csv, or name the format: {', '.join(sorted(WRITE_FORMATS))}")


def write_text(tl: Timeline, format: str, name: str = "<output>") -> tuple[str, list[Diagnostic]]:
    """The timeline as text in ``format``, with warnings about what did not carry over."""
    if format == "toml":
        from timeline.io.tomlwrite import toml_text

        return toml_text(tl), []
    if format == "json":
        from timeline.io.jsonfmt import dumps

        return dumps(tl), []
    if format == "csv":
        from timeline.io.csvfmt import csv_text

        return csv_text(tl, name)
    if format == "timelinejs-json":
        from timeline.io.timelinejs import timelinejs_json

        return timelinejs_json(tl, name)
    if format == "timelinejs-csv":
        from timeline.io.timelinejs import timelinejs_csv

        return timelinejs_csv(tl, name)
    raise UsageError(f"cannot write format '{format}'; expected one of {', '.join(sorted(WRITE_FORMATS))}")


def write(tl: Timeline, path: str | Path, format: str | None = None) -> list[Diagnostic]:
    """Write the timeline to ``path`` atomically (format by suffix unless given); return the warnings."""
    path = Path(path)
    kind = format_for_output(path, format)
    text, diagnostics = write_text(tl, kind, str(path))
    write_atomic(path, text)
    return diagnostics
