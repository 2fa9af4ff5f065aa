"""Date-parsing cost: microseconds per date, and its ratio to ``date.fromisoformat``.

Run ``python bench/dates.py`` (best of k repeats, the parse cache cleared
before each).  Three sets: the generator's mix (what ``bench/run.py``
loads), the common forms one by one, and the harder forms (ranges, BCE,
centuries, deep time, times of day) that go through the full grammars.
The floor is ``datetime.date.fromisoformat`` on ISO days: a ratio of 1.0
would be parsing as cheap as Python's own ISO reader.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

import timeline  # noqa: E402
from timeline import dates as _dates  # noqa: E402
from timeline.errors import DateError  # noqa: E402

COMMON = ("1953-03-05", "1953-03", "1953", "March 5, 1953", "5 March 1953", "June 1951", "c. 1949",
          "1939/1945", "1953-03-05/1953-03-09")
HARDER = ("5–9 March 1953", "by summer 1953", "the late 1940s", "between 1946 and 1953", "1953?",
          "[..1953-06]", "44 BC", "AD 79", "the 12th century", "-0275~", "Y-13800000000",
          "1985-04-12T23:20:30Z", "5 March 1953, 21:50", "1953, 5 March")


def _clear() -> None:
    _dates._parse_cached.cache_clear()


def _per_date(texts: list[str], k: int) -> float:
    """Best-of-k microseconds per text, cache cleared before each repeat; refusals count too."""
    best = float("inf")
    parse = timeline.parse_date
    for _ in range(k):
        _clear()
        start = time.perf_counter()
        for text in texts:
            try:
                parse(text)
            except DateError:
                pass
        best = min(best, time.perf_counter() - start)
    return best / len(texts) * 1e6


def _uncached(text: str, repeat: int, k: int) -> float:
    """Best-of-k microseconds for one text parsed without the cache (the grammars' own cost)."""
    parse = _dates._parse_cached.__wrapped__
    best = float("inf")
    for _ in range(k):
        start = time.perf_counter()
        for _ in range(repeat):
            try:
                parse(text, None)
            except DateError:
                pass
        best = min(best, time.perf_counter() - start)
    return best / repeat * 1e6


def _floor(texts: list[str], k: int) -> float:
    best = float("inf")
    for _ in range(k):
        start = time.perf_counter()
        for text in texts:
            dt.date.fromisoformat(text)
        best = min(best, time.perf_counter() - start)
    return best / len(texts) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=5000, help="generated dates (default 5000)")
    parser.add_argument("-k", type=int, default=7, help="repeats, best taken (default 7)")
    args = parser.parse_args()
    rng = random.Random(1953)
    mix = [generate._when(rng) for _ in range(args.n)]
    isos = [(dt.date(1930, 1, 1) + dt.timedelta(days=rng.randint(0, 9000))).isoformat() for _ in range(args.n)]
    floor = _floor(isos, args.k)
    rows = [("generator mix", _per_date(mix, args.k))]
    repeat = max(1, args.n // 10)
    for text in COMMON + HARDER:
        rows.append((text, _uncached(text, repeat, args.k)))
    print(f"floor date.fromisoformat: {floor:.2f} µs")
    print(f"{'form':28} {'µs/date':>8} {'× floor':>8}")
    for name, micro in rows:
        print(f"{name:28} {micro:8.2f} {micro / floor:8.1f}")


if __name__ == "__main__":
    main()
