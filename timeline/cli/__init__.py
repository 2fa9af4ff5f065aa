"""The ``timeline`` command: the only module that touches argv, stdout and exit codes.

Exit codes: 0 success, 1 invalid or unreadable input (diagnostics printed),
2 misuse (bad arguments, a missing input, an output that cannot be written),
3 an internal error (a bug: "internal error, please report"; ``--debug``
shows its traceback), 130 interrupted (Ctrl-C).  No other path prints a
traceback.  Standard output is always UTF-8, whatever the locale, and a
closed pipe (``| head``) ends the command quietly.  Output files are written
atomically (:mod:`timeline.atomic`).  Heavy modules (jinja2, svgwrite) are
imported only by the commands that render, so ``timeline --help`` and
``timeline check`` start fast.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
import traceback
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

if TYPE_CHECKING:
    from timeline.atomic import Content
    from timeline.model.timeline import Timeline

__all__ = ["main"]

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

RENDER_FORMATS = ("svg", "html", "png")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline",
        description="Historical timelines with partial, approximate and disputed dates, "
        "rendered to SVG and HTML with numbered source footnotes.",
        epilog="With no PATH, commands use the bundled 1930–1956 timeline; a PATH of - reads standard input. "
        "Exit status: 0 ok, 1 invalid input, 2 misuse (or an output that cannot be written), "
        "3 internal error.",
    )
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an internal error")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    real_add_parser = sub.add_parser

    def add_parser(name: str, **kwargs: Any) -> argparse.ArgumentParser:
        # --debug is accepted after the command too; SUPPRESS keeps the global value when absent.
        p = real_add_parser(name, **kwargs)
        p.add_argument("--debug", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        return p

    sub.add_parser = add_parser  # type: ignore[method-assign]
    # The format names and their help come from the one registry (timeline/io/formats.py).
    from timeline.io.formats import help_lines, input_names, output_names

    def add_skip(p: argparse.ArgumentParser) -> None:
        p.add_argument("--skip-invalid", action="store_true",
                       help="leave out slides, rows or lines that cannot be read, with a warning at each "
                       "(check still reports them as errors)")

    def add_input(p: argparse.ArgumentParser) -> None:
        p.add_argument("path", nargs="?", help="event file or directory, or - for standard input "
                       "(default: the bundled timeline)")
        p.add_argument("--input-format", dest="input_format", choices=input_names(), metavar="FORMAT",
                       help=f"input format (default: by suffix and content; directories are TOML; - by content, "
                       f"TOML unless it looks like another, so plain CSV needs --input-format csv): "
                       f"{', '.join(input_names())}")
        p.add_argument("--strict", action="store_true", help="treat warnings (e.g. uncited events) as errors")
        add_max_bytes(p)

    def add_max_bytes(p: argparse.ArgumentParser) -> None:
        p.add_argument("--max-bytes", type=_size, metavar="SIZE",
                       help="read at most this much input in all, e.g. 64M (default: 20M)")

    check = sub.add_parser("check", help="validate event files and report every problem at once")
    add_input(check)

    export = sub.add_parser("export", help="write the whole model as JSON")
    add_input(export)
    export.add_argument("--format", default="json", choices=["json"], help="export format (default: json)")
    export.add_argument("-o", "--output", help="output file (default: standard output)")

    render = sub.add_parser("render", help="render SVG and/or HTML (default: both, into build/)")
    add_input(render)
    add_skip(render)
    render.add_argument("--format",
                        help="comma-separated: svg, html, png (png needs the 'png' extra; default: the suffix "
                        "of -o FILE, else svg,html)")
    render.add_argument("--pixel-ratio", dest="pixel_ratio", type=float, metavar="N",
                        help="PNG: device px per CSS px (default: 2 for slides, else 1)")
    render.add_argument("-o", "--output", default="build",
                        help="output file (its suffix picks the format unless --format says), or a directory "
                        "for several formats (default: build/)")
    render.add_argument("--fragment", action="store_true",
                        help="HTML: write an embeddable <figure> instead of a whole page")
    render.add_argument("--plain", action="store_true",
                        help="HTML: a sanitiser-safe fragment (no inline SVG, <style> or <script>) for LMS "
                        "editors, with the chart as an image file beside it (PNG with the png extra, else SVG)")
    render.add_argument("--orientation", choices=["horizontal", "vertical"],
                        help="layout direction (default: vertical for a frame under 800 px wide that is not "
                        "landscape, such as phone, column, 390x844 or 720x1280, and for portrait pages; else "
                        "horizontal)")
    render.add_argument("--scale", choices=["auto", "linear", "adaptive"],
                        help="time scale: linear, density-adaptive, or auto (default)")
    render.add_argument("--theme", help="colour theme: light, dark, print (default: light)")
    render.add_argument("--width", type=int, help="drawing width in px (height for vertical)")
    render.add_argument("--size", metavar="SIZE", help="frame: slide, slide-4x3, a4, a4-landscape, letter, "
                        "letter-landscape, column, phone, or WxH in px (text sizes follow the frame; a portrait WxH up to "
                        "480 wide has phone text, >= 12 px, and under 800 wide column text, >= 11 px)")
    render.add_argument("--text-scale", dest="text_scale", type=float, metavar="K",
                        help="make every text K times bigger (1 to 4)")
    render.add_argument("--title", help="the chart's title in place of the timeline's own")
    render.add_argument("--from", dest="date_from", metavar="DATE", help="view window: the axis starts here (events before are left out)")
    render.add_argument("--to", dest="date_to", metavar="DATE", help="view window: the axis ends here")
    render.add_argument("--lane", action="append", default=[], metavar="ID", help="keep only this lane (repeatable)")
    render.add_argument("--tag", action="append", default=[], metavar="TAG", help="keep events with this tag (repeatable)")
    render.add_argument("--no-context", action="store_true", help="leave out events tagged 'context'")
    render.add_argument("--no-legend", action="store_true", help="leave out the key to the mark shapes")
    render.add_argument("--no-footnotes", action="store_true",
                        help="SVG: leave out the list of sources at the bottom (footnote numbers stay)")
    render.add_argument("--templates", metavar="DIR", help="HTML: a folder of templates overriding the defaults")

    convert = sub.add_parser("convert", help="convert between formats: " + ", ".join(sorted({*input_names(), *output_names()})),
                             formatter_class=argparse.RawDescriptionHelpFormatter,
                             description="Convert IN to OUT, picking formats by suffix, or as --from/--to say.\n"
                             "An input whose suffix several formats share is recognised by its content; such an\n"
                             "output is ours unless --to names another.  IN may be '-' (standard input, recognised by\n"
                             "its content: TOML unless it looks like another, so plain CSV needs --from csv);\n"
                             "OUT may be '-' with --to.\n\nformats read:\n"
                             + help_lines(reading=True) + "\n\nformats written:\n" + help_lines(reading=False)
                             + "\n  svg, html  rendered (as `timeline render` does)")
    convert.add_argument("input", metavar="IN", help="input file or directory, or - for standard input (its format "
                         "by content or --from)")
    convert.add_argument("output", metavar="OUT", help="output file, or - for standard output")
    convert.add_argument("--from", dest="input_format", choices=input_names(), metavar="FORMAT",
                         help=f"input format (default: by suffix and content): {', '.join(input_names())}")
    convert.add_argument("--to", dest="output_format", choices=[*output_names(), *RENDER_FORMATS], metavar="FORMAT",
                         help=f"output format (default: by suffix): {', '.join([*output_names(), *RENDER_FORMATS])}")
    convert.add_argument("--strict", action="store_true", help="treat warnings (e.g. uncited events) as errors")
    add_skip(convert)
    add_max_bytes(convert)
    return parser


def _size(text: str) -> int:
    from timeline.io.limits import parse_size

    try:
        return parse_size(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Hold off the cyclic GC while loading or rendering.

    Loading, layout and drawing build acyclic trees (parsed TOML/JSON, frozen
    model objects, the Scene, the svgwrite tree), so the cyclic GC finds nothing
    to free, yet at 10k–100k events it rescans the growing heap for 15–20% of the
    time.  The command line owns its short-lived process, so it may switch the GC
    off; the library never touches this process-wide setting.
    """
    gc.disable()
    try:
        yield
    finally:
        # Switched back on as it was, the GC would at once scan every object made while it was off
        # (the first young-generation pass counts them all: ~60 ms at 10k events, after loading and
        # again after rendering).  freeze + unfreeze moves them to the oldest generation unscanned,
        # as if they had survived: a later full pass still frees any cycles among them.
        gc.freeze()
        gc.unfreeze()
        gc.enable()


