"""Fuzzing every reader in the registry with a mutated corpus: a model or a located error, in bounded steps.

Seeds are a real timeline written by each format's own writer (plus the
files in ``tests/corpus/``); Hypothesis picks mutations that the hardening
pass found to hurt (runs of ``[``, deep nesting, huge numbers, lone
surrogates, U+2028, unclosed tags, truncation...).  Properties:

* every input ends in a model or in errors that each carry a location;
* the command line never prints a traceback or an internal error for it;
* the work per input is bounded by counting Python calls (``sys.setprofile``),
  never by the clock: at most ``STEPS_PER_CHAR`` per character plus a constant.

CI runs a few examples per format; ``TIMELINE_FUZZ_LONG=1`` runs many more.
"""

from __future__ import annotations

import os
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import timeline
from conftest import count_steps
from timeline.cli import main
from timeline.io import FORMATS, read_text, write_text
from timeline.io.limits import normalise_text

LONG = os.environ.get("TIMELINE_FUZZ_LONG") == "1"
EXAMPLES = 400 if LONG else 12
CORPUS = Path(__file__).resolve().parent / "corpus"
#: Python calls one input may cost per character (the seeds cost 1 to 5), plus a fixed allowance.
STEPS_PER_CHAR = 100
STEPS_BASE = 200_000
#: Diagnostics about a whole file, located by its path alone.
FILE_WIDE = ("the file holds no timeline", "the file is empty", "the sheet is empty")

READABLE = sorted(name for name, row in FORMATS.items() if row.can_read)

NASTY = [
    "[" * 3000, "*" * 3000, "**a " * 500, "[a](" * 500, "\\" * 1001, "<a " * 2000, '<a href="' * 500,
    "{" * 1200, "[" * 1200 + "]" * 1200, "9" * 5000, "1e999", "-0", "2" * 401, "\\ud800", "\ud83d", "\u2028",
    "\u0085", "\u202e", "\x00", "\ufeff", "\r", "\r\n", '"', "'", ",", "=", "\n\n\n", "é", "²", "٣",
    '"""', "[[evnts]]", "when = ", '"hour": "²"', "},", "]", ":", "#",
]


def seed_timeline() -> timeline.Timeline:
    """A real timeline of a couple of dozen events (the bundled 1953), so every field kind occurs."""
    return timeline.bundled().between("1952", "1954")


SEEDS: dict[str, list[str]] = {}


def seeds(fmt: str) -> list[str]:
    """Texts in ``fmt``: the seed timeline through the format's writer, and corpus files with its suffix."""
    if fmt not in SEEDS:
        row = FORMATS[fmt]
        found = [write_text(seed_timeline(), fmt)[0]] if row.can_write else []
        for path in sorted(CORPUS.glob("*")):
            if path.suffix.lower() in row.suffixes and path.stat().st_size < 200_000:
                found.append(path.read_bytes().decode("utf-8", "replace"))
        SEEDS[fmt] = found or ["\n"]
    return SEEDS[fmt]


def mutate(text: str, rng: random.Random) -> str:
    """One to three random mutations of a text."""
    for _ in range(rng.randint(1, 3)):
        kind = rng.randrange(6)
        at = rng.randint(0, len(text))
        if kind == 0:
            text = text[:at] + rng.choice(NASTY) + text[at:]
        elif kind == 1:
            text = text[:at] + text[at + rng.randint(1, 200):]
        elif kind == 2:
            text = text[:at]
        elif kind == 3 and "\n" in text:
            lines = text.split("\n")
            i = rng.randrange(len(lines))
            lines.insert(rng.randrange(len(lines)), lines[i])
            text = "\n".join(lines)
        elif kind == 4:
            text = text[:at] + chr(rng.choice([0x5B, 0x2A, 0x22, 0x5C, 0x0A, 0x2028, 0xD800, 0x7B, 0x3C])) + text[at + 1:]
        else:
            text = text[:at] + rng.choice(NASTY) * rng.randint(2, 20) + text[at:]
    return text


def check_result(result: Any, text: str) -> None:
    """A model, or errors that each say where they are."""
    errors = [d for d in result.diagnostics if d.is_error]
    assert result.timeline is not None or errors, "no model and no error"
    for d in result.diagnostics:
        located = d.path and (d.line or d.pointer or d.message.startswith(FILE_WIDE))
        assert located, f"unlocated: {d.format()}"
        if d.line:  # readers see \r and \r\n as \n, so lines are counted on the normalised text
            assert d.line <= normalise_text(text).count("\n") + 1, f"line {d.line} past the end: {d.format()}"


@pytest.mark.parametrize("fmt", READABLE)
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=not LONG)
@given(data=st.data())
def test_mutated_inputs_end_in_a_model_or_located_errors(fmt: str, data: st.DataObject) -> None:
    """Any mutant of a real file: a model or located errors, within the step budget, never an exception."""
    rng = random.Random(data.draw(st.integers(0, 2**32 - 1)))
    text = mutate(rng.choice(seeds(fmt)), rng)
    suffix = FORMATS[fmt].suffixes[0] if FORMATS[fmt].suffixes else ".txt"
    result, steps = count_steps(lambda: read_text(text, format=fmt, name=f"x{suffix}"), warm=True)
    check_result(result, text)
    assert steps <= STEPS_PER_CHAR * len(text) + STEPS_BASE, f"{steps:,} steps for {len(text):,} characters"


@pytest.mark.parametrize("nasty", NASTY, ids=range(len(NASTY)))
@pytest.mark.parametrize("fmt", READABLE)
def test_each_nasty_piece_in_each_format(fmt: str, nasty: str) -> None:
    """Every nasty piece, put in the middle of a real file and repeated, in every format."""
    seed = seeds(fmt)[0]
    middle = len(seed) // 2
    text = seed[:middle] + nasty * 3 + seed[middle:]
    result, steps = count_steps(lambda: read_text(text, format=fmt, name="x"), warm=True)
    check_result(result, text)
    assert steps <= STEPS_PER_CHAR * len(text) + STEPS_BASE


@pytest.mark.parametrize("fmt", READABLE)
@settings(max_examples=max(EXAMPLES // 3, 3), deadline=None, suppress_health_check=list(HealthCheck),
          derandomize=not LONG)
@given(data=st.data())
def test_the_cli_prints_no_traceback_for_a_mutant(fmt: str, data: st.DataObject, tmp_path_factory: Any,
                                                  capsys: Any) -> None:
    """`timeline check` and `convert` on a mutant exit 0 or 1 with diagnostics, never 3 or a traceback."""
    rng = random.Random(data.draw(st.integers(0, 2**32 - 1)))
    text = mutate(rng.choice(seeds(fmt)), rng)
    folder = tmp_path_factory.mktemp("cli")
    path = folder / f"in{FORMATS[fmt].suffixes[0] if FORMATS[fmt].suffixes else '.txt'}"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    capsys.readouterr()
    for argv in (["check", str(path), "--input-format", fmt],
                 ["convert", str(path), str(folder / "out.json"), "--from", fmt]):
        status = main(argv)
        err = capsys.readouterr().err
        assert status in (0, 1), err
        assert "Traceback" not in err and "internal error" not in err
