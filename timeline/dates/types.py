"""The date types: :class:`HistoricalDate`, :class:`Span`, their precision, bound and time of day.

Bounds are whole day numbers (:mod:`timeline.dates.calendar`: day 1 is
1 January 1 CE, proleptic Gregorian), so a date can lie in any year.
``earliest``/``latest`` give the same bounds as :class:`datetime.date`
where Python can hold them (years 1–9999) and as
:class:`~timeline.dates.calendar.CalendarDay` otherwise.
"""

from __future__ import annotations

import enum

import attrs

from timeline.dates import calendar as cal

__all__ = ["Bound", "DateLike", "HistoricalDate", "Precision", "Span", "TimeOfDay"]

_NO_DAY = float("inf")


class Precision(enum.IntEnum):
    """How finely a date was given; larger is coarser."""

    SECOND = -2
    MINUTE = -1
    DAY = 0
    MONTH = 1
    SEASON = 2
    YEAR = 3
    DECADE = 4
    CENTURY = 5
    MILLENNIUM = 6
    MILLION_YEARS = 7


class Bound(enum.Enum):
    """Whether a date is the thing itself or only a limit on it."""

    EXACT = "exact"
    NOT_AFTER = "on-or-before"   # "by summer 1953", "before 1953" -> EDTF [..x]
    NOT_BEFORE = "on-or-after"   # "after March 1953" -> EDTF [x..]


@attrs.frozen
class TimeOfDay:
    """A time of day as written: ``second`` is None at minute precision.

    ``utc_offset`` is the offset in minutes (0 for ``Z``), or None for a
    local time with no zone.  The day of the date is the day as written
    (local), never shifted to UTC.
    """

    hour: int
    minute: int
    second: int | None = None
    utc_offset: int | None = None

    @property
    def seconds(self) -> int:
        """Seconds since the start of the (local) day."""
        return self.hour * 3600 + self.minute * 60 + (self.second or 0)

    def _offset(self, zulu: str) -> str:
        if self.utc_offset is None:
            return ""
        if self.utc_offset == 0:
            return zulu
        sign = "+" if self.utc_offset > 0 else "-"
        hours, minutes = divmod(abs(self.utc_offset), 60)
        return f"{sign}{hours:02d}:{minutes:02d}"

    @property
    def edtf(self) -> str:
        """``T23:20:30Z``, ``T10:10:10+05:00``, ``T21:50`` (minute precision, ISO 8601 reduced)."""
        clock = f"T{self.hour:02d}:{self.minute:02d}"
        if self.second is not None:
            clock += f":{self.second:02d}"
        return clock + self._offset("Z")

    def display(self) -> str:
        """``21:50``, ``23:20:30 UTC``, ``10:10:10 UTC+05:00``."""
        clock = f"{self.hour:02d}:{self.minute:02d}"
        if self.second is not None:
            clock += f":{self.second:02d}"
        if self.utc_offset is None:
            return clock
        return f"{clock} UTC{'' if self.utc_offset == 0 else self._offset('')}"


def _midpoint(first: int | None, last: int | None) -> int | None:
    if first is None:
        return last
    if last is None:
        return first
    return first + (last - first) // 2


class _DayBounds:
    """What a date and a span derive alike from their ``first_day``/``last_day``."""

    __slots__ = ()
    first_day: int | None
    last_day: int | None

    @property
    def earliest(self):
        """The first day as a ``datetime.date`` (years 1–9999), a ``CalendarDay`` otherwise, or None."""
        return cal.to_date(self.first_day)

    @property
    def latest(self):
        """The last day as a ``datetime.date`` (years 1–9999), a ``CalendarDay`` otherwise, or None."""
        return cal.to_date(self.last_day)

    @property
    def year(self) -> int | None:
        """The astronomical (proleptic Gregorian) year of the first known day: 0 is 1 BCE."""
        day = self.first_day if self.first_day is not None else self.last_day
        return None if day is None else cal.year_of(day)

    @property
    def mid_day(self) -> int | None:
        """The day number to place a marker at: halfway between the bounds, or the known bound."""
        return _midpoint(self.first_day, self.last_day)

    @property
    def midpoint(self):
        """:attr:`mid_day` as a ``datetime.date`` (or ``CalendarDay``)."""
        return cal.to_date(self.mid_day)


