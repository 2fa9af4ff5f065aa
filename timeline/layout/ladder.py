"""The tick ladder: its rungs (hours to Ga), their ticks on the calendar, and their labels.

One table (:data:`LADDER`, after matplotlib's AutoDateLocator) serves both orientations through
:func:`timeline.layout.ticks.locate`; the calendar arithmetic is :mod:`timeline.dates.calendar`'s,
so an axis and a date label never disagree (BCE without a year 0, deep time in Ma and Ga).
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import attrs

from timeline.dates import calendar as cal

__all__ = ["CHAIN", "DEEP_AXIS", "GROUP", "LADDER", "NAMES_DAYS", "Rung", "nests", "rung_days", "rungs_from",
           "tick_context", "tick_label"]


@attrs.frozen
class Rung:
    """One step of the ladder: ``step`` hours, days (restarting each month), months, or years."""

    unit: str      # hour, day, month, or a year-like unit: year, decade, century, millennium, Ma, Ga
    step: float    # multiples of the unit

    @property
    def years(self) -> int:
        """The step in years of a year-like rung (0 for hours, days and months)."""
        return round(_UNIT_YEARS.get(self.unit, 0) * self.step)

    @property
    def days(self) -> float:
        """The step's rough length in days (months and years on average)."""
        if self.unit == "hour":
            return self.step / 24
        if self.unit == "day":
            return self.step
        if self.unit == "month":
            return self.step * 30.44
        return self.years * 365.2425


_UNIT_YEARS = {"year": 1, "decade": 10, "century": 100, "millennium": 1000, "Ma": 1_000_000, "Ga": 1_000_000_000}

#: The ladder: (unit, multiples), finest first.  Day steps restart each month (1, 8, 15, 22 for a
#: week), like matplotlib's bymonthday.  Year-like steps count BCE years down and CE years up with
#: 1 CE in place of a year 0 (… 100 BCE, 1 CE, 100 CE …); Ma and Ga count from year 0 and label
#: deep time in millions / billions of years ago.
_TABLE: tuple[tuple[str, tuple[float, ...]], ...] = (
    ("hour", (1, 3, 6, 12)),
    ("day", (1, 2, 7, 14)),
    ("month", (1, 2, 3, 6)),
    ("year", (1, 2, 5)),
    ("decade", (1, 2, 5)),
    ("century", (1, 2, 5)),
    ("millennium", (1, 2, 5, 10, 20, 50)),
    ("Ma", (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500)),
    ("Ga", (1, 2, 5)),
)
#: Every rung, finest first.
LADDER: tuple[Rung, ...] = tuple(Rung(unit, m) for unit, steps in _TABLE for m in steps)

#: How long, in days, what a label names lasts: a year label names its year, and so on.
NAMES_DAYS = {"year": 365.2425, "month": 30.44, "day": 1.0, "hour": 1 / 24}
_DEEP_STEP = 100_000          # year steps this long or longer count from year 0 and read in Ma / Ga
DEEP_AXIS = -1_000_000       # an axis starting before this year reads in Ma (or Ga) at any step


