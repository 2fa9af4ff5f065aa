"""English date phrases: a small token grammar.

"5 March 1953", "March 5, 1953", "the 1940s", "early 1953", "by summer 1953",
"c. 1930", "44 BC", "AD 79", "the 19th century", "the 2nd century BCE",
"66 million years ago", "5 March 1953, 21:50", "25 October 1917 (O.S.)",
and ranges of them ("5–9 March 1953", "April 14–15, 1912", "winter 1953/54",
"between 1946 and 1953").  Every field must be given by a word: a missing
year is refused, never filled in, and every refusal says why.
"""

from __future__ import annotations

import attrs

from timeline.dates import calendar as cal
from timeline.dates import words as W
from timeline.dates.display import ordinal
from timeline.dates.edtf import long_year_unit
from timeline.dates.tokens import (
    Token,
    calendar_word,
    clock,
    starts_with,
    tokenize,
    twelve_hour,
    unknown_word,
)
from timeline.dates.types import Bound, HistoricalDate, Precision, Span, TimeOfDay
from timeline.dates.units import (
    before_present,
    check_day,
    check_fine_year,
    check_year,
    day_unit,
    decade_unit,
    fail,
    make_date,
    make_span,
    month_unit,
    ordinal_century_unit,
    ordinal_millennium_unit,
    season_unit,
    year_unit,
    years_before_ce,
)

__all__ = ["NoPattern", "parse_english"]

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


class NoPattern(Exception):
    """The words are all known but do not form a date we read (dateutil may try)."""


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


def _deep_time(tokens: list[Token], position: int, text: str) -> tuple[str, int] | None:
    """EDTF and token count of "66 million years ago", "13.8 billion years ago", "66 Ma"; None if not one."""
    number = tokens[position]
    following = [t.value if t.kind == "word" else "" for t in tokens[position + 1: position + 4]]
    if following[:1] and following[0] in W.DEEP_SCALES:
        scale, used = W.DEEP_SCALES[following[0]], 1
        if following[1:3] == ["years", "ago"]:
            used = 3
        elif following[1:2] == ["ago"]:
            used = 2
        else:
            raise fail(f"write deep time as '{number.value} {following[0]} years ago' "
                       f"(or '{number.value} {'Ma' if scale == 1_000_000 else 'Ga'}')", text, number.column)
    elif following[:1] and following[0] in W.DEEP_SUFFIXES:
        scale, used = W.DEEP_SUFFIXES[following[0]], 1
    elif following[:2] == ["years", "ago"]:
        raise fail(f"'{number.value} years ago' depends on today's date; write a year{years_before_ce(number.value)}, "
                   "or deep time in millions or billions ('2.5 million years ago')", text, number.column, hint=False)
    elif following[:1] == ["bp"]:
        raise fail(before_present(number.value), text, number.column, hint=False)
    else:
        return None
    whole, _, fraction = number.value.replace(",", "").partition(".")
    digits = (whole + fraction).lstrip("0")
    magnitude = int(whole + fraction) * scale // 10 ** len(fraction)
    if not digits or magnitude < 10_000:
        raise fail(f"{number.value} {following[0]} years is not deep time; write the year", text, number.column)
    return f"Y-{magnitude}S{len(digits)}", used


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
            deep = _deep_time(tokens, position, text) if after in _DEEP_NEXT else None
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


def _decade(partial: _Partial, token: Token, text: str) -> None:
    value = token.value.replace(",", "")
    if "." in value:
        raise NoPattern
    number = int(value)
    if len(value) >= 3 and number % 100 == 0:
        century = number // 100
        raise fail(f"'the {value}s' is ambiguous: it can mean the century {number}–{number + 99} or the decade "
                   f"{number}–{number + 9}; write {century:02d}XX for the years {number}–{number + 99}, "
                   f"'the {ordinal(century + 1)} century' for {number + 1}–{number + 100}, or "
                   f"{number // 10:03d}X for the decade", text, token.column, hint=False)
    if len(value) >= 3 and number % 10 == 0:
        check_fine_year(number, text, token.column, "a decade")
        partial.decade = number
    elif len(value) == 2 and number % 10 == 0:
        partial.short_decade = number
    else:
        raise fail(f"{value}s is not a decade (write it like 1940s)", text, token.column)


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


def _coarse_unit(partial: _Partial, text: str):
    """The unit of a century, millennium, deep-time or decade phrase, or None."""
    if partial.deep is not None:
        if partial.year is not None or partial.month or partial.day or partial.era == "ce":
            raise NoPattern
        return long_year_unit(partial.deep, partial.deep, text)
    if partial.ordinal is not None:
        number, size = partial.ordinal
        if partial.year is not None or partial.month or partial.season or partial.day or number < 1:
            raise NoPattern
        bce, julian = partial.era == "bce", partial.calendar == "julian"
        return (ordinal_century_unit(number, bce, julian) if size == 100
                else ordinal_millennium_unit(number, bce, julian))
    if partial.decade is not None:
        if partial.era == "bce":
            raise fail("decades BCE are not read (they count down); write the years, e.g. 349–340 BCE", text,
                       partial.column)
        return decade_unit(partial.decade, partial.calendar == "julian")
    return None


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


