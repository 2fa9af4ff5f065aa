"""What every reader gets: bounded bytes, one text normalisation, bounded numbers and fields.

The limits are documented in docs/format.md ("Limits"):

* one load (a file, or all the files of a folder together) reads at most
  ``max_bytes`` bytes, 20 MiB unless :func:`timeline.load` or ``--max-bytes``
  says otherwise.  At most the limit plus one byte is ever read, whatever
  the file is (a symlink to ``/dev/zero``, a FIFO, a pipe);
* a text field holds at most :data:`MAX_FIELD_CHARS` characters;
* a quantity is a finite number no larger in size than :data:`MAX_QUANTITY`
  (2**53, the largest integer JSON and JavaScript carry exactly);
* integers read from text (years, months, hours) are plain ASCII digits.
"""

from __future__ import annotations

import contextlib
import contextvars
import fcntl
import math
import os
import re
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import attrs

__all__ = [
    "Budget", "FIFO_WAIT_SECONDS", "MAX_FIELD_CHARS", "MAX_INPUT_BYTES", "MAX_QUANTITY", "TooLarge", "bounded_number",
    "byte_budget", "line_col", "line_ends", "lines_of", "normalise_text", "parse_size", "read_limited", "read_limited_stream",
    "shown_number", "whole_number",
]

#: Bytes one load may read (a file, or a folder's files together) unless told otherwise.
MAX_INPUT_BYTES = 20 * 1024 * 1024
#: Characters one text field (a title, a text, a quote...) may hold.
MAX_FIELD_CHARS = 10_000
#: How long a FIFO may stay silent before reading it is given up.
FIFO_WAIT_SECONDS = 10.0
#: The largest magnitude of a quantity: integers beyond it lose digits in JSON and JavaScript.
MAX_QUANTITY = 2**53


class TooLarge(ValueError):
    """Input that cannot be read within the limits; the message says which limit and how to raise it."""


@attrs.define
class Budget:
    """Bytes one load may still read."""

    limit: int
    used: int = 0

    @property
    def left(self) -> int:
        """Bytes not yet used."""
        return max(self.limit - self.used, 0)


_BUDGET: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("timeline_byte_budget", default=None)


@contextlib.contextmanager
def byte_budget(max_bytes: int | None) -> Iterator[Budget]:
    """Share one byte budget among every file read inside the ``with`` block (one load)."""
    budget = Budget(MAX_INPUT_BYTES if max_bytes is None else max_bytes)
    token = _BUDGET.set(budget)
    try:
        yield budget
    finally:
        _BUDGET.reset(token)


def read_limited(path: Path) -> bytes:
    """Read a file, taking at most the budget's remaining bytes plus one; raise TooLarge past it.

    The file is opened without blocking, so a FIFO with no writer cannot hang
    the open; a FIFO then gets :data:`FIFO_WAIT_SECONDS` for its first bytes
    (a writer that opens late is still read) before it is refused.
    """
    budget = _BUDGET.get() or Budget(MAX_INPUT_BYTES)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    size = None
    try:
        info = os.fstat(fd)
        size = info.st_size if stat.S_ISREG(info.st_mode) else None
        if stat.S_ISFIFO(info.st_mode) and not _wait_for_data(fd):
            raise TooLarge(f"nothing was written to this FIFO within {FIFO_WAIT_SECONDS:g} seconds")
        flags = fcntl.fcntl(fd, fcntl.F_GETFL)
        fcntl.fcntl(fd, fcntl.F_SETFL, flags & ~os.O_NONBLOCK)
        data = _read_upto(lambda n: os.read(fd, n), budget.left + 1)
    finally:
        os.close(fd)
    if len(data) > budget.left:
        if budget.used:
            raise TooLarge(f"reading this file takes the load over its {budget.limit:,}-byte limit "
                           f"({budget.used:,} bytes read before it); pass a larger max_bytes "
                           f"(timeline --max-bytes) to load more")
        what = f"file is {size:,} bytes, over" if size is not None else "file is over"
        raise TooLarge(f"{what} the {budget.limit:,}-byte limit for timeline input; pass a larger "
                       f"max_bytes (timeline --max-bytes) to read it")
    budget.used += len(data)
    return data


