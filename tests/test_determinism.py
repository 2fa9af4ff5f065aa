"""Determinism: the same input gives byte-identical JSON, SVG and HTML.

Across runs, across ``PYTHONHASHSEED`` values and across the order (and
mtimes) in which a directory's files were created, each in a fresh
subprocess running the real CLI.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import timeline
from timeline.resources import bundled_events

ROOT = Path(__file__).resolve().parents[1]
EXTRA = """\
[[events]]
id = "zz-set-order"
title = "Tags and claims whose order a set would scramble"
when = "1953-03-05"
tags = ["zeta", "alpha", "mu", "beta", "omega"]
citations = ["hash-a", "hash-b"]

[sources.hash-a]
title = "A"

[sources.hash-b]
title = "B"
"""


def _renderers_landed() -> bool:
    return all(importlib.util.find_spec(m) is not None for m in ("timeline.render.svg", "timeline.render.html"))


def make_dir(target: Path, reverse: bool) -> Path:
    """Copy the bundled events plus an extra file, creating files in one order or the other with distinct mtimes."""
    target.mkdir()
    files = sorted(bundled_events().glob("*.toml")) + [None]
    for n, src in enumerate(reversed(files) if reverse else files):
        dest = target / (src.name if src else "50-extra.toml")
        if src:
            shutil.copyfile(src, dest)
        else:
            dest.write_text(EXTRA, encoding="utf-8")
        stamp = 1_000_000_000 + (n if reverse else -n) * 3600
        os.utime(dest, (stamp, stamp))
    return target


def run(args: list[str], seed: str) -> None:
    """Run the CLI in a fresh interpreter with a given hash seed."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": seed, "TZ": "Pacific/Kiritimati" if seed == "1" else "UTC"}
    done = subprocess.run([sys.executable, "-m", "timeline", *args], capture_output=True, text=True, env=env,
                          timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr


def digests(out: Path) -> dict[str, str]:
    """SHA-256 of every file written."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(out.iterdir())}


def outputs(tmp: Path, name: str, reverse: bool, seed: str, render: bool) -> dict[str, str]:
    """Export (and render) a freshly created directory in a subprocess; return digests of the results."""
    src = make_dir(tmp / f"in-{name}", reverse)
    out = tmp / f"out-{name}"
    out.mkdir()
    run(["export", str(src), "-o", str(out / "timeline.json")], seed)
    if render:
        run(["render", str(src), "--format", "svg,html", "-o", str(out)], seed)
        run(["render", str(src), "--format", "html", "--fragment", "-o", str(out / "fragment.html")], seed)
    return digests(out)


def test_json_is_identical_across_hash_seeds_and_file_order(tmp_path):
    """JSON export: same bytes for seeds 0/1/random and files created forwards or backwards."""
    runs = [outputs(tmp_path, "a", False, "0", False), outputs(tmp_path, "b", True, "1", False),
            outputs(tmp_path, "c", True, "random", False)]
    assert runs[0] == runs[1] == runs[2]


def test_svg_and_html_are_identical_across_hash_seeds_and_file_order(tmp_path):
    """SVG, page and fragment: same bytes for seeds 0/1/random and files created forwards or backwards."""
    if not _renderers_landed():
        pytest.skip("the SVG and HTML renderers have not both landed yet")
    runs = [outputs(tmp_path, "a", False, "0", True), outputs(tmp_path, "b", True, "1", True),
            outputs(tmp_path, "c", False, "random", True)]
    assert set(runs[0]) >= {"timeline.json", "timeline.svg", "timeline.html", "fragment.html"}
    assert runs[0] == runs[1] == runs[2]


def test_same_process_renders_twice_identically():
    """Rendering the same timeline twice in one process gives the same bytes (no counters or caches leak)."""
    tl = timeline.bundled()
    assert timeline.dumps(tl) == timeline.dumps(timeline.bundled())
    if not _renderers_landed():
        pytest.skip("the SVG and HTML renderers have not both landed yet")
    assert timeline.render_svg(tl) == timeline.render_svg(tl)
    assert timeline.render_html(tl) == timeline.render_html(tl)
    assert timeline.render_html(tl, fragment=True) == timeline.render_html(tl, fragment=True)
