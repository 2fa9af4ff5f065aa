"""Calendar units (a day, month, season, year, decade, century…) and the builders every grammar shares.

A :class:`Unit` is the interval a written date names, as day numbers, with
its canonical EDTF.  The grammars (edtf.py, english.py, fallback.py) read
text into units and turn them into dates with :func:`make_date` and
:func:`make_span`, so limits, checks and messages are the same whatever the
input looked like.
"""

from __future__ import annotations

import datetime as _dt
from typing import NamedTuple

from timeline.dates import calendar as cal
from timeline.dates.types import Bound, HistoricalDate, Precision, Span, TimeOfDay
from timeline.errors import DateError

__all__ = [
    "DEFAULT_HINT", "MAX_YEAR", "PARTS", "SEASON_NAMES", "Unit", "before_present", "check_day", "check_fine_year",
    "check_month", "check_year", "day_unit", "decade_unit", "fail", "make_date", "make_span", "month_unit",
    "season_unit", "unit_of", "year_edtf", "year_unit", "years_before_ce", "years_unit",
]

DEFAULT_HINT = "write EDTF such as 1953-03-05, or a phrase such as '5 March 1953'"

#: Years of any precision must lie within ±MAX_YEAR (the universe is 13.8 billion years old).
MAX_YEAR = 100_000_000_000
#: Day, month and season precision reach years -9999…9999, as EDTF's four-digit years do.
MAX_FINE_YEAR = 9999

SEASON_NAMES = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}
_SEASON_FIRST_MONTH = {21: 3, 22: 6, 23: 9, 24: 12}
PARTS = ("early", "mid", "late")


class Unit(NamedTuple):
    """One named interval: its precision, first and last day numbers, and canonical EDTF."""

    precision: Precision
    first: int
    last: int
    edtf: str


def fail(reason: str, text: str, column: int = 0, *, hint: bool | str = True) -> DateError:
    """The DateError for a refusal; by default the hint says what is accepted."""
    if hint is True:
        hint = DEFAULT_HINT
    return DateError(reason, text, column, hint=hint or None)


def year_edtf(year: int) -> str:
    """EDTF for a year: four digits (signed) within ±9999, else the ``Y`` form."""
    if 0 <= year <= 9999:
        return f"{year:04d}"
    if -9999 <= year < 0:
        return f"-{-year:04d}"
    return f"Y{year}"


def _whole(count: str) -> int | None:
    digits = count.replace(",", "")
    return int(digits) if digits.isdigit() else None


def years_before_ce(count: str) -> str:
    """" (e.g. EDTF Y-299999 for 300,000 BCE, that many years before 1 CE)" for "300,000"; "" for no whole number.

    N BCE is N years before 1 CE (there is no year 0), astronomical year 1 - N: ``Y-300000`` is 300,001 BCE.
    """
    years = _whole(count)
    if not years:
        return ""
    year = 1 - years
    return f" (e.g. EDTF {year_edtf(year)} for {cal.format_year(year)}, that many years before 1 CE)"


def before_present(count: str) -> str:
    """Why "5000 BP" is refused, naming the year 1950 - N it is if it counts calendar years (-3050, 3051 BCE)."""
    years = _whole(count)
    example = "" if years is None else (f" (EDTF {year_edtf(1950 - years)} is {cal.format_year(1950 - years)}, "
                                        f"{count} calendar years before 1950)")
    return (f"'{count} BP' counts years before 1950, and radiocarbon years are not calendar years; write the "
            f"calendar year{example}")


def _days(julian: bool):
    return (cal.from_julian, cal.julian_days_in_month) if julian else (cal.from_gregorian, cal.days_in_month)


def check_year(year: int, text: str, column: int = 0) -> None:
    """Refuse a year beyond ±MAX_YEAR."""
    if not -MAX_YEAR <= year <= MAX_YEAR:
        raise fail(f"year {year:,} is beyond the supported range (±{MAX_YEAR:,}; the universe is about "
                   "13.8 billion years old)", text, column)


def check_fine_year(year: int, text: str, column: int = 0, what: str = "a day or month") -> None:
    """Refuse a day, month or season in a year outside -9999…9999."""
    if not -MAX_FINE_YEAR <= year <= MAX_FINE_YEAR:
        raise fail(f"{what} can be given only in years -9999 to 9999 (10,000 BCE to 9999 CE); "
                   f"year {year} can have year precision or coarser", text, column)


def check_month(month: int, text: str, column: int = 0) -> None:
    """Refuse a month outside 1–12."""
    if not 1 <= month <= 12:
        raise fail(f"month {month} is out of range (1–12)", text, column)