def _load(args: argparse.Namespace, outputs: Sequence[str | None] = ()) -> tuple[Timeline | None, int]:
    """Read the input (after refusing outputs that would overwrite it); print its diagnostics."""
    from timeline.atomic import check_not_inputs
    from timeline.errors import Severity
    from timeline.io import read
    from timeline.resources import bundled_events

    check_not_inputs([o for o in outputs if o not in (None, "-")], _inputs(args))
    options = {"format": args.input_format, "strict": args.strict, "max_bytes": args.max_bytes,
               "skip_invalid": getattr(args, "skip_invalid", False)}
    with _gc_paused():
        if args.path == "-":
            from timeline.io import STDIN_NAME, read_stream

            path: Path | str = STDIN_NAME
            result = read_stream(_stdin(), **options)
        else:
            path = Path(args.path) if args.path else bundled_events()
            result = read(path, **options)
    for diag in result.diagnostics:
        print(diag.format(), file=sys.stderr)
    errors = sum(d.is_error for d in result.diagnostics)
    warnings = sum(d.severity is Severity.WARNING for d in result.diagnostics)
    if errors or (args.strict and warnings):
        print(f"{path}: {errors} error(s), {warnings} warning(s)", file=sys.stderr)
        return None, EXIT_INVALID
    return result.timeline, EXIT_OK


