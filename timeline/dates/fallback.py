"""The last grammar: python-dateutil, behind a guard, for odd word orders ("1953, 5 March").

It is imported only when the other grammars have declined.  Two parses
with different defaults show which fields the text really gave; a missing
year or month, a time zone, a two-digit year or a skipped word is refused
rather than filled in.
"""

from __future__ import annotations

import datetime as _dt
import re
import warnings

from timeline.dates.types import HistoricalDate
from timeline.dates.units import day_unit, fail, make_date, month_unit
from timeline.dates.words import MONTHS

__all__ = ["parse_with_dateutil"]

_FILLERS = frozenset({"of", "the", "on", "in", "at", "and", ",", "ad", "ce"})
_FIRST_DEFAULT = _dt.datetime(1, 1, 1, 0, 0, 0)
_SECOND_DEFAULT = _dt.datetime(2, 2, 2, 1, 1, 1)


def parse_with_dateutil(source: str, text: str, dayfirst: bool | None,
                        calendar: str = "gregorian") -> HistoricalDate | None:
    """A day or month from dateutil; None when it cannot read the text safely."""
    years = {int(n) for n in re.findall(r"\d+", source) if len(n) in (3, 4)}
    if not years or not any(t in MONTHS for t in re.findall(r"[a-z]+", source.lower())):
        return None
    from dateutil import parser as dateutil_parser  # slow to import and to run: last resort only

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            first, skipped = dateutil_parser.parse(source, default=_FIRST_DEFAULT, fuzzy_with_tokens=True,
                                                   dayfirst=bool(dayfirst))
            second = dateutil_parser.parse(source, default=_SECOND_DEFAULT, fuzzy=True, dayfirst=bool(dayfirst))
        except Exception:  # dateutil raises ValueError, OverflowError, TypeError...: all mean "no"
            return None
    if caught or first.tzinfo is not None:
        return None   # a word was taken for a time zone: it was not a date word
    for piece in skipped:
        for word in re.findall(r"[^\W\d_]+|,", piece.lower()):
            if word not in _FILLERS:
                return None
    given = {field: getattr(first, field) == getattr(second, field)
             for field in ("year", "month", "day", "hour", "minute", "second")}
    if given["hour"] or given["minute"] or given["second"]:
        raise fail("write a time of day after a full date, as in '5 March 1953, 21:50'", text)
    if not (given["year"] and given["month"]) or first.year not in years:
        return None
    julian = calendar == "julian"
    if given["day"]:
        return make_date(day_unit(first.year, first.month, first.day, julian), text, calendar=calendar)
    return make_date(month_unit(first.year, first.month, julian), text, calendar=calendar)
