"""Date-parsing cost: microseconds per date, and its ratio to ``date.fromisoformat``.

Run ``python bench/dates.py`` (best of k repeats, the parse cache cleared
before each).  Three sets: the generator's mix (what ``bench/run.py``
loads), the common forms one by one, and the harder forms (ranges, BCE,
centuries, deep time, times of day) that go through the full grammars.
The floor is ``datetime.date.fromisoformat`` on ISO days: a ratio of 1.0
would be parsing as cheap as Python's own ISO reader.

``--against REV`` also times the single-module ``timeline/dates.py`` of a
git revision (before the package, e.g. ``1501df0``), interleaved with the
current code in the same process, and prints old/new ratios: the machine
is shared and noisy, so only measurements taken side by side compare.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

from timeline.dates import parse as _parse  # noqa: E402
from timeline.errors import DateError  # noqa: E402

COMMON = ("1953-03-05", "1953-03", "1953", "March 5, 1953", "5 March 1953", "June 1951", "c. 1949",
          "1939/1945", "1953-03-05/1953-03-09", "1953?")
HARDER = ("5–9 March 1953", "by summer 1953", "the late 1940s", "between 1946 and 1953", "[..1953-06]",
          "1953, 5 March", "44 BC", "AD 79", "the 12th century", "-0275~", "Y-13800000000",
          "1985-04-12T23:20:30Z", "5 March 1953, 21:50")


def _old_parser(rev: str) -> Callable[[str, None], object]:
    """The uncached parse function of timeline/dates.py at git revision ``rev``."""
    source = subprocess.run(["git", "show", f"{rev}:timeline/dates.py"], cwd=HERE.parent, check=True,
                            capture_output=True, text=True).stdout
    path = Path(tempfile.mkdtemp()) / "old_dates.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("old_dates", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module._parse_cached.__wrapped__


def _per_date(parse: Callable, texts: list[str]) -> float:
    """Microseconds per text, uncached; refusals count too."""
    start = time.perf_counter()
    for text in texts:
        try:
            parse(text, None)
        except DateError:
            pass
    return (time.perf_counter() - start) / len(texts) * 1e6


def _floor(texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        dt.date.fromisoformat(text)
    return (time.perf_counter() - start) / len(texts) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=3000, help="generated dates (default 3000)")
    parser.add_argument("-k", type=int, default=9, help="repeats, best taken (default 9)")
    parser.add_argument("--against", metavar="REV", help="also time timeline/dates.py at this git revision")
    args = parser.parse_args()
    rng = random.Random(1953)
    mix = [generate._when(rng) for _ in range(args.n)]
    isos = [(dt.date(1930, 1, 1) + dt.timedelta(days=rng.randint(0, 9000))).isoformat() for _ in range(args.n)]
    parsers = {"now": _parse._parse_cached.__wrapped__}
    if args.against:
        parsers["old"] = _old_parser(args.against)
    repeat = max(1, args.n // 10)
    sets = [("generator mix", mix)] + [(text, [text] * repeat) for text in COMMON + HARDER]
    floor = min(_floor(isos) for _ in range(args.k))
    print(f"floor date.fromisoformat: {floor:.2f} µs")
    header = f"{'form':26} {'µs now':>8} {'× floor':>8}"
    if args.against:
        header += f" {'µs old':>8} {'now/old':>8}"
    print(header)
    for name, texts in sets:
        best = {key: float("inf") for key in parsers}
        for _ in range(args.k):
            for key, parse in parsers.items():   # interleaved, so both see the same machine
                best[key] = min(best[key], _per_date(parse, texts))
        line = f"{name:26} {best['now']:8.2f} {best['now'] / floor:8.1f}"
        if args.against:
            line += f" {best['old']:8.2f} {best['now'] / best['old']:8.2f}"
        print(line)


if __name__ == "__main__":
    main()
