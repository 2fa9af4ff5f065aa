"""Calendar arithmetic on whole days, with no year limit.

Every bound in the library is a **day number**: the count of days on the
proleptic Gregorian calendar with day 1 = 1 January of year 1 CE (the
"Rata Die" of Reingold and Dershowitz, *Calendrical Calculations*, and the
same number as :meth:`datetime.date.toordinal` wherever Python's dates
reach).  Day 0 is 31 December 1 BCE; earlier days are negative.  Years are
astronomical: year 0 is 1 BCE, year -1 is 2 BCE, as EDTF writes them.
A Julian Day Number is ``day + JULIAN_DAY_OFFSET``.

The conversions are integer arithmetic on 400-year (Gregorian) and
4-year (Julian) cycles, exact for any integer year; they are tested
against :mod:`datetime` for years 1–9999 and round-trip everywhere else.
The layout's ticks use the same functions and tables (month names, the
year formatter, the deep-time units), so an axis and a label never
disagree.
"""

from __future__ import annotations

import datetime as _dt
import functools

from timeline.errors import UsageError

__all__ = [
    "CalendarDay",
    "DEEP_TIME_UNITS",
    "JULIAN_DAY_OFFSET",
    "MONTH_ABBRS",
    "MONTH_NAMES",
    "days_in_month",
    "format_year",
    "format_year_range",
    "from_date",
    "from_gregorian",
    "from_julian",
    "is_leap",
    "julian_days_in_month",
    "to_date",
    "to_gregorian",
    "to_julian",
    "weekday",
    "year_of",
]

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
MONTH_ABBRS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

#: Julian Day Number of a day = day number + this (JDN 2451545 is 1 January 2000).
JULIAN_DAY_OFFSET = 1721425

_CYCLE_DAYS = 146097          # days in 400 Gregorian years
_MARCH_SHIFT = 305            # day number of 1 March of year 0 is -305
_JULIAN_MARCH_SHIFT = 307     # the Julian calendar is two days behind in year 1
_FIRST_DATE, _LAST_DATE = 1, _dt.date.max.toordinal()

#: Deep-time units, largest first: (years, short suffix, long words).  Years
#: before -999,999 are written with the first unit they reach, e.g.
#: "13.8 billion years ago" / "13.8 Ga", "66 million years ago" / "66 Ma".
DEEP_TIME_UNITS: tuple[tuple[int, str, str], ...] = (
    (1_000_000_000, "Ga", "billion years ago"),
    (1_000_000, "Ma", "million years ago"),
)
#: The most significant digits a deep-time label may show before it falls
#: back to the exact year ("66.04 Ma" yes, "66.038271 Ma" no).
DEEP_TIME_DIGITS = 4


