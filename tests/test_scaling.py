"""Every reader and writer does work that grows about linearly with the events: counted in lines run, not timed.

A writer that looked up each event's lane in the whole timeline took 18 s for a 10,000-event
TimelineJS sheet (quadratic); this catches that kind of slip in any format of the registry.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import timeline
from conftest import count_steps
from timeline.io.formats import FORMATS

BENCH = Path(__file__).resolve().parents[1] / "bench"
SMALL, LARGE = 150, 600  # 4x the events


@pytest.fixture(scope="module")
def timelines() -> dict[int, timeline.Timeline]:
    """The bench's generated timeline (lanes, eras, sources, every date form) at both sizes."""
    sys.path.insert(0, str(BENCH))
    try:
        import generate
    finally:
        sys.path.remove(str(BENCH))
    return {n: timeline.loads(generate.to_toml(generate.generate(n)), format="toml") for n in (SMALL, LARGE)}


WRITERS = sorted(name for name, row in FORMATS.items() if row.can_write)


@pytest.mark.parametrize("name", WRITERS)
def test_writer_and_its_reader_grow_about_linearly(name, timelines):
    """4x the events cost at most 8x the lines run to write, and to read back (quadratic would be 16x)."""
    row = FORMATS[name]
    cost = {}
    for n, tl in timelines.items():
        (text, _), write_steps = count_steps(lambda tl=tl: row.write_text(tl, f"x.{name}"), warm=True, lines=True)
        read_steps = None
        if row.can_read:
            _, read_steps = count_steps(lambda text=text: timeline.loads(text, format=name, name=f"x.{name}"),
                                        warm=True, lines=True)
        cost[n] = (write_steps, read_steps)
    (w_small, r_small), (w_large, r_large) = cost[SMALL], cost[LARGE]
    assert w_large <= 8 * w_small, f"writing 4x the events cost {w_large / w_small:.1f}x the lines run"
    if r_small is not None:
        assert r_large <= 8 * r_small, f"reading 4x the events back cost {r_large / r_small:.1f}x the lines run"
