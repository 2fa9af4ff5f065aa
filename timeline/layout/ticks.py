"""Calendar ticks for both orientations, from one table: a ladder of units and their multiples.

After matplotlib's AutoDateLocator: ticks fall on calendar boundaries (decade, year, quarter,
month, day) with the multiples each unit may step by, and the label format follows the unit.
Dates never pass through a plain numeric tick locator.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from typing import Any

import attrs

from timeline.dates import calendar as cal
from timeline.layout.scale import UNIT_YEARS, TimeScale, add_unit, floor_unit
from timeline.layout.text import measure
from timeline.layout.typography import Typography

__all__ = ["LADDER", "Tick", "choose_unit", "flow_levels", "flow_tick_width", "flow_ticks", "pick_ticks", "ticks",
           "year_label"]

#: (unit, allowed multiples, minimum px between ticks).  Finest first.  Year-like units count
#: BCE years down and CE years up, with 1 CE in place of a year 0 (… 200 BCE, 100 BCE, 1 CE,
#: 100 CE …); "Ma" and "Ga" label deep time in millions / billions of years ago (calendar.DEEP_TIME_UNITS).
LADDER: tuple[tuple[str, tuple[int, ...], float], ...] = (
    ("day", (1, 2, 7, 14), 44.0),
    ("month", (1,), 34.0),
    ("quarter", (1, 2), 34.0),      # steps of 3 and 6 months
    ("year", (1, 2, 5), 40.0),
    ("decade", (1, 2, 5, 10, 25, 50), 44.0),
    ("millennium", (1, 2, 5, 10, 25, 50, 100, 250, 500), 52.0),
    ("Ma", (1, 2, 5, 10, 25, 50, 100, 250, 500), 52.0),
    ("Ga", (1, 2, 5, 10), 52.0),
)
MIN_TICKS, MAX_TICKS = 2, 14
#: Ticks this many years apart or more are deep time, labelled in Ma / Ga (DEEP_TIME_UNITS).
DEEP_STEP = 100_000
_DEEP = {"Ma": (1_000_000, "Ma"), "Ga": (1_000_000_000, "Ga")}


def _day_ticks(first: int, last: int, step: int) -> list[int]:
    """Day ticks restart each month at 1, 1+step, ... (like matplotlib's bymonthday)."""
    out = []
    month = floor_unit(first, "month", 1)
    while month <= last:
        for day in range(1, 29, step):
            number = month + day - 1
            if first <= number <= last:
                out.append(number)
        month = add_unit(month, "month", 1)
    return out


def _year_ticks(first: int, last: int, years: int, limit: int) -> list[int]:
    """First days of the years k x ``years`` BCE and k x ``years`` CE (and 1 CE) between two days."""
    y0, y1 = cal.year_of(first), cal.year_of(last)
    out = []
    if years >= DEEP_STEP:   # deep time counts back from year 0: 66 Ma is the year -66,000,000
        for k in range(-(-y0 // years), y1 // years + 1):
            out.append(cal.from_gregorian(k * years, 1, 1))
    else:
        # k x years BCE is the astronomical year 1 - k x years; the CE side starts at 1 CE.
        for k in range(max(1, -(-(1 - y1) // years)), (1 - y0) // years + 1):
            out.append(cal.from_gregorian(1 - k * years, 1, 1))
        out.sort()
        if y0 <= 1 <= y1:
            out.append(cal.from_gregorian(1, 1, 1))
        out += [cal.from_gregorian(k * years, 1, 1) for k in range(max(1, -(-y0 // years)), y1 // years + 1)]
    out = [day for day in out if first <= day <= last]
    return out[: limit + 1]


def _calendar_ticks(d0: float, d1: float, unit: str, step: int, limit: int) -> list[int]:
    first, last = math.ceil(d0), math.floor(d1)
    if unit == "day" and step > 1:
        return _day_ticks(first, last, step)[: limit + 1]
    if unit in UNIT_YEARS:
        return _year_ticks(first, last, UNIT_YEARS[unit] * step, limit)
    out = []
    day = floor_unit(first, unit, step)
    while day <= last and len(out) <= limit:
        if day >= first:
            out.append(day)
        day = add_unit(day, unit, step)
    return out


@attrs.frozen
class Tick:
    """A tick: its date (``datetime.date``, or ``CalendarDay`` outside years 1–9999), position, unit, label.

    The year line under month and day ticks is worked out by :func:`pick_ticks` over the ticks it keeps.
    """

    date: Any
    pos: float
    unit: str
    label: str


def year_label(year: int, mark_ce: bool = False) -> str:
    """An axis year: 1953, 79 CE, 44 BCE, 12,000 BCE (``mark_ce`` when the axis also shows BCE)."""
    return cal.format_year(year, short=True, mark_ce=mark_ce)


def _deep_label(year: int, size: int, suffix: str) -> str:
    value = f"{-year / size:,.3f}".rstrip("0").rstrip(".")
    return f"{value} {suffix}"


def _format(day: int, unit: str, step: int, mark_ce: bool) -> str:
    year, month, date = cal.to_gregorian(day)
    if unit == "day":
        return f"{date} {cal.MONTH_ABBRS[month - 1]}"
    if unit in ("month", "quarter"):
        return cal.MONTH_ABBRS[month - 1]
    years = UNIT_YEARS[unit] * step
    if years >= DEEP_STEP and year <= 0:
        size, suffix = _DEEP["Ga" if years >= 1_000_000_000 else "Ma"]
        return _deep_label(year, size, suffix)
    return year_label(year, mark_ce)


def choose_unit(d0: float, d1: float, length: float, spacing_scale: float = 1.0) -> tuple[str, int]:
    """The finest ladder rung whose ticks over ``d0..d1`` stay ``min px`` apart along ``length`` px."""
    days = max(d1 - d0, 1e-9)
    approx = {"day": 1.0, "month": 30.44, "quarter": 91.31, **{u: 365.2425 * n for u, n in UNIT_YEARS.items()}}
    for unit, multiples, min_px in LADDER:
        for step in multiples:
            period = approx[unit] * step
            count = days / period
            if count > MAX_TICKS:
                continue
            if length / max(count, 1e-9) >= min_px * spacing_scale:
                return unit, step
    return LADDER[-1][0], LADDER[-1][1][-1]


def ticks(scale: TimeScale, spacing_scale: float = 1.0) -> list[Tick]:
    """Calendar ticks for every segment of ``scale`` (compressed segments get only their ends)."""
    out: list = []
    for seg, squeezed in zip(scale.segments, scale.compressed):
        length = abs(seg.p1 - seg.p0)
        if squeezed:
            continue
        unit, step = choose_unit(seg.d0, seg.d1, length, spacing_scale)
        dates = _calendar_ticks(seg.d0, seg.d1, unit, step, MAX_TICKS)
        if len(dates) < MIN_TICKS and unit != "day":
            # Too few calendar boundaries: fall back one rung finer if it still fits.
            pass
        out += [(day, unit, step) for day in dates]
    # Label once every tick is known: CE years say "CE" when the axis also shows BCE years.
    mark_ce = any(cal.year_of(day) < 1 for day, _u, _s in out)
    out = [Tick(cal.to_date(day), scale.pos(day), unit, _format(day, unit, step, mark_ce))
           for day, unit, step in out]
    out.sort(key=lambda t: (t.pos, t.date))
    final: list[Tick] = []
    for t in out:
        if not final or abs(t.pos - final[-1].pos) >= 0.5:  # segments share their end ticks
            final.append(t)
    return final


_FLOW_YEAR_STEPS = (1_000_000_000, 500_000_000, 100_000_000, 50_000_000, 10_000_000, 5_000_000, 1_000_000, 500_000,
                    100_000, 50_000, 10_000, 5000, 1000, 500, 100, 50, 10, 5, 1)


def _year_index(year: int, step: int) -> int:
    """Which multiple of ``step`` a year tick is (counted in BCE years before 1 CE; from year 0 in deep time)."""
    if step >= DEEP_STEP or year >= 1:
        return year // step
    return (1 - year) // step


def _tick_ordinal(day: int, level: str) -> int:
    """A tick's count within its level (years // step, months, weeks), for thinning to every 2nd or 5th."""
    year, month, date = cal.to_gregorian(day)
    if level.startswith("year"):
        return _year_index(year, int(level[4:]))
    if level in ("quarter", "month"):
        return year * 12 + month - 1
    return date // 7


def flow_levels(d0: float, d1: float) -> tuple[str, ...]:
    """Tick levels for the vertical axis, coarse to fine, keeping the candidate count small."""
    years = (d1 - d0) / 365.2425
    out = [f"year{step}" for step in _FLOW_YEAR_STEPS if years / step <= 2000 and step <= max(years, 1)]
    if years <= 60:
        out += ["quarter", "month"]
    if years <= 3:
        out.append("day")
    return tuple(out)


def _deep_unit(levels: Sequence[str]) -> tuple[int, str] | None:
    """Ma or Ga for a deep-time axis (its coarsest level is a million years or more), else None."""
    coarsest = max((int(level[4:]) for level in levels if level.startswith("year")), default=0)
    if coarsest >= 1_000_000_000:
        return _DEEP["Ga"]
    return _DEEP["Ma"] if coarsest >= DEEP_STEP else None


def _flow_year_label(year: int, deep: tuple[int, str] | None, mark_ce: bool) -> str:
    if deep is None or year > 0:
        return year_label(year, mark_ce)
    return _deep_label(year, *deep)


def flow_tick_width(ty: Typography, levels: Sequence[str], d1: float, d0: float | None = None) -> float:
    """The widest tick label the levels can produce (so none is ever cut)."""
    deep = _deep_unit(levels)
    ends = [cal.year_of(math.floor(d1))] + ([] if d0 is None else [cal.year_of(math.ceil(d0))])
    mark = min(ends) < 1
    years = [_flow_year_label(y, deep, mark) for y in ends]
    year = max(years, key=len)
    sample = "28 Sep " + year if "day" in levels else "Sep " + year if "month" in levels else year
    return max(measure(sample, ty.tick, bold=True), *(measure(y, ty.tick, bold=True) for y in years))


def _level_days(level: str, first: int, last: int) -> list[int]:
    if level.startswith("year"):
        return _year_ticks(first, last, int(level[4:]), 10_000)
    y0, y1 = cal.year_of(first), cal.year_of(last)
    if level in ("quarter", "month"):
        months = (4, 7, 10) if level == "quarter" else tuple(range(2, 13))
        return [cal.from_gregorian(y, m, 1) for y in range(y0, y1 + 1) for m in months]
    return [day for day in range(first, last + 1) if cal.to_gregorian(day)[2] in (8, 15, 22)]


def flow_ticks(ty: Typography, scale: TimeScale, d0: float, d1: float, levels: Sequence[str], lo: float,
                hi: float) -> list[tuple[float, str, bool]]:
    """(position, label, is a year) for the vertical axis: coarse levels first, finer ones fill the gaps.

    A month or day tick says its year when the tick above it is in another year, so every kept
    label reads on its own.
    """
    first, last = math.ceil(d0), math.floor(d1) - 1
    seen: set[int] = set()
    kept: list[float] = [lo - 1e9, hi + 1e9]  # sentinels: every candidate falls between two kept positions
    chosen: list[tuple[float, int, int]] = []
    min_gap = ty.tick * 1.4
    for rank, level in enumerate(levels):
        # Ticks of a level go in all together between two kept ticks, or not at all, so the
        # steps stay regular (no lone "1861" between "1860" and "1865").
        groups: dict[int, list[tuple[float, int]]] = {}
        for day in _level_days(level, first, last):
            if not first <= day <= last or day in seen:
                continue
            p = scale.pos(day)
            if lo <= p <= hi:
                groups.setdefault(bisect.bisect_left(kept, p), []).append((p, day))
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
        for p, day in adds:
            seen.add(day)
            bisect.insort(kept, p)
            chosen.append((p, day, rank))
    chosen.sort()
    deep = _deep_unit(levels)
    mark_ce = any(cal.year_of(day) < 1 for _p, day, _r in chosen)
    out = []
    last_year = None
    for p, day, _rank in chosen:
        year, month, date = cal.to_gregorian(day)
        if month == 1 and date == 1:
            out.append((p, _flow_year_label(year, deep, mark_ce), True))
        else:
            label = cal.MONTH_ABBRS[month - 1] if date == 1 else f"{date} {cal.MONTH_ABBRS[month - 1]}"
            if year != last_year:
                label += f" {year_label(year, mark_ce)}"
            out.append((p, label, False))
        last_year = year
    return out


def pick_ticks(ty: Typography, candidates: Sequence[Tick], x0: float, x1: float, gap: float = 8.0) -> list[tuple[Tick, float, str]]:
    """The ticks whose labels fit side by side: (tick, label centre, year line or "").

    Year boundaries are placed first, those opening the longest stretch before the next
    boundary winning a clash (on an adaptive scale a squeezed year must not hide the busy year
    after it); then the other ticks fill the gaps.  The year line under month and day ticks is
    worked out over the ticks kept, so every kept label can be read without a dropped neighbour.
    """
    cands = sorted(candidates, key=lambda t: (t.pos, t.date))
    mark_ce = any(t.date.year < 1 for t in cands)
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
            w = max(w, measure(year_label(t.date.year, mark_ce), ty.tick, bold=True))
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
            context = year_label(t.date.year, mark_ce)
        last_year = t.date.year
        out.append((t, kept[k], context))
    return out