def check_day(year: int, month: int, day: int, text: str, column: int = 0, julian: bool = False) -> None:
    """Refuse a day past the end of its month (in its calendar)."""
    if not 1 <= day <= _days(julian)[1](year, month):
        where = f"{cal.MONTH_NAMES[month - 1]} {cal.format_year(year)}" + (" (Julian)" if julian else "")
        raise fail(f"day {day} is out of range for {where}", text, column)


def day_unit(year: int, month: int, day: int, julian: bool = False) -> Unit:
    """One day (fields already checked)."""
    number = _days(julian)[0](year, month, day)
    return Unit(Precision.DAY, number, number, f"{year_edtf(year)}-{month:02d}-{day:02d}")


def month_unit(year: int, month: int, julian: bool = False) -> Unit:
    """One month."""
    first, length = _days(julian)
    start = first(year, month, 1)
    return Unit(Precision.MONTH, start, start + length(year, month) - 1, f"{year_edtf(year)}-{month:02d}")


def season_unit(year: int, season: int, julian: bool = False) -> Unit:
    """A meteorological season (EDTF 21–24); winter runs December to February of the next year."""
    first, length = _days(julian)
    month = _SEASON_FIRST_MONTH[season]
    start = first(year, month, 1)
    if season == 24:
        last = first(year + 1, 2, length(year + 1, 2))
    else:
        last = first(year, month + 2, length(year, month + 2))
    return Unit(Precision.SEASON, start, last, f"{year_edtf(year)}-{season}")


def years_unit(precision: Precision, first_year: int, last_year: int, edtf: str, julian: bool = False) -> Unit:
    """The whole years first_year…last_year (astronomical) as one unit."""
    if not julian and 1 <= first_year <= last_year <= 9999:
        return Unit(precision, _dt.date(first_year, 1, 1).toordinal(), _dt.date(last_year, 12, 31).toordinal(), edtf)
    first = _days(julian)[0]
    return Unit(precision, first(first_year, 1, 1), first(last_year + 1, 1, 1) - 1, edtf)


def year_unit(year: int, julian: bool = False) -> Unit:
    """One year."""
    return years_unit(Precision.YEAR, year, year, year_edtf(year), julian)


def decade_unit(first_year: int, julian: bool = False) -> Unit:
    """The decade first_year…first_year+9 (first_year ≥ 0, a multiple of 10), EDTF ``194X``."""
    return years_unit(Precision.DECADE, first_year, first_year + 9, f"{first_year // 10:03d}X", julian)


def ordinal_century_unit(number: int, bce: bool, julian: bool = False) -> Unit:
    """The Nth century counted strictly: 19th = 1801–1900; 2nd BCE = 200–101 BCE (EDTF ``-01XX``)."""
    if bce:
        first, last = 1 - 100 * number, 100 - 100 * number
        edtf = f"-{number - 1:02d}XX"
    else:
        first, last = 100 * (number - 1) + 1, 100 * number
        edtf = f"{year_edtf(first)}/{year_edtf(last)}"
    return years_unit(Precision.CENTURY, first, last, edtf, julian)


def ordinal_millennium_unit(number: int, bce: bool, julian: bool = False) -> Unit:
    """The Nth millennium counted strictly: 2nd = 1001–2000; 2nd BCE = 2000–1001 BCE."""
    if bce:
        first, last = 1 - 1000 * number, 1000 - 1000 * number
    else:
        first, last = 1000 * (number - 1) + 1, 1000 * number
    return years_unit(Precision.MILLENNIUM, first, last, f"{year_edtf(first)}/{year_edtf(last)}", julian)


def _season_of(year: int, month: int) -> tuple[int, int]:
    """(year, season code) of the meteorological season containing a month."""
    if month <= 2:
        return year - 1, 24
    return year, 21 + (month - 3) // 3


