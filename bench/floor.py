"""The floor: a plain hand-written f-string SVG writer to compare the library against.

It reads our JSON export (``timeline.dumps``), takes each event's
pre-parsed ISO ``when.earliest``/``when.latest`` with
``date.fromisoformat``, and draws the same elements as the real renderer:
a marker per point event, a bar per range, and one text label per event.
There is no collision handling, no footnotes and no validation, so it is
about the least work any SVG writer of this data can do in Python.

``python bench/floor.py IN.json OUT.svg`` is the fresh-process floor.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

__all__ = ["floor_svg", "main", "parse_events"]

WIDTH, LANE_HEIGHT, TOP = 4000.0, 120.0, 40.0


def parse_events(data: dict[str, Any]) -> list[tuple[dt.date, dt.date, str, int, bool]]:
    """(start, end, title, lane index, is_range) for each event, from ISO dates."""
    lanes = {lane["id"]: i for i, lane in enumerate(data["lanes"])}
    out = []
    fromiso = dt.date.fromisoformat
    for ev in data["events"]:
        when = ev["when"]
        out.append((fromiso(when["earliest"]), fromiso(when["latest"]), ev["title"],
                    lanes.get(ev["lane"], 0), when["precision"] == "range"))
    return out


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def floor_svg(data: dict[str, Any]) -> str:
    """An SVG string with one marker or bar and one text per event."""
    events = parse_events(data)
    lo = min(e[0] for e in events).toordinal()
    hi = max(e[1] for e in events).toordinal()
    k = WIDTH / max(1, hi - lo)
    height = TOP + LANE_HEIGHT * max(1, len(data["lanes"]))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH:.0f}" height="{height:.0f}" '
             f'viewBox="0 0 {WIDTH:.0f} {height:.0f}">',
             f"<title>{_esc(data['timeline']['title'])}</title>"]
    for start, end, title, lane, is_range in events:
        x = (start.toordinal() - lo) * k
        y = TOP + lane * LANE_HEIGHT + 20.0
        if is_range:
            w = (end.toordinal() - start.toordinal()) * k
            parts.append(f'<rect class="bar" x="{x:.2f}" y="{y - 4:.2f}" width="{w:.2f}" height="8"/>')
        else:
            parts.append(f'<circle class="marker" cx="{x:.2f}" cy="{y:.2f}" r="4"/>')
        parts.append(f'<text x="{x + 6:.2f}" y="{y - 8:.2f}">{_esc(title)}</text>')
    parts.append("</svg>\n")
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    """Read a JSON export and write the floor SVG."""
    source, target = (argv if argv is not None else sys.argv[1:])[:2]
    data = json.loads(Path(source).read_text(encoding="utf-8"))
    Path(target).write_text(floor_svg(data), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
