"""Calendar ticks for both orientations, from one table: a ladder of units and their multiples.

After matplotlib's AutoDateLocator: ticks fall on calendar boundaries (decade, year, quarter,
month, day) with the multiples each unit may step by, and the label format follows the unit.
Dates never pass through a plain numeric tick locator.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections.abc import Sequence

import attrs

from timeline.layout.scale import MONTHS, TimeScale, add_unit, date_of, day_number, floor_unit
from timeline.layout.text import measure
from timeline.layout.typography import Typography

__all__ = ["LADDER", "Tick", "choose_unit", "flow_levels", "flow_tick_width", "flow_ticks", "pick_ticks", "ticks"]

#: (unit, allowed multiples, minimum px between ticks).  Finest first.
LADDER: tuple[tuple[str, tuple[int, ...], float], ...] = (
    ("day", (1, 2, 7, 14), 44.0),
    ("month", (1,), 34.0),
    ("quarter", (1, 2), 34.0),      # steps of 3 and 6 months
    ("year", (1, 2, 5), 40.0),
    ("decade", (1, 2, 5, 10, 25, 50, 100), 44.0),
)
MIN_TICKS, MAX_TICKS = 2, 14


def _day_ticks(first: dt.date, last: dt.date, step: int) -> list[dt.date]:
    """Day ticks restart each month at 1, 1+step, ... (like matplotlib's bymonthday)."""
    out = []
    month = dt.date(first.year, first.month, 1)
    while month <= last:
        for day in range(1, 29, step):
            d = month.replace(day=day)
            if first <= d <= last:
                out.append(d)
        nxt = add_unit(month, "month", 1)
        if nxt is None:
            break
        month = nxt
    return out


def _calendar_ticks(d0: float, d1: float, unit: str, step: int, limit: int) -> list[dt.date]:
    first, last = date_of(math.ceil(d0)), date_of(d1)
    if unit == "day" and step > 1:
        return _day_ticks(first, last, step)[: limit + 1]
    out = []
    d: dt.date | None = floor_unit(first, unit, step)
    while d is not None and d <= last and len(out) <= limit:
        if d >= first:
            out.append(d)
        d = add_unit(d, unit, step)
    return out


@attrs.frozen
class Tick:
    """A tick: its date, position, unit, and label lines (main, then the year when it changes)."""

    date: dt.date
    pos: float
    unit: str
    label: str
    context: str = ""


def _format(date: dt.date, unit: str) -> str:
    if unit == "day":
        return f"{date.day} {MONTHS[date.month - 1]}"
    if unit in ("month", "quarter"):
        return MONTHS[date.month - 1]
    return str(date.year)


def choose_unit(d0: float, d1: float, length: float, spacing_scale: float = 1.0) -> tuple[str, int]:
    """The finest ladder rung whose ticks over ``d0..d1`` stay ``min px`` apart along ``length`` px."""
    days = max(d1 - d0, 1e-9)
    approx = {"day": 1.0, "month": 30.44, "quarter": 91.31, "year": 365.25, "decade": 3652.5}
    for unit, multiples, min_px in LADDER:
        for step in multiples:
            period = approx[unit] * step
            count = days / period
            if count > MAX_TICKS:
                continue
            if length / max(count, 1e-9) >= min_px * spacing_scale:
                return unit, step
    return "decade", LADDER[-1][1][-1]


def ticks(scale: TimeScale, spacing_scale: float = 1.0) -> list[Tick]:
    """Calendar ticks for every segment of ``scale`` (compressed segments get only their ends)."""
    out: list[Tick] = []
    for seg, squeezed in zip(scale.segments, scale.compressed):
        length = abs(seg.p1 - seg.p0)
        if squeezed:
            continue
        unit, step = choose_unit(seg.d0, seg.d1, length, spacing_scale)
        dates = _calendar_ticks(seg.d0, seg.d1, unit, step, MAX_TICKS)
        if len(dates) < MIN_TICKS and unit != "day":
            # Too few calendar boundaries: fall back one rung finer if it still fits.
            pass
        for d in dates:
            out.append(Tick(d, scale.pos(day_number(d)), unit, _format(d, unit)))
    # Add the year under month and day ticks where it changes, so no label is ambiguous.
    out.sort(key=lambda t: (t.pos, t.date))
    last_year = None
    final = []
    for t in out:
        if final and abs(t.pos - final[-1].pos) < 0.5:
            continue
        context = ""
        if t.unit in ("day", "month", "quarter") and t.date.year != last_year:
            context = str(t.date.year)
        last_year = t.date.year
        final.append(attrs.evolve(t, context=context))
    return final



def _tick_ordinal(d: dt.date, level: str) -> int:
    """A tick's count within its level (years // step, months, weeks), for thinning to every 2nd or 5th."""
    if level.startswith("year"):
        return d.year // int(level[4:])
    if level in ("quarter", "month"):
        return d.year * 12 + d.month - 1
    return d.day // 7


def flow_levels(d0: float, d1: float) -> tuple[str, ...]:
    """Tick levels for the vertical axis, coarse to fine, keeping the candidate count small."""
    years = (d1 - d0) / 365.25
    out = [f"year{step}" for step in (1000, 500, 100, 50, 10, 5, 1) if years / step <= 2000]
    if years <= 60:
        out += ["quarter", "month"]
    if years <= 3:
        out.append("day")
    return tuple(out)


def flow_tick_width(ty: Typography, levels: Sequence[str], d1: float) -> float:
    """The widest tick label the levels can produce (so none is ever cut)."""
    year = str(dt.date.fromordinal(int(min(d1, dt.date.max.toordinal()))).year)
    sample = "28 Sep " + year if "day" in levels else "Sep " + year if "month" in levels else year
    return max(measure(sample, ty.tick, bold=True), measure(year, ty.tick, bold=True))


def flow_ticks(ty: Typography, scale: TimeScale, d0: float, d1: float, levels: Sequence[str], lo: float,
                hi: float) -> list[tuple[float, str, bool]]:
    """(position, label, is a year) for the vertical axis: coarse levels first, finer ones fill the gaps.

    A month or day tick says its year when the tick above it is in another year, so every kept
    label reads on its own.
    """
    first, last = dt.date.fromordinal(int(math.ceil(d0))), dt.date.fromordinal(int(d1) - 1)
    seen: set[dt.date] = set()
    kept: list[float] = [lo - 1e9, hi + 1e9]  # sentinels: every candidate falls between two kept positions
    chosen: list[tuple[float, dt.date, int]] = []
    min_gap = ty.tick * 1.4
    for rank, level in enumerate(levels):
        dates: list[dt.date] = []
        if level.startswith("year"):
            step = int(level[4:])
            y0 = -(-first.year // step) * step
            dates = [dt.date(y, 1, 1) for y in range(max(y0, 1), last.year + 1, step)]
        elif level in ("quarter", "month"):
            months = (4, 7, 10) if level == "quarter" else tuple(range(2, 13))
            dates = [dt.date(y, m, 1) for y in range(first.year, last.year + 1) for m in months]
        else:
            d = first
            while d <= last:
                if d.day in (8, 15, 22):
                    dates.append(d)
                d += dt.timedelta(days=1)
        # Ticks of a level go in all together between two kept ticks, or not at all, so the
        # steps stay regular (no lone "1861" between "1860" and "1865").
        groups: dict[int, list[tuple[float, dt.date]]] = {}
        for d in dates:
            if not first <= d <= last or d in seen:
                continue
            p = scale.pos(day_number(d))
            if lo <= p <= hi:
                groups.setdefault(bisect.bisect_left(kept, p), []).append((p, d))
        adds = []
        for i, group in groups.items():
            group.sort()
            for every in (1, 2, 5):
                # Every 1st, 2nd or 5th tick of the level, counted on the calendar so the steps stay round.
                sub = [(p, d) for p, d in group if _tick_ordinal(d, level) % every == 0]
                ps = [kept[i - 1], *(p for p, _d in sub), kept[i]]
                if sub and all(b - a >= min_gap for a, b in zip(ps, ps[1:])):
                    adds.extend(sub)
                    break
        for p, d in adds:
            seen.add(d)
            bisect.insort(kept, p)
            chosen.append((p, d, rank))
    chosen.sort()
    out = []
    last_year = None
    for p, d, _rank in chosen:
        if d.month == 1 and d.day == 1:
            out.append((p, str(d.year), True))
        else:
            label = MONTHS[d.month - 1] if d.day == 1 else f"{d.day} {MONTHS[d.month - 1]}"
            if d.year != last_year:
                label += f" {d.year}"
            out.append((p, label, False))
        last_year = d.year
    return out


def pick_ticks(ty: Typography, candidates: Sequence[Tick], x0: float, x1: float, gap: float = 8.0) -> list[tuple[Tick, float, str]]:
    """The ticks whose labels fit side by side: (tick, label centre, year line or "").

    Year boundaries are placed first, those opening the longest stretch before the next
    boundary winning a clash (on an adaptive scale a squeezed year must not hide the busy year
    after it); then the other ticks fill the gaps.  The year line under month and day ticks is
    worked out over the ticks kept, so every kept label can be read without a dropped neighbour.
    """
    cands = sorted(candidates, key=lambda t: (t.pos, t.date))
    starts = [k for k, t in enumerate(cands) if t.date.month == 1 and t.date.day == 1]
    room = {}
    for j, k in enumerate(starts):
        nxt = cands[starts[j + 1]].pos if j + 1 < len(starts) else x1
        room[k] = nxt - cands[k].pos
    order = sorted(starts, key=lambda k: (-room[k], k)) + [k for k in range(len(cands)) if k not in room]
    taken: list[tuple[float, float]] = []  # kept label extents, sorted
    kept: dict[int, float] = {}
    for k in order:
        t = cands[k]
        w = measure(t.label, ty.tick)
        if t.unit in ("day", "month", "quarter"):
            w = max(w, measure(str(t.date.year), ty.tick, bold=True))
        tx = min(max(t.pos, x0 + w / 2), x1 - w / 2)
        lo, hi = tx - w / 2, tx + w / 2
        i = bisect.bisect_left(taken, (lo, hi))
        if (i > 0 and taken[i - 1][1] + gap > lo) or (i < len(taken) and taken[i][0] < hi + gap):
            continue
        taken.insert(i, (lo, hi))
        kept[k] = tx
    out = []
    last_year = None
    for k in sorted(kept):
        t = cands[k]
        context = ""
        if t.unit in ("day", "month", "quarter") and t.date.year != last_year:
            context = str(t.date.year)
        last_year = t.date.year
        out.append((t, kept[k], context))
    return out
