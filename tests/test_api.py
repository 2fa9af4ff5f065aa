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
}


@pytest.mark.parametrize("old", sorted(_SPLIT))
def test_split_modules_keep_their_names(old: str) -> None:
    """Every name importable from timeline.model and timeline.io.toml before the split still is, the same object."""
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


@pytest.mark.parametrize(("argv", "needed", "unneeded"), [
    (["check", "events"], ("timeline.io.toml", "timeline.model"), ("timeline.layout", "timeline.render", *_HEAVY)),
    (["render", "events", "--format", "svg", "-o", "{out}/t.svg"],
     ("timeline.layout.build", "timeline.render.svg"), _HEAVY),
])
def test_commands_import_only_what_they_use(argv: list[str], needed: tuple[str, ...], unneeded: tuple[str, ...],
                                            tmp_path) -> None:
    """`check` imports no layout or renderer; `render --format svg` no jinja2, svgwrite, dateutil or HTML renderer."""
    import json

    argv = [a.format(out=tmp_path) for a in argv]
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", _IMPORTED, *argv], capture_output=True, text=True, check=True,
                         cwd=root).stdout
    code, modules = json.loads(out)
    assert code == 0
    assert set(needed) <= set(modules)
    assert [m for m in modules if any(m == u or m.startswith(u + ".") for u in unneeded)] == []
