"""The dispatcher: which grammar reads a date, in order, cheapest first.

1. fast paths for the forms most files use (ISO days, "March 5, 1953",
   "5 March 1953", "June 1951", "c. 1949"); they decline whenever a field
   is out of range, so the full grammars still write every diagnostic;
2. EDTF (edtf.py), which also refuses EDTF level 2 by name;
3. all-number days (numeric.py), refusing ambiguous ones;
4. English phrases (english.py);
5. python-dateutil (fallback.py), guarded, imported only here.

Anything none of them reads is refused with a message saying why.
"""

from __future__ import annotations

import datetime as _dt
import functools
import re
import unicodedata

import attrs

from timeline.dates import calendar as cal
from timeline.dates.edtf import parse_edtf
from timeline.dates.english import NoPattern, parse_english
from timeline.dates.numeric import parse_numeric
from timeline.dates.types import HistoricalDate, Precision, Span
from timeline.dates.units import DEFAULT_HINT, day_unit, fail, make_date, make_span, month_unit, year_unit
from timeline.errors import DateError, UsageError

__all__ = ["CALENDARS", "MAX_DATE_LENGTH", "join_dates", "parse_date", "portable_text"]

#: Longer input is refused at once, so fuzzing or a pasted paragraph never costs time.
MAX_DATE_LENGTH = 200
#: The calendars a date may be written in.
CALENDARS = ("gregorian", "julian")

_ISO_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)", re.ASCII)
_ISO_COARSE = re.compile(r"(\d{4})(?:-(0[1-9]|1[0-2]))?([?~%])?", re.ASCII)
_YEAR_DASH_TWO = re.compile(r"(\d{4})-(\d\d)", re.ASCII)
_MONTH_ALTERNATION = "|".join(cal.MONTH_NAMES)
_ENGLISH_MDY = re.compile(rf"({_MONTH_ALTERNATION}) (\d{{1,2}}), (\d{{4}})", re.ASCII)
_ENGLISH_DMY = re.compile(rf"(\d{{1,2}}) ({_MONTH_ALTERNATION}) (\d{{4}})", re.ASCII)
_ENGLISH_MY = re.compile(rf"({_MONTH_ALTERNATION}) (\d{{4}})", re.ASCII)
_CIRCA_YEAR = re.compile(r"c\. (\d{4})", re.ASCII)
_MONTH_NUMBERS = {name: number for number, name in enumerate(cal.MONTH_NAMES, 1)}


def _trim(text: str) -> tuple[str, int]:
    """Strip whitespace, stray enclosing parentheses and a trailing period; return (core, offset)."""
    start, end = 0, len(text)
    while True:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start >= 2 and text[start] == "(" and text[end - 1] == ")":
            start, end = start + 1, end - 1
        elif end - start >= 2 and text[end - 1] == "." and text[end - 2] != ".":
            end -= 1
        else:
            return text[start:end], start


def _parse_common_english(text: str) -> HistoricalDate | None:
    """"March 5, 1953", "5 March 1953", "June 1951", "c. 1949"; None for anything else.

    Gives exactly what the full grammar gives (checked in tests/test_bench_smoke.py),
    and declines (None) whenever a field is out of range, so the full
    grammar still writes the diagnostic.
    """
    match = _ENGLISH_MDY.fullmatch(text)
    if match is not None:
        month, day, year = _MONTH_NUMBERS[match.group(1)], int(match.group(2)), int(match.group(3))
    else:
        match = _ENGLISH_DMY.fullmatch(text)
        if match is not None:
            day, month, year = int(match.group(1)), _MONTH_NUMBERS[match.group(2)], int(match.group(3))
        else:
            match = _ENGLISH_MY.fullmatch(text)
            if match is not None:
                year = int(match.group(2))
                if not year:
                    return None
                unit = month_unit(year, _MONTH_NUMBERS[match.group(1)])
                return HistoricalDate(Precision.MONTH, unit.first, unit.last, unit.edtf, text)
            match = _CIRCA_YEAR.fullmatch(text)
            if match is not None:
                year = int(match.group(1))
                if not year:
                    return None
                unit = year_unit(year)
                return HistoricalDate(Precision.YEAR, unit.first, unit.last, unit.edtf + "~", text, True)
            return None
    if not year or not 1 <= day <= cal.days_in_month(year, month):
        return None
    number = _dt.date(year, month, day).toordinal()
    return HistoricalDate(Precision.DAY, number, number, f"{year:04d}-{month:02d}-{day:02d}", text)


