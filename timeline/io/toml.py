"""Read TOML event files (one file, or a directory loaded as one timeline).

Reading never stops at the first problem: every diagnostic is collected
with its file, line and column, and :class:`~timeline.errors.LoadError`
carries them all.  The format is documented in ``docs/format.md``.

The stages, one module each: this one finds the files and parses each
text (a syntax error becomes one located diagnostic);
:mod:`timeline.io.tomltables` reads the parsed tables into the model, with
their values through :mod:`timeline.io.tomlvalues` and every problem
reported at its key by :mod:`timeline.io.tomlfile`; the validation pass
then finds its way back into the files through :mod:`timeline.io.tomllocate`.
"""

from __future__ import annotations

import re
from pathlib import Path

from timeline.io.common import Collector, ReadOptions, ReadResult, decode_text, read_bytes
from timeline.io.limits import MAX_QUANTITY, line_col, lines_of, normalise_text
from timeline.io.tomlfile import TomlFile
from timeline.io.tomltables import (  # the key sets, importable from here as before the split
    CLAIM_KEYS,
    ERA_KEYS,
    EVENT_KEYS,
    LANE_KEYS,
    SOURCE_KEYS,
    TIMELINE_KEYS,
    TOP_KEYS,
    TableReader,
)
from timeline.io.tomlvalues import CITATION_KEYS, MEDIA_KEYS, QUANTITY_KEYS

__all__ = ["ReadResult", "read_toml", "read_toml_path", "read_toml_text"]

# tomllib, or with the optional "fast" extra rtoml backed by tomli's compiled wheel (docs/design.md)
from timeline.io.tomlparse import PARSER as _toml_parser
_TOML_POS = re.compile(r"\(at line (\d+), column (\d+)\)")


def _parse_file(name: str, text: str, reader: TableReader, collector: Collector) -> None:
    """Parse one file's text and hand its tables to ``reader``; a syntax error is one located diagnostic."""
    try:
        data = _toml_parser.loads(text)
    except _toml_parser.TOMLDecodeError as exc:
        message = str(exc)
        match = _TOML_POS.search(message)
        line = int(match.group(1)) if match else 0
        column = int(match.group(2)) if match else 0
        lines = lines_of(text.rstrip("\n"))
        if not match and "end of document" in message:
            line, column = max(len(lines), 1), len(lines[-1]) + 1 if lines else 1
        source = lines[line - 1] if 0 < line <= len(lines) else None
        clean = _TOML_POS.sub("", message).strip().rstrip(".")
        collector.error(f"TOML syntax: {clean[:1].lower()}{clean[1:]}", name, line, column, source)
        return
    except RecursionError:  # the parser recurses once per nested array or inline table
        collector.error("TOML nests arrays or inline tables too deeply", name, 1, 1)
        return
    except ValueError:  # tomllib lets int() refuse an integer over Python's 4,300-digit limit
        digits = re.search(r"[0-9][0-9_]{4000,}", text)
        line, column, source = line_col(text, digits.start() if digits else 0)
        collector.error("TOML integer has thousands of digits; a number must be at most "
                        f"{MAX_QUANTITY:,}", name, line, column, source)
        return
    reader.read(TomlFile(name, text, collector), data)


def read_toml_text(text: str, name: str = "<string>", options: ReadOptions | None = None, *,
                   strict: bool = False) -> ReadResult:
    """Read TOML event text; return the timeline (or None) and every diagnostic."""
    strict = strict or bool(options and options.strict)
    collector = Collector()
    reader = TableReader(collector)
    _parse_file(name, normalise_text(text), reader, collector)
    timeline = reader.finish(strict, name)
    return ReadResult(timeline, tuple(collector.sorted()))


def read_toml_path(path: str | Path, options: ReadOptions | None = None) -> ReadResult:
    """Read a TOML file or directory with reader options (the format registry's entry point)."""
    return read_toml(path, strict=bool(options and options.strict))


def read_toml(path: str | Path, *, strict: bool = False) -> ReadResult:
    """Read a TOML file, or every ``*.toml`` in a directory (sorted by name) as one timeline."""
    path = Path(path)
    collector = Collector()
    reader = TableReader(collector)
    if path.is_dir():
        try:
            entries = sorted(p for p in path.iterdir() if p.suffix.lower() == ".toml")
        except OSError as exc:
            collector.error(f"cannot list the folder: {exc.strerror or exc}", str(path))
            entries = []
        files = [p for p in entries if p.is_file()]
        for p in entries:
            if p.is_symlink() and not p.exists():
                collector.error("symlink to a missing file (remove it or fix its target)", str(p))
            elif not p.is_file():
                collector.warning("not a regular file; skipped", str(p))
        if not entries:
            collector.error("directory holds no .toml event files", str(path))
    else:
        files = [path]
    for file in files:
        name = str(file)
        data = read_bytes(file, collector)
        text = decode_text(data, name, collector) if data is not None else None
        if text is not None:
            _parse_file(name, text, reader, collector)
    timeline = reader.finish(strict, str(path))
    return ReadResult(timeline, tuple(collector.sorted()))