def _year_days(a: float, b: float, years: int, deep: bool) -> Iterator[int]:
    """First days of the years k x ``years`` BCE and k x ``years`` CE (and 1 CE) in ``a..b``."""
    y0, y1 = cal.year_of(math.ceil(a)), cal.year_of(math.floor(b))
    if deep or years >= _DEEP_STEP:   # deep time counts back from year 0: 66 Ma is the year -66,000,000
        years_list = [k * years for k in range(-(-y0 // years), y1 // years + 1)]
    else:
        # k x years BCE is the astronomical year 1 - k x years; the CE side starts at 1 CE.
        bce = [1 - k * years for k in range(max(1, -(-(1 - y1) // years)), (1 - y0) // years + 1)]
        ce = [k * years for k in range(max(1, -(-y0 // years)), y1 // years + 1)]
        years_list = sorted(bce) + ([1] if y0 <= 1 <= y1 and years > 1 else []) + ce
    for year in years_list:
        day = cal.from_gregorian(year, 1, 1)
        if a <= day <= b:
            yield day


def _month_starts(a: float, b: float) -> Iterator[tuple[int, int, int]]:
    """(day number, year, month) of every first of a month from the month holding ``a`` to ``b``."""
    year, month, _ = cal.to_gregorian(math.floor(a))
    while True:
        day = cal.from_gregorian(year, month, 1)
        if day > b:
            return
        yield day, year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def rung_days(rung: Rung, a: float, b: float, deep: bool) -> list[float]:
    """The rung's ticks in ``a..b`` (day numbers, ends included), in order."""
    if rung.unit == "hour":
        hours = rung.step / 24
        first = math.ceil(a / hours - 1e-9)
        return [k * hours for k in range(first, math.floor(b / hours + 1e-9) + 1)]
    if rung.unit == "day":
        if rung.step == 1:
            return [float(d) for d in range(math.ceil(a), math.floor(b) + 1)]
        return [float(m + d - 1) for m, _y, _m in _month_starts(a, b) for d in range(1, 29, int(rung.step))
                if a <= m + d - 1 <= b]
    if rung.unit == "month":
        return [float(d) for d, _y, m in _month_starts(a, b) if (m - 1) % rung.step == 0 and d >= a]
    return [float(d) for d in _year_days(a, b, rung.years, deep)]


def tick_label(day: float, rung: Rung, deep: bool, mark_ce: bool) -> tuple[str, str]:
    """(label, kind): the coarsest boundary the tick opens names it (1 Jan is its year, the 1st its month)."""
    whole = math.floor(day)
    year, month, date = cal.to_gregorian(whole)
    if rung.unit == "hour" and day != whole:
        minutes = round((day - whole) * 1440)
        return f"{minutes // 60:02d}:{minutes % 60:02d}", "hour"
    if rung.unit in ("hour", "day") and date != 1:
        return f"{date} {cal.MONTH_ABBRS[month - 1]}", "day"
    if rung.unit in ("hour", "day", "month") and month != 1:
        return cal.MONTH_ABBRS[month - 1], "month"
    if (deep or rung.years >= _DEEP_STEP) and year <= 0:
        size, suffix = (1_000_000_000, "Ga") if rung.unit == "Ga" else (1_000_000, "Ma")
        value = f"{-year / size:,.6f}".rstrip("0").rstrip(".")
        return f"{value} {suffix}", "year"
    return cal.format_year(year, short=True, mark_ce=mark_ce), "year"


def tick_context(day: float, kind: str, mark_ce: bool) -> str:
    """The coarser date a label of this kind leaves out: the year, or the day and year of an hour."""
    year, month, date = cal.to_gregorian(math.floor(day))
    year_text = cal.format_year(year, short=True, mark_ce=mark_ce)
    if kind == "hour":
        return f"{date} {cal.MONTH_ABBRS[month - 1]} {year_text}"
    return "" if kind == "year" else year_text


#: Subdividing a stretch: the next rungs, coarse to fine (each at least about 3 times finer than
#: the rung it subdivides, and nested in it), and the calendar unit whose ticks group them.
_CHAIN_YEARS = (1_000_000_000, 500_000_000, 100_000_000, 50_000_000, 10_000_000, 5_000_000, 1_000_000, 500_000,
                100_000, 50_000, 10_000, 5000, 1000, 500, 100, 50, 10, 5, 1)
GROUP = {"month": Rung("year", 1), "day": Rung("month", 1), "hour": Rung("day", 1)}


def nests(fine: Rung, coarse: Rung) -> bool:
    """True when every tick of the coarse rung is also a tick of the (finer) fine one."""
    if coarse.years:
        return not fine.years or coarse.years % fine.years == 0
    if fine.unit != coarse.unit:
        return True   # a year, month or day starts with a month, day or hour tick
    if fine.unit == "day":
        return fine.step == 1 or (coarse.step == 14 and fine.step in (2, 7))
    return coarse.step % fine.step == 0


CHAIN: tuple[Rung, ...] = (*(next(r for r in LADDER if r.years == y) for y in _CHAIN_YEARS),
                            Rung("month", 3), Rung("month", 1), Rung("day", 7), Rung("day", 1), Rung("hour", 6),
                            Rung("hour", 1))


def rungs_from(unit: str) -> list[Rung]:
    """The rungs of ``unit`` and coarser, finest first."""
    order = [u for u, _s in _TABLE]
    return [r for r in LADDER if order.index(r.unit) >= order.index(unit)]
