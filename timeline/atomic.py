"""Write output files so that a failure never leaves a broken or half-written file.

Every output is written to a temporary file in its own folder, flushed and
fsynced, and only then moved over the target with :func:`os.replace` (an
atomic rename on POSIX and Windows).  With several outputs, all of them are
written first and replaced last, so a full disk or a kill while writing the
HTML never leaves a new SVG beside a broken page: either every target still
holds its old bytes, or (once the renames start) the new ones.  Paths that
resolve to an input file are refused before anything is written.

A target that is a symlink is written through (the file it points to is
replaced, the link stays), and a target that exists but is not a regular
file (``/dev/stdout``, ``/dev/full``, a FIFO) is written in place: replacing
a device node with a file would be wrong, and it holds nothing to lose.
"""

from __future__ import annotations

import io
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import BinaryIO

from timeline.errors import UsageError

__all__ = ["Content", "OutputError", "as_bytes", "check_not_inputs", "write_atomic", "write_files"]

#: What an output holds: text (written as UTF-8), bytes, or a function that writes its bytes into an
#: open binary file (so a large page is written in pieces, never whole in memory; it may seek back
#: to where it started and write again).
Content = str | bytes | Callable[[BinaryIO], None]


class OutputError(OSError):
    """An output file could not be written; ``path`` names it and ``reason`` says why (one line)."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"cannot write {path}: {reason}")
        self.path = str(path)
        self.reason = reason


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def check_not_inputs(outputs: Iterable[str | Path], inputs: Iterable[str | Path]) -> None:
    """Raise UsageError when an output path resolves to an input file (or to another output)."""
    input_files: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            try:
                input_files += [p for p in path.iterdir() if p.is_file()]
            except OSError:
                continue
        else:
            input_files.append(path)
    seen: list[Path] = []
    for item in outputs:
        out = Path(item)
        for source in input_files:
            if _same_file(out, source):
                raise UsageError(f"output {out} is the input file {source}; refusing to overwrite it "
                                 f"(choose another output path)")
        for other in seen:
            if _same_file(out, other):
                raise UsageError(f"output {out} is named twice (also as {other})")
        seen.append(out)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; a new file gets the usual 0o666 less the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _is_special(target: Path) -> bool:
    """True for an existing target that is neither a regular file nor a folder (a device, a FIFO)."""
    try:
        mode = target.stat().st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _write_in_place(target: Path, data: bytes) -> None:
    try:
        with target.open("wb") as handle:
            handle.write(data)
            handle.flush()
    except OSError as exc:
        raise OutputError(target, _reason(exc)) from None


def _write_temp(target: Path, data: bytes | Callable[[BinaryIO], None]) -> Path:
    """Write ``data`` (or what it writes) to a fresh temporary file beside ``target``, fsynced; return its path."""
    if target.is_dir():
        raise OutputError(target, "is a directory")
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(target, f"{folder} is not a folder") from None
    except OSError as exc:
        raise OutputError(target, _reason(exc)) from None
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(target, _reason(exc)) from None
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            if callable(data):
                data(handle)
            else:
                handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, _mode_for(target))
    except BaseException as exc:
        temp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(target, _reason(exc)) from None
        raise
    return temp


def _sync_folder(folder: Path) -> None:
    """Make the renames durable; some file systems cannot open a folder, which is harmless."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_files(outputs: Sequence[tuple[str | Path, Content]], *, inputs: Iterable[str | Path] = ()) -> None:
    """Write every ``(path, content)`` atomically: all temporary files first, then all renames.

    Text is written as UTF-8 with ``\\n`` line ends; a function writes its own bytes (see
    :data:`Content`).  Raises UsageError when an output resolves to one of ``inputs``, and
    :class:`OutputError` (an OSError with a one-line message) when a file cannot be written; in
    both cases no target has been touched.
    """
    given = [Path(path) for path, _ in outputs]
    check_not_inputs(given, inputs)
    # Write through symlinks: replace the file a link points to, not the link.
    targets = [Path(os.path.realpath(p)) if p.is_symlink() else p for p in given]
    # A function writes straight into its temporary file; into a device or FIFO (which cannot seek
    # back), what it writes is gathered first.
    blobs = [c if callable(c) and not _is_special(t) else as_bytes(c)
             for t, (_, c) in zip(targets, outputs, strict=True)]
    special = [(t, b) for t, b in zip(targets, blobs, strict=True) if _is_special(t)]
    regular = [(t, b) for t, b in zip(targets, blobs, strict=True) if not _is_special(t)]
    temps: list[Path] = []
    try:
        for target, data in regular:
            temps.append(_write_temp(target, data))
        for target, data in special:
            _write_in_place(target, data)
        for temp, (target, _) in zip(temps, regular, strict=True):
            try:
                os.replace(temp, target)
            except OSError as exc:
                raise OutputError(target, _reason(exc)) from None
    except BaseException:
        for temp in temps:
            temp.unlink(missing_ok=True)
        raise
    for folder in sorted({t.parent for t, _ in regular}):
        _sync_folder(folder)


def as_bytes(content: Content) -> bytes:
    """The bytes an output holds (a function's, gathered in memory)."""
    if isinstance(content, str):
        return content.encode("utf-8")
    if isinstance(content, bytes):
        return content
    buffer = io.BytesIO()
    content(buffer)
    return buffer.getvalue()


def write_atomic(path: str | Path, content: Content, *, inputs: Iterable[str | Path] = ()) -> None:
    """Write one file atomically (see :func:`write_files`)."""
    write_files([(path, content)], inputs=inputs)
