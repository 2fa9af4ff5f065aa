"""Peers measured beside the library, when installed (``pip install '.[bench]'``).

``python bench/peers.py plotly IN.json OUT.html`` draws the events with
plotly express's ``px.timeline`` (one bar per event, a day wide for a point,
y = lane, the title as hover text) and writes it with ``write_html``, as a
new user following plotly's Gantt example would.

``python bench/peers.py matplotlib IN.json OUT.svg`` is the usual matplotlib
timeline recipe: a stem line per event at its start date, staggered heights,
one text annotation per event, date axis, saved as SVG.

Both read the same JSON export as the floor (pre-parsed ISO dates) and are
timed end to end in a fresh process, imports included.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

__all__ = ["available", "main", "matplotlib_recipe", "plotly_timeline"]


def available(name: str) -> bool:
    """True when the peer's packages can be imported."""
    import importlib.util

    needs = {"plotly": ("plotly", "pandas"), "matplotlib": ("matplotlib",)}[name]
    return all(importlib.util.find_spec(module) is not None for module in needs)


def _rows(data: dict[str, Any]) -> list[tuple[dt.date, dt.date, str, str]]:
    lanes = {lane["id"]: lane["label"] for lane in data["lanes"]}
    rows = []
    for ev in data["events"]:
        start = dt.date.fromisoformat(ev["when"]["earliest"])
        end = dt.date.fromisoformat(ev["when"]["latest"])
        rows.append((start, max(end, start + dt.timedelta(days=1)), ev["title"], lanes.get(ev["lane"], "")))
    return rows


def plotly_timeline(data: dict[str, Any], target: str) -> None:
    """px.timeline of the events, written with write_html (plotly.js embedded, its default)."""
    import pandas as pd
    import plotly.express as px

    frame = pd.DataFrame(_rows(data), columns=["Start", "Finish", "Title", "Lane"])
    fig = px.timeline(frame, x_start="Start", x_end="Finish", y="Lane", hover_name="Title",
                      title=data["timeline"]["title"])
    fig.write_html(target)


def matplotlib_recipe(data: dict[str, Any], target: str) -> None:
    """Stem lines and one annotation per event on a date axis, saved as SVG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    rows = _rows(data)
    dates = [r[0] for r in rows]
    levels = [(-1) ** i * (1 + i % 6) for i in range(len(rows))]
    fig, ax = plt.subplots(figsize=(40, 8), layout="constrained")
    ax.set(title=data["timeline"]["title"])
    ax.vlines(dates, 0, levels, color="tab:red")
    ax.plot(dates, [0] * len(dates), "-o", color="k", markerfacecolor="w")
    for day, level, (_, _, title, _) in zip(dates, levels, rows):
        ax.annotate(title, xy=(day, level), xytext=(-3, 3 if level > 0 else -3), textcoords="offset points",
                    horizontalalignment="right", verticalalignment="bottom" if level > 0 else "top", fontsize=6)
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.yaxis.set_visible(False)
    fig.savefig(target, format="svg")


def main(argv: list[str] | None = None) -> int:
    """``peers.py plotly|matplotlib IN.json OUT``."""
    name, source, target = (argv if argv is not None else sys.argv[1:])[:3]
    data = json.loads(Path(source).read_text(encoding="utf-8"))
    {"plotly": plotly_timeline, "matplotlib": matplotlib_recipe}[name](data, target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
