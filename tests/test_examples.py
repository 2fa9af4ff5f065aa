"""The example scripts run (in a temporary directory) and write what they say."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import require
from timeline.io import read

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def renderers_ready() -> tuple[bool, str]:
    """Whether timeline.render can draw SVG and HTML yet, and why not."""
    import timeline

    tl = timeline.Timeline(title="probe").add_event("e", "E", "1953")
    try:
        timeline.render_svg(tl)
        timeline.render_html(tl)
    except (ImportError, NotImplementedError) as exc:
        return False, f"renderers not available yet: {type(exc).__name__}: {exc}"
    return True, ""


def needs_renderers() -> None:
    """Skip (with the reason) until timeline.render.svg and .html exist."""
    ok, reason = renderers_ready()
    require(ok, reason)


def run_example(name: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run one example script with this checkout on the path."""
    env = {"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, str(EXAMPLES / name), *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env=env)


def test_svg_from_dicts(tmp_path: Path) -> None:
    """examples/svg_from_dicts.py writes an SVG holding every event."""
    needs_renderers()
    proc = run_example("svg_from_dicts.py", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    svg = (tmp_path / "dicts.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith(("<?xml", "<svg"))
    for event_id in ("waterloo", "railway", "telegraph", "origin"):
        assert event_id in svg


def test_timelinejs_sheet_to_html(tmp_path: Path) -> None:
    """examples/timelinejs_to_html.py converts the sample sheet to a page with every event."""
    needs_renderers()
    proc = run_example("timelinejs_to_html.py", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    page = (tmp_path / "sheet.html").read_text(encoding="utf-8")
    for event in read(EXAMPLES / "data" / "timelinejs-sample.csv").timeline.events:
        assert event.id in page


def test_bundled_1953(tmp_path: Path) -> None:
    """examples/bundled_1953.py writes SVG and HTML of 1953 only."""
    needs_renderers()
    proc = run_example("bundled_1953.py", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "1953.svg").exists() and (tmp_path / "1953.html").exists()


def test_bundled_1953_filter_keeps_only_1953() -> None:
    """The filter the example uses keeps events overlapping 1953 and nothing else."""
    import timeline

    year = timeline.bundled().between("1953", "1953")
    lo, hi = timeline.parse_date("1953").earliest, timeline.parse_date("1953").latest
    assert year.events
    for ev in year.events:
        assert not (ev.when.latest and ev.when.latest < lo) and not (ev.when.earliest and ev.when.earliest > hi)


@pytest.mark.parametrize("fmt", ["svg", "html"])
def test_converted_sheet_renders_every_event(fmt: str) -> None:
    """A converted TimelineJS sheet rendered to SVG/HTML has every event in the output (by id)."""
    needs_renderers()
    import timeline

    tl = read(EXAMPLES / "data" / "timelinejs-sample.csv").timeline
    out = timeline.render_svg(tl) if fmt == "svg" else timeline.render_html(tl)
    missing = [ev.id for ev in tl.events if ev.id not in out]
    assert missing == []


@pytest.mark.parametrize("method", ["_repr_svg_", "_repr_html_"])
def test_notebook_reprs(method: str) -> None:
    """Timeline._repr_svg_ / _repr_html_ give markup a notebook can show."""
    needs_renderers()
    import timeline

    out = getattr(timeline.Timeline(title="T").add_event("e", "E", "1953"), method)()
    assert out.lstrip().startswith("<")


def test_roman_republic(tmp_path: Path) -> None:
    """examples/roman_republic.py draws BCE → CE: ticks 100 BCE, 1 CE, 100 CE, BCE labels, the Julian Ides."""
    needs_renderers()
    proc = run_example("roman_republic.py", str(tmp_path), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    svg = (tmp_path / "rome.svg").read_text(encoding="utf-8")
    for label in (">100 BCE<", ">1 CE<", ">100 CE<", ">753 BCE<", ">264–241 BCE<", "15 Mar 44 BCE (O.S.)"):
        assert label in svg, label
    assert ">0<" not in svg and "-0043" not in svg.split("<desc")[0]
    vertical = (tmp_path / "rome-vertical.svg").read_text(encoding="utf-8")
    assert ">476 CE<" in vertical
    assert "753 BC " in proc.stdout
