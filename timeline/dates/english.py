"""English date phrases: a small token grammar, one module a part of it.

"5 March 1953", "March 5, 1953", "the 1940s", "early 1953", "by summer 1953",
"c. 1930", "44 BC", "AD 79", "the 19th century", "the 2nd century BCE",
"66 million years ago", "5 March 1953, 21:50", "25 October 1917 (O.S.)",
and ranges of them ("5–9 March 1953", "April 14–15, 1912", "winter 1953/54",
"between 1946 and 1953").  Every field must be given by a word: a missing
year is refused, never filled in, and every refusal says why.

A phrase is tokenized (tokens.py), split at its range word if it has one
(here: "A–B", "from A to B", "between A and B"), and each side is read
into fields and built into a date by english_side.py (the day, month,
season and year forms), which leaves decades, centuries and millennia to
english_coarse.py and deep time to english_deep.py.  A range's left side
then takes what the right says for both ("5–9 March 1953").
"""

from __future__ import annotations

from typing import Any

import attrs

from timeline.dates import words as W
from timeline.dates.english_coarse import _coarse_unit, _decade  # noqa: F401 - importable here as before the split
from timeline.dates.english_side import (  # noqa: F401 - the names not used here are importable as before the split
    _DEEP_NEXT,
    _LEADING_PHRASES,
    _SIDE_PHRASE_STARTS,
    _assign_numbers,
    _build_side,
    _Partial,
    _read_bounds,
    _read_side,
)
from timeline.dates.tokens import NoPattern, Token, tokenize
from timeline.dates.types import HistoricalDate, Span
from timeline.dates.units import fail, make_span

__all__ = ["NoPattern", "parse_english"]


def __getattr__(name: str) -> Any:
    """``_deep_time``, importable from here as before the split, imported on first use (PEP 562)
    so that deep time's grammar stays unloaded until a text names deep time."""
    if name == "_deep_time":
        from timeline.dates.english_deep import _deep_time

        return _deep_time
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
