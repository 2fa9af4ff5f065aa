"""The ``timeline`` command: the only package that touches argv, stdout and exit codes.

Exit codes: 0 success, 1 invalid or unreadable input (diagnostics printed),
2 misuse (bad arguments, a missing input, an output that cannot be written),
3 an internal error (a bug: "internal error, please report"; ``--debug``
shows its traceback), 130 interrupted (Ctrl-C).  No other path prints a
traceback.  Standard output is always UTF-8, whatever the locale, and a
closed pipe (``| head``) ends the command quietly.  Output files are written
atomically (:mod:`timeline.atomic`).  Heavy modules (jinja2, svgwrite) are
imported only by the commands that render, so ``timeline --help`` and
``timeline check`` start fast.

The package is one module a job: :mod:`~timeline.cli.parser` (the arguments and
their help), :mod:`~timeline.cli.commands` (what each command does), and this
module: :func:`main`, which runs a command and turns its outcome into an exit
status, and the process's streams and output files, through which every command
reads standard input and writes what it makes.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, NoReturn

from timeline._lazy import lazy_attributes

if TYPE_CHECKING:
    import argparse

    from timeline.atomic import Content
    from timeline.cli.commands import (
        COMMANDS,
        _cmd_check,
        _cmd_convert,
        _cmd_export,
        _cmd_render,
        _filtered,
        _gc_paused,
        _load,
        _nothing_to_draw,
        _render_formats,
        _render_name,
        _render_one,
        _shown,
        _source_pages,
    )
    from timeline.cli.parser import RENDER_FORMATS, _parser, _size

__all__ = ["console", "main"]

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

# The names cli.py held before it was split, importable from here as before; imported on first
# use (PEP 562), so that --help loads no command and no command loads another's modules.
_LAZY = {
    **dict.fromkeys(("RENDER_FORMATS", "_parser", "_size"), "timeline.cli.parser"),
    **dict.fromkeys(("COMMANDS", "_cmd_check", "_cmd_convert", "_cmd_export", "_cmd_render", "_filtered",
                     "_gc_paused", "_load", "_nothing_to_draw", "_render_formats", "_render_name", "_render_one",
                     "_shown", "_source_pages"), "timeline.cli.commands"),
}

__getattr__, __dir__ = lazy_attributes("timeline.cli", _LAZY, globals())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (see the module docstring)."""
    debug, command = "--debug" in (sys.argv[1:] if argv is None else argv), None
    try:
        from timeline.cli.parser import _parser

        parser = _parser()
        args = parser.parse_args(argv)
        debug, command = args.debug, args.command
        return _run(parser, args)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the one place that turns any failure into one line
        return _failed(exc, command, debug)


def console() -> NoReturn:
    """The ``timeline`` command and ``python -m timeline``: run :func:`main`, then end the process at once.

    A render leaves its whole input, model, layout and output in memory (about 200k objects at
    10,000 events); the interpreter's shutdown would free them one by one and unload every module,
    20-50 ms of work nobody sees.  Instead, once standard output and error are flushed and the
    ``atexit`` handlers have run, the process ends with :func:`os._exit`.  A program that calls
    :func:`main` itself keeps Python's ordinary exit.
    """
    status = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # a reader that went away (`| head`) after the last write: quiet, as main() is
        _quiet_stdout()
    except (OSError, ValueError) as exc:  # e.g. `> /dev/full`: what Python's own exit would say, in one line
        print(f"timeline: error: standard output: {getattr(exc, 'strerror', None) or exc}", file=sys.stderr)
        status = status or EXIT_USAGE
    import atexit

    run_exit_handlers = getattr(atexit, "_run_exitfuncs", None)
    if run_exit_handlers is None:  # an interpreter without it: Python's ordinary exit runs them
        sys.exit(status)
    run_exit_handlers()
    try:
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    os._exit(status)


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.version:
        from timeline import __version__

        _stdout(f"timeline {__version__}\n")
        return EXIT_OK
    if not args.command:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    from timeline.cli.commands import COMMANDS

    return COMMANDS[args.command](args)


def _failed(exc: Exception, command: str | None, debug: bool) -> int:
    """Report an exception in one line (or a traceback under --debug for a bug); return the exit code."""
    from timeline.atomic import OutputError
    from timeline.errors import TimelineError, UsageError

    prog = f"timeline {command}" if command else "timeline"
    if isinstance(exc, UsageError):
        print(f"{prog}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if isinstance(exc, TimelineError):
        print(str(exc), file=sys.stderr)
        return EXIT_INVALID
    if isinstance(exc, OutputError):
        print(f"{prog}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"{prog}: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return EXIT_INVALID
    if debug:
        import traceback  # only here: it (and what it imports) would be a tenth of --help's modules

        traceback.print_exception(exc, file=sys.stderr)
    print(f"{prog}: internal error, please report: {type(exc).__name__}: {str(exc)[:200]}"
          + ("" if debug else " (run with --debug for the traceback)"), file=sys.stderr)
    return EXIT_INTERNAL


def _quiet_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so the final flush at exit stays quiet."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _stdin() -> BinaryIO:
    """Standard input as bytes, for an input path of ``-``."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise UsageError_("- reads standard input, but this process has none to read; give a file")
    if sys.stdin.isatty():  # typed at the prompt: say how to finish, as nothing else will
        print("timeline: reading events from standard input (end with Ctrl-D)", file=sys.stderr)
    return stream


def _emit(text: str | bytes, output: str | None, inputs: Sequence[Path] = ()) -> None:
    _emit_all([(text, output)], inputs)


def _emit_all(outputs: Sequence[tuple[Content, str | None]], inputs: Sequence[Path] = ()) -> None:
    """Write texts to standard output (``None`` or ``-``) or to files, all files atomically."""
    from timeline.atomic import as_bytes, write_files

    files = [(Path(out), text) for text, out in outputs if out not in (None, "-")]
    write_files(files, inputs=inputs)
    for text, out in outputs:
        if out in (None, "-"):
            _stdout(text if isinstance(text, str | bytes) else as_bytes(text))
    for target, _ in files:
        print(f"wrote {target}", file=sys.stderr)


def _stdout(text: str | bytes) -> None:
    """Write UTF-8 bytes to standard output whatever the locale's encoding."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:  # a text-only stream (e.g. an IDE console)
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        sys.stdout.flush()
        buffer.write(text if isinstance(text, bytes) else text.encode("utf-8"))
        buffer.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:  # a full disk behind `> file`, /dev/full: an output that cannot be written
        from timeline.atomic import OutputError

        _quiet_stdout()
        raise OutputError("standard output", exc.strerror or str(exc)) from None


def _inputs(args: argparse.Namespace) -> list[Path]:
    """The input paths of this command, which no output may overwrite."""
    path = getattr(args, "path", None) or getattr(args, "input", None)
    return [Path(path)] if path and path != "-" else []  # standard input is no file to overwrite


def UsageError_(message: str) -> Exception:  # noqa: N802 - a lazy constructor, keeps errors out of startup
    from timeline.errors import UsageError

    return UsageError(message)
