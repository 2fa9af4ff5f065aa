"""One side of an English date phrase: its words read into fields, and the fields built into a date.

The day–month–year forms in any order ("5 March 1953", "March 5, 1953",
"1953 March 5"), a month or season and year, a year alone, with their
bounds ("by", "before", "after"), qualifiers ("c.", "probably", "?"),
part ("early", "mid", "late"), weekday, time of day, era (BC, AD) and
calendar mark ("(O.S.)").  The units coarser than a year are read by
english_coarse.py (decades, centuries, millennia) and english_deep.py
(deep time); every field must be given by a word, and a missing one is
refused, never filled in.
"""

from __future__ import annotations

import attrs

from timeline.dates import calendar as cal
from timeline.dates import words as W
from timeline.dates.english_coarse import _coarse_unit, _decade
from timeline.dates.tokens import (
    NoPattern,
    Token,
    calendar_word,
    clock,
    starts_with,
    twelve_hour,
    unknown_word,
)
from timeline.dates.types import Bound, HistoricalDate, Precision, TimeOfDay
from timeline.dates.units import (
    check_day,
    check_fine_year,
    check_year,
    day_unit,
    fail,
    make_date,
    month_unit,
    season_unit,
    year_unit,
)

__all__: list[str] = []


@attrs.define
class _Partial:
    """What one side of a phrase gave; fields left None were not given."""

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
    small_digits: int = 0
    weekday: int | None = None
    era: str | None = None             # "bce" or "ce" when the phrase says so
    ordinal: tuple[int, int] | None = None   # (number, 100 or 1000): "the 19th century"
    deep: str | None = None            # EDTF of "66 million years ago"
    calendar: str | None = None
    time: TimeOfDay | None = None
    column: int = 0


_DEEP_NEXT = frozenset(W.DEEP_SCALES) | frozenset(W.DEEP_SUFFIXES) | {"years", "bp"}
_LEADING_PHRASES: dict[str, list[tuple[tuple[str, ...], Bound | None, bool]]] = {}
for _words in W.APPROXIMATE_PHRASES:
    _LEADING_PHRASES.setdefault(_words[0], []).append((_words, None, False))
for _words, _bound, _exclusive in W.BOUND_PHRASES:
    _LEADING_PHRASES.setdefault(_words[0], []).append((_words, _bound, _exclusive))
_SIDE_PHRASE_STARTS = frozenset(w[0] for w in W.FILLER_PHRASES) | frozenset(w[0][0] for w in W.CALENDAR_PHRASES)


def _read_bounds(tokens: list[Token], partial: _Partial, text: str) -> int:
    """Read leading bound and 'on or about' phrases; return the index after them."""
    index = 0
    while index < len(tokens) and tokens[index].value in _LEADING_PHRASES:
        for words, bound, exclusive in _LEADING_PHRASES[tokens[index].value]:
            if not starts_with(tokens, index, words):
                continue
            index += len(words)
            if bound is None:      # "on or about"
                partial.approximate = True
                break
            if partial.bound is not Bound.EXACT:
                raise fail("a date can have only one bound ('by', 'before', 'after')", text,
                           tokens[index - len(words)].column)
            partial.bound, partial.exclusive = bound, exclusive
            # "by the end of 1944" is "by 1944": the bound already says "at the latest".
            for tail in (("the", "end", "of"), ("end", "of")):
                if bound is Bound.NOT_AFTER and not exclusive and starts_with(tokens, index, tail):
                    index += len(tail)
                    break
            break
        else:
            return index
    return index


