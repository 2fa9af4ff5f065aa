"""Markwhen's date ranges, resolved into EDTF.

Markwhen writes an event's dates before its first ``:``: one date
(``2023``, ``2023-01``, ``12/25/2022``, ``Dec 29 2029``, ``2025-08-03 10am``),
a range joined by ``-``, ``/``, ``until`` or ``to``, a duration
(``2023-04/4 months``), a duration after the previous event (``2 weeks``,
``1 week - 3 days``), or dates relative to another event
(``after !phase1 2 weeks``, ``before !christmas 1 month``, ``!a.start / !b.end``).
:func:`parse_range` turns that text into a :class:`Spec`, and
:meth:`Spec.resolve` into EDTF, given how to find other events.  A range
ending ``now`` is open-ended (EDTF ``2019/..``): the date of reading is never
written in.  Recurrence and dates relative to today are refused with a reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from timeline.dates import HistoricalDate, parse_date
from timeline.dates.calendar import days_in_month, from_gregorian, to_gregorian, weekday
from timeline.errors import DateError
from timeline.io.limits import shown_number, whole_number

__all__ = ["Point", "Refused", "Spec", "parse_range"]


class Refused(ValueError):
    """Date text that cannot be a historical date, with the reason."""


class Point(NamedTuple):
    """A resolved date: its first and last day numbers, EDTF text and precision ('year', 'month', 'day', 'time')."""

    first: int
    last: int
    edtf: str
    precision: str


_UNITS = {"year": "year", "years": "year", "yr": "year", "yrs": "year", "y": "year",
          "month": "month", "months": "month", "mo": "month", "mos": "month",
          "week": "week", "weeks": "week", "wk": "week", "wks": "week", "w": "week",
          "day": "day", "days": "day", "d": "day",
          "weekday": "weekday", "weekdays": "weekday"}
_WEEKDAY_WORDS = re.compile(r"\b(?:week|business|work)\s+days?\b", re.I)
_DURATION = re.compile(r"(\d+(?:\.\d+)?|an?)\s*([A-Za-z]+)", re.I | re.ASCII)
_REF = re.compile(r"!([A-Za-z0-9_:-]+)(?:\.(start|end))?")
_RELATIVE = re.compile(r"(after|before|by)\s+!([A-Za-z0-9_:-]+)(?:\.(start|end))?(?:\s*(.*))?", re.I | re.S)
_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})", re.ASCII)
_MONTH_YEAR = re.compile(r"(\d{1,2})/(\d{4})", re.ASCII)
_CLOCK = re.compile(r"^(.*\S)\s+(\d{1,2})(?::(\d{2}))?\s*([ap])\.?m\.?$|^(.*\S)\s+(\d{1,2}):(\d{2})$", re.I | re.ASCII)
_DATE_START = re.compile(r"[+-]?\d|(?:now|every|next|last|this|today|yesterday|tomorrow|after|before|by)\b|!|\.start|"
                         r"\.end|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b")
_RELATIVE_TO_TODAY = re.compile(r"\b(?:today|yesterday|tomorrow)\b|\b(?:next|last|this)\s+(?:day|week|month|year|"
                                r"decade|century|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|"
                                r"\bago\b")
_SEPARATORS = (" until ", " till ", " til ", " to ", " - ", " – ", " / ", "/", "-", "–")


def _day_point(first: int, last: int) -> Point:
    y1, m1, d1 = to_gregorian(first)
    y2, m2, d2 = to_gregorian(last)
    if (m1, d1) == (1, 1) and (m2, d2) == (12, 31):
        return Point(first, last, _year(y1) if y1 == y2 else f"{_year(y1)}/{_year(y2)}", "year")
    if d1 == 1 and d2 == days_in_month(y2, m2):
        start, end = f"{_year(y1)}-{m1:02d}", f"{_year(y2)}-{m2:02d}"
        return Point(first, last, start if start == end else f"{start}/{end}", "month")
    start, end = f"{_year(y1)}-{m1:02d}-{d1:02d}", f"{_year(y2)}-{m2:02d}-{d2:02d}"
    return Point(first, last, start if first == last else f"{start}/{end}", "day")


def _year(year: int) -> str:
    return f"-{-year:04d}" if year < 0 else f"{year:04d}"


def _add(day: int, amount: int, unit: str) -> int:
    """The day ``amount`` units after ``day`` (before, when negative); months clamp to the month's end."""
    if unit == "day":
        return day + amount
    if unit == "week":
        return day + 7 * amount
    if unit == "weekday":
        step = 1 if amount >= 0 else -1
        for _ in range(abs(amount)):
            day += step
            while weekday(day) >= 5:
                day += step
        return day
    year, month, dom = to_gregorian(day)
    months = amount * (12 if unit == "year" else 1)
    year, month = divmod(year * 12 + month - 1 + months, 12)
    return from_gregorian(year, month + 1, min(dom, days_in_month(year, month + 1)))