def unit_of(precision: Precision, day: int, julian: bool = False) -> Unit:
    """The plain unit of the given precision (day … decade) that contains a day number."""
    year, month, date = (cal.to_julian if julian else cal.to_gregorian)(day)
    if precision <= Precision.DAY:
        return day_unit(year, month, date, julian)
    if precision is Precision.MONTH:
        return month_unit(year, month, julian)
    if precision is Precision.SEASON:
        return season_unit(*_season_of(year, month), julian)
    if precision is Precision.YEAR or year < 0:
        return year_unit(year, julian)
    return decade_unit(year // 10 * 10, julian)


def _part_range(unit: Unit, part: str, julian: bool) -> tuple[int, int, str]:
    """The bounds and approximate-interval EDTF of early/mid/late of a unit."""
    index = PARTS.index(part)
    to_fields = cal.to_julian if julian else cal.to_gregorian
    year, month, _ = to_fields(unit.first)
    if unit.precision is Precision.YEAR:
        first = 1 + 4 * index                  # Jan–Apr, May–Aug, Sep–Dec
        a, b = month_unit(year, first, julian), month_unit(year, first + 3, julian)
        return a.first, b.last, f"{a.edtf}~/{b.edtf}~"
    if unit.precision is Precision.MONTH:      # 1–10, 11–20, 21–end
        last_of_month = to_fields(unit.last)[2]
        first, last = 1 + 10 * index, (10 * (index + 1) if index < 2 else last_of_month)
        a, b = day_unit(year, month, first, julian), day_unit(year, month, last, julian)
        return a.first, b.last, f"{a.edtf}~/{b.edtf}~"
    # A run of years: early = the first 40%, mid = 30–70%, late = the last 40% (a decade: 0–3, 3–6, 6–9).
    last_year = to_fields(unit.last)[0]
    length = last_year - year + 1
    start = year + (3 * length // 10) * index
    stop = start + 4 * length // 10 - 1
    a, b = year_unit(start, julian), year_unit(stop, julian)
    return a.first, b.last, f"{a.edtf}~/{b.edtf}~"


def _qualifier(approximate: bool, uncertain: bool) -> str:
    if approximate and uncertain:
        return "%"
    return "~" if approximate else "?" if uncertain else ""


def make_date(
    unit: Unit,
    text: str,
    *,
    approximate: bool = False,
    uncertain: bool = False,
    bound: Bound = Bound.EXACT,
    exclusive: bool = False,
    part: str | None = None,
    calendar: str = "gregorian",
    time: TimeOfDay | None = None,
) -> HistoricalDate:
    """Build a HistoricalDate from a unit plus qualifiers, a bound, a part, a calendar or a time."""
    julian = calendar == "julian"
    if part is not None:
        first, last, edtf = _part_range(unit, part, julian)
        if uncertain:
            edtf = edtf.replace("~", "%")
        return HistoricalDate(unit.precision, first, last, edtf, text, True, uncertain, Bound.EXACT, part,
                              calendar=calendar)
    qualifier = _qualifier(approximate, uncertain)
    if bound is Bound.EXACT:
        precision, edtf = unit.precision, unit.edtf
        if time is not None:
            precision = Precision.MINUTE if time.second is None else Precision.SECOND
            edtf += time.edtf
        if qualifier:
            # A strict century is an interval in EDTF ("1801/1900"): the qualifier goes on both ends.
            edtf = "/".join(end + qualifier for end in edtf.split("/"))
        return HistoricalDate(precision, unit.first, unit.last, edtf, text, approximate, uncertain,
                              calendar=calendar, time=time)
    if unit.precision >= Precision.CENTURY or "/" in unit.edtf:
        # EDTF has no single form for a bound on a strict century: bound its last (first) year instead.
        edge = unit.first - 1 if exclusive and bound is Bound.NOT_AFTER else unit.last
        if bound is Bound.NOT_BEFORE:
            edge = unit.last + 1 if exclusive else unit.first
        unit, exclusive = unit_of(Precision.YEAR, edge, julian), False
    elif exclusive:
        edge = unit.first - 1 if bound is Bound.NOT_AFTER else unit.last + 1
        unit = unit_of(unit.precision, edge, julian)
    check_year(cal.year_of(unit.first), text)
    if bound is Bound.NOT_AFTER:
        return HistoricalDate(unit.precision, None, unit.last, f"[..{unit.edtf}{qualifier}]", text,
                              approximate, uncertain, bound, None, exclusive, calendar)
    return HistoricalDate(unit.precision, unit.first, None, f"[{unit.edtf}{qualifier}..]", text,
                          approximate, uncertain, bound, None, exclusive, calendar)


def make_span(start: HistoricalDate | None, end: HistoricalDate | None, text: str,
              open_start: bool = False, open_end: bool = False) -> Span:
    """Join two single dates, refusing a range that ends before it starts."""
    if start is None and end is None:
        raise fail("a range needs at least one known end: one open or unknown at both ends cannot be placed "
                   "on a timeline", text)
    for side in (start, end):
        if side is not None and (side.bound is not Bound.EXACT or side.part is not None):
            raise fail(f"a range end cannot be a bound or an early/mid/late part ({side.display()!r})", text)
    if start is not None and end is not None:
        if start.first_day > end.last_day or (
                start.first_day == end.last_day and start.time and end.time
                and start.time.seconds > end.time.seconds):
            raise fail(f"range ends before it starts ({start.display()} to {end.display()})", text)
    # A strict century's EDTF is itself an interval ("1801/1900"): the span takes its outer year.
    first = ".." if open_start else "" if start is None else start.edtf.split("/")[0]
    last = ".." if open_end else "" if end is None else end.edtf.split("/")[-1]
    return Span(start, end, f"{first}/{last}", text, open_start, open_end)