def _read_side(tokens: list[Token], text: str) -> _Partial:
    """Read one side of a phrase (no range separators) into a _Partial."""
    partial = _Partial(column=tokens[0].column if tokens else 0)
    index = _read_bounds(tokens, partial, text)
    numbers: list[Token] = []
    names: list[tuple[str, int, Token]] = []   # ("month" | "season", value, token)
    skip = 0
    for position, token in enumerate(tokens[index:], index):
        if skip:
            skip -= 1
            continue
        value = token.value
        if token.kind == "mark":
            if value == "?":
                partial.uncertain = True
            elif value == "~":
                partial.approximate = True
            elif value == "%":
                partial.approximate = partial.uncertain = True
            elif value == "(" and not calendar_word(tokens, position + 1):
                raise NoPattern
            elif value == ")" and not (position > index and calendar_word(tokens, position - 1, back=True)):
                raise NoPattern
            elif value not in ",()":
                raise NoPattern
            continue
        if token.kind == "clock":
            partial.time = clock(token, text)
            continue
        if token.kind == "dash":
            # "mid-1940s", "mid-March", "19th-century"
            before = tokens[position - 1] if position > index else None
            after = tokens[position + 1] if position + 1 < len(tokens) else None
            if before is not None and (before.value in W.PART_WORDS or
                                       after is not None and after.value in W.CENTURY_WORDS):
                continue
            raise NoPattern
        if token.kind == "number":
            after = tokens[position + 1].value if position + 1 < len(tokens) else ""
            deep = None
            if after in _DEEP_NEXT:  # deep time's grammar is imported when a text may name it: few do
                from timeline.dates.english_deep import _deep_time

                deep = _deep_time(tokens, position, text)
            if deep is not None:
                partial.deep, skip = deep[0], deep[1]
                partial.column = token.column
                continue
            if token.suffix in ("st", "nd", "rd", "th"):
                following = tokens[position + 1: position + 3]
                scale = next((W.CENTURY_WORDS[t.value] for t in following if t.kind == "word"
                              and t.value in W.CENTURY_WORDS), None)
                if scale is not None:
                    partial.ordinal = (int(value), scale)
                    partial.column = token.column
                    continue
            if token.suffix == "s":
                _decade(partial, token, text)
                continue
            numbers.append(token)
            continue
        if value in W.CENTURY_WORDS and (partial.ordinal is not None):
            continue
        if value in W.ORDINAL_WORDS and any(t.value in W.CENTURY_WORDS for t in tokens[position + 1: position + 3]):
            partial.ordinal = (W.ORDINAL_WORDS[value], next(W.CENTURY_WORDS[t.value] for t in
                                                            tokens[position + 1: position + 3]
                                                            if t.value in W.CENTURY_WORDS))
            continue
        if value in W.FILLERS or value in W.CLOCK_WORDS and partial.time is not None:
            if value in W.CLOCK_WORDS:
                partial.time = twelve_hour(partial.time, W.CLOCK_WORDS[value], token, text)
            continue
        if value in _SIDE_PHRASE_STARTS and any(starts_with(tokens, position, words)
                                                for words in W.FILLER_PHRASES):
            skip = 1
            continue
        if value in W.ZONE_WORDS and partial.time is not None:
            partial.time = attrs.evolve(partial.time, utc_offset=0)
        elif value in W.MONTHS:
            names.append(("month", W.MONTHS[value], token))
        elif value in W.SEASONS:
            names.append(("season", W.SEASONS[value], token))
        elif value in W.APPROXIMATE_WORDS:
            partial.approximate = True
        elif value in W.UNCERTAIN_WORDS:
            partial.uncertain = True
        elif value in W.PART_WORDS:
            if partial.part is not None:
                raise fail(f"more than one of early/mid/late in {text.strip()!r}", text, token.column)
            partial.part = W.PART_WORDS[value]
        elif value in W.WEEKDAYS:
            partial.weekday = W.WEEKDAYS[value]
        elif value in W.BCE_WORDS or value in W.CE_WORDS:
            era = "bce" if value in W.BCE_WORDS else "ce"
            if partial.era not in (None, era):
                raise fail("a date cannot be both BCE and CE", text, token.column)
            partial.era = era
        elif value in W.CALENDAR_WORDS:
            partial.calendar = W.CALENDAR_WORDS[value]
        elif any(starts_with(tokens, position, words) for words, _ in W.CALENDAR_PHRASES):
            partial.calendar = next(c for words, c in W.CALENDAR_PHRASES if starts_with(tokens, position, words))
            skip = 1
        else:
            raise unknown_word(token, text)
    if len(names) > 1:
        raise fail(f"more than one month or season in {text.strip()!r}", text, names[1][2].column)
    if names:
        kind, value, _ = names[0]
        setattr(partial, kind, value)
    _assign_numbers(partial, numbers, text)
    return partial


