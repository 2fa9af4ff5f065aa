"""Read and write through the format registry.

:func:`read` picks the reader by ``format=``, else by suffix and content,
and returns every diagnostic (:func:`timeline.load` wraps it and raises);
:func:`write` picks the writer the same way and returns the warnings
about what the target format could not carry over.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import attrs

from timeline.atomic import write_atomic
from timeline.errors import Diagnostic, Severity, UsageError
from timeline.io.common import STDIN_NAME, STDOUT_NAME, Collector, ReadOptions, ReadResult, decode_text, read_bytes
from timeline.io.formats import FORMATS, for_input, for_output, input_names, sniff
from timeline.io.limits import TooLarge, byte_budget, normalise_text, read_limited_stream
from timeline.model.timeline import Timeline

__all__ = ["STDIN_NAME", "STDOUT_NAME", "read", "read_stream", "read_text", "write", "write_text"]


def read(path: str | Path, *, format: str | None = None, strict: bool = False, skip_invalid: bool = False,
         max_bytes: int | None = None) -> ReadResult:
    """Read a timeline file or directory; never raises for bad content, returns diagnostics.

    ``skip_invalid`` leaves out items (slides, rows, lines) that cannot be read,
    each with a warning at its location, instead of failing the whole file.
    At most ``max_bytes`` bytes are read in all (default
    :data:`~timeline.io.limits.MAX_INPUT_BYTES`, 20 MiB), for a file or for
    all the files of a folder together.
    """
    path = Path(path)
    if not path.exists():
        raise UsageError(f"{path}: no such file or directory")
    row = for_input(path, format)  # an unknown name or suffix is refused before anything is read
    options = ReadOptions(strict=strict, skip_invalid=skip_invalid)
    if path.is_dir():
        if row.path_reader is None:
            raise UsageError(f"{path} is a folder, and a folder is read as its .toml files; "
                             f"format '{row.name}' needs a file")
        with byte_budget(max_bytes):
            return row.read_path(path, options)
    with byte_budget(max_bytes):
        collector = Collector()
        data = read_bytes(path, collector)
        text = decode_text(data, str(path), collector) if data is not None else None
        if text is None:
            return ReadResult(None, tuple(collector.sorted()))
    row = for_input(path, format, head=lambda: text)
    return row.read_text(text, str(path), options)


def read_stream(stream: BinaryIO, *, name: str = STDIN_NAME, format: str | None = None, strict: bool = False,
                skip_invalid: bool = False, max_bytes: int | None = None) -> ReadResult:
    """Read a timeline from a binary stream, such as standard input for the command line's ``-``.

    The bytes are limited by ``max_bytes`` and decoded as a file's are (UTF-8
    with or without a BOM, or UTF-16 with one; anything else is an error at
    its line and column); the format is ``format``, else sniffed from the
    content as :func:`read_text` does without a suffix (TOML when nothing matches).
    """
    named = for_input(name, format) if format else None  # an unknown name is refused before anything is read
    collector = Collector()
    with byte_budget(max_bytes):
        try:
            data: bytes | None = read_limited_stream(stream)
        except TooLarge as exc:
            collector.error(str(exc), name)
            data = None
        except OSError as exc:
            collector.error(f"cannot read standard input: {exc.strerror or exc}", name)
            data = None
    text = decode_text(data, name, collector) if data is not None else None
    if text is None:
        return ReadResult(None, tuple(collector.sorted()))
    row = named or sniff(text)
    result = row.read_text(text, name, ReadOptions(strict=strict, skip_invalid=skip_invalid))
    if named is None and row.name == "toml" and any(d.is_error for d in result.diagnostics):
        note = Diagnostic(Severity.NOTE, "read as TOML, as no other format was recognised in the content; "
                          f"if it is another, name it with --input-format (--from for convert): "
                          f"{', '.join(input_names())}", name)
        result = attrs.evolve(result, diagnostics=(*result.diagnostics, note))
    return result


def read_text(text: str, *, format: str | None = None, name: str = "<string>", strict: bool = False,
              skip_invalid: bool = False) -> ReadResult:
    """Read a timeline from a string: ``format`` if given, else by ``name``'s suffix and the content.

    With neither, JSON, TimelineJS, Markwhen and the other formats with a
    sniffing rule are recognised by content, and anything else is read as TOML.
    """
    text = normalise_text(text)
    if format:
        row = for_input(name, format)
    else:
        suffix = Path(name).suffix.lower()
        known = any(suffix in r.suffixes for r in FORMATS.values() if r.can_read)
        row = sniff(text, suffix if known else None)
    return row.read_text(text, name, ReadOptions(strict=strict, skip_invalid=skip_invalid))


def write_text(tl: Timeline, format: str, name: str = "<output>") -> tuple[str, list[Diagnostic]]:
    """The timeline as text in ``format``, with warnings about what did not carry over."""
    return for_output(name, format).write_text(tl, name)


def write(tl: Timeline, path: str | Path, format: str | None = None) -> list[Diagnostic]:
    """Write the timeline to ``path`` atomically (format by suffix unless given); return the warnings."""
    path = Path(path)
    text, diagnostics = for_output(path, format).write_text(tl, str(path))
    write_atomic(path, text)
    return diagnostics