#: The dash between the two sides of an English range, as people type it ("March 5, 1953 – April 6, 1953").
_RANGE_DASH = re.compile(r" ?[–—] ?| - ")


def _fast_english_range(text: str) -> Span | None:
    """A range of two dates :func:`_parse_common_english` reads, joined by a dash; None for anything else.

    Gives exactly what the full grammar gives (tests/test_fast_paths.py), and declines
    (None) when a side is not such a date or the range ends before it starts, so the
    grammar still writes the diagnostic.
    """
    sides = _RANGE_DASH.split(text)
    if len(sides) != 2:
        return None
    start = _parse_common_english(sides[0])
    if start is None:
        return None
    end = _parse_common_english(sides[1])
    if end is None or start.first_day > end.last_day:
        return None
    return Span(start, end, f"{start.edtf}/{end.edtf}", text)


_EDTF_START = re.compile(r"[\[\-Y0-9X]", re.ASCII)
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")


def _ascii_digits(text: str) -> str:
    """Other scripts' decimal digits (١٩٥٣, １９５３) as ASCII, one character for one, so columns hold."""
    return "".join(str(unicodedata.decimal(c)) if not c.isascii() and c.isdecimal() else c for c in text)


_CALENDAR_MARK = re.compile(r"\s*(?:\(\s*(O\.\s?S\.?|N\.\s?S\.?|Old Style|New Style)\s*\)|(O\.S|N\.S)\.?)$",
                            re.IGNORECASE)


def _parse_text(text: str, dayfirst: bool | None, calendar: str):
    source, offset = _trim(text)
    if not source:
        raise fail("empty date", text)
    mark = _CALENDAR_MARK.search(source) if source[-1] in ".)SsEe" else None
    if mark is not None and mark.start() > 0 and _EDTF_START.match(source):
        # "1917-10-25 (O.S.)": EDTF with a calendar mark (English reads its own marks).
        word = (mark.group(1) or mark.group(2)).lower()
        calendar = "julian" if word.startswith(("o", "old")) else "gregorian"
        result = parse_edtf(source[:mark.start()], text, calendar)
        if result is not None:
            return result
    two_digit = _YEAR_DASH_TWO.fullmatch(source)
    code = 0 if two_digit is None else int(two_digit.group(2))
    if two_digit is None or 1 <= code <= 12 or 21 <= code <= 41:
        result = parse_edtf(source, text, calendar)
        if result is not None:
            return result
    elif code <= int(two_digit.group(1)[2:]):
        # "1953-13" is neither a month nor a forward range "1953–1913"; "1953-57" is a range.
        raise fail(f"month {two_digit.group(2)} is out of range (01–12, or 21–24 for a season)", text)
    numeric = parse_numeric(source, text, dayfirst, calendar)
    if numeric is not None:
        return numeric
    try:
        return parse_english(source, offset, text, calendar)
    except NoPattern:
        pass
    from timeline.dates import fallback  # looked up here, so the bench can count its calls

    result = fallback.parse_with_dateutil(source, text, dayfirst, calendar)
    if result is not None:
        return result
    raise fail(f"cannot read {source!r} as a date", text)


def _fast_iso(text: str) -> HistoricalDate | None:
    """A plain ISO day, month or year ("1953-03-05", "1953-03", "1953"), or None (the grammars decide)."""
    iso = _ISO_DAY.fullmatch(text)
    if iso is not None:
        year, month, day = int(iso.group(1)), int(iso.group(2)), int(iso.group(3))
        if year and 1 <= month <= 12 and 1 <= day <= cal.days_in_month(year, month):
            number = cal.from_gregorian(year, month, day)
            return HistoricalDate(Precision.DAY, number, number, text, text)
        return None
    coarse = _ISO_COARSE.fullmatch(text)
    if coarse is None:
        return None
    year, month, qualifier = int(coarse.group(1)), coarse.group(2), coarse.group(3)
    approximate, uncertain = qualifier in ("~", "%"), qualifier in ("?", "%")
    if month is None:
        unit = year_unit(year)
        return HistoricalDate(Precision.YEAR, unit.first, unit.last, text, text, approximate, uncertain)
    first = cal.from_gregorian(year, int(month), 1)
    return HistoricalDate(Precision.MONTH, first, first + cal.days_in_month(year, int(month)) - 1, text, text,
                          approximate, uncertain)