def _assign_numbers(partial: _Partial, numbers: list[Token], text: str) -> None:
    """Decide which numbers are years and which are days."""
    has_year = any(len(t.value) >= 3 for t in numbers)
    if partial.era is not None and numbers and not has_year:
        # "44 BC", "AD 79", "15 March 44 BC": with an era, the last number is the year.
        numbers = numbers[:-1] + [numbers[-1]._replace(suffix="year")]
    for token in numbers:
        digits = token.value.replace(",", "")
        if "." in digits:
            raise fail(f"unexpected number {token.value}", text, token.column)
        value = int(digits)
        if token.suffix == "year" or len(digits) >= 3 and not token.suffix:
            if partial.year is not None:
                raise fail(f"more than one year in {text.strip()!r}", text, token.column)
            if len(digits) > 4 and partial.era is None:
                raise fail(f"year {token.value} needs an era (BCE or CE), or EDTF Y{digits}", text, token.column)
            if value == 0:
                raise fail("there is no year 0: 1 BCE is followed by 1 CE (EDTF writes 1 BCE as 0000)",
                           text, token.column)
            partial.year = 1 - value if partial.era == "bce" else value
            check_year(partial.year, text, token.column)
            partial.column = partial.column or token.column
        elif len(digits) <= 2:
            if partial.small is not None:
                if partial.month is not None:
                    raise fail(f"'{token.value}' is a two-digit year, which is ambiguous; write the year in full, "
                               f"or with its era (AD {token.value}, {token.value} BC)", text, token.column)
                raise NoPattern
            partial.small, partial.small_digits = value, len(digits)
            partial.column = token.column
        else:
            raise NoPattern
    if partial.small is not None and partial.month is not None:
        partial.day, partial.small = partial.small, None
    if partial.decade is not None and (partial.year is not None or partial.month or partial.season or partial.day):
        raise NoPattern


def _build_side(partial: _Partial, text: str, calendar: str) -> HistoricalDate:
    """Turn a complete _Partial into a HistoricalDate, refusing missing fields."""
    if partial.calendar is None:
        partial.calendar = calendar
    if partial.deep is not None or partial.year is not None and not -9999 <= partial.year <= 9999:
        partial.calendar = "gregorian"   # deep time and long years are proleptic Gregorian (docs/dates.md)
    julian = partial.calendar == "julian"
    if partial.small is not None:
        raise fail(f"{partial.small} alone is neither a day with a month nor a full year "
                   "(two-digit years are not accepted)", text, partial.column)
    if partial.short_decade is not None:
        raise fail(f"write the decade '{partial.short_decade}s' in full, like 1940s", text, partial.column)
    unit = _coarse_unit(partial, text)
    if unit is not None:
        pass
    elif partial.year is None:
        what = "day and month" if partial.day else "month" if partial.month else "season" if partial.season else ""
        if not what:
            raise NoPattern
        raise fail(f"no year given with the {what}; a date needs a year", text, partial.column)
    elif partial.season is not None:
        if partial.day is not None:
            raise NoPattern
        check_fine_year(partial.year, text, partial.column, "a season")
        unit = season_unit(partial.year, partial.season, julian)
    elif partial.month is not None:
        check_fine_year(partial.year, text, partial.column)
        if partial.day is not None:
            check_day(partial.year, partial.month, partial.day, text, partial.column, julian)
            unit = day_unit(partial.year, partial.month, partial.day, julian)
        else:
            unit = month_unit(partial.year, partial.month, julian)
    elif partial.day is not None:
        raise fail("a day needs a month", text, partial.column)
    else:
        unit = year_unit(partial.year, julian)
    if partial.weekday is not None:
        if unit.precision is not Precision.DAY:
            raise fail("a weekday needs a full date with day, month and year", text, partial.column)
        if cal.weekday(unit.first) != partial.weekday:
            actual = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")[
                cal.weekday(unit.first)]
            named = make_date(unit, text, calendar=partial.calendar).display()
            raise fail(f"{named} was a {actual}, which does not match the weekday given", text, partial.column)
    if partial.time is not None and unit.precision is not Precision.DAY:
        raise fail("a time of day needs a full date with day, month and year", text, partial.column)
    if partial.part is not None:
        if partial.bound is not Bound.EXACT:
            raise fail("a bound ('by', 'before', 'after') cannot apply to early/mid/late", text, partial.column)
        if unit.precision in (Precision.DAY, Precision.SEASON, Precision.MILLION_YEARS):
            raise fail("early/mid/late applies to a century, a decade, a year or a month only", text,
                       partial.column)
    return make_date(unit, text, approximate=partial.approximate, uncertain=partial.uncertain,
                     bound=partial.bound, exclusive=partial.exclusive, part=partial.part,
                     calendar=partial.calendar, time=partial.time)