def _stdin() -> BinaryIO:
    """Standard input as bytes, for an input path of ``-``."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise UsageError_("- reads standard input, but this process has none to read; give a file")
    if sys.stdin.isatty():  # typed at the prompt: say how to finish, as nothing else will
        print("timeline: reading events from standard input (end with Ctrl-D)", file=sys.stderr)
    return stream


def _shown(path: str | None) -> str:
    """How messages name the input: its path, ``<stdin>`` for ``-``, or the bundled timeline."""
    if path == "-":
        from timeline.io import STDIN_NAME

        return STDIN_NAME
    return path or "bundled timeline"


def _cmd_check(args: argparse.Namespace) -> int:
    tl, status = _load(args)
    if tl is not None:
        _stdout(f"{_shown(args.path)}: ok: {len(tl.events)} events, {len(tl.eras)} eras, "
                f"{len(tl.sources)} sources\n")
    return status


def _cmd_export(args: argparse.Namespace) -> int:
    tl, status = _load(args, [args.output])
    if tl is None:
        return status
    from timeline.io.jsonfmt import dumps

    _emit(dumps(tl), args.output, _inputs(args))
    return EXIT_OK


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


def _filtered(tl: Timeline, args: argparse.Namespace) -> Timeline:
    if args.date_from or args.date_to:
        tl = tl.between(args.date_from, args.date_to)
    if args.lane:
        tl = tl.in_lanes(*args.lane)
    if args.tag:
        tl = tl.with_tags(*args.tag)
    if args.no_context:
        tl = tl.without_tags("context")
    return tl


def _render_formats(args: argparse.Namespace) -> list[str]:
    """The formats to render: --format's list, else the suffix of ``-o FILE`` (out.svg is SVG), else svg,html."""
    if not args.output.strip():  # an unset $OUT in a script: never the current folder by accident
        raise UsageError_(f"-o {args.output!r} names nothing; give a file (out.svg) or a folder (out/)")
    out = Path(args.output)
    folder = args.output == "-" or args.output.endswith(("/", "\\")) or out.is_dir()
    names_file = not folder and bool(out.suffix or out.exists())  # out.svg, or an existing file such as /dev/full
    suffix = out.suffix.lower().lstrip(".")
    named = None if folder else {"htm": "html"}.get(suffix, suffix) if suffix in (*RENDER_FORMATS, "htm") else None
    if args.format is None:
        if named is None and names_file:
            raise UsageError_(f"-o {args.output} names a file, but its name does not say svg, html or png; "
                              f"add --format (e.g. --format svg), or give a folder for both svg and html")
        return [named] if named else ["svg", "html"]
    formats = [f.strip() for f in args.format.split(",") if f.strip()]
    bad = [f for f in formats if f not in RENDER_FORMATS]
    if bad or not formats:
        raise UsageError_(f"unknown format {', '.join(bad) or '(none)'}; expected {', '.join(RENDER_FORMATS)}")
    if len(formats) > 1 and names_file:
        raise UsageError_(f"--format {args.format} writes one file per format into a folder, but -o {args.output} "
                          f"names a file; give one format, or a folder (end it with / to make one)")
    if named and formats != [named]:
        raise UsageError_(f"-o {args.output} names a .{suffix} file but --format says {args.format}; "
                          f"make them agree (or leave --format out: the suffix picks it)")
    return formats


