"""What each command does: check, export, render and convert.

Each reads its input through :func:`_load` (diagnostics printed, the status for invalid input
returned) and writes through :mod:`timeline.cli`'s output functions.  Heavy modules (jinja2,
svgwrite) are imported inside the command that renders, so ``timeline check`` starts fast.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from timeline.cli import EXIT_INVALID, EXIT_OK, UsageError_, _emit, _emit_all, _inputs, _stdin, _stdout
from timeline.cli.parser import RENDER_FORMATS

if TYPE_CHECKING:
    from timeline.atomic import Content
    from timeline.model.timeline import Timeline

__all__ = ["COMMANDS"]


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
        from timeline.io import STDOUT_NAME

        text, diagnostics = writer.write_text(tl, STDOUT_NAME if args.output == "-" else args.output)
    for diag in diagnostics:
        print(diag.format(), file=sys.stderr)
    _emit(text, args.output, _inputs(args))
    return EXIT_OK


def _nothing_to_draw(command: str, path: str) -> int:
    print(f"timeline {command}: error: {path} holds no timeline (no events), so there is nothing to draw; "
          f"`timeline check` says more", file=sys.stderr)
    return EXIT_INVALID


COMMANDS = {"check": _cmd_check, "convert": _cmd_convert, "export": _cmd_export, "render": _cmd_render}
