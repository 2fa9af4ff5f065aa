"""Smoke tests for the benchmark suite in bench/ (no timing assertions)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from timeline.io import read

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.fixture(scope="module")
def bench_modules():
    """Import bench/generate.py and bench/floor.py as modules."""
    sys.path.insert(0, str(BENCH))
    try:
        import floor
        import generate
        yield generate, floor
    finally:
        sys.path.remove(str(BENCH))


@pytest.fixture(scope="module")
def written(bench_modules, tmp_path_factory):
    """The generator's TOML and JSON files at N=50."""
    generate, _ = bench_modules
    return generate.write(50, tmp_path_factory.mktemp("bench"))


def test_generated_toml_loads_cleanly(written):
    """The generated TOML loads with timeline.load, strictly, with zero errors."""
    toml_path, _ = written
    result = read(toml_path, strict=True)
    assert [d.format() for d in result.diagnostics] == []
    assert len(result.timeline.events) == 50


def test_generator_is_deterministic(bench_modules):
    """The same N and seed give the same TOML text."""
    generate, _ = bench_modules
    assert generate.to_toml(generate.generate(50)) == generate.to_toml(generate.generate(50))


def test_floor_draws_one_label_per_event(bench_modules, written):
    """The floor writes an SVG with one text per event from the JSON export."""
    _, floor = bench_modules
    _, json_path = written
    svg = floor.floor_svg(json.loads(json_path.read_text(encoding="utf-8")))
    assert svg.startswith("<svg") and svg.count("<text ") == 50
