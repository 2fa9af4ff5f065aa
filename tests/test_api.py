"""The public API: a sorted, complete __all__ and the documented entry points."""

from __future__ import annotations

import subprocess
import sys

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


def test_import_is_light() -> None:
    """Importing timeline (and the CLI) loads neither svgwrite, jinja2 nor dateutil."""
    code = ("import sys, timeline, timeline.cli; "
            "print(sorted(m for m in ('svgwrite', 'jinja2', 'dateutil') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
