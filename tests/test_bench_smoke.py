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
    """The generator's TOML, JSON and TimelineJS CSV files at N=50."""
    generate, _ = bench_modules
    return generate.write(50, tmp_path_factory.mktemp("bench"))


def test_generated_toml_loads_cleanly(written):
    """The generated TOML loads with timeline.load, strictly, with zero errors."""
    toml_path, _, _ = written
    result = read(toml_path, strict=True)
    assert [d.format() for d in result.diagnostics] == []
    assert len(result.timeline.events) == 50


def test_generated_sheet_is_read_as_timelinejs(written):
    """The generated CSV is sniffed as a TimelineJS sheet and gives the same 50 events."""
    from timeline.io.formats import for_input

    toml_path, _, csv_path = written
    assert for_input(csv_path, head=lambda: csv_path.read_text(encoding="utf-8")).name == "timelinejs-csv"
    sheet = read(csv_path).timeline
    assert [e.title for e in sheet.events] == [e.title for e in read(toml_path).timeline.sorted_events()]


def test_generator_is_deterministic(bench_modules):
    """The same N and seed give the same TOML text."""
    generate, _ = bench_modules
    assert generate.to_toml(generate.generate(50)) == generate.to_toml(generate.generate(50))


def test_floor_draws_one_label_per_event(bench_modules, written):
    """The floor writes an SVG with one text per event from the JSON export."""
    _, floor = bench_modules
    _, json_path, _ = written
    svg = floor.floor_svg(json.loads(json_path.read_text(encoding="utf-8")))
    assert svg.startswith("<svg") and svg.count("<text ") == 50


def _full_grammar(text):
    from timeline.dates import english, parse

    source, offset = parse._trim(text)
    return english.parse_english(source, offset, text)


FAST_FORMS = ["March 5, 1953", "5 March 1953", "June 1951", "c. 1949", "February 29, 1952", "December 31, 9999",
              "1 January 0001", "September 1930", "c. 0001", "May 9, 1945"]


@pytest.mark.parametrize("text", FAST_FORMS)
def test_english_fast_path_matches_full_grammar(text):
    """The English fast path in timeline.dates gives exactly what the full grammar gives."""
    from timeline import dates

    assert dates.parse._parse_common_english(text) == _full_grammar(text)


@pytest.mark.parametrize("text", ["February 29, 1953", "March 0, 1953", "March 32, 1953", "c. 0000", "June 0000",
                                  "31 April 1953", "march 5, 1953", "Mar 5, 1953", "c.1949", "June  1951"])
def test_english_fast_path_declines_the_rest(text):
    """Out-of-range fields and other spellings are left to the full grammar (and its diagnostics)."""
    from timeline import dates

    assert dates.parse._parse_common_english(text) is None


def test_english_fast_path_matches_on_generated_dates(bench_modules):
    """Every generated date the fast path takes reads the same as through the full grammar."""
    from timeline import dates

    generate, _ = bench_modules
    texts = {ev["when"] for ev in generate.generate(2000)["events"]}
    taken = [t for t in texts if dates.parse._parse_common_english(t) is not None]
    assert taken
    assert all(dates.parse._parse_common_english(t) == _full_grammar(t) for t in taken)


def test_fresh_rounds_interleave_commands_around_the_floor(bench_modules, tmp_path):
    """bench/run.py times fresh processes in rounds: the floor first and last in each, every other
    command once between; a failing command keeps its last stderr line and is not run again."""
    import run

    log = tmp_path / "log"
    def cmd(name, fail=False):
        code = f"open({str(log)!r}, 'a').write({name!r} + ' ')"
        if fail:
            code += "; import sys; sys.exit('broke: ' + " + repr(name) + ")"
        return [sys.executable, "-c", code], False

    got = run.fresh_rounds({"floor": cmd("f"), "a": cmd("a"), "b": cmd("b", fail=True)}, 2, "floor")
    assert log.read_text().split() == ["f", "a", "b", "f", "f", "a", "f"]
    assert got["b"] == (None, "broke: b")
    assert got["floor"][0] is not None and got["floor"][0] > 0 and got["a"][1] == ""


@pytest.mark.parametrize("parser", ["tomllib", "rtoml, then tomli"])
def test_the_compiled_probe_reads_a_parser_name_with_spaces(bench_modules, tmp_path, parser):
    """compiled_python takes the module path and the parser's whole name from the probe's two lines, and
    refuses an interpreter whose timeline is not compiled."""
    import run

    def fake(path: str) -> str:
        script = tmp_path / "python"
        script.write_text(f"#!/bin/sh\nprintf '%s\\n%s\\n' {path!r} {parser!r}\n", encoding="utf-8")
        script.chmod(0o755)
        return str(script)

    assert run.compiled_python(fake("/x/rows.cpython-311-x86_64-linux-gnu.so")) == parser
    with pytest.raises(SystemExit, match="not a compiled module"):
        run.compiled_python(fake("/x/rows.py"))