def is_leap(year: int) -> bool:
    """True for a Gregorian leap year (astronomical numbering: year 0 is leap)."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    """Days in a month of the proleptic Gregorian calendar."""
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def julian_days_in_month(year: int, month: int) -> int:
    """Days in a month of the Julian calendar (every fourth year is leap)."""
    if month == 2:
        return 29 if year % 4 == 0 else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _day_of_march_year(month: int, day: int) -> int:
    """Days since 1 March of the same (March-based) year."""
    return (153 * ((month + 9) % 12) + 2) // 5 + day - 1


def _month_day(day_of_year: int) -> tuple[int, int]:
    shifted = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * shifted + 2) // 5 + 1
    return (shifted + 3 if shifted < 10 else shifted - 9), day


def from_gregorian(year: int, month: int, day: int) -> int:
    """The day number of a proleptic Gregorian date (fields are not checked)."""
    if 1 <= year <= 9999:
        try:
            return _dt.date(year, month, day).toordinal()   # the C code, where it reaches
        except ValueError:
            pass
    year -= month <= 2
    cycle, year_of_cycle = divmod(year, 400)
    day_of_cycle = (year_of_cycle * 365 + year_of_cycle // 4 - year_of_cycle // 100
                    + _day_of_march_year(month, day))
    return cycle * _CYCLE_DAYS + day_of_cycle - _MARCH_SHIFT


def to_gregorian(day: int) -> tuple[int, int, int]:
    """(year, month, day) of a day number on the proleptic Gregorian calendar."""
    if _FIRST_DATE <= day <= _LAST_DATE:
        date = _dt.date.fromordinal(day)   # the C code, where it reaches
        return date.year, date.month, date.day
    return _gregorian_fields(day)


def _gregorian_fields(day: int) -> tuple[int, int, int]:
    # to_gregorian's arithmetic, for every day number (tests compare it with the C code's).
    cycle, day_of_cycle = divmod(day + _MARCH_SHIFT, _CYCLE_DAYS)
    year_of_cycle = (day_of_cycle - day_of_cycle // 1460 + day_of_cycle // 36524
                     - day_of_cycle // 146096) // 365
    day_of_year = day_of_cycle - (365 * year_of_cycle + year_of_cycle // 4 - year_of_cycle // 100)
    month, day_of_month = _month_day(day_of_year)
    return year_of_cycle + 400 * cycle + (month <= 2), month, day_of_month


def from_julian(year: int, month: int, day: int) -> int:
    """The day number (proleptic Gregorian) of a date on the Julian calendar."""
    year -= month <= 2
    return 365 * year + year // 4 + _day_of_march_year(month, day) - _JULIAN_MARCH_SHIFT


def to_julian(day: int) -> tuple[int, int, int]:
    """(year, month, day) on the Julian calendar of a day number."""
    cycle, day_of_cycle = divmod(day + _JULIAN_MARCH_SHIFT, 1461)
    year_of_cycle = (day_of_cycle - day_of_cycle // 1460) // 365
    month, day_of_month = _month_day(day_of_cycle - 365 * year_of_cycle)
    return year_of_cycle + 4 * cycle + (month <= 2), month, day_of_month


def year_of(day: int) -> int:
    """The astronomical Gregorian year a day number falls in."""
    return to_gregorian(day)[0]


def weekday(day: int) -> int:
    """Monday 0 … Sunday 6, as :meth:`datetime.date.weekday` (day 1 was a Monday)."""
    return (day - 1) % 7


def from_date(date: _dt.date) -> int:
    """The day number of a :class:`datetime.date` (its ordinal)."""
    return date.toordinal()


@functools.total_ordering
class CalendarDay:
    """A day that :class:`datetime.date` cannot hold (a year before 1 or after 9999).

    It offers what callers use of a date: ``year`` (astronomical), ``month``,
    ``day``, ``toordinal()`` (the day number), ``isoformat()`` in ISO 8601
    expanded form (``-0043-03-15`` is 15 March 44 BCE), and ordering
    against other CalendarDays and against ``datetime.date``.
    """

    __slots__ = ("_day", "year", "month", "day")

    def __init__(self, day_number: int):
        self._day = day_number
        self.year, self.month, self.day = to_gregorian(day_number)

    def toordinal(self) -> int:
        """The day number (same scale as :meth:`datetime.date.toordinal`)."""
        return self._day

    def isoformat(self) -> str:
        """ISO 8601 with an astronomical year: at least four digits, a sign when negative."""
        sign = "-" if self.year < 0 else ""
        return f"{sign}{abs(self.year):04d}-{self.month:02d}-{self.day:02d}"

    def weekday(self) -> int:
        """Monday 0 … Sunday 6."""
        return weekday(self._day)

    def __repr__(self) -> str:
        return f"CalendarDay({self.isoformat()!r})"

    __str__ = isoformat

    def __hash__(self) -> int:
        return hash(("CalendarDay", self._day))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (CalendarDay, _dt.date)):
            return self._day == other.toordinal()
        return NotImplemented

    def __lt__(self, other: object) -> bool:
        if isinstance(other, (CalendarDay, _dt.date)):
            return self._day < other.toordinal()
        return NotImplemented


def to_date(day: int | None) -> _dt.date | CalendarDay | None:
    """A day number as a :class:`datetime.date` where Python can hold it, else a :class:`CalendarDay`."""
    if day is None:
        return None
    if _FIRST_DATE <= day <= _LAST_DATE:
        return _dt.date.fromordinal(day)
    return CalendarDay(day)


def _check_era(era: str) -> None:
    if era not in ("BCE", "BC"):
        raise UsageError(f"era must be 'BCE' (BCE/CE) or 'BC' (BC/AD), got {era!r}")


def _deep_time(year: int, short: bool) -> str | None:
    """'13.8 billion years ago' for a year far enough back and round enough, else None."""
    ago = -year
    for size, suffix, words in DEEP_TIME_UNITS:
        if ago >= size:
            whole, rest = divmod(ago, size)
            if rest == 0:
                number = f"{whole:,}"
            else:
                digits = f"{rest:0{len(str(size)) - 1}d}".rstrip("0")
                if len(str(whole)) + len(digits) > DEEP_TIME_DIGITS:
                    return None
                number = f"{whole:,}.{digits}"
            return f"{number} {suffix}" if short else f"{number} {words}"
    return None


def format_year(year: int, *, era: str = "BCE", short: bool = False, mark_ce: bool = False) -> str:
    """A year for people: ``1953``, ``79 CE``, ``44 BCE``, ``12,000 BCE``, ``66 million years ago``.

    ``year`` is astronomical (0 is 1 BCE): there is no year 0 in the text.
    ``era="BC"`` writes ``44 BC`` and ``AD 79`` instead.  Years 1–999 carry
    the era (``79 CE``) so they don't read as bare numbers; later years
    carry it only with ``mark_ce`` (used when the other end of a range, or
    of an axis, is BCE).  Years before -999,999 that are round to
    :data:`DEEP_TIME_DIGITS` significant digits use :data:`DEEP_TIME_UNITS`
    (``short``: ``66 Ma``, ``13.8 Ga``).
    """
    _check_era(era)
    if year >= 1:
        number = str(year) if year < 10000 else f"{year:,}"
        if year >= 1000 and not mark_ce:
            return number
        return f"AD {number}" if era == "BC" else f"{number} CE"
    if year <= -1_000_000:
        deep = _deep_time(year, short)
        if deep is not None:
            return deep
    number = 1 - year
    return f"{number if number < 10000 else format(number, ',')} {era}"


def format_year_range(first: int, last: int, *, era: str = "BCE", short: bool = False, mark_ce: bool = False) -> str:
    """Two years as one range: "1939–1941", "300–201 BCE", "44 BCE – 14 CE", "100–199 CE"."""
    if first >= 1 or last <= 0:
        a = format_year(first, era=era, short=short, mark_ce=mark_ce)
        b = format_year(last, era=era, short=short, mark_ce=mark_ce)
        for suffix in (f" {era}", " CE"):   # one era word for both ends: "300–201 BCE"
            if era == "BCE" or suffix != " CE":
                if a.endswith(suffix) and b.endswith(suffix):
                    return f"{a[:-len(suffix)]}–{b}"
        return f"{a}–{b}" if " " not in a + b else f"{a} – {b}"
    return (f"{format_year(first, era=era, short=short)} – "
            f"{format_year(last, era=era, short=short, mark_ce=True)}")
