"""EDTF: the Library of Congress Extended Date/Time Format, levels 0 and 1, plus ``[..x]`` / ``[x..]``.

Read here: ``1953-03-05``, ``1953-03``, ``1953``, ``-0043-03-15`` (44 BCE;
``0000`` is 1 BCE), ``Y-13800000000`` (``Y`` only for years of more than
four digits), ``Y-66000000S2`` (significant digits, for deep time only),
seasons ``1953-21``…``24``, qualifiers ``?`` ``~`` ``%``, unspecified
``201X`` ``20XX`` ``1985-XX`` ``1985-04-XX``, date-and-time
``1985-04-12T23:20:30Z`` / ``+05:00`` (and ``T21:50``), intervals ``a/b``
with open ``..`` or unknown empty ends, and the bounds ``[..x]`` ``[x..]``.

Level 2 forms (qualified components such as ``2004?-06``, sub-year
groupings 25–41, sets, exponents, unspecified digits inside a number)
are refused with a message naming them, never read as something else.
"""

from __future__ import annotations

import re

import attrs

from timeline.dates import calendar as cal
from timeline.dates.types import Bound, HistoricalDate, Precision, TimeOfDay
from timeline.dates.units import (
    Unit,
    check_day,
    check_fine_year,
    check_year,
    day_unit,
    fail,
    make_date,
    make_span,
    month_unit,
    season_unit,
    year_unit,
    years_unit,
)

__all__ = ["long_year_unit", "parse_edtf"]

_YEAR = r"Y-?\d+(?:S\d+)?|-?\d{4}|-?\d{3}X|-?\d{2}XX|-?\dXXX|-?XXXX"
_DATE = re.compile(
    rf"(?P<year>{_YEAR})"
    r"(?:-(?P<month>\d\d|XX)(?:-(?P<day>\d\d|XX)(?:T(?P<time>[0-9:+\-Z]+))?)?)?"
    r"(?P<qualifier>[?~%])?",
    re.ASCII,
)
_LONG_DAY = re.compile(r"(-?\d{5,})(?:-\d\d){1,2}[?~%]?", re.ASCII)
_LONG_YEAR = re.compile(r"-?\d{5,}[?~%]?", re.ASCII)
_TIME = re.compile(r"(\d\d):(\d\d)(?::(\d\d))?(Z|[+-]\d\d(?::\d\d)?)?", re.ASCII)
_BOUND = re.compile(r"\[\.\.([^\[\]]+)\]|\[([^\[\]]+)\.\.\]")
#: Text made only of EDTF characters: refusals below apply to it, and English never sees it.
_EDTF_CHARS = re.compile(r"[0-9XYSE?~%\-/\[\]{}.,:TZ+ ]+", re.ASCII)
_SUB_YEAR = re.compile(r"(-?\d{4})-(2[5-9]|3\d|4[01])[?~%]?", re.ASCII)
_GROUPINGS = {**{25 + i: f"{name} hemisphere {season}" for i, (name, season) in enumerate(
    (h, s) for h in ("northern", "southern") for s in ("spring", "summer", "autumn", "winter"))},
    **{33 + i: f"quarter {i + 1}" for i in range(4)}, **{37 + i: f"quadrimester {i + 1}" for i in range(3)},
    40: "semester 1", 41: "semester 2"}
_LEVEL2 = (
    (re.compile(r"[{}]|\[.*(?:,|\.\..+\.\.|\d\.\.\d)"), "a set of dates in [..] or {..}"),
    (re.compile(r"(?:^|[-/T])[?~%]\d|\d[?~%]-|[?~%]-\d"), "a qualifier on one part of the date, such as 2004?-06"),
    (re.compile(r"\dE\d"), "an exponent, such as Y17E7"),
    (re.compile(r"^-?\d{4}S\d"), "significant digits on a four-digit year (S is read only on Y years)"),
    (re.compile(r"X\d|X-\d|-XX-\d"), "unspecified digits before known ones, such as 1XX3 or 156X-12"),
)