class Duration(NamedTuple):
    """A length of time: ``amount`` of ``unit`` (year, month, week, day, weekday)."""

    amount: int
    unit: str

    def after(self, first: int) -> Point:
        """The range of this length starting on day ``first`` (week days count that day as the first)."""
        if self.unit == "weekday":
            return _day_point(first, _add(first, self.amount - 1, self.unit))
        return _day_point(first, _add(first, self.amount, self.unit) - 1)

    def before(self, last: int) -> Point:
        """The range of this length ending on day ``last``."""
        if self.unit == "weekday":
            return _day_point(_add(last, 1 - self.amount, self.unit), last)
        return _day_point(_add(last, -self.amount, self.unit) + 1, last)


def _duration(text: str) -> Duration | None:
    text = _WEEKDAY_WORDS.sub("weekdays", text.strip())
    match = _DURATION.fullmatch(text)
    if match is None or match.group(2).lower() not in _UNITS:
        return None
    amount = match.group(1).lower()
    if "." in amount:
        raise Refused(f"a duration of {text!r} is not a whole number of {match.group(2)}")
    number = 1 if amount in ("a", "an") else whole_number(amount, 7)
    if not isinstance(number, int):
        raise Refused(f"a duration of {shown_number(amount)} {match.group(2)} is longer than any timeline")
    return Duration(number, _UNITS[match.group(2).lower()])


def parse_point(text: str, day_first: bool) -> Point | None:
    """One date (``2023-01``, ``12/25/2022``, ``Dec 29 2029``, ``2025-08-03 10am``), or None when it is not one."""
    text = text.strip().rstrip(",")
    clock = ""
    match = _CLOCK.match(text)
    if match:
        if match.group(1):
            text, hour, minute, half = match.group(1), int(match.group(2)), int(match.group(3) or 0), match.group(4)
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if half.lower() == "p" else 0)
        else:
            text, hour, minute = match.group(5), int(match.group(6)), int(match.group(7))
        if hour > 23 or minute > 59:
            return None
        clock = f"T{hour:02d}:{minute:02d}"
    if (slashed := _SLASHED.fullmatch(text)) is not None:
        a, b, year = (int(g) for g in slashed.groups())
        day, month = (a, b) if day_first else (b, a)
        text = f"{year:04d}-{month:02d}-{day:02d}"
    elif (month_year := _MONTH_YEAR.fullmatch(text)) is not None:
        text = f"{int(month_year.group(2)):04d}-{int(month_year.group(1)):02d}"
    try:
        date = parse_date(text)
        if clock and isinstance(date, HistoricalDate) and date.time is None and date.precision == 0:
            date = parse_date(f"{date.edtf}{clock}")
        elif clock:
            return None
    except DateError:
        return None
    if not isinstance(date, HistoricalDate) or date.first_day is None or date.last_day is None or date.bound.name != "EXACT":
        return None
    precision = "time" if date.time is not None else "year" if date.precision >= 3 else \
        "month" if date.precision >= 1 else "day"
    return Point(date.first_day, date.last_day, date.edtf, precision)


Lookup = Callable[[str], Point]  # an event's resolved dates by id (raises Refused when unknown)


class Spec(NamedTuple):
    """How an event's dates were written, before the events it refers to are known."""

    text: str
    resolve_with: Callable[[Lookup, Point | None], Point]
    refs: tuple[str, ...] = ()
    uses_previous: bool = False

    def resolve(self, lookup: Lookup, previous: Point | None) -> Point:
        """The dates, given the events it names (``lookup``) and the previous event."""
        return self.resolve_with(lookup, previous)


def _side(ref: str, side: str | None, lookup: Lookup, default: str) -> int:
    point = lookup(ref)
    return point.first if (side or default) == "start" else point.last


def _ref_point(text: str) -> tuple[str, str | None] | None:
    match = _REF.fullmatch(text.strip())
    return (match.group(1), match.group(2)) if match else None


def parse_range(text: str, day_first: bool = False) -> Spec | None:
    """The date part of an event line as a :class:`Spec`; None when it is no date at all.

    Raises :class:`Refused` for what cannot be a historical date (recurrence,
    relative to today).
    """
    text = " ".join(text.split())
    lowered = text.lower()
    if not _DATE_START.match(lowered):
        return None  # "Sources: ...", "note: ...": not an attempt at a date, whatever words follow
    if re.search(r"\bevery\b|\sx\d+$", lowered):
        raise Refused(f"'{text}' repeats (recurrence); a timeline of history needs each occurrence as its own event")
    if lowered == "now":
        raise Refused("'now' is the moment the file is read, not a historical date; give the date")
    if _RELATIVE_TO_TODAY.search(lowered):
        raise Refused(f"'{text}' is relative to today, not a historical date; give the date")
    point = parse_point(text, day_first)
    if point is not None:
        return Spec(text, lambda lookup, prev, p=point: p)
    relative = _RELATIVE.fullmatch(text)
    if relative:
        return _relative(text, relative, day_first)
    if text.lower() in (".start", ".end") or text.lower().startswith((".start ", ".end ", ".start/", ".end/")):
        return _from_previous_side(text, day_first)
    duration = _duration(text)
    if duration is not None:
        return Spec(text, lambda lookup, prev, d=duration: d.after(_after_previous(prev, text)), uses_previous=True)
    for separator in _SEPARATORS:
        start_at = text.find(separator)
        while start_at > 0:
            spec = _joined(text, text[:start_at].strip(), text[start_at + len(separator):].strip(), day_first)
            if spec is not None:
                return spec
            start_at = text.find(separator, start_at + 1)
    return None


