"""The public API: a sorted, complete __all__ and the documented entry points."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import timeline

REQUIRED = {"load", "loads", "parse_date", "Timeline", "Event", "HistoricalDate", "Span", "Source",
            "Citation", "Claim", "TimelineError", "render_svg", "render_html"}


def test_all_is_sorted_and_unique() -> None:
    """__all__ is sorted (case-sensitively) and has no duplicates."""
    assert timeline.__all__ == sorted(set(timeline.__all__))


def test_all_names_exist() -> None:
    """Every name in __all__ is an attribute of the package."""
    missing = [n for n in timeline.__all__ if not hasattr(timeline, n)]
    assert missing == []


def test_required_names_exported() -> None:
    """The names the issue asks for are exported."""
    assert REQUIRED <= set(timeline.__all__)


def test_submodule_all_sorted() -> None:
    """Every module's own __all__ is sorted too."""
    import importlib
    import pkgutil

    for info in pkgutil.walk_packages(timeline.__path__, "timeline."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        names = getattr(module, "__all__", None)
        if names is not None:
            assert list(names) == sorted(names), info.name


#: The names each split module had before it was split (docs/design.md), with where each lives now.
_SPLIT = {
    "timeline.model": {
        "timeline.model.records": ("CONTEXT_TAG", "Citation", "Claim", "ClaimRank", "Era", "Event", "Lane", "Media",
                                   "Quantity", "Source", "SourceKind", "disputed_label"),
        "timeline.model.timeline": ("Timeline",),
        "timeline.model.validators": ("PRIORITY_RANGE", "date_like", "is_valid_id", "valid_id"),
    },
    "timeline.io.toml": {
        "timeline.io.common": ("ReadResult",),
        "timeline.io.tomltables": ("CLAIM_KEYS", "ERA_KEYS", "EVENT_KEYS", "LANE_KEYS", "SOURCE_KEYS",
                                   "TIMELINE_KEYS", "TOP_KEYS"),
        "timeline.io.tomlvalues": ("CITATION_KEYS", "MEDIA_KEYS", "QUANTITY_KEYS"),
    },
    "timeline.cli": {
        "timeline.cli": ("EXIT_INTERNAL", "EXIT_INTERRUPTED", "EXIT_INVALID", "EXIT_OK", "EXIT_USAGE", "UsageError_",
                         "_emit", "_emit_all", "_failed", "_inputs", "_quiet_stdout", "_run", "_stdin", "_stdout",
                         "main"),
        "timeline.cli.commands": ("COMMANDS", "_cmd_check", "_cmd_convert", "_cmd_export", "_cmd_render", "_filtered",
                                  "_gc_paused", "_load", "_nothing_to_draw", "_render_formats", "_render_name",
                                  "_render_one", "_shown", "_source_pages"),
        "timeline.cli.parser": ("RENDER_FORMATS", "_parser", "_size"),
    },
    "timeline.dates.english": {
        "timeline.dates.english": ("_complete_left", "_parse_range", "_split_range", "parse_english"),
        "timeline.dates.english_coarse": ("_coarse_unit", "_decade"),
        "timeline.dates.english_deep": ("_deep_time",),
        "timeline.dates.english_side": ("_DEEP_NEXT", "_LEADING_PHRASES", "_Partial", "_SIDE_PHRASE_STARTS",
                                        "_assign_numbers", "_build_side", "_read_bounds", "_read_side"),
        "timeline.dates.tokens": ("NoPattern",),
    },
    "timeline.io.jsonfmt": {
        "timeline.io.jsonfmt": ("FORMAT_NAME", "FORMAT_VERSION", "_SOURCE_FIELDS"),
        "timeline.io.jsonread": ("_DATE_KEYS", "_JsonReader", "_KNOWN_KEYS", "_not_ours", "read_json", "read_json_text"),
        "timeline.io.jsonwrite": ("_citation", "_claim", "_date", "_quantity", "_source_value", "_support", "dumps",
                                  "to_data", "write_json"),
    },
    "timeline.render.html": {
        "timeline.render.html": ("THEMES", "_BATCH", "_PREFIX_RE", "_batches", "_prepared", "_rendered", "html_writer",
                                 "render_html"),
        "timeline.render.html_env": ("_AUTOESCAPE_SUFFIXES", "_autoescape", "_packaged_environment",
                                     "make_environment"),
        "timeline.render.html_view": ("_NOTHING", "_Refs", "_URL_CLASS", "_View", "_claim", "_claim_groups", "_context",
                                      "_event", "_runs_html", "_when_html", "datetime_value", "noterefs"),
    },
}


@pytest.mark.parametrize("old", sorted(_SPLIT))
def test_split_modules_keep_their_names(old: str) -> None:
    """Every name a split module had (model, io/toml.py, cli.py, dates/english.py, render/html.py, io/jsonfmt.py)
    is still importable from it, the same object as in its new home."""
    import importlib

    module = importlib.import_module(old)
    for home, names in _SPLIT[old].items():
        new = importlib.import_module(home)
        assert {n: getattr(module, n, None) for n in names} == {n: getattr(new, n) for n in names}, home


def test_import_is_light() -> None:
    """Importing timeline (and the CLI) loads neither svgwrite, jinja2 nor dateutil."""
    code = ("import sys, timeline, timeline.cli; "
            "print(sorted(m for m in ('svgwrite', 'jinja2', 'dateutil') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"



_IMPORTED = (
    "import contextlib, io, json, sys\n"
    "from timeline.cli import main\n"
    "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
    "    code = main(sys.argv[1:])\n"
    "print(json.dumps([code, sorted(sys.modules)]))\n"
)
#: Modules no command below needs: the HTML and PNG renderers and what they pull in, dateutil, the network.
_HEAVY = ("jinja2", "markupsafe", "svgwrite", "dateutil", "http", "ssl", "email", "urllib.request",
          "timeline.render.html", "timeline.render.html_env", "timeline.render.html_view", "timeline.render.charts",
          "timeline.render.png")


#: Modules kept out of start-up: the commands (for --version and --help), deep time's grammar (few texts
#: name it), and what only a failure or a FIFO needs.
_LATER = ("timeline.dates.english_deep", "traceback", "select")


@pytest.mark.parametrize(("argv", "needed", "unneeded"), [
    (["--version"], ("timeline.cli.parser",), ("timeline.cli.commands", "timeline.model", *_LATER, *_HEAVY)),
    (["check", "events"], ("timeline.io.toml", "timeline.model", "timeline.dates.english_side"),
     ("timeline.layout", "timeline.render", *_LATER, *_HEAVY)),
    (["render", "events", "--format", "svg", "-o", "{out}/t.svg"],
     ("timeline.layout.build", "timeline.render.svg"), _HEAVY),
    (["check", "tests/corpus/ok-sheet.csv"], ("timeline.io.timelinejs.read",),  # a sheet of plain text cells
     ("html.parser", "html.entities", "csv", "timeline.io.jsonpos", "timeline.io.timelinejs.write",
      "timeline.io.htmlparse", *_HEAVY)),
])
def test_commands_import_only_what_they_use(argv: list[str], needed: tuple[str, ...], unneeded: tuple[str, ...],
                                            tmp_path) -> None:
    """`--version` imports no command; `check` no layout or renderer; `render --format svg` no jinja2, svgwrite,
    dateutil or HTML renderer."""
    import json

    argv = [a.format(out=tmp_path) for a in argv]
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", _IMPORTED, *argv], capture_output=True, text=True, check=True,
                         cwd=root).stdout
    code, modules = json.loads(out)
    assert code == 0
    assert set(needed) <= set(modules)
    assert [m for m in modules if any(m == u or m.startswith(u + ".") for u in unneeded)] == []
