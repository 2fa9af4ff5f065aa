"""Readers and writers: files in, :class:`~timeline.model.Timeline` out (and back).

``io`` never imports ``layout`` or ``render``.  Every format is one row of
the registry :data:`timeline.io.formats.FORMATS` (name, suffixes, sniffing
rule, reader, writer); :func:`read` and :func:`write` go through it.  Names
are imported on first use (PEP 562), so the command line can build its
``--from``/``--to`` choices from the registry without loading any reader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from timeline._lazy import lazy_attributes

if TYPE_CHECKING:
    from timeline.io.common import ReadOptions, ReadResult
    from timeline.io.dispatch import STDIN_NAME, STDOUT_NAME, read, read_stream, read_text, write, write_text
    from timeline.io.formats import FORMATS, Format

__all__ = [
    "FORMATS", "Format", "ReadOptions", "ReadResult", "STDIN_NAME", "STDOUT_NAME", "read", "read_stream", "read_text", "write",
    "write_text",
]

_LAZY = {
    **dict.fromkeys(("FORMATS", "Format"), "timeline.io.formats"),
    **dict.fromkeys(("ReadOptions", "ReadResult"), "timeline.io.common"),
    **dict.fromkeys(("STDIN_NAME", "STDOUT_NAME", "read", "read_stream", "read_text", "write", "write_text"), "timeline.io.dispatch"),
}


__getattr__, __dir__ = lazy_attributes("timeline.io", _LAZY, globals())
