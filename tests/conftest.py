"""Shared test configuration.

Tests that need something outside Python (a browser, rsvg-convert, java,
the ../shared source texts) call :func:`require`: it skips with a reason,
or fails when ``TIMELINE_REQUIRE_ALL=1`` (set by ``.ci/run``), so CI can
never pass by skipping.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
#: ../shared beside the checkout; a git worktree one level deeper (wt/NAME) finds it one level up.
SHARED = next((d / "shared" for d in (ROOT.parent, ROOT.parent.parent) if (d / "shared").is_dir()),
              ROOT.parent / "shared")
SHARED_SOURCES = SHARED / "sources"
#: Real files written with other tools (../shared/corpus/SOURCES.md); read there, never copied into the package.
SHARED_CORPUS = SHARED / "corpus"
REQUIRE_ALL = os.environ.get("TIMELINE_REQUIRE_ALL") == "1"
UPDATE_GOLDEN = os.environ.get("TIMELINE_UPDATE_GOLDEN") == "1"

settings.register_profile("ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("ci" if REQUIRE_ALL else "dev")


def require(condition: bool, reason: str) -> None:
    """Skip (or, under TIMELINE_REQUIRE_ALL=1, fail) when ``condition`` is false."""
    if condition:
        return
    if REQUIRE_ALL:
        pytest.fail(f"required by TIMELINE_REQUIRE_ALL=1 but missing: {reason}")
    pytest.skip(reason)


def skip_if_compiled(module: Any) -> None:
    """Skip a test that patches ``module``'s functions when the optional mypyc build compiled it.

    Calls inside compiled code (and between compiled modules) are direct C calls, so a patched
    module attribute changes nothing they do, and a compiled class takes no new attributes.
    """
    if not str(module.__file__).endswith(".py"):
        pytest.skip(f"{module.__name__} is compiled (the mypyc build): its calls cannot be patched")


def check_golden(path: Path, actual: str) -> None:
    """Compare ``actual`` with a golden file byte for byte; rewrite it under TIMELINE_UPDATE_GOLDEN=1."""
    if UPDATE_GOLDEN or not path.exists():
        if not UPDATE_GOLDEN and REQUIRE_ALL:
            pytest.fail(f"golden file {path} is missing; run with TIMELINE_UPDATE_GOLDEN=1 and commit it")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="\n")
        if not UPDATE_GOLDEN:
            pytest.skip(f"golden file {path.name} was missing and has been written; commit it")
        return
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, (
        f"{path.name} differs from the golden file; if the change is intended, "
        f"rerun with TIMELINE_UPDATE_GOLDEN=1 and review the diff"
    )


def count_steps(fn: Callable[[], Any], *, warm: bool = False, lines: bool = False) -> tuple[Any, int]:
    """Run ``fn``, counting the Python and C calls it makes: a time budget that no machine's speed changes.

    ``warm`` runs it once uncounted first, so that what the first call of a process pays once (an import,
    a regular expression compiled again after the ``re`` cache dropped it) does not count: only the work
    that grows with the input does.  For functions without side effects.  ``lines`` counts the Python
    lines run instead, which also sees a loop that makes no calls (slower: a trace function per line).
    """
    if warm:
        fn()
    calls = 0

    def profile(_frame: Any, event: str, _arg: Any) -> None:
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    def trace(_frame: Any, event: str, _arg: Any) -> Any:
        nonlocal calls
        if event == "line":
            calls += 1
        return trace

    hook, old = (sys.settrace, sys.gettrace()) if lines else (sys.setprofile, sys.getprofile())
    hook(trace if lines else profile)
    try:
        result = fn()
    finally:
        hook(old)
    return result, calls


def parse_date_within_budget(text: str, **options: Any) -> Any:
    """``parse_date(text, **options)``, or the DateError it raised, after checking it stayed within a linear
    budget of calls (a hang guard counted in calls, not seconds: backtracking would cost millions)."""
    from timeline.dates import parse_date
    from timeline.errors import DateError

    parse_date("5/March/1953")  # import dateutil outside the counted part

    def parse() -> Any:
        try:
            return parse_date(text, **options)
        except DateError as error:
            return error

    result, steps = count_steps(parse)
    assert steps <= 100 * len(text) + 20_000, f"{steps:,} steps for {len(text)} characters"
    return result


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium (Debian's, driven by Playwright) for the whole session.

    Playwright's sync API allows one instance per thread, so every browser
    test shares this fixture.
    """
    from browser.tools import CHROMIUM_ARGS, chromium_path

    path = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def generate() -> Iterator[Any]:
    """bench/generate.py as a module (the benchmark's deterministic event generator)."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import generate

        yield generate
    finally:
        sys.path.remove(str(ROOT / "bench"))


def generated_timeline(n: int) -> Any:
    """bench/generate.py's ``n`` events (ranges, Cyrillic titles, two citations each), loaded."""
    import timeline

    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import generate
    finally:
        sys.path.remove(str(ROOT / "bench"))
    return timeline.loads(generate.to_toml(generate.generate(n)))
