"""Historical dates: partial, approximate, uncertain, bounded and ranged, in any era.

A :class:`HistoricalDate` is an interval of days (``first_day``..``last_day``,
day numbers on one proleptic Gregorian calendar with no year limit; see
:mod:`timeline.dates.calendar`) plus the precision it was given at,
qualifiers, an optional one-sided bound, its calendar, the canonical EDTF
text and the original wording.  A :class:`Span` joins two of them.
:func:`parse_date` turns text into either; the order in which the grammars
are tried is in :mod:`timeline.dates.parse`.  See docs/dates.md.

Modules: ``calendar`` (day numbers, Julian/Gregorian, month names, the year
formatter shared with the layout's ticks), ``types`` and ``display``,
``units`` (the builders every grammar shares), one module per grammar
(``edtf``, ``numeric``, ``english`` with ``words``, ``fallback``) and the
dispatcher ``parse``.
"""

from __future__ import annotations

from timeline.dates.calendar import CalendarDay, format_year
from timeline.dates.parse import CALENDARS, MAX_DATE_LENGTH, _parse_cached, join_dates, parse_date, portable_text
from timeline.dates.types import Bound, DateLike, HistoricalDate, Precision, Span, TimeOfDay

__all__ = [
    "Bound",
    "CALENDARS",
    "CalendarDay",
    "DateLike",
    "HistoricalDate",
    "MAX_DATE_LENGTH",
    "Precision",
    "Span",
    "TimeOfDay",
    "format_year",
    "join_dates",
    "parse_date",
    "portable_text",
]