def _after_previous(prev: Point | None, text: str) -> int:
    if prev is None:
        raise Refused(f"'{text}' counts from the previous event, and there is none before it")
    return prev.last + 1


def _joined(text: str, left: str, right: str, day_first: bool) -> Spec | None:
    """``LEFT SEP RIGHT``: two dates, a date and a duration or ``now``, two durations, or event references."""
    start = parse_point(left, day_first)
    if start is not None:
        if right.lower() == "now":
            return Spec(text, lambda lookup, prev, s=start: Point(s.first, s.first, f"{s.edtf}/..", s.precision))
        end = parse_point(right, day_first)
        if end is not None:
            return Spec(text, lambda lookup, prev, s=start, e=end: _span(text, s, e))
        length = _duration(right)
        if length is not None:
            return Spec(text, lambda lookup, prev, s=start, d=length: _length_from(s, d))
        return None
    gap, length = _duration(left), _duration(right)
    if gap is not None and length is not None:
        return Spec(text, lambda lookup, prev, g=gap, d=length: d.after(_add(_after_previous(prev, text), g.amount,
                                                                                 g.unit)), uses_previous=True)
    a, b = _ref_point(left), _ref_point(right)
    if a is not None and b is not None:
        def between(lookup: Lookup, prev: Point | None) -> Point:
            first = _side(a[0], a[1], lookup, "end") + (0 if a[1] else 1)
            last = _side(b[0], b[1], lookup, "start") - (0 if b[1] else 1)
            if last < first:
                raise Refused(f"'{text}' ends before it starts")
            return _day_point(first, last)
        return Spec(text, between, refs=(a[0], b[0]))
    return None


def _span(text: str, start: Point, end: Point) -> Point:
    if end.last < start.first:
        raise Refused(f"'{text}' ends before it starts")
    return Point(start.first, end.last, f"{start.edtf}/{end.edtf}", start.precision)


def _length_from(start: Point, length: Duration) -> Point:
    if length.unit == "year" and start.precision == "year":
        y = to_gregorian(start.first)[0]
        return Point(start.first, _add(start.first, length.amount, "year") - 1,
                     start.edtf if length.amount == 1 else f"{start.edtf}/{_year(y + length.amount - 1)}", "year")
    return length.after(start.first)  # on month boundaries this is written at month precision


def _relative(text: str, match: re.Match[str], day_first: bool) -> Spec:
    word, ref, side, rest = match.group(1).lower(), match.group(2), match.group(3), (match.group(4) or "").strip()
    rest = rest.lstrip("/-– ").strip()
    gap: Duration | None = None
    length: Duration | None = None
    if rest:
        parts = [p.strip() for p in re.split(r"\s+[-/–]\s+|\s*/\s*", rest) if p.strip()]
        durations = [_duration(p) for p in parts]
        if None in durations or len(durations) > 2:
            raise Refused(f"cannot read '{rest}' in '{text}' as a length of time such as '2 weeks'")
        gap, length = (durations[0], durations[1]) if len(durations) == 2 else (None, durations[0])
    if length is None:
        raise Refused(f"'{text}' says when it starts or ends but not how long it lasts; add a length such as '1 week'")

    def resolve(lookup: Lookup, prev: Point | None) -> Point:
        assert length is not None
        if word == "after":
            first = _side(ref, side, lookup, "end") + (0 if side == "start" else 1)
            if gap is not None:
                first = _add(first, gap.amount, gap.unit)
            return length.after(first)
        last = _side(ref, side, lookup, "start") - (0 if side == "end" else 1)
        if gap is not None:
            last = _add(last, -gap.amount, gap.unit)
        return length.before(last)

    return Spec(text, resolve, refs=(ref,))


def _from_previous_side(text: str, day_first: bool) -> Spec:
    side, _, rest = text.partition("/") if "/" in text else text.partition(" ")
    side = side.strip().lower()
    length = _duration(rest) if rest.strip() else None
    if rest.strip() and length is None:
        raise Refused(f"cannot read '{rest.strip()}' in '{text}' as a length of time such as '2 months'")

    def resolve(lookup: Lookup, prev: Point | None) -> Point:
        if prev is None:
            raise Refused(f"'{text}' refers to the previous event, and there is none before it")
        day = prev.first if side == ".start" else prev.last
        return length.after(day) if length is not None else _day_point(day, day)

    return Spec(text, resolve, uses_previous=True)
