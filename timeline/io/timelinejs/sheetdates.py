"""A TimelineJS slide's date cells to a date: the dates half of :class:`~timeline.io.timelinejs.slides.SlideBuilder`.

Year, Month, Day and Time (and their End twins) become EDTF and a parsed
date or range, each mistake reported at its cell.  The usual cells (plain
digits in range) make their EDTF at once (:func:`_plain_ymd`), and a range
of two ISO ends is joined from the dates already parsed (:func:`_joined`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from timeline.dates import HistoricalDate, Span, parse_date
from timeline.errors import DateError
from timeline.io.limits import shown_number, whole_number

if TYPE_CHECKING:
    from timeline.io.timelinejs.slides import Slide, Value

__all__ = ["DateCells", "JS_DATE_YEARS"]

#: Years a JavaScript Date holds; TimelineJS shows years beyond as cosmological ("BigDate") years.
JS_DATE_YEARS = 271_821
MAX_YEAR = 10**12
_ISO = re.compile(r"[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-[0-9]{2})?)?")
_TIME = re.compile(r"(\d{1,2})(?::(\d{2}))?(?::(\d{2})(?:\.\d+)?)?\s*([AaPp]\.?[Mm]\.?)?", re.ASCII)


def _plain_ymd(year: str, month: str, day: str) -> str | None:
    """EDTF for the usual cells (stripped; "" when empty), year 1-9999 and month and day in range, in ASCII
    digits; None for the rest.

    :meth:`SlideBuilder.edtf` makes the same text from them (tests/test_fast_paths.py), and
    reads everything else itself: signs, cosmological years, a day without a month, errors.
    """
    if not (year.isdigit() and year.isascii() and len(year) <= 4) or not year.strip("0"):
        return None
    if not month:
        return None if day else year.zfill(4)
    two_digits = _MONTHS.get(month)
    if two_digits is None:
        return None
    if not day:
        return f"{year.zfill(4)}-{two_digits}"
    day_digits = _DAYS.get(day)
    return None if day_digits is None else f"{year.zfill(4)}-{two_digits}-{day_digits}"


#: A month's and a day's cell texts (ASCII digits, at most two, in range) to their two EDTF digits.
_MONTHS = {f"{n:02d}"[-size:]: f"{n:02d}" for n in range(1, 13) for size in (1, 2) if size == 2 or n < 10}
_DAYS = {f"{n:02d}"[-size:]: f"{n:02d}" for n in range(1, 32) for size in (1, 2) if size == 2 or n < 10}
#: Each side's four date cells.
_DATE_FIELDS = {"": ("year", "month", "day", "time"), "end_": ("end_year", "end_month", "end_day", "end_time")}


def _joined(start: str, s: HistoricalDate, end: str, e: HistoricalDate) -> HistoricalDate | Span:
    """``parse_date(f"{start}/{end}")`` for two dates already parsed from that EDTF, in order.

    Two ISO years, months or days make the Span the interval's fast path makes of them, so it is made
    from the dates at hand (tests/test_fast_paths.py); anything else is parsed whole.
    """
    text = f"{start}/{end}"
    if _ISO.fullmatch(start) and _ISO.fullmatch(end):
        return Span(s, e, text, text)
    return parse_date(text)


class DateCells:
    """Reads a slide's date cells; mixed into SlideBuilder, whose ``error`` reports at a value."""

    error: Callable[[Value, str], None]

    def _int(self, value: Value, label: str, low: int, high: int) -> int | None:
        text = value.text.strip()
        number = whole_number(text, max(len(str(low)), len(str(high))))
        if isinstance(number, int):
            if low <= number <= high:
                return number
            problem = "out of range"
        else:
            problem = number
        if problem == "out of range":
            self.error(value, f"{label} must be between {low} and {high}, got {shown_number(text)}")
        elif problem == "digits":
            self.error(value, f"{label} must be written with the digits 0-9, got {text!r}")
        else:
            self.error(value, f"{label} must be a whole number, got {shown_number(text)}")
        return None

    def _year(self, value: Value, label: str) -> str | None:
        """EDTF for a TimelineJS year: -44 is 44 BCE (EDTF -0043); past ±271,821 a cosmological year."""
        year = self._int(value, f"{label}Year", -MAX_YEAR, MAX_YEAR)
        if year is None:
            return None
        if year == 0:
            self.error(value, f"{label}Year 0 is not a year: TimelineJS counts 1 BCE as -1 and 1 CE as 1")
            return None
        if abs(year) > JS_DATE_YEARS:  # TimelineJS's BigDate: a year on the axis and nothing finer
            return f"Y{year}"
        astronomical = year + 1 if year < 0 else year
        if abs(astronomical) > 9999:
            return f"Y{astronomical}"
        return f"-{-astronomical:04d}" if astronomical < 0 else f"{astronomical:04d}"

    def _time(self, value: Value, label: str) -> str | None:
        """EDTF time (``T20:17`` or ``T20:17:40``) from a Time cell such as ``20:17``, ``8:17 PM``, ``20:17:40``."""
        match = _TIME.fullmatch(value.text.strip())
        if match is None:
            self.error(value, f"{label}Time must look like 20:17, 20:17:40 or 8:17 PM, got {value.text.strip()!r}")
            return None
        hour, minute, second, half = match.group(1, 2, 3, 4)
        h, m = int(hour), int(minute or 0)
        if half:
            if not 1 <= h <= 12:
                self.error(value, f"{label}Time {value.text.strip()!r}: the hour of a 12-hour time is 1 to 12")
                return None
            h = h % 12 + (12 if half.lower().startswith("p") else 0)
        if h > 23 or m > 59 or (second is not None and int(second) > 59):
            self.error(value, f"{label}Time {value.text.strip()!r} is not a time of day")
            return None
        return f"T{h:02d}:{m:02d}" + (f":{int(second):02d}" if second is not None else "")

    def edtf(self, slide: Slide, prefix: str) -> tuple[str | None, HistoricalDate | None, bool]:
        """EDTF text and date for the start (prefix "") or end (prefix "end_"); (None, None, ok)."""
        label = "End " if prefix else ""
        get = slide.fields.get
        year_key, month_key, day_key, time_key = _DATE_FIELDS[prefix]
        year_v, month_v, day_v, time_v = get(year_key), get(month_key), get(day_key), get(time_key)
        year = year_v.text.strip() if year_v is not None else ""
        month = month_v.text.strip() if month_v is not None else ""
        day = day_v.text.strip() if day_v is not None else ""
        time = time_v.text.strip() if time_v is not None else ""
        if not (year or month or day or time):
            return None, None, True
        plain = None if time else _plain_ymd(year, month, day)
        if plain is not None:
            assert year_v is not None
            return self._parsed(plain, label, year_v, day_v if day else None)
        has = [bool(year), bool(month), bool(day), bool(time)]
        if not has[0]:
            given = next(v for v, h in zip((month_v, day_v, time_v), has[1:], strict=True) if h)
            part = "Month" if given is month_v else "Day" if given is day_v else "Time"
            self.error(given, f"{label}{part} is given without {label}Year")
            return None, None, False
        if has[2] and not has[1]:
            assert day_v is not None
            self.error(day_v, f"{label}Day is given without {label}Month")
            return None, None, False
        if has[3] and not has[2]:
            assert time_v is not None
            self.error(time_v, f"{label}Time is given without {label}Day (a time of day needs the whole date)")
            return None, None, False
        assert year_v is not None
        text = self._year(year_v, label)
        if text is None:
            return None, None, False
        if text.startswith("Y") and (has[1] or has[2]):
            self.error(month_v or day_v or year_v, f"{label}Year {year_v.text.strip()} is a cosmological year "
                                                   f"(TimelineJS shows nothing finer than the year there); "
                                                   f"leave Month and Day empty")
            return None, None, False
        for value, part, high in ((month_v, "Month", 12), (day_v, "Day", 31)):
            if value is None or not value.text.strip():
                continue
            number = self._int(value, f"{label}{part}", 1, high)
            if number is None:
                return None, None, False
            text += f"-{number:02d}"
        if has[3]:
            assert time_v is not None
            clock = self._time(time_v, label)
            if clock is None:
                return None, None, False
            text += clock
        return self._parsed(text, label, year_v, day_v if has[2] else None)

    def _parsed(self, text: str, label: str, year_v: Value, day_v: Value | None
                ) -> tuple[str | None, HistoricalDate | None, bool]:
        try:
            date = parse_date(text)
        except DateError as exc:  # a day the month does not have ("1953-02-30")
            self.error(day_v or year_v, f"{label}date {text}: {exc.reason}")
            return None, None, False
        return text, date, True

    def when(self, slide: Slide) -> tuple[HistoricalDate | Span | None, bool]:
        """The slide's date or range; (None, True) when it has none, (None, False) after an error."""
        start, s, ok_start = self.edtf(slide, "")
        end, e, ok_end = self.edtf(slide, "end_")
        if not (ok_start and ok_end):
            return None, False
        if start is None or s is None:
            if end is not None:
                self.error(slide.at("end_year"), "End Year is given but Year is empty")
                return None, False
            return None, True
        if end is None or e is None or end == start:
            return s, True
        if s.first_day is not None and e.last_day is not None and e.last_day < s.first_day:
            self.error(slide.at("end_year"), f"the end ({e.display()}) is before the start ({s.display()})")
            return None, False
        try:
            return _joined(start, s, end, e), True
        except DateError as exc:
            self.error(slide.at("end_year"), exc.reason)
            return None, False