@attrs.frozen
class HistoricalDate(_DayBounds):
    """A single date at some precision.

    ``first_day``/``last_day`` are the first and last day the date can mean,
    as day numbers (June 1951 -> the days of 1951-06-01 and 1951-06-30).
    For a bounded date the far side is open: ``by summer 1953`` has
    ``first_day=None``.  ``part`` narrows a century, decade, year or month:
    "early", "mid" or "late".  ``exclusive`` marks a bound that leaves its
    own unit out ("before 1953" is ``[..1952]``), which only changes how the
    date is displayed.  ``calendar`` is the calendar the text was written
    in ("gregorian" or "julian"); ``edtf`` is written in that calendar, the
    day numbers are always proleptic Gregorian.  ``time`` is the time of
    day for minute and second precision.
    """

    precision: Precision
    first_day: int | None
    last_day: int | None
    edtf: str
    text: str = ""
    approximate: bool = False
    uncertain: bool = False
    bound: Bound = Bound.EXACT
    part: str | None = None
    exclusive: bool = False
    calendar: str = "gregorian"
    time: TimeOfDay | None = None

    is_range = False

    @property
    def sort_key(self) -> tuple:
        """A total order usable for sorting events (earliest known day first)."""
        seconds = -1 if self.time is None else self.time.seconds
        return _sort_key(self.first_day, self.last_day, self.precision, 0, self.edtf, self.text, seconds,
                         self.calendar)

    def display(self, style: str = "long", *, era: str = "BCE", calendar: str = "original") -> str:
        """Human text: "5 March 1953", "c. 1930", "by summer 1953", "44 BCE", "the 19th century".

        ``style="short"`` abbreviates months ("5 Mar 1953") and deep time
        ("66 Ma").  ``era="BC"`` writes BC/AD instead of BCE/CE.  For a
        Julian date, ``calendar="original"`` gives "25 October 1917 (O.S.)",
        ``"both"`` gives "25 October / 7 November 1917", ``"gregorian"``
        the proleptic Gregorian day only.
        """
        from timeline.dates.display import display_date

        return display_date(self, style, era, calendar)

    @classmethod
    def parse(cls, text: str, **options) -> HistoricalDate:
        """Parse text that must be a single date (not a range); options as :func:`parse_date`."""
        from timeline.dates.parse import parse_date
        from timeline.dates.units import fail

        result = parse_date(text, **options)
        if isinstance(result, Span):
            raise fail(f"{text.strip()!r} is a range, but a single date is expected here", text)
        return result


@attrs.frozen
class Span(_DayBounds):
    """A range between two dates; either end may be unknown or open (``..``)."""

    start: HistoricalDate | None
    end: HistoricalDate | None
    edtf: str
    text: str = ""
    open_start: bool = False
    open_end: bool = False

    is_range = True

    @property
    def first_day(self) -> int | None:
        """The first day the span can start on, or None when unknown/open."""
        return None if self.start is None else self.start.first_day

    @property
    def last_day(self) -> int | None:
        """The last day the span can end on, or None when unknown/open."""
        return None if self.end is None else self.end.last_day

    @property
    def calendar(self) -> str:
        """The calendar of the known ends ("julian" if either end is)."""
        ends = [end.calendar for end in (self.start, self.end) if end is not None]
        return "julian" if "julian" in ends else "gregorian"

    @property
    def precision(self) -> Precision:
        """The coarser precision of the two ends (the known one if only one is)."""
        return max(end.precision for end in (self.start, self.end) if end is not None)

    def display(self, style: str = "long", *, era: str = "BCE", calendar: str = "original") -> str:
        """Human text: "1939–1941", "March–June 1953", "5–9 March 1953", "27 BCE – 14 CE", "1953–?"."""
        from timeline.dates.display import display_span

        return display_span(self, style, era, calendar)

    @property
    def sort_key(self) -> tuple:
        """A total order consistent with HistoricalDate.sort_key."""
        start = self.start
        seconds = -1 if start is None or start.time is None else start.time.seconds
        return _sort_key(self.first_day, self.last_day, self.precision, 1, self.edtf, self.text, seconds,
                         self.calendar)


DateLike = HistoricalDate | Span


def _sort_key(first, last, precision, kind, edtf, text, seconds, calendar) -> tuple:
    # Order by the first known day; a date bounded only above ("by 1953")
    # sorts at that bound rather than before everything else.
    start = first if first is not None else last
    stop = last if last is not None else _NO_DAY
    return (start, seconds, stop, int(precision), kind, edtf, text, calendar)