def _cmd_render(args: argparse.Namespace) -> int:
    formats = _render_formats(args)
    out = Path(args.output)
    if args.output == "-" and len(formats) > 1:
        raise UsageError_("-o - (standard output) takes one format, e.g. --format svg")
    to_dir = args.output != "-" and (len(formats) > 1 or out.is_dir() or args.output.endswith(("/", "\\"))
                                     or not (out.suffix or out.exists()))
    targets = [str(out / _render_name(fmt, args)) if to_dir else args.output for fmt in formats]
    tl, status = _load(args, targets)
    if tl is None:
        return status
    if not tl.events:
        return _nothing_to_draw("render", _shown(args.path))
    tl = _filtered(tl, args)
    if not tl.events:
        print("timeline render: warning: no event passes --from/--to/--lane/--tag/--no-context; "
              "the chart is drawn empty", file=sys.stderr)
    options: dict[str, Any] = {}
    if args.title is not None:
        tl = tl.retitled(args.title)  # the page heading and the chart's both
    if args.date_from or args.date_to:
        options["window"] = (args.date_from, args.date_to)  # the axis runs over exactly that time
    for name in ("orientation", "scale", "theme", "width", "size", "text_scale"):
        if getattr(args, name) is not None:
            options[name] = getattr(args, name)
    if args.no_legend:
        options["legend"] = False
    with _gc_paused():
        from timeline.layout.paginate import is_paged

        texts = [_render_one(tl, fmt, args, options, target) for fmt, target in zip(formats, targets, strict=True)]
        sources: list[tuple[Content, str]] = []
        if options.get("size") and not is_paged(options["size"]) and args.output != "-" and not args.no_footnotes:
            for fmt in ("svg", "png"):  # the chart says "listed on the next slide": write that slide
                if fmt in formats:
                    sources += _source_pages(tl, options, targets[formats.index(fmt)], fmt, args.pixel_ratio)
        outputs: list[tuple[Content, str | None]] = []
        for text, target in zip(texts, targets, strict=True):
            if isinstance(text, tuple):  # the plain fragment and its image, written beside it
                html, image, image_name = text
                outputs += [(html, target), (image, str(Path(target).with_name(image_name)))]
            elif isinstance(text, list):  # printed pages: NAME-1.svg, NAME-2.svg...
                if target == "-":
                    raise UsageError_("paged output writes one file per page, so it needs -o FILE (not -)")
                path = Path(target)
                outputs += [(page, str(path.with_name(f"{path.stem}-{k}{path.suffix}")))
                            for k, page in enumerate(text, 1)]
            else:
                outputs.append((text, target))
        outputs += sources
        _emit_all(outputs, _inputs(args))  # the HTML's template runs here, still with the GC paused
    return EXIT_OK


def _source_pages(tl: Timeline, options: dict[str, Any], target: str, fmt: str = "svg",
                  pixel_ratio: float | None = None) -> list[tuple[str | bytes, str]]:
    """NAME-sources.svg or .png (-2, -3...): the source list that a fixed frame could not hold."""
    from timeline.render.svg import render_svg_pages

    pages: list[str | bytes] = list(render_svg_pages(tl, **options)[1:])
    if fmt == "png" and pages:
        from timeline.render.png import default_pixel_ratio, rasterise

        ratio = default_pixel_ratio(options) if pixel_ratio is None else pixel_ratio
        pages = [rasterise(str(page), pixel_ratio=ratio) for page in pages]
    path = Path(target)
    return [(text, str(path.with_name(f"{path.stem}-sources{'' if n == 1 else f'-{n}'}{path.suffix}")))
            for n, text in enumerate(pages, 1)]


