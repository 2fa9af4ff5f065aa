"""All-number dates: ``1953/03/05``, ``05.03.1953``, ``25/03/1953``; ``03/05/1953`` is refused as ambiguous."""

from __future__ import annotations

import re

from timeline.dates import calendar as cal
from timeline.dates.types import HistoricalDate
from timeline.dates.units import check_day, check_month, day_unit, fail, make_date

__all__ = ["parse_numeric"]

_DMY = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{2,4})", re.ASCII)
_YMD = re.compile(r"(\d{4})([/.\-])(\d{1,2})\2(\d{1,2})", re.ASCII)


def parse_numeric(source: str, text: str, dayfirst: bool | None, calendar: str = "gregorian") -> HistoricalDate | None:
    """Read an all-number day, or None when the text is not one; ``dayfirst`` settles 03/05/1953."""
    match = _YMD.fullmatch(source)
    if match is not None:
        year, month, day = int(match.group(1)), int(match.group(3)), int(match.group(4))
    else:
        match = _DMY.fullmatch(source)
        if match is None:
            return None
        first, second, year_text = match.group(1), match.group(3), match.group(4)
        if len(year_text) != 4:
            raise fail(f"{source!r} has a two-digit year, which is ambiguous; write the year in full", text)
        year, a, b = int(year_text), int(first), int(second)
        if dayfirst is None:
            if a != b and a <= 12 and b <= 12:
                raise fail(
                    f"{source!r} is ambiguous: it could be {a} {cal.MONTH_NAMES[b - 1]} or "
                    f"{b} {cal.MONTH_NAMES[a - 1]} {year}; write ISO {year:04d}-{b:02d}-{a:02d} "
                    f"or {year:04d}-{a:02d}-{b:02d}, or pass dayfirst=True or dayfirst=False",
                    text, hint=False,
                )
            day, month = (a, b) if a > 12 or a == b else (b, a)
        else:
            day, month = (a, b) if dayfirst else (b, a)
    if year == 0:
        raise fail("year 0000 written as a plain number is ambiguous; write EDTF 0000-MM-DD for 1 BCE", text)
    check_month(month, text)
    julian = calendar == "julian"
    check_day(year, month, day, text, julian=julian)
    return make_date(day_unit(year, month, day, julian), text, calendar=calendar)