def _fast_interval(text: str) -> Span | None:
    """"1939/1945", "1936-12/1942-04", "1943-04-06/1943-04-11" in order, or None (the grammars decide)."""
    first, slash, last = text.partition("/")
    if not slash or "/" in last:
        return None
    start, end = _fast_iso(first), _fast_iso(last)
    if start is None or end is None or start.first_day > end.last_day:
        return None
    return Span(start, end, text, text)


@functools.lru_cache(maxsize=4096)
def _parse_cached(text: str, dayfirst: bool | None, calendar: str = "gregorian"):
    if len(text) > MAX_DATE_LENGTH:
        raise fail(f"date text is too long ({len(text)} characters; at most {MAX_DATE_LENGTH})", text)
    if calendar == "gregorian" and text:
        # The common cases, kept to a few microseconds; each gives exactly what the grammars give.
        iso = _ISO_DAY.fullmatch(text)
        if iso is not None:
            year, month, day = int(iso.group(1)), int(iso.group(2)), int(iso.group(3))
            if year and 1 <= month <= 12 and 1 <= day <= cal.days_in_month(year, month):
                number = _dt.date(year, month, day).toordinal()
                return HistoricalDate(Precision.DAY, number, number, text, text)
        if text[0].isdigit():
            fast = _fast_iso(text) if len(text) <= 8 else None
            if fast is None and "/" in text:
                fast = _fast_interval(text)
            if fast is None and " " in text:
                fast = _parse_common_english(text)
        else:
            fast = _parse_common_english(text)
        if fast is None and len(text) > 14:
            fast = _fast_english_range(text)
        if fast is not None:
            return fast
    if not text.isascii() and _OTHER_DIGIT.search(text):
        return attrs.evolve(_parse_text(_ascii_digits(text), dayfirst, calendar), text=text)
    return _parse_text(text, dayfirst, calendar)


def parse_date(text: str, *, dayfirst: bool | None = None, calendar: str = "gregorian") -> HistoricalDate | Span:
    """Parse EDTF or an English phrase into a HistoricalDate or a Span.

    Raises DateError (a ValueError) with a message saying what is wrong and
    what is accepted.  ``dayfirst`` only settles all-number dates such as
    ``03/05/1953`` (True: 3 May; False: 5 March); without it they are
    refused when ambiguous.  ``calendar`` is the calendar the text is
    written in unless it says otherwise ("25 October 1917 (O.S.)" is
    Julian): "gregorian" (proleptic before 1582) or "julian".
    """
    if not isinstance(text, str):
        raise DateError(f"a date must be text, got {type(text).__name__} {text!r}", str(text), hint=DEFAULT_HINT)
    if dayfirst not in (None, True, False):
        raise UsageError(f"dayfirst must be None, True or False, got {dayfirst!r}")
    if calendar not in CALENDARS:
        raise UsageError(f"calendar must be 'gregorian' or 'julian', got {calendar!r}")
    return _parse_cached(text, None if dayfirst is None else bool(dayfirst), calendar)


def portable_text(when: HistoricalDate | Span) -> str:
    """Text that reads back as the same date with no calendar option: the EDTF, or for a Julian date
    its wording or display with "(O.S.)" ("25 October 1917 (O.S.)"), for writers whose format has no
    calendar field."""
    if when.calendar == "gregorian":
        return when.edtf
    for candidate in (when.text, when.display(), f"{when.edtf} (O.S.)"):
        try:
            again = parse_date(candidate)
        except DateError:
            continue
        if (again.edtf, again.first_day, again.last_day, again.calendar) == (
                when.edtf, when.first_day, when.last_day, when.calendar):
            return candidate
    raise UsageError(f"the Julian date {when.display()!r} has no text form that reads back the same")


def join_dates(start: HistoricalDate | None, end: HistoricalDate | None, text: str = "") -> Span:
    """The span from one date to another (either may be None for an unknown end), with the same
    checks and messages as a range written in text: a DateError if it ends before it starts."""
    return make_span(start, end, text or f"{'' if start is None else start.text}/{'' if end is None else end.text}")