def read_limited_stream(stream: BinaryIO, name: str = "standard input") -> bytes:
    """Read a binary stream (standard input) to its end within the budget; raise TooLarge past it.

    As for a file, at most the budget's remaining bytes plus one are read, so
    an endless pipe (``yes |``) is refused instead of filling the memory.
    """
    budget = _BUDGET.get() or Budget(MAX_INPUT_BYTES)
    data = _read_upto(stream.read, budget.left + 1)
    if len(data) > budget.left:
        raise TooLarge(f"{name} is over the {budget.limit:,}-byte limit for timeline input; pass a larger "
                       f"max_bytes (timeline --max-bytes) to read it")
    budget.used += len(data)
    return data


def _read_upto(read: Callable[[int], bytes | None], want: int) -> bytes:
    """Call ``read`` for chunks of at most 1 MiB until ``want`` bytes or the end of the input."""
    chunks: list[bytes] = []
    got = 0
    while got < want:
        chunk = read(min(want - got, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _wait_for_data(fd: int) -> bool:
    import select  # only a FIFO waits: a file's reader need not load it

    poller = select.poll()
    poller.register(fd, select.POLLIN | select.POLLHUP)
    return bool(poller.poll(FIFO_WAIT_SECONDS * 1000))


def line_ends(text: str) -> str:
    """``\r\n`` and ``\r`` as ``\n``: what a reader of CSV will make of a cell, so writers write it so."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def normalise_text(text: str) -> str:
    """The one normalisation every reader applies: no byte order mark, ``\\n`` line ends only.

    Nothing else changes: U+2028, U+0085 and other characters that
    ``str.splitlines`` would treat as line breaks stay text, and line numbers
    count ``\\n`` only.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def lines_of(text: str) -> list[str]:
    """The lines of a text as line numbers count them (``\\n`` only)."""
    return text.split("\n")


def line_col(text: str, offset: int) -> tuple[int, int, str]:
    """1-based line and column of an offset in a text (lines count ``\\n`` only), and that line."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text.count("\n", 0, offset) + 1, offset - start + 1, text[start:end if end >= 0 else len(text)]


def parse_size(text: str) -> int:
    """A byte count such as ``64M``, ``1.5G``, ``500k`` or ``1048576`` (K, M, G are powers of 1024)."""
    match = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]+)?)\s*([kKmMgG]?)(?:i?[bB])?\s*", text)
    if not match:
        raise ValueError(f"expected a size such as 64M, 1G or 500000, got {text!r}")
    scale = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[match.group(2).lower()]
    return int(float(match.group(1)) * scale)


_WHOLE = re.compile(r"([+-]?)0*([0-9]+)(?:\.0+)?", re.ASCII)
_OTHER_DIGITS = re.compile(r"[+-]?\d+(?:\.0+)?")


def whole_number(text: str, max_digits: int = 12) -> int | str:
    """The integer a cell or JSON string holds (ASCII digits, optional sign, ``1963.0`` as a spreadsheet
    writes it), or why not: ``"digits"`` for other scripts' digits (``٣``), ``"out of range"`` past
    ``max_digits`` digits (never converting 5,000 of them), ``"not a number"`` for anything else (``²``)."""
    text = text.strip()
    if text.isdigit() and text.isascii():  # the usual cell: what _WHOLE reads, without the regex
        digits = text.lstrip("0") or "0"
        return "out of range" if len(digits) > max_digits else int(digits)
    return _whole_number_matched(text, max_digits)


def _whole_number_matched(text: str, max_digits: int) -> int | str:
    match = _WHOLE.fullmatch(text)
    if match is None:
        return "digits" if _OTHER_DIGITS.fullmatch(text) else "not a number"
    if len(match.group(2)) > max_digits:
        return "out of range"
    return int(match.group(1) + match.group(2))


def shown_number(text: str) -> str:
    """A number as a message quotes it: whole, or its first digits and its length when it is very long."""
    text = text.strip()
    return repr(text) if len(text) <= 40 else f"'{text[:12]}...' ({len(text):,} characters)"


def bounded_number(value: Any) -> str | None:
    """Why a quantity value cannot be kept exactly (None when it can): not finite, or too large."""
    if isinstance(value, int) and not isinstance(value, bool):
        if value.bit_length() > 53 and abs(value) > MAX_QUANTITY:
            return f"is larger than {MAX_QUANTITY:,} (2**53), beyond what JSON and JavaScript carry exactly"
        return None
    if isinstance(value, float):
        if not math.isfinite(value):
            return "must be a finite number"
        if abs(value) > MAX_QUANTITY:
            return f"is larger than {MAX_QUANTITY:,} (2**53), beyond what JSON and JavaScript carry exactly"
        return None
    return "must be a number"
