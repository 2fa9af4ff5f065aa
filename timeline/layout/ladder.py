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
from timeline.layout.text import measure
from timeline.layout.typography import Typography

__all__ = ["CHAIN", "DEEP_AXIS", "GROUP", "LADDER", "NAMES_DAYS", "Rung", "YEAR0", "deep_end",
           "is_deep", "label_width", "nests", "rung_days", "rungs_from", "stretch_label", "tick_context", "tick_label",
           "year_label"]


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
#: 1 CE in place of a year 0 (… 100 BCE, 1 CE, 100 CE …).  On a deep axis (:func:`is_deep`) every
#: year-like step counts from year 0 and reads in millions / billions of years ago, Ma and Ga alike.
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
DEEP_AXIS = -1_000_000       # an axis starting before this year reads in Ma (or Ga) at any step


def is_deep(d0: float) -> bool:
    """True when an axis starting on day ``d0`` reads in years ago (Ma, Ga): the one family for all its ticks.

    The family belongs to the axis, not to a step: a finer step in a busy stretch of a deep axis
    still reads in Ma, and a 100,000-year step on a shallower one still in BCE, so one axis never
    mixes "0.3 Ma" with "80,000 BCE" (the dates on it are displayed by the same rule).
    """
    return cal.year_of(math.floor(d0)) < DEEP_AXIS


#: The first day of year 0 (1 BCE), where a deep axis counts its years ago from.
YEAR0 = float(cal.from_gregorian(0, 1, 1))


def deep_end(deep: bool, last: float | None) -> tuple[float | None, float | None]:
    """Where a deep axis with data up to day ``last`` stops ticking, and its present (else Nones).

    The first is the later of year 0 and ``last``: nothing is ticked in the padding after the
    data ("1,000,000 CE" on a Ma axis).  The second is the first day of the data's last year
    when that is in the Common Era ("2020"): the one tick in the Common Era, standing in for year 0.
    """
    if not deep or last is None:
        return None, None
    year = cal.year_of(math.floor(last))
    # A present stands in for year 0 only near it: data running a million years and more into the
    # Common Era keeps the rung's own ticks there (else that whole stretch would have one tick).
    present = float(cal.from_gregorian(year, 1, 1)) if 1 <= year < -DEEP_AXIS else None
    return max(YEAR0, math.floor(last)), present


def _year_days(a: float, b: float, years: int, deep: bool) -> Iterator[int]:
    """First days of the years k x ``years`` BCE and k x ``years`` CE (and 1 CE) in ``a..b``."""
    y0, y1 = cal.year_of(math.ceil(a)), cal.year_of(math.floor(b))
    if deep:   # deep time counts back from year 0: 66 Ma is the year -66,000,000
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
    return year_label(year, rung.unit, deep, mark_ce), "year"


def year_label(year: int, unit: str, deep: bool, mark_ce: bool) -> str:
    """A year boundary in the axis's family: "44 BCE", "1953"; on a deep axis "13.5 Ga", "500 Ma", "0.2 Ma".

    Years ago read in the largest unit they reach, as a date's own label does ("4.54 Ga" beside a
    "4.5 Ga" tick, never "4,500 Ma"); year 0 reads in the step's unit ("0 Ga" on a Ga step).
    """
    if deep and year <= 0:
        giga = -year >= 1_000_000_000 or (year == 0 and unit == "Ga")
        size, suffix = (1_000_000_000, "Ga") if giga else (1_000_000, "Ma")
        value = f"{-year / size:,.6f}".rstrip("0").rstrip(".")
        return f"{value} {suffix}"
    return cal.format_year(year, short=True, mark_ce=mark_ce)


def stretch_label(first: float, after: float, deep: bool = False, last: float | None = None) -> str:
    """A compressed stretch ``first..after`` (days) in the ticks' terms: "1933–1938", "Aug–Dec 1953", "13–5 Ga".

    Up to a century it names the years (or months) it holds, as a date range does: "1933–1938",
    "1953", "Aug–Dec 1953", "Feb 1953".  Longer, it names the boundaries it runs between, which
    the bins put where the ticks fall: "2400–800 BCE", "1100–1200", and on a ``deep`` axis
    "13–5 Ga" or "1 Ga – 500 Ma"; a stretch there that runs to year 0 ends at the present year
    when ``last`` (the data's last day) is in the Common Era, as the tick at that point reads.
    """
    y0, m0, _ = cal.to_gregorian(math.ceil(first))
    y1, m1, _ = cal.to_gregorian(math.ceil(after) - 1)
    y_after = cal.year_of(math.ceil(after))
    if deep:
        return _deep_range(y0, y_after, last)
    if y_after - y0 >= 100:   # one era word for both ends: "850–1050 CE", not "850 CE – 1050"
        return cal.format_year_range(y0, y_after, short=True, mark_ce=1 <= y0 < 1000)
    if y1 > y0 and (m0, m1) == (1, 12) or y1 > y0 + 1:
        return cal.format_year_range(y0, y1, short=True)
    abbr = cal.MONTH_ABBRS
    if y1 > y0:
        return f"{abbr[m0 - 1]} {cal.format_year(y0, short=True)} – {abbr[m1 - 1]} {cal.format_year(y1, short=True)}"
    if (m0, m1) == (1, 12):
        return cal.format_year(y0, short=True)
    months = abbr[m0 - 1] if m0 == m1 else f"{abbr[m0 - 1]}–{abbr[m1 - 1]}"
    return f"{months} {cal.format_year(y0, short=True)}"


def _deep_range(first: int, after: int, last: float | None) -> str:
    """Two boundaries of a deep axis: "13–5 Ga", "1 Ga – 500 Ma", "4 Ga – 2020" (year 0 before a CE present)."""
    a = year_label(first, "Ga", True, False)
    present = cal.year_of(math.floor(last)) if last is not None else 0
    if after == 0 and present >= 1:
        return f"{a} – {present}"
    b = year_label(after, a[-2:], True, False)
    if a[-3:] == b[-3:] and " " not in b[:-3]:
        return f"{a[:-3]}–{b}"
    return f"{a} – {b}"


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


def label_width(ty: Typography, d0: float, d1: float, finest: str = "hour", last: float | None = None) -> float:
    """The widest one-line tick label (bold) an axis over ``d0..d1`` may draw, so none is ever cut.

    ``last`` is as for :func:`timeline.layout.ticks.locate`: a deep axis draws no label after it.
    """
    deep = is_deep(d0)
    mark_ce = cal.year_of(math.floor(d0)) < 1 and not deep
    horizon = deep_end(deep, last)[0]
    units = {r.unit for r in rungs_from(finest)}
    samples = []
    for day in (math.ceil(d0), math.floor(d1 if horizon is None else min(d1, horizon))):
        year = cal.year_of(day)
        rung = Rung("Ga" if -year >= 1_000_000_000 else "Ma", 1) if deep else Rung("year", 1)
        year_text = tick_label(cal.from_gregorian(year, 1, 1), rung, deep, mark_ce)[0]
        samples.append(year_text)
        if "month" in units:
            samples.append("Sep " + year_text)
        if "day" in units:
            samples.append("28 Sep " + year_text)
        if "hour" in units:
            samples.append("23:00 28 Sep " + year_text)
    return max(measure(s, ty.tick, bold=True) for s in samples)
