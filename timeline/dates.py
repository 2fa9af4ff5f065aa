"""Historical dates: partial, approximate, uncertain, bounded and ranged.

A :class:`HistoricalDate` is an interval of days (``earliest``..``latest``)
plus the precision it was given at, qualifiers, an optional one-sided
bound, the canonical EDTF text and the original wording.  A :class:`Span`
joins two of them.  :func:`parse_date` turns text (EDTF or English) into
either.

Parsing goes, cheapest first: a compiled-regex EDTF reader (levels 0 and 1
plus ``[..x]``/``[x..]``), a small token grammar for English phrases, and
only then a guarded python-dateutil fallback (imported lazily).  Nothing is
ever guessed: a missing year, an ambiguous ``03/05/1953`` or a skipped word
is refused with a message saying what is accepted.  See docs/dates.md.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import re
import warnings
from typing import NamedTuple

import attrs

from timeline.errors import DateError, UsageError

__all__ = ["Bound", "DateLike", "HistoricalDate", "MAX_DATE_LENGTH", "Precision", "Span", "parse_date"]

#: Longer input is refused at once, so fuzzing or a pasted paragraph never costs time.
MAX_DATE_LENGTH = 200

_HINT = "; write EDTF such as 1953-03-05, or a phrase such as '5 March 1953'"

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_MONTH_ABBRS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SEASON_NAMES = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}
_SEASON_FIRST_MONTH = {21: 3, 22: 6, 23: 9, 24: 12}
_PARTS = ("early", "mid", "late")
_ONE_DAY = _dt.timedelta(days=1)


class Precision(enum.IntEnum):
    """How finely a date was given; larger is coarser."""

    DAY = 0
    MONTH = 1
    SEASON = 2
    YEAR = 3
    DECADE = 4


class Bound(enum.Enum):
    """Whether a date is the thing itself or only a limit on it."""

    EXACT = "exact"
    NOT_AFTER = "on-or-before"   # "by summer 1953", "before 1953" -> EDTF [..x]
    NOT_BEFORE = "on-or-after"   # "after March 1953" -> EDTF [x..]


def _fail(message: str, text: str, column: int = 0, *, hint: bool = True) -> DateError:
    """Build the DateError for a refusal; most messages end with what is accepted."""
    return DateError(message + (_HINT if hint else ""), text, column)


def _midpoint(earliest: _dt.date | None, latest: _dt.date | None) -> _dt.date | None:
    if earliest is None:
        return latest
    if latest is None:
        return earliest
    return earliest + (latest - earliest) // 2


def _check_style(style: str) -> None:
    if style not in ("long", "short"):
        raise UsageError(f"display style must be 'long' or 'short', got {style!r}")


@attrs.frozen
class HistoricalDate:
    """A single date at some precision.

    ``earliest``/``latest`` are the first and last day the date can mean
    (e.g. June 1951 -> 1951-06-01..1951-06-30).  For a bounded date the
    far side is open: ``by summer 1953`` has ``earliest=None``.
    ``part`` narrows a decade or year: "early", "mid" or "late".
    ``exclusive`` marks a bound that leaves its own unit out ("before 1953"
    is ``[..1952]``, "after March 1953" is ``[1953-04..]``), which only
    changes how the date is displayed.
    """

    precision: Precision
    earliest: _dt.date | None
    latest: _dt.date | None
    edtf: str
    text: str = ""
    approximate: bool = False
    uncertain: bool = False
    bound: Bound = Bound.EXACT
    part: str | None = None
    exclusive: bool = False

    is_range = False

    def display(self, style: str = "long") -> str:
        """Human text: "5 March 1953", "c. 1930", "by summer 1953", "the late 1940s".

        ``style="short"`` abbreviates months ("5 Mar 1953").
        """
        _check_style(style)
        short = style == "short"
        if self.part is not None:
            return _part_label(self.precision, self.part, self.earliest, short)
        unit = _edtf_unit(_edtf_core(self.edtf))
        if self.exclusive:
            # The stored EDTF is the neighbouring unit; show the one the text named.
            if self.bound is Bound.NOT_AFTER:
                unit = _unit_of(self.precision, unit.latest + _ONE_DAY)
            else:
                unit = _unit_of(self.precision, unit.earliest - _ONE_DAY)
        label = unit.short if short else unit.long
        if self.approximate:
            label = "c. " + (label[4:] if label.startswith("the ") else label)
        if self.uncertain:
            label += "?"
        if self.bound is Bound.NOT_AFTER:
            return ("before " if self.exclusive else "by ") + label
        if self.bound is Bound.NOT_BEFORE:
            return ("after " if self.exclusive else "not before ") + label
        return label

    @property
    def sort_key(self) -> tuple:
        """A total order usable for sorting events (earliest known day first)."""
        return _sort_key(self.earliest, self.latest, self.precision, 0, self.edtf, self.text)

    @property
    def midpoint(self) -> _dt.date:
        """The day to place a marker at: halfway between the bounds, or the known bound."""
        return _midpoint(self.earliest, self.latest)

    @classmethod
    def parse(cls, text: str) -> HistoricalDate:
        """Parse text that must be a single date (not a range)."""
        result = parse_date(text)
        if isinstance(result, Span):
            raise _fail(f"{text.strip()!r} is a range, but a single date is expected here", text)
        return result


@attrs.frozen
class Span:
    """A range between two dates; either end may be unknown or open (``..``)."""

    start: HistoricalDate | None
    end: HistoricalDate | None
    edtf: str
    text: str = ""
    open_start: bool = False
    open_end: bool = False

    is_range = True

    @property
    def earliest(self) -> _dt.date | None:
        """The first day the span can start on, or None when unknown/open."""
        return None if self.start is None else self.start.earliest

    @property
    def latest(self) -> _dt.date | None:
        """The last day the span can end on, or None when unknown/open."""
        return None if self.end is None else self.end.latest

    @property
    def precision(self) -> Precision:
        """The coarser precision of the two ends (the known one if only one is)."""
        return max(end.precision for end in (self.start, self.end) if end is not None)

    @property
    def midpoint(self) -> _dt.date:
        """The day to place a marker at: halfway through the span, or its known end."""
        return _midpoint(self.earliest, self.latest)

    def display(self, style: str = "long") -> str:
        """Human text: "1939–1941", "March–June 1953", "5–9 March 1953", "1953–?"."""
        _check_style(style)
        start, end = self.start, self.end
        if end is None:
            first = start.display(style)
            return f"{first} onwards" if self.open_end else f"{first}–?"
        if start is None:
            last = end.display(style)
            return f"until {last}" if self.open_start else f"?–{last}"
        if start.edtf == end.edtf:
            return start.display(style)   # "1953/1953" is just 1953
        compact = _compact_range(start, end, style == "short")
        if compact is not None:
            return compact
        first, last = start.display(style), end.display(style)
        if " " in first or " " in last:
            return f"{first} – {last}"
        return f"{first}–{last}"

    @property
    def sort_key(self) -> tuple:
        """A total order consistent with HistoricalDate.sort_key."""
        return _sort_key(self.earliest, self.latest, self.precision, 1, self.edtf, self.text)


DateLike = HistoricalDate | Span


def _sort_key(earliest, latest, precision, kind, edtf, text) -> tuple:
    # Order by the first known day; a date bounded only above ("by 1953")
    # sorts at that bound rather than before everything else.
    first = earliest if earliest is not None else latest
    last = latest if latest is not None else _dt.date.max
    return (first, last, int(precision), kind, edtf, text)


# --------------------------------------------------------------------------
# Calendar units: one day, month, season, year, decade or century
# --------------------------------------------------------------------------


class _Unit(NamedTuple):
    precision: Precision
    earliest: _dt.date
    latest: _dt.date
    edtf: str
    long: str
    short: str


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _check_year(year: int, text: str, column: int = 0) -> None:
    if not 1 <= year <= 9999:
        raise _fail(f"year {year} is out of range: years outside 1–9999 are not supported", text, column)


def _check_month(month: int, text: str, column: int = 0) -> None:
    if not 1 <= month <= 12:
        raise _fail(f"month {month} is out of range (1–12)", text, column)


def _check_day(year: int, month: int, day: int, text: str, column: int = 0) -> None:
    if not 1 <= day <= _days_in_month(year, month):
        raise _fail(f"day {day} is out of range for {_MONTH_NAMES[month - 1]} {year}", text, column)


def _day_unit(year: int, month: int, day: int) -> _Unit:
    when = _dt.date(year, month, day)
    return _Unit(
        Precision.DAY, when, when, f"{year:04d}-{month:02d}-{day:02d}",
        f"{day} {_MONTH_NAMES[month - 1]} {year}", f"{day} {_MONTH_ABBRS[month - 1]} {year}",
    )


def _month_unit(year: int, month: int) -> _Unit:
    return _Unit(
        Precision.MONTH, _dt.date(year, month, 1), _dt.date(year, month, _days_in_month(year, month)),
        f"{year:04d}-{month:02d}", f"{_MONTH_NAMES[month - 1]} {year}", f"{_MONTH_ABBRS[month - 1]} {year}",
    )


def _season_unit(year: int, season: int, text: str = "") -> _Unit:
    first = _SEASON_FIRST_MONTH[season]
    if season == 24:
        if year >= 9999:
            raise _fail(f"winter {year} ends in year {year + 1}: years outside 1–9999 are not supported", text)
        last = _dt.date(year + 1, 2, _days_in_month(year + 1, 2))
        following = f"{(year + 1) % 100:02d}" if (year + 1) // 100 == year // 100 else str(year + 1)
        label = f"winter {year}–{following}"
    else:
        last = _dt.date(year, first + 2, _days_in_month(year, first + 2))
        label = f"{_SEASON_NAMES[season]} {year}"
    return _Unit(Precision.SEASON, _dt.date(year, first, 1), last, f"{year:04d}-{season}", label, label)


def _year_unit(year: int) -> _Unit:
    return _Unit(Precision.YEAR, _dt.date(year, 1, 1), _dt.date(year, 12, 31), f"{year:04d}", str(year), str(year))


def _decade_unit(first_year: int, text: str = "") -> _Unit:
    if first_year < 1:
        raise _fail("the decade 0000–0009 includes year 0: years outside 1–9999 are not supported", text)
    label = f"the {first_year}s"
    return _Unit(
        Precision.DECADE, _dt.date(first_year, 1, 1), _dt.date(first_year + 9, 12, 31),
        f"{first_year // 10:03d}X", label, label,
    )


def _century_unit(first_year: int, text: str = "") -> _Unit:
    # Precision has no CENTURY; DECADE is the coarsest there is, and the
    # bounds say the rest.
    if first_year < 1:
        raise _fail("the century 00XX includes year 0: years outside 1–9999 are not supported", text)
    label = f"{first_year}–{first_year + 99}"
    return _Unit(
        Precision.DECADE, _dt.date(first_year, 1, 1), _dt.date(first_year + 99, 12, 31),
        f"{first_year // 100:02d}XX", label, label,
    )


def _season_of(when: _dt.date) -> tuple[int, int]:
    """Return (year, season code) of the meteorological season containing a day."""
    if when.month <= 2:
        return when.year - 1, 24
    return when.year, 21 + (when.month - 3) // 3


def _unit_of(precision: Precision, when: _dt.date) -> _Unit:
    """The plain unit of the given precision that contains a day."""
    if precision is Precision.DAY:
        return _day_unit(when.year, when.month, when.day)
    if precision is Precision.MONTH:
        return _month_unit(when.year, when.month)
    if precision is Precision.SEASON:
        return _season_unit(*_season_of(when))
    if precision is Precision.YEAR:
        return _year_unit(when.year)
    return _decade_unit(when.year // 10 * 10)


def _part_range(precision: Precision, part: str, when: _dt.date) -> tuple[_dt.date, _dt.date, str]:
    """Return the bounds and approximate-interval EDTF of early/mid/late of a unit."""
    index = _PARTS.index(part)
    if precision is Precision.DECADE:
        first = when.year // 10 * 10 + 3 * index          # early 0–3, mid 3–6, late 6–9
        return _dt.date(first, 1, 1), _dt.date(first + 3, 12, 31), f"{first:04d}~/{first + 3:04d}~"
    if precision is Precision.YEAR:
        year, first = when.year, 1 + 4 * index                # Jan–Apr, May–Aug, Sep–Dec
        last_day = _days_in_month(year, first + 3)
        return (_dt.date(year, first, 1), _dt.date(year, first + 3, last_day),
                f"{year:04d}-{first:02d}~/{year:04d}-{first + 3:02d}~")
    year, month = when.year, when.month                   # 1–10, 11–20, 21–end
    first = 1 + 10 * index
    last = 10 * (index + 1) if index < 2 else _days_in_month(year, month)
    return (_dt.date(year, month, first), _dt.date(year, month, last),
            f"{year:04d}-{month:02d}-{first:02d}~/{year:04d}-{month:02d}-{last:02d}~")


def _part_label(precision: Precision, part: str, when: _dt.date, short: bool) -> str:
    unit = _unit_of(precision, when)
    label = unit.short if short else unit.long
    joined = "mid-" if part == "mid" else part + " "
    if label.startswith("the "):
        return f"the {joined}{label[4:]}"
    return joined + label


def _qualifier(approximate: bool, uncertain: bool) -> str:
    if approximate and uncertain:
        return "%"
    return "~" if approximate else "?" if uncertain else ""


def _make_date(
    unit: _Unit,
    text: str,
    *,
    approximate: bool = False,
    uncertain: bool = False,
    bound: Bound = Bound.EXACT,
    exclusive: bool = False,
    part: str | None = None,
) -> HistoricalDate:
    """Build a HistoricalDate from a unit plus qualifiers, a bound or a part."""
    if part is not None:
        earliest, latest, edtf = _part_range(unit.precision, part, unit.earliest)
        if uncertain:
            edtf = edtf.replace("~", "%")
        return HistoricalDate(unit.precision, earliest, latest, edtf, text, True, uncertain, Bound.EXACT, part)
    qualifier = _qualifier(approximate, uncertain)
    if bound is Bound.EXACT:
        return HistoricalDate(unit.precision, unit.earliest, unit.latest, unit.edtf + qualifier, text,
                              approximate, uncertain)
    try:
        if exclusive and bound is Bound.NOT_AFTER:
            unit = _unit_of(unit.precision, unit.earliest - _ONE_DAY)
        elif exclusive:
            unit = _unit_of(unit.precision, unit.latest + _ONE_DAY)
    except (OverflowError, DateError):
        raise _fail("the bound falls outside years 1–9999, which are the only ones supported", text) from None
    if bound is Bound.NOT_AFTER:
        return HistoricalDate(unit.precision, None, unit.latest, f"[..{unit.edtf}{qualifier}]", text,
                              approximate, uncertain, bound, None, exclusive)
    return HistoricalDate(unit.precision, unit.earliest, None, f"[{unit.edtf}{qualifier}..]", text,
                          approximate, uncertain, bound, None, exclusive)


def _make_span(start: HistoricalDate | None, end: HistoricalDate | None, text: str,
               open_start: bool = False, open_end: bool = False) -> Span:
    """Join two single dates, refusing a range that ends before it starts."""
    if start is None and end is None:
        raise _fail("a range needs at least one known end", text)
    for side in (start, end):
        if side is not None and (side.bound is not Bound.EXACT or side.part is not None):
            raise _fail(f"a range end cannot be a bound or an early/mid/late part ({side.display()!r})", text)
    if start is not None and end is not None and start.earliest > end.latest:
        raise _fail(f"range ends before it starts ({start.display()} to {end.display()})", text)
    first = ".." if open_start else "" if start is None else start.edtf
    last = ".." if open_end else "" if end is None else end.edtf
    return Span(start, end, f"{first}/{last}", text, open_start, open_end)


def _compact_range(start: HistoricalDate, end: HistoricalDate, short: bool) -> str | None:
    """Write "1939–1941", "March–June 1953", "5–9 March 1953" when both ends are plain."""
    for side in (start, end):
        if side.approximate or side.uncertain or "X" in side.edtf[:-1] or "-XX" in side.edtf:
            return None
    if start.precision is not end.precision:
        return None
    names = _MONTH_ABBRS if short else _MONTH_NAMES
    a, b = start.earliest, end.earliest
    if start.precision is Precision.YEAR:
        return f"{a.year}–{b.year}"
    if start.precision is Precision.DECADE:
        return f"the {a.year}s–{b.year}s"
    if start.precision is Precision.MONTH and a.year == b.year:
        return f"{names[a.month - 1]}–{names[b.month - 1]} {a.year}"
    if start.precision is Precision.DAY and a.year == b.year:
        if a.month == b.month:
            return f"{a.day}–{b.day} {names[a.month - 1]} {a.year}"
        return f"{a.day} {names[a.month - 1]} – {b.day} {names[b.month - 1]} {a.year}"
    return None


# --------------------------------------------------------------------------
# EDTF (Library of Congress levels 0 and 1, plus [..x] and [x..])
# --------------------------------------------------------------------------

_EDTF_DATE = re.compile(
    r"(?P<year>Y-?\d+|-?\d{4}|\d{3}X|\d{2}XX|\dXXX|XXXX)"
    r"(?:-(?P<month>\d\d|XX)(?:-(?P<day>\d\d|XX))?)?"
    r"(?P<qualifier>[?~%])?"
)
_EDTF_BOUND = re.compile(r"\[\.\.([^\[\]]+)\]|\[([^\[\]]+)\.\.\]")
_EDTF_QUALIFIERS = "?~%"


def _edtf_core(edtf: str) -> str:
    """Strip bound brackets and the qualifier from a single-date EDTF string."""
    core = edtf.strip("[]").replace("..", "")
    return core.rstrip(_EDTF_QUALIFIERS)


def _edtf_unit(core: str) -> _Unit:
    """The unit of a canonical EDTF single date without qualifier (for display)."""
    match = _EDTF_DATE.fullmatch(core)
    return _edtf_match_unit(match, core, core)


def _edtf_match_unit(match: re.Match, text: str, source: str) -> _Unit:
    """Turn a matched EDTF date into a unit, refusing impossible or unsupported values."""
    year_text, month_text, day_text = match.group("year", "month", "day")
    if year_text.startswith("Y"):
        year = int(year_text[1:])
        if not 1 <= year <= 9999:
            raise _fail(f"year {year_text!r} is out of range: years outside 1–9999 are not supported", text)
        year_text = f"{year:04d}"
    elif year_text.startswith("-"):
        raise _fail(f"negative (BCE) year {year_text!r} is not supported: years outside 1–9999 are not supported",
                    text)
    unspecified = year_text.count("X")
    if unspecified >= 3:
        raise _fail(f"year {year_text!r} is too vague: at most the last two digits may be X", text)
    if unspecified and not all(part in (None, "XX") for part in (month_text, day_text)):
        raise _fail(f"{source!r} has a known month or day after an unspecified (X) year digit", text)
    if month_text == "XX" and day_text not in (None, "XX"):
        raise _fail(f"{source!r} has a known day in an unspecified (XX) month", text)
    base = int(year_text.replace("X", "0"))
    if unspecified == 2:
        unit = _century_unit(base, text)
    elif unspecified == 1:
        unit = _decade_unit(base, text)
    else:
        if base == 0:
            raise _fail("year 0000 (1 BCE) is not supported: years outside 1–9999 are not supported", text)
        unit = _year_unit(base)
    if month_text is None or month_text == "XX":
        pass
    else:
        month = int(month_text)
        if 21 <= month <= 24 and day_text is None:
            unit = _season_unit(base, month, text)
        else:
            if not 1 <= month <= 12:
                raise _fail(f"month {month_text} is out of range (01–12, or 21–24 for a season)", text)
            if day_text is None or day_text == "XX":
                unit = _month_unit(base, month)
            else:
                day = int(day_text)
                _check_day(base, month, day, text)
                unit = _day_unit(base, month, day)
    canonical = year_text + "".join(f"-{part}" for part in (month_text, day_text) if part is not None)
    if canonical != unit.edtf:
        # Keep the X digits: "1985-XX" says "some month of 1985", not "1985".
        unit = unit._replace(edtf=canonical)
    return unit


def _edtf_single(source: str, text: str) -> HistoricalDate | None:
    """Read one EDTF date with its qualifier, or return None when it is not EDTF."""
    match = _EDTF_DATE.fullmatch(source)
    if match is None:
        return None
    unit = _edtf_match_unit(match, text, source)
    qualifier = match.group("qualifier")
    return _make_date(unit, text, approximate=qualifier in ("~", "%"), uncertain=qualifier in ("?", "%"))


def _parse_edtf(source: str, text: str) -> DateLike | None:
    """Read EDTF (single, interval, or [..x]/[x..]); None when the text is not EDTF."""
    if source.startswith("["):
        match = _EDTF_BOUND.fullmatch(source)
        if match is None:
            return None
        inner = match.group(1) or match.group(2)
        single = _edtf_single(inner, text)
        if single is None:
            return None
        bound = Bound.NOT_AFTER if match.group(1) else Bound.NOT_BEFORE
        unit = _edtf_unit(_edtf_core(single.edtf))
        return _make_date(unit, text, approximate=single.approximate, uncertain=single.uncertain, bound=bound)
    if "/" in source:
        if source.count("/") != 1:
            return None
        first, last = source.split("/")
        ends = []
        for side in (first, last):
            if side in ("", ".."):
                ends.append(None)
                continue
            single = _edtf_single(side, text)
            if single is None:
                return None
            ends.append(attrs.evolve(single, text=side))
        return _make_span(ends[0], ends[1], text, first == "..", last == "..")
    return _edtf_single(source, text)


# --------------------------------------------------------------------------
# English phrases
# --------------------------------------------------------------------------

_MONTHS = {name.lower(): number for number, name in enumerate(_MONTH_NAMES, 1)}
_MONTHS.update({abbr.lower(): number for number, abbr in enumerate(_MONTH_ABBRS, 1)})
_MONTHS["sept"] = 9
_SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
_APPROXIMATE_WORDS = frozenset({"c", "ca", "circa", "about", "around", "approximately", "approx", "roughly", "abt"})
_UNCERTAIN_WORDS = frozenset({"probably", "possibly", "perhaps", "maybe"})
_PART_WORDS = {"early": "early", "beginning": "early", "start": "early", "mid": "mid", "middle": "mid",
               "late": "late", "end": "late"}
_FILLERS = frozenset({"the", "of", "on", "in", ",", "ad", "ce", "a.d", "c.e"})
_BCE_WORDS = frozenset({"bc", "bce", "b.c", "b.c.e"})
_WEEKDAYS = {name: number for number, names in enumerate((
    ("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"), ("thursday", "thu", "thur", "thurs"),
    ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun"),
)) for name in names}
_RELATIVE_WORDS = frozenset({
    "yesterday", "today", "tomorrow", "tonight", "now", "next", "last", "previous", "following", "ago",
    "this", "coming", "preceding", "same", "week", "weeks", "days", "months", "years",
    "recently", "later", "soon", "fortnight", "weekend",
})
# Multi-word bounds are matched before fillers ("on") are dropped.
_BOUND_PHRASES = (
    (("on", "or", "before"), Bound.NOT_AFTER, False),
    (("on", "or", "after"), Bound.NOT_BEFORE, False),
    (("no", "later", "than"), Bound.NOT_AFTER, False),
    (("no", "earlier", "than"), Bound.NOT_BEFORE, False),
    (("not", "after"), Bound.NOT_AFTER, False),
    (("not", "before"), Bound.NOT_BEFORE, False),
    (("not", "later", "than"), Bound.NOT_AFTER, False),
    (("not", "earlier", "than"), Bound.NOT_BEFORE, False),
    (("by",), Bound.NOT_AFTER, False),
    (("before",), Bound.NOT_AFTER, True),
    (("after",), Bound.NOT_BEFORE, True),
)
_RANGE_WORDS = frozenset({"to", "until", "till", "til", "through", "thru"})

_TOKEN = re.compile(
    r"(?P<number>\d+)(?P<suffix>st|nd|rd|th|'s|’s|s)?"
    r"|(?P<word>[^\W\d_]+(?:\.(?=[^\W\d_]\.))?[^\W\d_]*\.?)"
    r"|(?P<dash>[-‐‑‒–—―]+)"
    r"|(?P<mark>[,/?~%()\[\]])"
    r"|(?P<space>\s+)"
    r"|(?P<other>.)",
    re.IGNORECASE,
)
_NUMERIC_DMY = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{2,4})")
_NUMERIC_YMD = re.compile(r"(\d{4})([/.\-])(\d{1,2})\2(\d{1,2})")
_ISO_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
_YEAR_DASH_TWO = re.compile(r"(\d{4})-(\d\d)")
_MONTH_ALTERNATION = "|".join(_MONTH_NAMES)
# The common English forms, read without the tokenizer (about 10x faster);
# anything else, or any field out of range, goes through the full grammar.
_ENGLISH_MDY = re.compile(rf"({_MONTH_ALTERNATION}) (\d{{1,2}}), (\d{{4}})")
_ENGLISH_DMY = re.compile(rf"(\d{{1,2}}) ({_MONTH_ALTERNATION}) (\d{{4}})")
_ENGLISH_MY = re.compile(rf"({_MONTH_ALTERNATION}) (\d{{4}})")
_CIRCA_YEAR = re.compile(r"c\. (\d{4})")
_MONTH_NUMBERS = {name: number for number, name in enumerate(_MONTH_NAMES, 1)}


class _Token(NamedTuple):
    kind: str      # "number", "word", "dash", "mark"
    value: str     # lower-cased word (without a trailing dot), digits, or the mark
    suffix: str    # "st"/"nd"/"rd"/"th" for ordinals, "s" for decades
    column: int    # 1-based column in the original text
    stop: int      # index just past the token in the original text


@attrs.define
class _Partial:
    """What one side of an English phrase gave; fields left None were not given."""

    approximate: bool = False
    uncertain: bool = False
    bound: Bound = Bound.EXACT
    exclusive: bool = False
    part: str | None = None
    day: int | None = None
    month: int | None = None
    season: int | None = None
    year: int | None = None
    decade: int | None = None
    short_decade: int | None = None   # "50s" after "1940s–"
    small: int | None = None           # a bare 1–2 digit number: a day or a two-digit year
    weekday: int | None = None
    column: int = 0


class _NoPattern(Exception):
    """The words are all known but do not form a date we read (dateutil may try)."""


def _tokenize(text: str, offset: int, end: int) -> list[_Token]:
    tokens = []
    for match in _TOKEN.finditer(text, offset, end):
        kind = match.lastgroup
        column = match.start() + 1
        if kind == "space":
            continue
        if kind == "suffix" or match.group("number") is not None:
            suffix = (match.group("suffix") or "").lower().replace("’", "'").lstrip("'")
            tokens.append(_Token("number", match.group("number"), suffix, column, match.end()))
        elif kind == "word":
            tokens.append(_Token("word", match.group("word").lower().rstrip("."), "", column, match.end()))
        elif kind == "dash":
            tokens.append(_Token("dash", "-", "", column, match.end()))
        elif kind == "mark":
            tokens.append(_Token("mark", match.group(), "", column, match.end()))
        else:
            raise _fail(f"unexpected character {match.group()!r}", text, column)
    return tokens


def _suggest_month(word: str) -> str | None:
    """Return the month spelling a mistyped word most likely meant, or None."""
    candidates = list(_MONTH_NAMES) + list(_MONTH_ABBRS)
    for candidate in candidates:
        if len(candidate) == len(word) and sorted(candidate.lower()) == sorted(word):
            return candidate
    import difflib  # only on the error path

    close = difflib.get_close_matches(word, [c.lower() for c in candidates], n=1, cutoff=0.6)
    if not close:
        return None
    return next(c for c in candidates if c.lower() == close[0])


def _unknown_word(token: _Token, text: str) -> DateError:
    word = text[token.column - 1: token.column - 1 + len(token.value)]
    if token.value in _RELATIVE_WORDS:
        return _fail(f"relative date word {word!r} cannot be placed on a timeline; give the calendar date",
                     text, token.column)
    if token.value in _BCE_WORDS:
        return _fail("BCE years are not supported: years outside 1–9999 are not supported", text, token.column)
    suggestion = _suggest_month(token.value) if len(token.value) >= 3 else None
    if suggestion is not None:
        return _fail(f"unknown month {word!r} (did you mean {suggestion!r}?)", text, token.column)
    return _fail(f"unknown word {word!r}", text, token.column)


def _starts_with(tokens: list[_Token], index: int, words: tuple[str, ...]) -> bool:
    if index + len(words) > len(tokens):
        return False
    return all(tokens[index + i].kind == "word" and tokens[index + i].value == w for i, w in enumerate(words))


def _read_side(tokens: list[_Token], text: str) -> _Partial:
    """Read one side of a phrase (no range separators) into a _Partial."""
    partial = _Partial(column=tokens[0].column if tokens else 0)
    index = 0
    while index < len(tokens):
        for words, bound, exclusive in _BOUND_PHRASES:
            if _starts_with(tokens, index, words):
                if partial.bound is not Bound.EXACT:
                    raise _fail("a date can have only one bound ('by', 'before', 'after')", text,
                                tokens[index].column)
                partial.bound, partial.exclusive = bound, exclusive
                index += len(words)
                break
        else:
            break
    numbers: list[_Token] = []
    names: list[tuple[str, int, _Token]] = []   # ("month" | "season", value, token)
    for position, token in enumerate(tokens[index:], index):
        value = token.value
        if token.kind == "mark":
            if value == "?":
                partial.uncertain = True
            elif value == "~":
                partial.approximate = True
            elif value == "%":
                partial.approximate = partial.uncertain = True
            elif value != ",":
                raise _NoPattern
            continue
        if token.kind == "dash":
            # "mid-1940s", "mid-March"
            if position > index and tokens[position - 1].value in _PART_WORDS:
                continue
            raise _NoPattern
        if token.kind == "number":
            if token.suffix == "s":
                if len(value) >= 3 and int(value) % 10 == 0:
                    _check_year(int(value), text, token.column)
                    partial.decade = int(value)
                elif len(value) == 2 and int(value) % 10 == 0:
                    partial.short_decade = int(value)
                else:
                    raise _fail(f"{value}s is not a decade (write it like 1940s)", text, token.column)
                continue
            numbers.append(token)
            continue
        if value in _FILLERS:
            continue
        if value in _MONTHS:
            names.append(("month", _MONTHS[value], token))
        elif value in _SEASONS:
            names.append(("season", _SEASONS[value], token))
        elif value in _APPROXIMATE_WORDS:
            partial.approximate = True
        elif value in _UNCERTAIN_WORDS:
            partial.uncertain = True
        elif value in _PART_WORDS:
            if partial.part is not None:
                raise _fail(f"more than one of early/mid/late in {text.strip()!r}", text, token.column)
            partial.part = _PART_WORDS[value]
        elif value in _WEEKDAYS:
            partial.weekday = _WEEKDAYS[value]
        else:
            raise _unknown_word(token, text)
    if len(names) > 1:
        raise _fail(f"more than one month or season in {text.strip()!r}", text, names[1][2].column)
    if names:
        kind, value, _ = names[0]
        setattr(partial, kind, value)
    _assign_numbers(partial, numbers, names[0][2] if names else None, text)
    return partial


def _assign_numbers(partial: _Partial, numbers: list[_Token], name: _Token | None, text: str) -> None:
    """Decide which numbers are years and which are days."""
    for token in numbers:
        value = int(token.value)
        is_year = len(token.value) >= 3 and not token.suffix
        if is_year:
            if partial.year is not None:
                raise _fail(f"more than one year in {text.strip()!r}", text, token.column)
            _check_year(value, text, token.column)
            partial.year = value
        elif len(token.value) <= 2:
            if partial.small is not None:
                raise _NoPattern
            partial.small = value
            partial.column = token.column
        else:
            raise _NoPattern
    if partial.small is not None and partial.month is not None:
        partial.day, partial.small = partial.small, None
    if partial.decade is not None and (partial.year is not None or partial.month or partial.season or partial.day):
        raise _NoPattern


def _build_side(partial: _Partial, text: str) -> HistoricalDate:
    """Turn a complete _Partial into a HistoricalDate, refusing missing fields."""
    if partial.small is not None:
        raise _fail(f"{partial.small} alone is neither a day with a month nor a full year "
                    "(two-digit years are not accepted)", text, partial.column)
    if partial.short_decade is not None:
        raise _fail(f"write the decade '{partial.short_decade}s' in full, like 1940s", text, partial.column)
    if partial.decade is not None:
        unit = _decade_unit(partial.decade, text)
    elif partial.year is None:
        what = "day and month" if partial.day else "month" if partial.month else "season" if partial.season else ""
        if not what:
            raise _NoPattern
        raise _fail(f"no year given with the {what}; a date needs a year", text, partial.column)
    elif partial.season is not None:
        if partial.day is not None:
            raise _NoPattern
        unit = _season_unit(partial.year, partial.season, text)
    elif partial.month is not None:
        if partial.day is not None:
            _check_day(partial.year, partial.month, partial.day, text, partial.column)
            unit = _day_unit(partial.year, partial.month, partial.day)
        else:
            unit = _month_unit(partial.year, partial.month)
    elif partial.day is not None:
        raise _fail("a day needs a month", text, partial.column)
    else:
        unit = _year_unit(partial.year)
    if partial.weekday is not None:
        if unit.precision is not Precision.DAY:
            raise _fail("a weekday needs a full date with day, month and year", text, partial.column)
        if unit.earliest.weekday() != partial.weekday:
            actual = unit.earliest.strftime("%A")
            raise _fail(f"{unit.long} was a {actual}, which does not match the weekday given", text,
                        partial.column)
    if partial.part is not None:
        if partial.bound is not Bound.EXACT:
            raise _fail("a bound ('by', 'before', 'after') cannot apply to early/mid/late", text, partial.column)
        if unit.precision in (Precision.DAY, Precision.SEASON):
            raise _fail("early/mid/late applies to a decade, a year or a month only", text, partial.column)
    return _make_date(unit, text, approximate=partial.approximate, uncertain=partial.uncertain,
                      bound=partial.bound, exclusive=partial.exclusive, part=partial.part)


def _split_range(tokens: list[_Token], text: str) -> tuple[list[_Token], list[_Token] | None]:
    """Split "A–B", "A to B", "from A to B", "between A and B" into the two sides."""
    between = bool(tokens) and tokens[0].kind == "word" and tokens[0].value == "between"
    if tokens and tokens[0].kind == "word" and tokens[0].value in ("from", "between"):
        tokens = tokens[1:]
    cuts = []
    for index, token in enumerate(tokens):
        if token.kind == "dash":
            if index > 0 and tokens[index - 1].value in _PART_WORDS and tokens[index - 1].kind == "word":
                continue
            cuts.append(index)
        elif token.kind == "word" and (token.value in _RANGE_WORDS or between and token.value == "and"):
            cuts.append(index)
    if between and not cuts:
        raise _fail("'between' needs 'and' (between 1946 and 1953)", text)
    if not cuts:
        return tokens, None
    if len(cuts) > 1:
        raise _fail("more than one range separator", text, tokens[cuts[1]].column)
    cut = cuts[0]
    if cut == 0 or cut == len(tokens) - 1:
        raise _fail("a range needs a date on both sides of the separator", text, tokens[cut].column)
    return tokens[:cut], tokens[cut + 1:]


def _parse_range(left: _Partial, right: _Partial, text: str) -> DateLike:
    """Complete the left side of a range from the right ("5–9 March 1953", "1953–57")."""
    if left.year is not None and right.small is not None and right.month is None and right.season is None:
        year = left.year // 100 * 100 + right.small
        if left.season == 24 and year == left.year + 1 and left.day is None and left.month is None:
            return _build_side(left, text)    # "winter 1953–54" is one season
        if year <= left.year:
            raise _fail(f"range ends before it starts ({left.year} to {year}); write the end year in full",
                        text, right.column)
        right.year, right.small = year, None
    if left.decade is not None and right.short_decade is not None:
        right.decade, right.short_decade = left.decade // 100 * 100 + right.short_decade, None
    end = _build_side(right, text)
    if left.year is None and left.decade is None:
        if left.small is not None and right.month is not None:
            left.day, left.small = left.small, None
        if left.day is not None and left.month is None:
            if right.month is None:
                raise _fail("a day needs a month", text, left.column)
            left.month = right.month
        if left.day is not None or left.month is not None or left.season is not None:
            left.year = right.year
    start = _build_side(left, text)
    return _make_span(start, end, text)


def _parse_numeric(source: str, text: str, dayfirst: bool | None) -> HistoricalDate | None:
    """Read all-number dates: 1953/03/05, 05.03.1953, 03/05/1953 (refused when ambiguous)."""
    match = _NUMERIC_YMD.fullmatch(source)
    if match is not None:
        year, month, day = int(match.group(1)), int(match.group(3)), int(match.group(4))
    else:
        match = _NUMERIC_DMY.fullmatch(source)
        if match is None:
            return None
        first, second, year_text = match.group(1), match.group(3), match.group(4)
        if len(year_text) != 4:
            raise _fail(f"{source!r} has a two-digit year, which is ambiguous; write the year in full", text)
        year, a, b = int(year_text), int(first), int(second)
        if dayfirst is None:
            if a != b and a <= 12 and b <= 12:
                raise _fail(
                    f"{source!r} is ambiguous: it could be {a} {_MONTH_NAMES[b - 1]} or "
                    f"{b} {_MONTH_NAMES[a - 1]} {year}; write ISO {year:04d}-{b:02d}-{a:02d} "
                    f"or {year:04d}-{a:02d}-{b:02d}, or pass dayfirst=True or dayfirst=False",
                    text, hint=False,
                )
            day, month = (a, b) if a > 12 or a == b else (b, a)
        else:
            day, month = (a, b) if dayfirst else (b, a)
    _check_year(year, text)
    _check_month(month, text)
    _check_day(year, month, day, text)
    return _make_date(_day_unit(year, month, day), text)


def _parse_english(source: str, offset: int, text: str) -> DateLike:
    tokens = _tokenize(text, offset, offset + len(source))
    if not tokens:
        raise _NoPattern
    left_tokens, right_tokens = _split_range(tokens, text)
    left = _read_side(left_tokens, text)
    if right_tokens is None:
        return _build_side(left, text)
    result = _parse_range(left, _read_side(right_tokens, text), text)
    if isinstance(result, Span):
        # Each end keeps the words it came from ("5", "9 March 1953").
        sides = (text[t[0].column - 1: t[-1].stop] for t in (left_tokens, right_tokens))
        start, end = (attrs.evolve(e, text=w) for e, w in zip((result.start, result.end), sides))
        result = attrs.evolve(result, start=start, end=end)
    return result


_DATEUTIL_FILLERS = frozenset({"of", "the", "on", "in", "at", "and", ",", "ad", "ce"})


def _parse_with_dateutil(source: str, text: str, dayfirst: bool | None) -> HistoricalDate | None:
    """Last resort for odd word orders ("1953, 5 March"); None when dateutil cannot read it safely.

    Two parses with different defaults show which fields the text really
    gave; a missing year or month, a time of day, a two-digit year or a
    skipped word is refused rather than filled in.
    """
    years = {int(n) for n in re.findall(r"\d+", source) if len(n) in (3, 4)}
    if not years or not any(t in _MONTHS for t in re.findall(r"[a-z]+", source.lower())):
        return None
    from dateutil import (
        parser as dateutil_parser,  # slow to import and to run: last resort only
    )

    first_default = _dt.datetime(1, 1, 1, 0, 0, 0)
    second_default = _dt.datetime(2, 2, 2, 1, 1, 1)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            first, skipped = dateutil_parser.parse(source, default=first_default, fuzzy_with_tokens=True,
                                                   dayfirst=bool(dayfirst))
            second = dateutil_parser.parse(source, default=second_default, fuzzy=True, dayfirst=bool(dayfirst))
        except Exception:  # dateutil raises ValueError, OverflowError, TypeError...: all mean "no"
            return None
    if caught or first.tzinfo is not None:
        return None   # a word was taken for a time zone: it was not a date word
    for piece in skipped:
        for word in re.findall(r"[^\W\d_]+|,", piece.lower()):
            if word not in _DATEUTIL_FILLERS:
                return None
    given = {field: getattr(first, field) == getattr(second, field)
             for field in ("year", "month", "day", "hour", "minute", "second")}
    if given["hour"] or given["minute"] or given["second"]:
        raise _fail("times of day are not supported in dates", text)
    if not (given["year"] and given["month"]) or first.year not in years:
        return None
    if given["day"]:
        return _make_date(_day_unit(first.year, first.month, first.day), text)
    return _make_date(_month_unit(first.year, first.month), text)


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
                return _make_date(_month_unit(year, _MONTH_NUMBERS[match.group(1)]), text) if year else None
            match = _CIRCA_YEAR.fullmatch(text)
            if match is not None:
                year = int(match.group(1))
                return _make_date(_year_unit(year), text, approximate=True) if year else None
            return None
    if not year or not 1 <= day <= _days_in_month(year, month):
        return None
    return _make_date(_day_unit(year, month, day), text)


@functools.lru_cache(maxsize=4096)
def _parse_cached(text: str, dayfirst: bool | None) -> DateLike:
    if len(text) > MAX_DATE_LENGTH:
        raise _fail(f"date text is too long ({len(text)} characters; at most {MAX_DATE_LENGTH})", text)
    iso = _ISO_DAY.fullmatch(text)
    if iso is not None:
        # The common case, kept to a few microseconds.
        year, month, day = int(iso.group(1)), int(iso.group(2)), int(iso.group(3))
        if year and 1 <= month <= 12 and 1 <= day <= _days_in_month(year, month):
            when = _dt.date(year, month, day)
            return HistoricalDate(Precision.DAY, when, when, text, text)
    fast = _parse_common_english(text)
    if fast is not None:
        return fast
    source, offset = _trim(text)
    if not source:
        raise _fail("empty date", text)
    two_digit = _YEAR_DASH_TWO.fullmatch(source)
    if two_digit is None or 1 <= int(two_digit.group(2)) <= 12 or 21 <= int(two_digit.group(2)) <= 24:
        result = _parse_edtf(source, text)
        if result is not None:
            return result
    elif int(two_digit.group(2)) <= int(two_digit.group(1)[2:]):
        # "1953-13" is neither a month nor a forward range "1953–1913"; "1953-57" is a range.
        raise _fail(f"month {two_digit.group(2)} is out of range (01–12, or 21–24 for a season)", text)
    numeric = _parse_numeric(source, text, dayfirst)
    if numeric is not None:
        return numeric
    try:
        return _parse_english(source, offset, text)
    except _NoPattern:
        pass
    fallback = _parse_with_dateutil(source, text, dayfirst)
    if fallback is not None:
        return fallback
    raise _fail(f"cannot read {source!r} as a date", text)


def parse_date(text: str, *, dayfirst: bool | None = None) -> HistoricalDate | Span:
    """Parse EDTF or an English phrase into a HistoricalDate or a Span.

    Raises DateError (a ValueError) with a message saying what is accepted.
    ``dayfirst`` only settles all-number dates such as ``03/05/1953``
    (True: 3 May; False: 5 March); without it they are refused when
    ambiguous.
    """
    if not isinstance(text, str):
        raise DateError(f"a date must be text, got {type(text).__name__} {text!r}{_HINT}", str(text))
    if dayfirst not in (None, True, False):
        raise UsageError(f"dayfirst must be None, True or False, got {dayfirst!r}")
    return _parse_cached(text, None if dayfirst is None else bool(dayfirst))