def _render_name(fmt: str, args: argparse.Namespace) -> str:
    """The file name of one format when rendering into a folder."""
    if fmt in ("svg", "png"):
        return f"timeline.{fmt}"
    return "timeline-fragment.html" if args.fragment or args.plain else "timeline.html"


def _render_one(tl: Timeline, fmt: str, args: argparse.Namespace, options: dict[str, Any],
                target: str) -> Content | tuple[str, bytes, str] | list[str] | list[bytes]:
    """Render one format: text, PNG bytes, printed pages as a list, the plain fragment as (HTML, image, name),
    the page as a function that writes it."""
    from timeline import render

    if fmt == "html" and args.plain:
        if target == "-":
            raise UsageError_("--plain writes an image beside the HTML, so it needs -o FILE (not -)")
        from timeline.render.plain import render_plain

        options = {k: v for k, v in options.items() if k != "theme"}
        frag = render_plain(tl, Path(target).stem, **options)
        return frag.html, frag.image, frag.image_name

    from timeline.layout.paginate import is_paged

    if fmt in ("svg", "png") and is_paged(options.get("size")):
        from timeline.render.svg import render_pages

        options = dict(options)
        size = options.pop("size")
        pages = render_pages(tl, size, footnotes=not args.no_footnotes, **options)
        if fmt == "svg":
            return pages
        from timeline.render.png import rasterise

        ratio = 1.0 if args.pixel_ratio is None else args.pixel_ratio
        return [rasterise(page, pixel_ratio=ratio) for page in pages]
    if fmt == "png":
        return render.render_png(tl, pixel_ratio=args.pixel_ratio, footnotes=not args.no_footnotes, **options)
    if fmt == "svg":
        return render.render_svg(tl, footnotes=not args.no_footnotes, **options)
    html_options = dict(options)
    if args.templates:
        html_options["templates"] = args.templates
    from timeline.render.html import html_writer

    return html_writer(tl, fragment=args.fragment, **html_options)  # written in pieces: a page can be 100s of MB


def _cmd_convert(args: argparse.Namespace) -> int:
    from timeline.io.formats import for_output

    target = args.output_format or Path(args.output).suffix.lower().lstrip(".")
    if target not in RENDER_FORMATS:
        if args.output == "-" and not args.output_format:
            raise UsageError_("writing to standard output needs --to FORMAT")
        writer = for_output(args.output, args.output_format)
    args.path = args.input
    tl, status = _load(args, [args.output])
    if tl is None:
        return status
    if target in RENDER_FORMATS:
        from timeline import render

        if not tl.events:
            return _nothing_to_draw("convert", _shown(args.path))

        renderers = {"svg": render.render_svg, "html": render.render_html, "png": render.render_png}
        text = renderers[target](tl)
        diagnostics = []
    else:
        text, diagnostics = writer.write_text(tl, args.output)
    for diag in diagnostics:
        print(diag.format(), file=sys.stderr)
    _emit(text, args.output, _inputs(args))
    return EXIT_OK


def _nothing_to_draw(command: str, path: str) -> int:
    print(f"timeline {command}: error: {path} holds no timeline (no events), so there is nothing to draw; "
          f"`timeline check` says more", file=sys.stderr)
    return EXIT_INVALID


def UsageError_(message: str) -> Exception:  # noqa: N802 - a lazy constructor, keeps errors out of startup
    from timeline.errors import UsageError

    return UsageError(message)


COMMANDS = {"check": _cmd_check, "convert": _cmd_convert, "export": _cmd_export, "render": _cmd_render}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (see the module docstring)."""
    debug, command = "--debug" in (sys.argv[1:] if argv is None else argv), None
    try:
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


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if args.version:
        from timeline import __version__

        _stdout(f"timeline {__version__}\n")
        return EXIT_OK
    if not args.command:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