def _split_range(tokens: list[Token], text: str) -> tuple[list[Token], list[Token] | None]:
    """Split "A–B", "A to B", "from A to B", "between A and B", "winter 1953/54" into the two sides."""
    between = bool(tokens) and tokens[0].kind == "word" and tokens[0].value == "between"
    if tokens and tokens[0].kind == "word" and tokens[0].value in ("from", "between"):
        tokens = tokens[1:]
    cuts = []
    season_seen = False
    for index, token in enumerate(tokens):
        season_seen = season_seen or token.value in W.SEASONS
        if token.kind == "dash":
            before = tokens[index - 1] if index > 0 else None
            after = tokens[index + 1] if index + 1 < len(tokens) else None
            if before is not None and before.kind == "word" and before.value in W.PART_WORDS:
                continue
            if after is not None and after.value in W.CENTURY_WORDS:
                continue
            cuts.append(index)
        elif token.kind == "mark" and token.value == "/" and season_seen:
            cuts.append(index)
        elif token.kind == "word" and (token.value in W.RANGE_WORDS or between and token.value == "and"):
            cuts.append(index)
        elif token.kind == "word" and token.value == "and":
            raise fail("'and' joins two dates, but a date holds one date or one range: write a range "
                       "(e.g. 'the 1930s–1940s' or 193X/194X), or give each date its own claim", text,
                       token.column, hint=False)
    if between and not cuts:
        raise fail("'between' needs 'and' (between 1946 and 1953)", text)
    if not cuts:
        return tokens, None
    if len(cuts) > 1:
        raise fail("more than one range separator", text, tokens[cuts[1]].column)
    cut = cuts[0]
    if cut == 0 or cut == len(tokens) - 1:
        raise fail("a range needs a date on both sides of the separator", text, tokens[cut].column)
    return tokens[:cut], tokens[cut + 1:]


def _complete_left(left: _Partial, right: _Partial, text: str) -> None:
    """Give the left side what the right side says for both ("5–9 March 1953", "300–200 BC")."""
    if left.era is None and right.era == "bce" and left.year is not None and left.year > 0:
        left.year, left.era = 1 - left.year, "bce"
    if left.era is None and right.era == "bce" and left.ordinal is not None:
        left.era = "bce"
    if left.calendar is None:
        left.calendar = right.calendar
    if left.year is None and left.decade is None and left.ordinal is None and left.deep is None:
        if left.small is not None and right.month is not None:
            left.day, left.small = left.small, None
        if left.day is not None and left.month is None:
            if right.month is None:
                raise fail("a day needs a month", text, left.column)
            left.month = right.month
        if left.day is not None or left.month is not None or left.season is not None:
            left.year = right.year


def _parse_range(left: _Partial, right: _Partial, text: str, calendar: str) -> HistoricalDate | Span:
    """Complete the left side of a range from the right ("5–9 March 1953", "1953–57")."""
    if right.small is not None and right.month is None and right.season is None:
        if left.month is not None and left.year is None and right.year is not None:
            right.day, right.month, right.small = right.small, left.month, None   # "April 14–15, 1912"
        elif left.year is not None:
            if right.small_digits == 1:
                raise fail(f"{text.strip()!r} is neither EDTF (a month has two digits: {left.year}-0{right.small}) "
                           "nor a range (a range needs its end year in full)", text, right.column, hint=False)
            year = left.year // 100 * 100 + right.small
            if left.season == 24 and year == left.year + 1 and left.day is None and left.month is None:
                return _build_side(left, text, calendar)    # "winter 1953–54" is one season
            if year <= left.year:
                raise fail(f"range ends before it starts ({left.year} to {year}); write the end year in full",
                           text, right.column)
            right.year, right.small = year, None
    if left.decade is not None and right.short_decade is not None:
        right.decade, right.short_decade = left.decade // 100 * 100 + right.short_decade, None
    end = _build_side(right, text, calendar)
    _complete_left(left, right, text)
    start = _build_side(left, text, calendar)
    return make_span(start, end, text)


def parse_english(source: str, offset: int, text: str, calendar: str = "gregorian") -> HistoricalDate | Span:
    """Read an English phrase; NoPattern when its words are known but form no date we read."""
    tokens = tokenize(text, offset, offset + len(source))
    if not tokens:
        raise NoPattern
    left_tokens, right_tokens = _split_range(tokens, text)
    left = _read_side(left_tokens, text)
    if right_tokens is None:
        return _build_side(left, text, calendar)
    result = _parse_range(left, _read_side(right_tokens, text), text, calendar)
    if isinstance(result, Span):
        # Each end keeps the words it came from ("5", "9 March 1953").
        sides = (text[t[0].column - 1: t[-1].stop] for t in (left_tokens, right_tokens))
        start, end = (attrs.evolve(e, text=w) for e, w in zip((result.start, result.end), sides))
        result = attrs.evolve(result, start=start, end=end)
    return result