def _refuse(source: str, text: str, column: int = 0) -> None:
    """Refuse the EDTF forms we do not read with a message that names them."""
    if re.search(r"[?~%]{2,}", source):
        raise fail(f"repeated qualifier in {source!r}: use one of ? (uncertain), ~ (approximate) "
                   "or % (both)", text, column)
    grouping = _SUB_YEAR.fullmatch(source)
    if grouping is not None:
        year, code = grouping.group(1), int(grouping.group(2))
        full = int(year) // 100 * 100 + code
        also = f"; for a range, write the end year in full: {year}/{full}" if full > int(year) else ""
        raise fail(f"{source!r} reads as EDTF level 2 sub-year grouping {code} ({_GROUPINGS.get(code, 'a part of a year')}), "
                   f"which is not supported{also}", text, column, hint=not also)
    for pattern, what in _LEVEL2:
        if pattern.search(source):
            raise fail(f"{source!r} is EDTF level 2 ({what}), which is not supported: only EDTF levels 0 "
                       "and 1 are read", text, column)


def long_year_unit(year_text: str, source: str, text: str) -> Unit:
    """``Y170002``, ``Y-13800000000``, ``Y-66000000S2`` (some year of -66,999,999…-66,000,000)."""
    match = re.fullmatch(r"Y(-?)(\d+)(?:S(\d+))?", year_text)
    sign, digits, significant = match.groups()
    if len(digits) <= 4 or digits[0] == "0":
        raise fail(f"{year_text!r}: the Y prefix is only for years of more than four digits in EDTF; "
                   f"write {int(sign + digits):04d}" if len(digits.lstrip("0")) <= 4 else
                   f"{year_text!r}: a Y year has no leading zeros", text, hint=False)
    magnitude = int(digits)
    year = -magnitude if sign else magnitude
    check_year(year, text)
    if significant is None:
        return year_unit(year)._replace(edtf=year_text)
    kept = int(significant)
    if not 1 <= kept <= len(digits):
        raise fail(f"{year_text!r} has S{kept}, but the year has {len(digits)} digits", text, hint=False)
    block = 10 ** (len(digits) - kept)
    low = magnitude // block * block
    high = low + block - 1
    first, last = (-high, -low) if sign else (low, high)
    # "66 million years ago" (Y-66000000S2) reads in millions however many digits it keeps.
    precision = (Precision.MILLION_YEARS if low >= 1_000_000 else Precision.MILLENNIUM if block >= 1000
                 else Precision.CENTURY if block >= 100 else Precision.DECADE if block >= 10 else Precision.YEAR)
    return years_unit(precision, first, last, year_text)


def _unspecified_year(year_text: str, text: str, julian: bool) -> Unit:
    """``201X`` (2010–2019), ``20XX`` (2000–2099), ``-201X`` (-2019…-2010, as EDTF counts)."""
    digits = year_text.lstrip("-")
    unspecified = digits.count("X")
    if unspecified >= 3:
        raise fail(f"year {year_text!r} is too vague: at most the last two digits may be X", text)
    low, high = int(digits.replace("X", "0")), int(digits.replace("X", "9"))
    first, last = (-high, -low) if year_text.startswith("-") else (low, high)
    return years_unit(Precision.DECADE if unspecified == 1 else Precision.CENTURY, first, last, year_text, julian)


def _time(time_text: str, text: str) -> TimeOfDay:
    match = _TIME.fullmatch(time_text)
    if match is None:
        raise fail(f"time {time_text!r} is not hh:mm:ss with an optional Z or ±hh:mm offset", text)
    hour, minute = int(match.group(1)), int(match.group(2))
    second = None if match.group(3) is None else int(match.group(3))
    if hour > 24 or minute > 59 or (second or 0) > 59 or (hour == 24 and (minute or second)):
        raise fail(f"time {time_text!r} is out of range (00:00:00 to 23:59:59, or 24:00:00)", text)
    zone = match.group(4)
    offset = None
    if zone == "Z":
        offset = 0
    elif zone is not None:
        hours, minutes = int(zone[1:3]), int(zone[4:6] or 0)
        offset = (hours * 60 + minutes) * (-1 if zone[0] == "-" else 1)
        if not -12 * 60 <= offset <= 14 * 60 or minutes > 59 or (offset == 0 and zone[0] == "-"):
            raise fail(f"UTC offset {zone!r} is out of range (-12:00 to +14:00; write Z for UTC)", text)
    return TimeOfDay(hour, minute, second, offset)


