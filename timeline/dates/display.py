"""How dates read: "5 March 1953", "44 BCE", "the 19th century", "25 October 1917 (O.S.)".

Labels are made from a date's fields (precision, day numbers, calendar,
time), never by re-reading its text, with the year formatter of
:mod:`timeline.dates.calendar`: no year 0, BCE/CE (or BC/AD), deep time in
"million years ago".
"""

from __future__ import annotations

from timeline.dates import calendar as cal
from timeline.dates.types import Bound, HistoricalDate, Precision, Span
from timeline.dates.units import SEASON_NAMES, unit_of
from timeline.errors import UsageError

__all__ = ["display_date", "display_span", "ordinal"]

_CALENDAR_MODES = ("original", "both", "gregorian")


def _check(style: str, era: str, calendar: str) -> None:
    if style not in ("long", "short"):
        raise UsageError(f"display style must be 'long' or 'short', got {style!r}")
    if era not in ("BCE", "BC"):
        raise UsageError(f"era must be 'BCE' (BCE/CE) or 'BC' (BC/AD), got {era!r}")
    if calendar not in _CALENDAR_MODES:
        raise UsageError(f"calendar display must be one of {', '.join(_CALENDAR_MODES)}, got {calendar!r}")


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th')}"


class _Style:
    """What every label of one display call shares."""

    __slots__ = ("short", "era", "mark_ce", "julian")

    def __init__(self, short: bool, era: str, mark_ce: bool = False, julian: bool = False):
        self.short, self.era, self.mark_ce, self.julian = short, era, mark_ce, julian

    def year(self, year: int) -> str:
        return cal.format_year(year, era=self.era, short=self.short, mark_ce=self.mark_ce)

    def month(self, month: int) -> str:
        return (cal.MONTH_ABBRS if self.short else cal.MONTH_NAMES)[month - 1]

    def fields(self, day: int) -> tuple[int, int, int]:
        return (cal.to_julian if self.julian else cal.to_gregorian)(day)


def _years_label(first: int, last: int, style: _Style) -> str:
    """"1800–1899", "300–201 BCE", "44 BCE – 14 CE"."""
    return cal.format_year_range(first, last, era=style.era, short=style.short, mark_ce=style.mark_ce)


def _strict_ordinal(first: int, last: int, size: int, word: str, style: _Style) -> str | None:
    """"the 19th century" when first…last is exactly a strictly counted century (millennium)."""
    if last - first != size - 1 or (first - 1) % size:
        return None
    if first >= 1:
        suffix = (" AD" if style.era == "BC" else " CE") if style.mark_ce or first < 1000 and size == 1000 else ""
        return f"the {ordinal((first - 1) // size + 1)} {word}{suffix}"
    return f"the {ordinal((1 - first) // size)} {word} {style.era}"


def _unit_label(precision: Precision, first: int, last: int, style: _Style) -> str:
    year, month, day = style.fields(first)
    if precision <= Precision.DAY:
        return f"{day} {style.month(month)} {style.year(year)}"
    if precision is Precision.MONTH:
        return f"{style.month(month)} {style.year(year)}"
    if precision is Precision.SEASON:
        if month != 12:
            return f"{SEASON_NAMES[21 + (month - 3) // 3]} {style.year(year)}"
        following = year + 1
        if year >= 1000 and following // 100 == year // 100:
            return f"winter {year}–{following % 100:02d}"
        return f"winter {_years_label(year, following, style)}"
    if precision is Precision.YEAR:
        return style.year(year)
    last_year = style.fields(last)[0]
    if precision is Precision.DECADE and year >= 1 and year % 10 == 0 and last_year == year + 9:
        label = f"the {year}s"
        return label + (" CE" if year < 1000 or style.mark_ce else "") if style.era == "BCE" else (
            f"the AD {year}s" if year < 1000 or style.mark_ce else label)
    if precision is Precision.CENTURY:
        strict = _strict_ordinal(year, last_year, 100, "century", style)
        if strict is not None:
            return strict
    if precision is Precision.MILLENNIUM:
        strict = _strict_ordinal(year, last_year, 1000, "millennium", style)
        if strict is not None:
            return strict
    if precision is Precision.MILLION_YEARS:
        return style.year(last_year if last_year < 0 else year)
    return _years_label(year, last_year, style)


def _plain_label(date: HistoricalDate, style: _Style) -> str:
    """The label of the unit a date names (for a bound that leaves its unit out, the unit named)."""
    first, last = date.first_day, date.last_day
    if date.exclusive:
        if date.bound is Bound.NOT_AFTER:
            unit = unit_of(date.precision, last + 1, style.julian)
        else:
            unit = unit_of(date.precision, first - 1, style.julian)
        first, last = unit.first, unit.last
    elif first is None or last is None:
        known = first if first is not None else last
        unit = unit_of(date.precision, known, style.julian)
        if date.precision <= Precision.DECADE or date.precision is Precision.YEAR:
            first, last = unit.first, unit.last
        else:
            first = last = known
    label = _unit_label(date.precision, first, last, style)
    if date.time is not None:
        label += ", " + date.time.display()
    return label


def _part_label(date: HistoricalDate, style: _Style) -> str:
    if date.precision in (Precision.YEAR, Precision.MONTH, Precision.DECADE):
        unit = unit_of(date.precision, date.first_day, style.julian)
        label = _unit_label(date.precision, unit.first, unit.last, style)
    else:
        # A century's part: find the whole century again from the part's first year.
        year = style.fields(date.first_day)[0]
        size = 100 if date.precision is Precision.CENTURY else 1000
        start = (year - 1) // size * size + 1
        first = cal.from_gregorian(start, 1, 1)
        label = _unit_label(date.precision, first, cal.from_gregorian(start + size, 1, 1) - 1, style)
    joined = "mid-" if date.part == "mid" else date.part + " "
    if label.startswith("the "):
        return f"the {joined}{label[4:]}"
    return joined + label


