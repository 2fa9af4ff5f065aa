"""The command line's arguments: every command, option and help text, with the formats from the registry.

Building the parser imports only :mod:`argparse` and the format registry (no reader), so
``timeline --help`` starts fast.
"""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["RENDER_FORMATS"]

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