def _unit(match: re.Match, source: str, text: str, julian: bool) -> Unit:
    """Turn a matched EDTF date into a unit, refusing impossible or unsupported values."""
    year_text, month_text, day_text = match.group("year", "month", "day")
    if year_text.startswith("Y"):
        if month_text is not None:
            raise fail(f"{source!r}: a Y year can only have year precision", text)
        return long_year_unit(year_text, source, text)
    if year_text == "-0000" or year_text.startswith("-") and year_text.count("X") == 0 and not int(year_text):
        raise fail("-0000 is not a year: EDTF writes 1 BCE as 0000", text)
    if "X" in year_text:
        if not all(part in (None, "XX") for part in (month_text, day_text)):
            _refuse(source, text)
        unit = _unspecified_year(year_text, text, julian)
    else:
        year = int(year_text)
        unit = year_unit(year, julian)
        if month_text not in (None, "XX"):
            check_fine_year(year, text)
            month = int(month_text)
            if 21 <= month <= 24 and day_text is None:
                unit = season_unit(year, month, julian)
            elif not 1 <= month <= 12:
                raise fail(f"month {month_text} is out of range (01–12, or 21–24 for a season)", text)
            elif day_text is None or day_text == "XX":
                unit = month_unit(year, month, julian)
            else:
                day = int(day_text)
                check_day(year, month, day, text, julian=julian)
                unit = day_unit(year, month, day, julian)
        elif month_text == "XX" and day_text not in (None, "XX"):
            _refuse(source, text)
    canonical = year_text + "".join(f"-{part}" for part in (month_text, day_text) if part is not None)
    # Keep the X digits: "1985-XX" says "some month of 1985", not "1985".
    return unit if canonical == unit.edtf else unit._replace(edtf=canonical)


def _single(source: str, text: str, calendar: str) -> HistoricalDate | None:
    """One EDTF date with its qualifier and time, or None when it is not EDTF."""
    match = _DATE.fullmatch(source)
    if match is None:
        return None
    if match.group("year").startswith("Y"):
        calendar = "gregorian"   # Y years and deep time are proleptic Gregorian (see docs/dates.md)
    unit = _unit(match, source, text, calendar == "julian")
    time_text = match.group("time")
    time = None if time_text is None else _time(time_text, text)
    qualifier = match.group("qualifier")
    return make_date(unit, text, approximate=qualifier in ("~", "%"), uncertain=qualifier in ("?", "%"),
                     calendar=calendar, time=time)


def parse_edtf(source: str, text: str, calendar: str = "gregorian"):
    """Read EDTF (single, interval, or [..x]/[x..]); None when the text is not EDTF at all.

    EDTF level 2 and repeated qualifiers are refused by name (checked only
    when the level 0/1 grammar has not read the text, or would misread it).
    """
    if _EDTF_CHARS.fullmatch(source) is None:
        return None
    if len(source) <= 8 and _SUB_YEAR.fullmatch(source):
        _refuse(source, text)
    result = _parse(source, text, calendar)
    if result is None:
        _refuse(source, text)
    return result


def _parse(source: str, text: str, calendar: str):
    if source.startswith("["):
        match = _BOUND.fullmatch(source)
        if match is None:
            return None
        single = _single(match.group(1) or match.group(2), text, calendar)
        if single is None:
            return None
        bound = Bound.NOT_AFTER if match.group(1) else Bound.NOT_BEFORE
        inner = match.group(1) or match.group(2)
        unit = _unit(_DATE.fullmatch(inner), inner, text, calendar == "julian")
        return make_date(unit, text, approximate=single.approximate, uncertain=single.uncertain, bound=bound,
                         calendar=calendar)
    if "/" in source:
        if source.count("/") != 1:
            return None
        first, last = source.split("/")
        ends = []
        for side in (first, last):
            if side in ("", ".."):
                ends.append(None)
                continue
            single = _single(side, text, calendar)
            if single is None:
                return None
            ends.append(attrs.evolve(single, text=side))
        return make_span(ends[0], ends[1], text, first == "..", last == "..")
    result = _single(source, text, calendar)
    if result is None:
        long_day = _LONG_DAY.fullmatch(source)
        if long_day:
            check_fine_year(int(long_day.group(1)), text)
        if _LONG_YEAR.fullmatch(source):
            digits = source.lstrip("-").rstrip("?~%")
            raise fail(f"{source!r}: EDTF writes a year of more than four digits with a Y prefix "
                       f"(Y{'-' if source.startswith('-') else ''}{digits})", text, hint=False)
    return result