def _dual_label(date: HistoricalDate, style: _Style) -> str | None:
    """"25 Oct / 7 Nov 1917": a Julian day beside its Gregorian day."""
    if date.precision > Precision.DAY or date.first_day is None or date.bound is not Bound.EXACT:
        return None
    jy, jm, jd = cal.to_julian(date.first_day)
    gy, gm, gd = cal.to_gregorian(date.first_day)
    clock = "" if date.time is None else ", " + date.time.display()
    if jy == gy:
        return f"{jd} {style.month(jm)} / {gd} {style.month(gm)} {style.year(gy)}{clock}"
    return f"{jd} {style.month(jm)} {style.year(jy)} / {gd} {style.month(gm)} {style.year(gy)}{clock}"


def display_date(date: HistoricalDate, style: str, era: str, calendar: str, mark_ce: bool = False) -> str:
    """The text of one date; see :meth:`HistoricalDate.display`."""
    _check(style, era, calendar)
    julian = date.calendar == "julian"
    mode = calendar if julian else "gregorian"
    look = _Style(style == "short", era, mark_ce, julian and mode != "gregorian")
    if julian and mode == "both":
        dual = _dual_label(date, look)
        if dual is not None:
            return dual
    if date.part is not None:
        return _part_label(date, look) + (" (O.S.)" if look.julian else "")
    if julian and mode == "gregorian" and Precision.DAY < date.precision < Precision.MILLION_YEARS:
        label = _gregorian_days(date, look)
    else:
        label = _plain_label(date, look)
    if look.julian and date.precision < Precision.MILLION_YEARS:
        label += " (O.S.)"
    if date.approximate:
        label = "c. " + (label[4:] if label.startswith("the ") else label)
    if date.uncertain:
        label += "?"
    if date.bound is Bound.NOT_AFTER:
        return ("before " if date.exclusive else "by ") + label
    if date.bound is Bound.NOT_BEFORE:
        return ("after " if date.exclusive else "not before ") + label
    return label


def _gregorian_days(date: HistoricalDate, style: _Style) -> str:
    """A Julian month, season or year as the Gregorian days it spans: "14 March – 13 April 1953" (it is
    no Gregorian month: "March 1953" would name other days); a bound on one as its Gregorian day ("by
    13 April 1953"; "before 14 March 1953" for the day after the bound's excluded unit's start)."""
    def day(number: int) -> tuple[int, str]:
        y, m, d = cal.to_gregorian(number)
        return y, f"{d} {style.month(m)}"

    first, last = date.first_day, date.last_day
    if date.exclusive:  # "before/after" that unit: the day past its edge
        edge = last + 1 if date.bound is Bound.NOT_AFTER else first - 1  # type: ignore[operator]
        first = last = edge
    elif first is None or last is None:
        first = last = first if first is not None else last
    (y0, a), (y1, b) = day(first), day(last)  # type: ignore[arg-type]  # a Julian unit has a known day
    if first == last:
        return f"{a} {style.year(y0)}"
    if y0 == y1:
        return f"{a} – {b} {style.year(y1)}"
    return f"{a} {style.year(y0)} – {b} {style.year(y1)}"


def _compact_range(start: HistoricalDate, end: HistoricalDate, short: bool, era: str) -> str | None:
    """"1939–1941", "March–June 1953", "5–9 March 1953", "300–200 BCE" when both ends are plain."""
    for side in (start, end):
        if (side.approximate or side.uncertain or "X" in side.edtf[:-1] or "-XX" in side.edtf
                or side.calendar != "gregorian"
                or side.time is not None or "/" in side.edtf):
            return None
    if start.precision is not end.precision:
        return None
    style = _Style(short, era, mark_ce=(start.year < 1) != (end.year < 1))
    a, b = cal.to_gregorian(start.first_day), cal.to_gregorian(end.first_day)
    if start.precision is Precision.YEAR:
        return _years_label(a[0], b[0], style)
    if start.precision is Precision.DECADE and a[0] >= 1000:
        return f"the {a[0]}s–{b[0]}s"
    if a[0] != b[0]:
        return None
    if start.precision is Precision.MONTH:
        return f"{style.month(a[1])}–{style.month(b[1])} {style.year(a[0])}"
    if start.precision is Precision.DAY:
        if a[1] == b[1]:
            return f"{a[2]}–{b[2]} {style.month(a[1])} {style.year(a[0])}"
        return f"{a[2]} {style.month(a[1])} – {b[2]} {style.month(b[1])} {style.year(a[0])}"
    return None


def display_span(span: Span, style: str, era: str, calendar: str) -> str:
    """The text of a span; see :meth:`Span.display`."""
    _check(style, era, calendar)
    start, end = span.start, span.end
    if end is None:
        first = display_date(start, style, era, calendar)
        return f"{first} onwards" if span.open_end else f"{first}–?"
    if start is None:
        last = display_date(end, style, era, calendar)
        return f"until {last}" if span.open_start else f"?–{last}"
    if start.edtf == end.edtf and start.calendar == end.calendar:
        return display_date(start, style, era, calendar)   # "1953/1953" is just 1953
    compact = _compact_range(start, end, style == "short", era)
    if compact is not None:
        return compact
    mark_ce = start.year is not None and end.year is not None and (start.year < 1) != (end.year < 1)
    first = display_date(start, style, era, calendar, mark_ce)
    last = display_date(end, style, era, calendar, mark_ce)
    if " " in first or " " in last:
        return f"{first} – {last}"
    return f"{first}–{last}"
